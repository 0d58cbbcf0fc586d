import { ENDPOINTS, PAGES } from '../../src/seam/api';
import { aboutRange, type Address } from '../../src/core/portfolio/address';
import type { AssessmentView, FindingsView, Result, SupplementDone } from '../../src/seam/api';
import { assertPlain as expectPlain } from '../ui/shim';
import { menuFunctions } from './fakes/ui';
import { LEADER, SECRETARY, deskWith } from './desk-helpers';

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  expectPlain(r);
  return r.value;
};

const answers = (caseId: string, scores: number[], ground = 'none') => ({
  caseId,
  ground,
  selection: ['priority', 'innovation', 'benefit'].map((id) => ({ id, answer: 'yes', comment: '' })),
  scores: [
    'Størst potensial til å møte fremtidens tjenestebehov',
    'Løser spesifikke samhandlingsutfordringer',
    'Gjennomførbart med egenfinansiert personell eller ekstern finansiering',
    'Balansert total portefølje',
  ].map((label, i) => ({ label, score: scores[i], comment: i === 0 ? '=HYPERLINK("x")' : '' })),
});

/** Each page as a member allowed to open it (the set-up wizard is the leader's). */
describe('sidebar pages', () => {
  // The chair may open every page (Registrer vedtak is for Leder and Sekretær only).
  it.each(Object.entries(PAGES))('%s opens the built HTML file from the menu', (page, { opener, kind }) => {
    const sb = deskWith(undefined, { activeUser: LEADER });
    sb.call(opener);
    const shown = sb.ui.html.at(-1)!;
    expect(shown.kind).toBe(kind === 'dialog' ? 'modal' : 'sidebar');
    expect(shown.content).toMatch(/^<!DOCTYPE html>/);
    expect(shown.content).not.toContain('<?');
    expect(shown.content).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(shown.content.match(/<script/g)).toHaveLength(1);
    expect(sb.calls.count('HtmlService.createHtmlOutputFromFile')).toBe(1);
    expect(page).toMatch(/^[A-Z]/);
  });

  it.each(Object.keys(PAGES))(
    '%s has a <title>, the same string as the title the server shows it with',
    (page) => {
      const sb = deskWith(undefined, { activeUser: LEADER });
      sb.call(PAGES[page as keyof typeof PAGES].opener);
      const shown = sb.ui.html.at(-1)!;
      const title = /<title>([^<]*)<\/title>/.exec(shown.content)?.[1];
      expect(title).toBe(shown.title);
      if (shown.kind !== 'sidebar') expect(shown.dialogTitle).toBe(title);
      expect(title).toBe(PAGES[page as keyof typeof PAGES].title.nb);
    },
  );

  it('refuses someone not in Medlemmer before showing anything', () => {
    const sb = deskWith(undefined, { activeUser: 'ukjent@example.no' });
    sb.ui.answerAlert();
    sb.call('openAssessment');
    expect(sb.ui.html).toHaveLength(0);
    expect(sb.ui.alerts[0]!.prompt).toMatch(/står ikke i arket «Medlemmer»/);
  });

  it('lets a reader open the sidebars, but not the supplementary dialog', () => {
    const sb = deskWith(undefined, { activeUser: 'leser@example.no' });
    sb.call('openDashboard');
    expect(sb.ui.html).toHaveLength(1);
    sb.ui.answerAlert();
    sb.call('openSupplementDialog');
    expect(sb.ui.html).toHaveLength(1);
    expect(sb.ui.alerts[0]!.prompt).toMatch(/som ikke gir lov til å registrere penger/);
  });

  it('has the menu open the sidebars and the supplementary dialog', () => {
    const sb = deskWith();
    sb.call('onOpen');
    const fns = menuFunctions(sb.ui.menus[0]!.entries);
    for (const { opener } of Object.values(PAGES)) expect(fns).toContain(opener);
  });
});

describe('endpoints', () => {
  it('are each a top-level function of the bundle; their helpers are not', () => {
    const sb = deskWith();
    for (const name of ENDPOINTS) expect(typeof sb.context[name as keyof typeof sb.context]).toBe('function');
    for (const name of ['endpoint', 'openPage', 'saveAssessment', 'server', 'selectTarget']) {
      expect(() => sb.call(name)).toThrow(/Script function not found/);
    }
  });

  it.each([
    ['someone not in Medlemmer', 'ukjent@example.no', /står ikke i arket/],
    ['an unknown user', '', /kan ikke lese e-postadressen/],
  ])('check the role for %s, also when only reading, and write nothing', (_who, email, message) => {
    const sb = deskWith(undefined, { activeUser: email });
    for (const name of ENDPOINTS) {
      const r = sb.call<Result<unknown>>(name, name === 'assessmentLoad' ? '' : {});
      expect(r).toEqual({ ok: false, error: expect.stringMatching(message) });
    }
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('let a reader read and refuse every change, writing nothing', () => {
    const sb = deskWith(undefined, { activeUser: 'leser@example.no' });
    const reading = [
      'assessmentLoad',
      'dashboardLoad',
      'findingsLoad',
      'findingsSelect',
      'findingsSelection',
      'followUpLoad',
      'followUpSelect',
      'planLoad',
    ];
    for (const name of ENDPOINTS) {
      const r = sb.call<Result<unknown>>(name, name === 'assessmentLoad' ? '' : {});
      if (reading.includes(name)) expect(r).not.toMatchObject({ error: expect.stringMatching(/gir lov/) });
      else expect(r).toEqual({ ok: false, error: expect.stringMatching(/som ikke gir lov til/) });
    }
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it.each([
    ['assessmentSave', null],
    ['assessmentSave', { caseId: '2025-05-001', ground: 'maybe' }],
    ['assessmentSave', { caseId: 5, ground: 'none' }],
    ['assessmentOverride', { caseId: '2025-05-001', rank: '1', reason: 'x' }],
    ['supplementRegister', { caseId: '2025-05-001', amount: 5000, reason: 'x' }],
    ['findingsSelect', { sheet: 'Søknader', a1: '=IMPORTXML()' }],
    ['findingsSelect', { sheet: 'Finnes ikke', a1: 'A1' }],
    ['findingsSelect', 'Søknader!A1'],
  ])('%s re-validates its arguments (%j) and writes nothing', (name, arg) => {
    const sb = deskWith();
    const r = sb.call<Result<unknown>>(name, arg);
    expect(r.ok).toBe(false);
    expect(sb.calls.count('Range.setValues')).toBe(0);
    expect(sb.calls.count('Range.activate')).toBe(0);
  });
});

describe('assessment', () => {
  it('shows the case of the selected row with its summary and open findings', () => {
    const sb = deskWith();
    sb.spreadsheet.sheet('Søknader').getRange('C3').activate();
    const v = ok(sb.call<Result<AssessmentView>>('assessmentLoad', ''));
    expect(v.caseId).toBe('2025-05-002');
    expect(v.summary).toMatchObject({
      parties: 'Kommunene i Østre Agder, SSHF',
      amount: '1\u00a0500\u00a0000\u00a0kr',
    });
    expect(v.summary!.period).toMatch(/2025.*2026/);
    expect(v.summary!.findings.map((f) => f.severity)).toContain('error');
    expect(v.criteria.map((c) => c.weight)).toEqual([3, 3, 2, 1]);
    expect(v.grounds.map((g) => g.id)).toEqual(['none', 'party', 'family', 'leading', 'special']);
  });

  it('saves an impartial assessment as rows in Vurderinger (one write), logs it, and scores the case', () => {
    const sb = deskWith();
    const v = ok(sb.call<Result<AssessmentView>>('assessmentSave', answers('2025-05-001', [5, 4, 3, 2])));
    const rows = sb.spreadsheet.sheetData('Vurderinger').values;
    expect(rows[0]).toEqual([
      'Saksnr',
      'Vurderer',
      'Kriterium',
      'Poeng',
      'Kommentar',
      'Habilitet',
      'Tid',
      'Kontroll',
    ]);
    expect(rows.slice(1).map((r) => r.slice(2, 4))).toEqual([
      ['Habilitet', ''],
      ['Innenfor prioriterte områder, med tydelig behov og godt beskrevet kunnskapsgrunnlag', 'Ja'],
      ['Bidrar til tjenesteinnovasjon og bærekraft', 'Ja'],
      ['Tydelig beskrevet potensial for gevinstrealisering', 'Ja'],
      ['Størst potensial til å møte fremtidens tjenestebehov', 5],
      ['Løser spesifikke samhandlingsutfordringer', 4],
      ['Gjennomførbart med egenfinansiert personell eller ekstern finansiering', 3],
      ['Balansert total portefølje', 2],
    ]);
    expect(rows[1]![1]).toBe(SECRETARY);
    expect(rows[1]![5]).toBe('Habil');
    // User text never becomes a formula.
    expect(
      sb.spreadsheet
        .sheetData('Vurderinger')
        .formulas.flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    // (5·3 + 4·3 + 3·2 + 2·1) / 9 = 35/9
    expect(v.result!.weightedScore).toBe(3.89);
    expect(v.result!.selectionHolds).toBe(true);
    expect(v.ranking.map((r) => r.caseId)).toEqual(['2025-05-001']);
    expect(v.mine.scores['Balansert total portefølje']).toEqual({ score: 2, comment: '' });
    expect(sb.spreadsheet.sheetData('Logg').values.at(-1)).toEqual(
      expect.arrayContaining(['Vurdering', '2025-05-001']),
    );
  });

  it("reads the assessor's own yes/no answers as the score does: J is yes", () => {
    const sb = deskWith();
    ok(sb.call<Result<AssessmentView>>('assessmentSave', answers('2025-05-001', [5, 4, 3, 2])));
    const sheet = sb.spreadsheet.sheet('Vurderinger');
    // The assessor corrects the sheet by hand: a short J, and a word that is neither yes nor no.
    sheet.getRange(3, 4).setValue('J');
    sheet.getRange(4, 4).setValue('kanskje');
    const v = ok(sb.call<Result<AssessmentView>>('assessmentLoad', '2025-05-001'));
    expect(v.mine.selection['priority']).toEqual({ answer: 'yes', comment: '' });
    expect(v.mine.selection['innovation']).toEqual({ answer: '', comment: '' });
    expect(v.mine.selection['benefit']).toEqual({ answer: 'yes', comment: '' });
  });

  it('records a disqualified declaration alone, and later scores from that assessor are an error', () => {
    const sb = deskWith();
    ok(sb.call<Result<AssessmentView>>('assessmentSave', answers('2025-05-001', [5, 5, 5, 5])));
    const v = ok(
      sb.call<Result<AssessmentView>>('assessmentSave', answers('2025-05-001', [1, 1, 1, 1], 'party')),
    );
    const rows = sb.spreadsheet.sheetData('Vurderinger').values;
    expect(rows.at(-1)!.slice(2, 6)).toEqual(['Habilitet', '', '', 'Inhabil: part']);
    expect(rows).toHaveLength(1 + 8 + 1);
    // The disqualified assessor sees no result of the case (tests/gas/roles.test.ts has the details).
    expect(v.result).toBeNull();
    const findings = ok(sb.call<Result<FindingsView>>('findingsLoad'));
    const f = findings.findings.find((x) => x.rule === 'assessor-disqualified')!;
    expect(f).toMatchObject({
      severity: 'error',
      ref: '2025-05-001',
      target: { sheet: 'Vurderinger', a1: '3:3' },
    });
    expect(f.message).toMatch(/inhabil/);
  });

  it('refuses an incomplete assessment with the reason and writes nothing', () => {
    const sb = deskWith();
    const input = answers('2025-05-001', [5, 4, 3, 9]);
    expect(sb.call('assessmentSave', input)).toEqual({
      ok: false,
      error: expect.stringMatching(/fra 1 til 5/),
    });
    expect(sb.spreadsheet.getSheetByName('Vurderinger')).toBeNull();
  });

  it("records the board's override with its reason and moves the case", () => {
    const sb = deskWith(undefined, { activeUser: LEADER });
    ok(sb.call<Result<AssessmentView>>('assessmentSave', answers('2025-05-001', [5, 5, 5, 5])));
    ok(sb.call<Result<AssessmentView>>('assessmentSave', answers('2025-05-002', [2, 2, 2, 2])));
    expect(sb.call('assessmentOverride', { caseId: '2025-05-002', rank: 1, reason: '' })).toMatchObject({
      ok: false,
    });
    const v = ok(
      sb.call<Result<AssessmentView>>('assessmentOverride', {
        caseId: '2025-05-002',
        rank: 1,
        reason: 'Haster',
      }),
    );
    expect(v.ranking.map((r) => [r.caseId, r.finalRank, r.boardReason])).toEqual([
      ['2025-05-002', 1, 'Haster'],
      ['2025-05-001', 2, ''],
    ]);
  });
});

describe('findings', () => {
  it('lists every finding with a target cell or row, and selecting one activates it', () => {
    const sb = deskWith();
    const v = ok(sb.call<Result<FindingsView>>('findingsLoad'));
    expect(v.findings).toHaveLength(16); // on the fixed day, 19 November 2025, the plan's repeated goal among them
    expect(v.findings[0]).toMatchObject({
      rule: 'budget-incomplete',
      target: { sheet: 'Budsjett', a1: 'C4' },
    });
    expect(sb.spreadsheet.getSheetByName('Avvik')).toBeNull(); // loading writes nothing
    ok(sb.call<Result<null>>('findingsSelect', v.findings[0]!.target));
    expect(sb.fakes.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('C4');
    expect(sb.fakes.SpreadsheetApp.getActiveSheet().getName()).toBe('Budsjett');
  });

  it('Avvik i valgt celle: the selection read without a write, and the findings about any of its cells', () => {
    const sb = deskWith();
    const v = ok(sb.call<Result<FindingsView>>('findingsLoad'));
    const selected = (sheet: string, a1: string) => {
      sb.spreadsheet.sheet(sheet).getRange(a1).activate();
      sb.calls.reset();
      const at = ok(sb.call<Result<Address | null>>('findingsSelection'));
      expect(sb.calls.count('Range.activate') + sb.calls.count('Range.setValues')).toBe(0);
      return at!;
    };
    const c4 = selected('Budsjett', 'C4');
    expect(c4).toEqual({ sheet: 'Budsjett', a1: 'C4' });
    expect(aboutRange(v.findings, c4).map((f) => [f.rule, f.message])).toEqual([
      ['budget-incomplete', expect.stringMatching(/Fase 2: Juridiske avklaringer/)],
    ]);
    // The three budget lines without amounts, selected together.
    expect(aboutRange(v.findings, selected('Budsjett', 'C4:C6')).map((f) => f.rule)).toEqual([
      'budget-incomplete',
      'budget-incomplete',
      'budget-incomplete',
    ]);
    // Overspending is about every payment: its last cell finds it too, not only its first (C3).
    expect(aboutRange(v.findings, selected('Utbetalinger', 'C5')).map((f) => f.rule)).toEqual(['overspent']);
    expect(aboutRange(v.findings, selected('Budsjett', 'B4'))).toEqual([]);
    // A sheet the check does not read: the sidebar says so.
    sb.spreadsheet.addSheet('Notater', [['Notat']]);
    expect(v.sheets).toEqual(expect.arrayContaining(['Søknader', 'Budsjett', 'Utbetalinger']));
    expect(v.sheets).not.toContain(selected('Notater', 'B2').sheet);
    expect(sb.spreadsheet.getSheetByName('Avvik')).toBeNull();
  });

  it('Kontroller på nytt writes Avvik and the log like the menu', () => {
    const sb = deskWith();
    const v = ok(sb.call<Result<FindingsView>>('findingsRecheck'));
    expect(v.findings).toHaveLength(16); // on the fixed day, 19 November 2025, the plan's repeated goal among them
    expect(sb.spreadsheet.sheetData('Avvik').values).toHaveLength(17);
    expect(sb.spreadsheet.sheetData('Logg').values.at(-1)).toEqual(
      expect.arrayContaining(['Kontroller portefølje']),
    );
  });
});

describe('supplementary allocation dialog', () => {
  it('lists granted projects with the authority left', () => {
    const sb = deskWith();
    const v = ok(sb.call<Result<{ projects: Array<{ caseId: string; left: number }> }>>('supplementLoad'));
    expect(v.projects.map((p) => [p.caseId, p.left])).toEqual([
      ['2025-05-001', 40_000],
      ['2025-05-002', 100_000],
      ['ADM-2025', 100_000],
    ]);
  });

  it('registers a Norwegian-written amount, not reported to SSU, in Tildelinger and Logg', () => {
    const sb = deskWith();
    const done = ok(
      sb.call<Result<SupplementDone>>('supplementRegister', {
        caseId: '2025-05-001',
        amount: 'kr 25.000,-',
        reason: 'Ekstra samling',
      }),
    );
    expect(done).toMatchObject({ amount: 25_000, left: 15_000 });
    expect(done.message).toMatch(/ikke rapportert til orienteringsorganet/);
    const rows = sb.spreadsheet.sheetData('Tildelinger').values;
    expect(rows.at(-1)).toEqual(expect.arrayContaining(['2025-05-001', 'Tilleggsbevilling', 25_000]));
    expect(sb.spreadsheet.sheetData('Logg').values.at(-1)).toEqual(
      expect.arrayContaining(['Tilleggsbevilling']),
    );
  });

  it.each([
    ['over the authority', '2025-05-001', '50 000', /over fullmakten/],
    ['without a grant', '2099-01-001', '1 000', /ingen ordinær tildeling/],
  ])('refuses an amount %s with the reason', (_what, caseId, amount, message) => {
    const sb = deskWith();
    const r = sb.call('supplementRegister', { caseId, amount, reason: 'Grunn' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });
});
