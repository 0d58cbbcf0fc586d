import fc from 'fast-check';
import { QUESTIONS, type Question } from '../../../src/core/intake/application-form';
import { APPLICATIONS } from '../../../src/core/workbook/contract';
import { mapSubmission, nextCaseId, roundFor } from '../../../src/core/intake/intake';
import { isBlankSubmission, responseKey, type NamedValues } from '../../../src/core/intake/journal';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings';

const TIMESTAMP = '02.05.2025 10:15:00';

const question = (key: Question['key']): Question => {
  const found = QUESTIONS.find((x) => x.key === key);
  if (!found) throw new Error(`no question for ${key}`);
  return found;
};

/** One answer per question key, as a typical applicant types them. */
const ANSWERS = {
  title: 'Agdermodellen – barn og unges helsetjenester',
  applicant: 'Faglig samarbeidsutvalg barn og unge',
  category: 'Innovasjon/prosjekt',
  type: 'Videreføring',
  region: 'Hele Agder',
  priorityAreas: 'Barn og unge, Integrert psykisk helse- og rustjeneste',
  municipalities: 'Arendal, Grimstad',
  hospital: 'Ja',
  agreement: 'Ja',
  contract: 'Nei',
  need: 'Tjenestene oppleves fragmenterte.',
  knowledgeBase: 'Nasjonale rapporter.',
  innovation: 'Nye samhandlingsforløp.',
  benefitPlan: 'Tre nye forløp, evaluert.',
  from: '2025-08',
  to: '2026-07',
  requested: '1060000',
  budget: 'Lønn: 800 000\nDrift: 260 000',
  ownMunicipality: '200 000',
  ownHospital: '100000',
  permanentCosts: 'Nei',
  email: 'postmottak@example.no',
} satisfies Partial<Record<Question['key'], string>>;

/** The cells the answers above become. */
const CELLS = {
  title: ANSWERS.title,
  applicant: ANSWERS.applicant,
  category: 'Innovasjon/prosjekt',
  type: 'Videreføring',
  region: 'Hele Agder',
  priorityAreas: 'Barn og unge; Integrert psykisk helse- og rustjeneste',
  municipalities: 'Arendal, Grimstad',
  hospital: 'Ja',
  agreement: 'Ja',
  contract: 'Nei',
  need: ANSWERS.need,
  knowledgeBase: ANSWERS.knowledgeBase,
  innovation: ANSWERS.innovation,
  benefitPlan: ANSWERS.benefitPlan,
  from: '2025-08',
  to: '2026-07',
  requested: 1_060_000,
  ownMunicipality: 200_000,
  ownHospital: 100_000,
  permanentCosts: 'Nei',
  email: 'postmottak@example.no',
};

const BUDGET = [
  { item: 'Lønn', amount: 800_000 },
  { item: 'Drift', amount: 260_000 },
];

/** Google's namedValues for the answers, titled in one locale; the timestamp comes first as in Sheets. */
function named(lang: 'nb' | 'en', answers: Partial<Record<string, string>> = ANSWERS): NamedValues {
  const out: NamedValues = { [lang === 'nb' ? 'Tidsmerke' : 'Timestamp']: [TIMESTAMP] };
  for (const q of QUESTIONS) {
    const answer = answers[q.key];
    if (answer !== undefined) out[q.title[lang]] = [answer];
  }
  return out;
}

const map = (values: NamedValues) => mapSubmission(values, DEFAULT_SETTINGS);
const cellOf = (title: string, answer: string | string[]) =>
  map({ [title]: Array.isArray(answer) ? answer : [answer] }).cells;

describe('isBlankSubmission', () => {
  it.each<[string, NamedValues | undefined]>([
    ['undefined', undefined],
    ['no answers at all', {}],
    ['only the timestamp', { Tidsmerke: [TIMESTAMP] }],
    ['only the English timestamp', { Timestamp: [TIMESTAMP] }],
    ['the timestamp with differently cased spacing', { '  TIDSMERKE ': [TIMESTAMP] }],
    ['all answers blank', { Tidsmerke: [TIMESTAMP], Prosjekttittel: [''], Behov: ['  '], Budsjett: [] }],
    ['undefined answers', { Prosjekttittel: undefined, 'Søkt beløp (kr)': [''] }],
  ])('is true for %s', (_, values) => {
    expect(isBlankSubmission(values)).toBe(true);
  });

  it.each<[string, NamedValues]>([
    ['one answer', { Tidsmerke: [TIMESTAMP], Prosjekttittel: ['', 'Agdermodellen'] }],
    ['one answer without a timestamp', { Behov: ['Stort behov'] }],
    ['an answer to an unknown question', { Tidsmerke: [TIMESTAMP], 'Nytt spørsmål': ['Svar'] }],
    ['a whole form', named('nb')],
  ])('is false for %s', (_, values) => {
    expect(isBlankSubmission(values)).toBe(false);
  });
});

describe('mapSubmission', () => {
  it.each(['nb', 'en'] as const)('maps a whole form by its %s question titles', (lang) => {
    expect(map(named(lang))).toEqual({ cells: CELLS, budget: BUDGET, unmatched: [] });
  });

  it('maps every question of the form to its own column', () => {
    const { cells } = map(named('nb'));
    for (const q of QUESTIONS) if (q.key !== 'budget') expect(cells).toHaveProperty(q.key);
  });

  it.each([
    ['Tittel', 'title'],
    ['Title', 'title'],
    ['Søker', 'applicant'],
    ['Prosjekteier', 'applicant'],
    ['Project owner', 'applicant'],
    ['Kontakt e-post', 'email'],
    ['E-post', 'email'],
    ['Email', 'email'],
    ['Søknadstype', 'type'],
    ['Kommuner', 'municipalities'],
    ['Kommune', 'municipalities'],
    ['SSHF', 'hospital'],
    ['Helseforetak', 'hospital'],
    ['Områder', 'priorityAreas'],
    ['Innovasjon', 'innovation'],
    ['Tjenesteinnovasjon', 'innovation'],
    ['Gevinster', 'benefitPlan'],
    ['Fra', 'from'],
    ['Start', 'from'],
    ['Til', 'to'],
    ['Slutt', 'to'],
    ['Varige driftsutgifter', 'permanentCosts'],
    ['Enighet', 'agreement'],
    ['Skriftlig avtale', 'contract'],
    ['  prosjekttittel  ', 'title'],
    ['KONTAKT\u00a0E-POST', 'email'],
  ])('maps the column header or alias %j to %s', (title, key) => {
    expect(cellOf(title, 'svar')).toEqual({ [key]: 'svar' });
  });

  it.each([
    ['Søkt beløp', 'requested'],
    ['Søknadsbeløp', 'requested'],
    ['Requested', 'requested'],
    ['Amount requested', 'requested'],
    ['Egenandel kommune', 'ownMunicipality'],
    ['Own contribution hospital', 'ownHospital'],
  ])('maps the money column %j to %s as a number', (title, key) => {
    expect(cellOf(title, '1 060 000')).toEqual({ [key]: 1_060_000 });
  });

  it.each([
    ['Tidsmerke', TIMESTAMP],
    ['Timestamp', TIMESTAMP],
  ])('takes nothing from the timestamp column %j', (title, answer) => {
    expect(map({ [title]: [answer] })).toEqual({ cells: {}, budget: [], unmatched: [] });
  });

  it.each([
    ['Mottatt', '2025-05-02'],
    ['Saksnr', '2025-05-999'],
    ['Case ID', '2025-05-999'],
    ['Status', 'Innvilget'],
    ['Innstilling', 'Innvilges'],
    ['Innstilt beløp', '9 000 000'],
    ['Recommended amount', '9 000 000'],
    ['Org.nr', '974 733 013'],
    ['Svar-ID', 'abc123'],
    ['Response ID', 'abc123'],
    ['Andre svar', 'x'],
  ])('never sets the product column %j from an answer, and keeps the answer aside', (title, answer) => {
    expect(map({ [title]: [answer] })).toEqual({ cells: {}, budget: [], unmatched: [{ title, answer }] });
  });

  it('leaves the protected columns unset in a whole form that answers them too', () => {
    const { cells } = map({ ...named('nb'), Saksnr: ['X'], Status: ['Innvilget'], 'Svar-ID': ['k'] });
    expect(cells).not.toHaveProperty('caseId');
    expect(cells).not.toHaveProperty('status');
    expect(cells).not.toHaveProperty('responseKey');
    expect(cells).not.toHaveProperty('received');
  });

  describe('amounts', () => {
    const requested = question('requested').title.nb;

    it.each([
      ['1060000', 1_060_000],
      ['1 060 000', 1_060_000],
      ['kr 1 060 000,-', 1_060_000],
      ['1.060.000', 1_060_000],
      ['0', 0],
    ])('reads %j as %d', (answer, amount) => {
      expect(cellOf(requested, answer)).toEqual({ requested: amount });
    });

    it.each(['ca. en million', '[Beløp]', '1 0600 000'])(
      'keeps %j as typed, for the rules to flag',
      (answer) => {
        expect(cellOf(requested, answer)).toEqual({ requested: answer });
      },
    );

    it('keeps a blank amount blank', () => {
      expect(cellOf(question('ownHospital').title.nb, '')).toEqual({ ownHospital: '' });
    });
  });

  describe('priority areas', () => {
    const areas = question('priorityAreas').title.nb;

    it.each<[string, string | string[], string]>([
      ['one area', 'Barn og unge', 'Barn og unge'],
      ['areas joined by Google', 'Barn og unge, Rehabilitering', 'Barn og unge; Rehabilitering'],
      [
        'an area with a comma first',
        'Svangerskap, fødsel og barsel, Barn og unge',
        'Svangerskap, fødsel og barsel; Barn og unge',
      ],
      [
        'an area with a comma in the middle',
        'Barn og unge, Svangerskap, fødsel og barsel, Rehabilitering',
        'Barn og unge; Svangerskap, fødsel og barsel; Rehabilitering',
      ],
      ['an area with a comma alone', 'Svangerskap, fødsel og barsel', 'Svangerskap, fødsel og barsel'],
      [
        'areas as separate values',
        ['Svangerskap, fødsel og barsel', 'Skrøpelige eldre'],
        'Svangerskap, fødsel og barsel; Skrøpelige eldre',
      ],
    ])('joins %s with "; "', (_, answer, cell) => {
      expect(cellOf(areas, answer)).toEqual({ priorityAreas: cell });
    });

    it('keeps the commas of areas from the settings, not only the defaults', () => {
      const settings = { ...DEFAULT_SETTINGS, priorityAreas: ['Rus, psykiatri og vold', 'Eldre'] };
      const { cells } = mapSubmission({ [areas]: ['Eldre, Rus, psykiatri og vold'] }, settings);
      expect(cells).toEqual({ priorityAreas: 'Eldre; Rus, psykiatri og vold' });
    });
  });

  describe('budget', () => {
    const budget = question('budget').title.nb;

    it('turns the budget text into lines, amounts as numbers where they parse', () => {
      const { budget: lines, cells } = map({
        [budget]: ['Lønn prosjektleder: 800 000\nReise\t5 000; Utstyr 20 000 kr\nKurs: ca. 5000\nDiverse'],
      });
      expect(cells).toEqual({});
      expect(lines).toEqual([
        { item: 'Lønn prosjektleder', amount: 800_000 },
        { item: 'Reise', amount: 5_000 },
        { item: 'Utstyr', amount: 20_000 },
        { item: 'Kurs', amount: 'ca. 5000' },
        { item: 'Diverse', amount: '' },
      ]);
    });

    it('maps the English title and the sheet name alike', () => {
      expect(map({ Budget: ['Lønn: 100'] }).budget).toEqual([{ item: 'Lønn', amount: 100 }]);
      expect(map({ budsjett: ['Lønn: 100'] }).budget).toEqual([{ item: 'Lønn', amount: 100 }]);
    });

    it('gives no lines for a blank budget answer', () => {
      expect(map({ [budget]: [''] }).budget).toEqual([]);
    });
  });

  it('lists unknown question titles that were answered, and nothing else', () => {
    const result = map({
      ...named('nb'),
      'Hvor hørte du om ordningen?': ['Nettsiden'],
      'Ubesvart nytt spørsmål': [''],
      'Enda et spørsmål': ['Ja'],
    });
    expect(result.unmatched).toEqual([
      { title: 'Hvor hørte du om ordningen?', answer: 'Nettsiden' },
      { title: 'Enda et spørsmål', answer: 'Ja' },
    ]);
    expect(result.cells).toEqual(CELLS);
  });

  it('trims answers and reads yes/no answers as typed', () => {
    expect(cellOf(question('hospital').title.nb, '  Ja ')).toEqual({ hospital: 'Ja' });
    expect(cellOf(question('title').title.en, '\tTittel  ')).toEqual({ title: 'Tittel' });
  });
});

describe('roundFor', () => {
  it.each<[string, number, number, number[], { year: number; month: number }]>([
    ['January → May', 2025, 1, [5, 12], { year: 2025, month: 5 }],
    ['April → May', 2025, 4, [5, 12], { year: 2025, month: 5 }],
    ['May → May', 2025, 5, [5, 12], { year: 2025, month: 5 }],
    ['June → December', 2025, 6, [5, 12], { year: 2025, month: 12 }],
    ['November → December', 2025, 11, [5, 12], { year: 2025, month: 12 }],
    ['December → December', 2025, 12, [5, 12], { year: 2025, month: 12 }],
    ['unsorted rounds', 2025, 3, [12, 5], { year: 2025, month: 5 }],
    ['after the last round → next year', 2025, 10, [3, 9], { year: 2026, month: 3 }],
    ['one round, after it', 2025, 6, [5], { year: 2026, month: 5 }],
    ['one round, before it', 2025, 2, [5], { year: 2025, month: 5 }],
    ['December with only a spring round', 2025, 12, [5], { year: 2026, month: 5 }],
    ['monthly rounds', 2025, 7, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { year: 2025, month: 7 }],
  ])('%s', (_, year, month, rounds, expected) => {
    expect(roundFor(year, month, rounds)).toEqual(expected);
  });

  it('does not reorder the rounds it is given', () => {
    const rounds = [12, 5];
    roundFor(2025, 1, rounds);
    expect(rounds).toEqual([12, 5]);
  });
});

describe('nextCaseId', () => {
  const MAY_2025 = { year: 2025, month: 5 };

  it.each<[string, string[], { year: number; month: number }, string]>([
    ['the first of a round is 001', [], MAY_2025, '2025-05-001'],
    ['pads the month', [], { year: 2025, month: 12 }, '2025-12-001'],
    ['one more than the highest', ['2025-05-001', '2025-05-007', '2025-05-003'], MAY_2025, '2025-05-008'],
    ['fills no gaps', ['2025-05-002'], MAY_2025, '2025-05-003'],
    ['other rounds do not count', ['2025-12-010', '2024-05-020', '2026-05-030'], MAY_2025, '2025-05-001'],
    [
      'malformed ids do not count',
      ['2025-05-abc', '2025-05-', '2025-05-1.5', '2025-05-00x', 'ADM-2025', 'x2025-05-009', ''],
      MAY_2025,
      '2025-05-001',
    ],
    ['reads unpadded numbers', ['2025-05-5'], MAY_2025, '2025-05-006'],
    ['grows past 999', ['2025-05-999'], MAY_2025, '2025-05-1000'],
    ['keeps counting past 999', ['2025-05-1000', '2025-05-999'], MAY_2025, '2025-05-1001'],
  ])('%s', (_, existing, round, expected) => {
    expect(nextCaseId(existing, round)).toBe(expected);
  });

  it.each(['2025-05-1e3', '2025-05-0x10', '2025-05-+12'])(
    'does not read %j as a number (only digits are a case number)',
    (malformed) => {
      expect(nextCaseId(['2025-05-004', malformed], MAY_2025)).toBe('2025-05-005');
    },
  );
});

describe('responseKey', () => {
  // The key reads the raw values of the question columns; titles only say which columns those are.
  const key = (timestamp: string, named: NamedValues | Record<string, string>) =>
    responseKey(timestamp, Object.values(named).flat());

  const ANSWERS_A: NamedValues = {
    Prosjekttittel: ['Agdermodellen'],
    Behov: ['Stort'],
    Budsjett: ['Lønn: 1'],
  };

  it('is a short base-36 string', () => {
    expect(key(TIMESTAMP, ANSWERS_A)).toMatch(/^[0-9a-z]{1,11}$/);
  });

  it('is the same for the same response, whatever the order of the answers', () => {
    const reordered: NamedValues = {
      Budsjett: ['Lønn: 1'],
      Behov: ['Stort'],
      Prosjekttittel: ['Agdermodellen'],
    };
    expect(key(TIMESTAMP, reordered)).toBe(key(TIMESTAMP, ANSWERS_A));
    expect(key(TIMESTAMP, { ...ANSWERS_A })).toBe(key(TIMESTAMP, ANSWERS_A));
  });

  it('is the same for a whole form built twice', () => {
    expect(key(TIMESTAMP, named('nb'))).toBe(key(TIMESTAMP, named('nb')));
  });

  it.each(Object.keys(ANSWERS_A))('changes when the answer to %j changes', (title) => {
    const changed = { ...ANSWERS_A, [title]: [`${ANSWERS_A[title]![0]}!`] };
    expect(key(TIMESTAMP, changed)).not.toBe(key(TIMESTAMP, ANSWERS_A));
  });

  it('changes when an answer is added or removed', () => {
    const base = key(TIMESTAMP, ANSWERS_A);
    expect(key(TIMESTAMP, { ...ANSWERS_A, Kunnskapsgrunnlag: ['Rapporter'] })).not.toBe(base);
    const withoutNeed = Object.fromEntries(Object.entries(ANSWERS_A).filter(([title]) => title !== 'Behov'));
    expect(key(TIMESTAMP, withoutNeed)).not.toBe(base);
  });

  it('stays when a question is renamed, a blank column added or the columns moved (the sweep would register it again)', () => {
    const base = key(TIMESTAMP, ANSWERS_A);
    const { Behov, ...rest } = ANSWERS_A;
    expect(key(TIMESTAMP, { ...rest, 'Hvilket behov?': Behov })).toBe(base);
    expect(key(TIMESTAMP, { ...ANSWERS_A, Merknad: [''] })).toBe(base);
    const { Prosjekttittel, Budsjett } = ANSWERS_A;
    expect(key(TIMESTAMP, { Budsjett, Behov, Prosjekttittel })).toBe(base);
  });

  it('changes when the timestamp changes', () => {
    expect(key('02.05.2025 10:15:01', ANSWERS_A)).not.toBe(key(TIMESTAMP, ANSWERS_A));
    expect(key('', ANSWERS_A)).not.toBe(key(TIMESTAMP, ANSWERS_A));
  });

  it('has no collisions among 10 000 random distinct responses', () => {
    const titles = QUESTIONS.map((q) => q.title.nb);
    // Answers as one trimmed value each, so distinct inputs are distinct responses.
    const answer = fc.string({ maxLength: 30 }).map((s) => s.trim());
    const response = fc.record({
      timestamp: fc.string({ minLength: 1, maxLength: 25 }),
      answers: fc.dictionary(fc.constantFrom(...titles), answer, { maxKeys: 8 }),
    });
    // Distinct as the key means it: the timestamp and the non-blank answers, whichever question they answer.
    const canonical = (r: { timestamp: string; answers: Record<string, string> }) =>
      JSON.stringify([
        r.timestamp,
        Object.values(r.answers)
          .filter((a) => a !== '')
          .sort(),
      ]);
    const distinct = new Map<string, { timestamp: string; answers: Record<string, string> }>();
    for (const r of fc.sample(response, { numRuns: 12_000, seed: 42 })) distinct.set(canonical(r), r);
    const inputs = [...distinct.values()].slice(0, 10_000);
    expect(inputs).toHaveLength(10_000);
    const keys = new Set(
      inputs.map((r) =>
        key(r.timestamp, Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, [v]]))),
      ),
    );
    expect(keys.size).toBe(10_000);
  });
});

describe('the intake and the contract', () => {
  it('maps the header of every column the form asks back to its column, and no other', () => {
    const asked = new Set<string>(QUESTIONS.map((q) => q.key));
    for (const field of APPLICATIONS.fields) {
      const { cells, unmatched } = map({ [field.header]: ['1'] });
      if (asked.has(field.key)) {
        expect(unmatched).toEqual([]);
        expect(Object.keys(cells)).toEqual([field.key]);
      } else {
        expect(cells).toEqual({});
        expect(unmatched).toEqual([{ title: field.header, answer: '1' }]);
      }
    }
  });
});

describe('questions worded from the settings', () => {
  it.each([
    ['Deltar Sørlandet sykehus HF (SSHF)?', 'hospital'],
    ['Deltar Sørlandet sykehus (SSHF)?', 'hospital'],
    ['Deltar helseforetaket?', 'hospital'],
    ['Egenandel SSHF (kr)', 'ownHospital'],
    ['Egenandel helseforetak (kr)', 'ownHospital'],
  ])('maps «%s» (this, an earlier or the neutral title) to %s', (title, key) => {
    const mapped = mapSubmission({ [title]: ['Ja'] }, DEFAULT_SETTINGS);
    expect(mapped.unmatched).toEqual([]);
    expect(Object.keys(mapped.cells)).toEqual([key]);
  });
});
