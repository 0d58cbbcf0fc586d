import {
  LOW_MAIL_QUOTA,
  diagnose,
  reportRows,
  type JournalFacts,
  type LiveFacts,
} from '../../../src/core/intake/diagnosis';

const NOW = Date.UTC(2026, 11, 7, 9);
const DAY = 86_400_000;
const SS = 'ss-1';
const ME = 'leder@example.no';

const application = (over: Partial<JournalFacts> = {}): JournalFacts => ({
  label: { nb: 'søknadsskjemaet', en: 'application form' },
  menu: { nb: 'Tilskudd › Søknader og vurdering › Opprett søknadsskjema', en: 'Tilskudd › …' },
  optional: null,
  retiringUntil: null,
  formId: 'form-1',
  journalFormId: 'form-1',
  form: { legacy: false, published: true, accepting: true, editable: false, destinationId: SS },
  responseSheet: { name: 'Skjemasvar 1', linked: true },
  ...over,
});

/** A healthy installation: one form, the user's two triggers, the lock free, mail left. */
const facts = (over: Partial<LiveFacts> = {}): LiveFacts => ({
  now: NOW,
  spreadsheetId: SS,
  journals: [application()],
  triggers: { user: ME, owner: ME, mine: { submit: 1, hourly: 1, old: 0 }, oldOwners: [] },
  lock: { document: true, acquired: true },
  mail: { remaining: 100 },
  stuck: [],
  version: { version: '1.2.3', built: '2026-12-01' },
  highlights: {
    marksSheet: 'hidden',
    marksProtected: true,
    sheets: [{ name: 'Budsjett', rules: 3, reach: 1000, lastRow: 6 }],
  },
  wholeRead: { sheet: 'Medlemmer', path: 'minus-one', agrees: true, detail: '4 × 5' },
  ...over,
});

/** check → [verdict, found] for the findings of `f`. */
const verdicts = (f: LiveFacts) => diagnose(f).map((x) => [x.check.nb, x.verdict, x.found.nb] as const);
const one = (f: LiveFacts, check: string) => {
  const hits = diagnose(f).filter((x) => x.check.nb === check);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};

describe('diagnose', () => {
  test('a healthy installation: every check OK, each with a line in both languages', () => {
    const all = diagnose(facts());
    expect(all.map((f) => f.check.nb)).toEqual([
      'Søknadsskjemaet: publisering',
      'Søknadsskjemaet: kobling til arket',
      'Utløsere',
      'Dokumentlås',
      'E-postkvote',
      'Inntak',
      'Versjon',
      'Farger for avvik',
      'Lesing av hele ark',
    ]);
    for (const f of all) {
      expect(f.verdict).toBe('ok');
      for (const text of [f.found.nb, f.found.en, f.todo.nb, f.todo.en]) expect(text).not.toBe('');
    }
  });

  test('forms: not made, unreadable, unpublished, closed, legacy, editable', () => {
    const publishing = (j: Partial<JournalFacts>) =>
      one(facts({ journals: [application(j)] }), 'Søknadsskjemaet: publisering');
    expect(publishing({ formId: null, form: null }).verdict).toBe('warning');
    expect(
      publishing({
        formId: null,
        form: null,
        optional: { nb: 'når prosjektene skal rapportere', en: 'when projects are to report' },
      }).verdict,
    ).toBe('ok');
    const unreadable = publishing({ form: { unreadable: 'Exception: No item with the given ID' } });
    expect([unreadable.verdict, unreadable.found.nb]).toEqual([
      'warning',
      expect.stringMatching(/kan ikke åpnes av deg.*Google: Exception: No item/) as string,
    ]);
    const state = { legacy: false, published: true, accepting: true, editable: false, destinationId: SS };
    expect(publishing({ form: { ...state, published: false, accepting: false } }).verdict).toBe('problem');
    expect(publishing({ form: { ...state, accepting: false } }).verdict).toBe('problem');
    expect(publishing({ form: { ...state, editable: true } }).verdict).toBe('warning');
    const legacy = { ...state, legacy: true, published: null };
    expect(publishing({ form: legacy }).verdict).toBe('ok');
    expect(publishing({ form: { ...legacy, accepting: false } }).todo.nb).toMatch(/Godtar svar/);
  });

  test('a form made again stays open until its day, then should close', () => {
    const old = (accepting: boolean, until: number) =>
      one(
        facts({
          journals: [
            application(),
            application({
              retiringUntil: until,
              formId: 'form-0',
              journalFormId: 'form-0',
              form: { legacy: false, published: accepting, accepting, editable: false, destinationId: SS },
            }),
          ],
        }),
        'Det gamle søknadsskjemaet: publisering',
      );
    expect([old(true, NOW + DAY).verdict, old(true, NOW + DAY).found.nb]).toEqual([
      'ok',
      'Tar imot svar til 2026-12-08; så stenger timeutløseren det.',
    ]);
    expect(old(false, NOW + DAY).verdict).toBe('warning');
    expect(old(true, NOW - DAY).verdict).toBe('warning');
    expect(old(false, NOW - DAY).verdict).toBe('ok');
  });

  test('journal links: no destination, another spreadsheet, no sheet, a sheet no longer the form’s, another kept id', () => {
    const link = (j: Partial<JournalFacts>) =>
      one(facts({ journals: [application(j)] }), 'Søknadsskjemaet: kobling til arket');
    const state = { legacy: false, published: true, accepting: true, editable: false };
    expect(link({ form: { ...state, destinationId: null } }).verdict).toBe('problem');
    expect(link({ form: { ...state, destinationId: 'other' } }).found.nb).toMatch(
      /et annet regneark \(id other\)/,
    );
    expect(link({ responseSheet: null }).verdict).toBe('problem');
    expect(link({ responseSheet: { name: 'Skjemasvar 1', linked: false } }).todo.nb).toMatch(
      /Registrer manglende svar/,
    );
    expect(link({ journalFormId: 'form-0' }).verdict).toBe('warning');
    expect(link({ responseSheet: { name: 'Skjemasvar 1', linked: null } }).verdict).toBe('ok');
  });

  test('triggers: none while a form exists, mine missing or doubled, another member’s, earlier versions’', () => {
    const triggers = (t: Partial<LiveFacts['triggers']>, journals = [application()]) =>
      diagnose(facts({ journals, triggers: { ...facts().triggers, ...t } })).filter(
        (f) => f.check.nb === 'Utløsere',
      );
    const none = { owner: '', mine: { submit: 0, hourly: 0, old: 0 } };
    expect(triggers(none).map((f) => f.verdict)).toEqual(['problem']);
    expect(triggers(none, [application({ formId: null, form: null })]).map((f) => f.verdict)).toEqual(['ok']);
    expect(triggers({ mine: { submit: 1, hourly: 0, old: 0 } })[0]!.found.nb).toMatch(
      /timeutløseren finnes ikke/,
    );
    expect(triggers({ mine: { submit: 1, hourly: 1, old: 2 } })[0]!.verdict).toBe('warning');
    const other = { owner: 'sekretar@example.no', mine: { submit: 0, hourly: 0, old: 0 } };
    expect(triggers(other)[0]!.found.nb).toMatch(/eies av sekretar@example.no/);
    expect(triggers({ ...other, mine: { submit: 1, hourly: 1, old: 0 } })[0]!.verdict).toBe('warning');
    expect(triggers({ oldOwners: ['gammel@example.no'] }).map((f) => f.verdict)).toEqual(['ok', 'warning']);
  });

  test('the lock, the mail quota, stuck intake, the version and the whole-sheet read', () => {
    expect(one(facts({ lock: { document: false, acquired: true } }), 'Dokumentlås').verdict).toBe('warning');
    expect(one(facts({ lock: { document: true, acquired: false } }), 'Dokumentlås').verdict).toBe('warning');
    expect(one(facts({ mail: { remaining: 0 } }), 'E-postkvote').verdict).toBe('problem');
    expect(one(facts({ mail: { remaining: LOW_MAIL_QUOTA - 1 } }), 'E-postkvote').verdict).toBe('warning');
    expect(one(facts({ mail: { error: 'Exception: no scope' } }), 'E-postkvote').verdict).toBe('warning');
    const stuck = {
      journal: { nb: 'statusskjemaet', en: 'status form' },
      since: new Date(NOW - 2 * DAY),
      reason: { nb: 'Arket mangler «Svar-ID».', en: 'No "Svar-ID".' },
    };
    expect(verdicts(facts({ stuck: [stuck] })).filter(([c]) => c === 'Inntak')).toEqual([
      [
        'Inntak',
        'problem',
        'Svar fra statusskjemaet er ikke registrert siden 2026-12-05: Arket mangler «Svar-ID».',
      ],
    ]);
    expect(one(facts({ version: { version: 'dev', built: '' } }), 'Versjon').verdict).toBe('warning');
    const fallback = {
      sheet: 'Medlemmer',
      path: 'fallback' as const,
      agrees: false,
      detail: 'Exception: bad',
    };
    expect(one(facts({ wholeRead: fallback }), 'Lesing av hele ark').found.nb).toMatch(
      /avviste getSheetValues\(1, 1, -1, -1\).*getDataRange/,
    );
    const short = { sheet: 'Medlemmer', path: 'minus-one' as const, agrees: false, detail: '3 × 5 ≠ 4 × 5' };
    expect(one(facts({ wholeRead: short }), 'Lesing av hele ark').verdict).toBe('problem');
  });

  test('the colours: a deleted rule, rules short of the data and a missing marks sheet are warnings with what to do', () => {
    const colours = (h: LiveFacts['highlights']) => one(facts({ highlights: h }), 'Farger for avvik');
    expect(colours(facts().highlights).verdict).toBe('ok');
    const deleted = colours({
      marksSheet: 'hidden',
      marksProtected: true,
      sheets: [{ name: 'Budsjett', rules: 2, reach: 1000, lastRow: 6 }],
    });
    expect([deleted.verdict, deleted.found.nb, deleted.todo.nb]).toEqual([
      'warning',
      expect.stringMatching(/^«Budsjett» har 2 av 3 fargeregler/),
      expect.stringMatching(/Sett opp arbeidsboka/),
    ]);
    const short = colours({
      marksSheet: 'hidden',
      marksProtected: true,
      sheets: [{ name: 'Søknader', rules: 3, reach: 1000, lastRow: 1200 }],
    });
    expect(short.found.en).toMatch(/reach row 1000, the sheet has data to row 1200/);
    expect(colours({ marksSheet: 'hidden', marksProtected: false, sheets: [] }).found.nb).toMatch(
      /^Arket «Avviksfarger» er ikke beskyttet/,
    );
    expect(colours({ marksSheet: 'missing', marksProtected: false, sheets: [] }).found.nb).toMatch(
      /^Arket «Avviksfarger» finnes ikke/,
    );
    expect(colours({ marksSheet: 'visible', marksProtected: true, sheets: [] }).found.nb).toMatch(
      /^Arket «Avviksfarger» er ikke skjult/,
    );
  });
});

describe('reportRows', () => {
  test('a dated title with the counts, a header, a row per finding and what is not checked; four wide', () => {
    const f = facts({ mail: { remaining: 0 }, lock: { document: false, acquired: true } });
    const rows = reportRows(diagnose(f), { when: '07.12.2026 10:00', user: ME, version: '1.2.3' }, 'nb');
    expect(rows[0]).toEqual([
      'Diagnose 07.12.2026 10:00',
      `Kjørt av ${ME}`,
      'Tilskudd 1.2.3',
      '1 problem, 1 advarsel, 7 OK',
    ]);
    expect(rows[1]).toEqual(['Kontroll', 'Status', 'Funn', 'Hva du gjør']);
    expect(rows.slice(2, -1).map((r) => r[1])).toContain('Problem');
    expect(rows.at(-1)![0]).toBe('Ikke kontrollert');
    expect(rows.at(-1)![2]).toMatch(/Hvem som får svare/);
    for (const row of rows) expect(row).toHaveLength(4);
    const en = reportRows(diagnose(facts()), { when: 'x', user: ME, version: '1' }, 'en');
    expect(en[0]![3]).toBe('0 problems, 0 warnings, 9 OK');
    expect(en[1]).toEqual(['Check', 'Status', 'Found', 'What to do']);
  });
});
