import {
  APPLICATION_FORM,
  APPLICATION_TYPES,
  QUESTIONS,
  parseBudgetText,
  type Question,
} from '../../../src/core/intake/application-form';
import { CATEGORY_IDS, parseCategory } from '../../../src/core/workbook/categories';
import { APPLICATIONS } from '../../../src/core/workbook/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/workbook/settings';
import { normalizeKey } from '../../../src/core/base/text';

const FIELD_KEYS: string[] = APPLICATIONS.fields.map((f) => f.key);
const question = (key: Question['key']): Question => {
  const found = QUESTIONS.find((x) => x.key === key);
  if (!found) throw new Error(`no question for ${key}`);
  return found;
};

/** The required `Søknader` columns the applicant fills in (the rest are the secretariat's). */
const APPLICANT_FIELDS = [
  'title',
  'applicant',
  'category',
  'municipalities',
  'hospital',
  'region',
  'priorityAreas',
  'need',
  'knowledgeBase',
  'benefitPlan',
  'from',
  'to',
  'requested',
  'agreement',
  'permanentCosts',
  'email',
];

const CHOICE_KINDS = ['choice', 'list', 'checkboxes'];

describe('the application form', () => {
  it('is the questions of its sections, in order', () => {
    expect(QUESTIONS).toEqual(APPLICATION_FORM.flatMap((s) => s.questions));
    expect(APPLICATION_FORM.every((s) => s.questions.length > 0)).toBe(true);
  });

  it.each(QUESTIONS.map((q) => [q.title.nb, q.key] as const))(
    '«%s» fills a column of Søknader or the budget (%s)',
    (_, key) => {
      expect([...FIELD_KEYS, 'budget']).toContain(key);
    },
  );

  it.each(APPLICANT_FIELDS)('asks a required question for the required column %s', (key) => {
    const field = APPLICATIONS.fields.find((f) => f.key === key);
    expect(field).toBeDefined();
    expect((field as { optional?: boolean }).optional).toBeFalsy();
    expect(question(key as Question['key']).required).toBe(true);
  });

  it('asks for the budget lines', () => {
    expect(question('budget')).toMatchObject({ kind: 'budget', required: true });
  });

  it('asks each column at most once', () => {
    const keys = QUESTIONS.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never asks for the columns the secretariat or the intake fill', () => {
    const keys: string[] = QUESTIONS.map((q) => q.key);
    for (const key of ['caseId', 'received', 'status', 'responseKey']) expect(keys).not.toContain(key);
  });

  it.each(['nb', 'en'] as const)('has unique %s titles, ignoring case and spacing', (lang) => {
    const titles = QUESTIONS.map((q) => normalizeKey(q.title[lang]));
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).not.toContain('');
  });

  it('has no title that is the header or alias of another column', () => {
    for (const q of QUESTIONS) {
      for (const title of [q.title.nb, q.title.en]) {
        const other = APPLICATIONS.fields.find(
          (f) =>
            f.key !== q.key &&
            [f.header, f.en, ...((f as { aliases?: readonly string[] }).aliases ?? [])]
              .map(normalizeKey)
              .includes(normalizeKey(title)),
        );
        expect(other?.key).toBeUndefined();
      }
    }
  });

  it('asks for money as whole kroner, the requested amount at least 1', () => {
    for (const q of QUESTIONS.filter((x) => x.kind === 'amount')) expect(q.min).toBeGreaterThanOrEqual(0);
    expect(question('requested').min).toBe(1);
  });

  describe('choices', () => {
    const custom: Settings = {
      ...DEFAULT_SETTINGS,
      regions: ['Nord', 'Sør'],
      priorityAreas: ['Eldre', 'Rus, psykiatri og vold'],
    };

    it('offers choices exactly for the choice, list and checkbox questions', () => {
      for (const q of QUESTIONS) {
        expect(q.choices !== undefined).toBe(CHOICE_KINDS.includes(q.kind));
        if (q.choices) expect(q.choices(DEFAULT_SETTINGS).length).toBeGreaterThan(0);
      }
    });

    it('offers the regions of the settings', () => {
      expect(question('region').choices!(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS.regions);
      expect(question('region').choices!(custom)).toEqual(['Nord', 'Sør']);
    });

    it('offers the priority areas of the settings as checkboxes', () => {
      expect(question('priorityAreas').kind).toBe('checkboxes');
      expect(question('priorityAreas').choices!(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS.priorityAreas);
      expect(question('priorityAreas').choices!(custom)).toEqual(['Eldre', 'Rus, psykiatri og vold']);
    });

    it('offers the three pots by their Norwegian labels, each read back as its pot', () => {
      const choices = question('category').choices!(DEFAULT_SETTINGS);
      expect(choices).toEqual(['Innovasjon/prosjekt', 'Administrasjon', 'Samdrift/tiltak']);
      expect(choices.map(parseCategory)).toEqual([...CATEGORY_IDS]);
    });

    it('offers the application types', () => {
      expect(question('type').choices!(custom)).toEqual(APPLICATION_TYPES);
    });
  });
});

describe('parseBudgetText', () => {
  it.each([
    ['Lønn: 300 000', 'Lønn', '300 000'],
    ['Lønn:300000', 'Lønn', '300000'],
    ['Lønn prosjektleder: 800 000', 'Lønn prosjektleder', '800 000'],
    ['Drift - 100 000', 'Drift', '100 000'],
    ['Drift – 100 000', 'Drift', '100 000'],
    ['Drift — 100 000', 'Drift', '100 000'],
    ['Reise\t5 000', 'Reise', '5 000'],
    ['Reise = 5 000', 'Reise', '5 000'],
    ['Utstyr 20 000 kr', 'Utstyr', '20 000 kr'],
    ['Utstyr 20000', 'Utstyr', '20000'],
    ['Utstyr kr 20 000', 'Utstyr', 'kr 20 000'],
    ['Frikjøp sykepleiere: kr 200 000,-', 'Frikjøp sykepleiere', 'kr 200 000,-'],
    ['Prosjektleder 50 %: 500 000', 'Prosjektleder 50 %', '500 000'],
    ['Lønn 2 stillinger 300 000', 'Lønn 2 stillinger', '300 000'],
    ['Fase 2 - utvikling: 200 000', 'Fase 2 - utvikling', '200 000'],
    ['Fase 2: Juridiske avklaringer: [Beløp]', 'Fase 2: Juridiske avklaringer', '[Beløp]'],
    ['Drifts- og lønnskostnader: 1 060 000', 'Drifts- og lønnskostnader', '1 060 000'],
    ['  Lønn :  300 000  ', 'Lønn', '300 000'],
    ['Kurs: ca. 5000', 'Kurs', 'ca. 5000'],
  ])('reads %j as %j: %j', (line, item, amount) => {
    expect(parseBudgetText(line)).toEqual([{ item, amount }]);
  });

  it.each(['Diverse', 'Lønn prosjektleder', 'Reise til Oslo'])(
    'gives %j without an amount the amount ""',
    (line) => {
      expect(parseBudgetText(line)).toEqual([{ item: line, amount: '' }]);
    },
  );

  it.each([
    ['an amount alone', '300 000'],
    ['a hyphen without spaces', 'Drift-100 000'],
  ])('never cuts the last thousands group off as the amount (%s: %j)', (_, line) => {
    // "000" would be read as 0 kr: the line silently loses its amount.
    const [parsed] = parseBudgetText(line);
    expect(parsed?.amount).not.toBe('000');
  });

  it('gives a line with a separator but nothing after it the amount ""', () => {
    expect(parseBudgetText('Reise:')).toEqual([{ item: 'Reise', amount: '' }]);
  });

  const LINES = [
    { item: 'Lønn', amount: '300 000' },
    { item: 'Drift', amount: '100 000' },
    { item: 'Reise', amount: '5 000' },
  ];

  it.each([
    ['newlines', 'Lønn: 300 000\nDrift - 100 000\nReise\t5 000'],
    ['Windows newlines', 'Lønn: 300 000\r\nDrift - 100 000\r\nReise\t5 000'],
    ['semicolons', 'Lønn: 300 000; Drift - 100 000;Reise\t5 000'],
    ['both, with blank lines', '\nLønn: 300 000;\n\n Drift - 100 000 ;; \nReise\t5 000\n'],
  ])('splits lines at %s', (_, text) => {
    expect(parseBudgetText(text)).toEqual(LINES);
  });

  it.each(['', '   ', '\n\n', ';;'])('gives no lines for %j', (text) => {
    expect(parseBudgetText(text)).toEqual([]);
  });
});
