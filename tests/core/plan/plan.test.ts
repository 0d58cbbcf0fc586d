import fc from 'fast-check';
import { numberPlan, type Numberable, type PlanLevel } from '../../../src/core/plan/numbering';
import { parseDue, readPlan } from '../../../src/core/plan/records';
import { checkWorkbook } from '../../../src/core/check/check';
import { ACTION_PLAN, type FieldKey } from '../../../src/core/workbook/contract';
import { sheetRows } from '../../../src/example/agder';
import { CASE_ID, TODAY, validBook, workbookValues } from '../builders';
import { expectFact } from '../facts';

type PlanRow = Partial<Record<FieldKey<typeof ACTION_PLAN>, unknown>>;

/** One focus area, one goal and one complete measure: no findings. */
const goodPlan = (): PlanRow[] => [
  { level: 'Fokusområde', text: 'Tjenesteinnovasjon' },
  { level: 'Hovedmål', text: 'Sammenhengende akuttmedisinsk kjede' },
  {
    level: 'Tiltak',
    text: 'Prosjekt Akuttmedisinsk kjede',
    owner: 'Prosjektleder',
    organisation: 'SSHF',
    region: 'Hele Agder',
    due: '2026',
    indicator: 'Avvik per kvartal',
    status: 'Gul',
    comment: 'Pågår',
    cases: CASE_ID,
  },
];

const checkPlan = (rows: PlanRow[]) =>
  checkWorkbook(
    { ...workbookValues(validBook()), [ACTION_PLAN.name]: sheetRows(ACTION_PLAN, rows) },
    { today: TODAY },
  );

const planFindings = (rows: PlanRow[], rule?: string) =>
  checkPlan(rows).findings.filter((f) => (rule ? f.rule === rule : f.rule.startsWith('measure-')));

const withMeasure = (change: PlanRow): PlanRow[] => {
  const rows = goodPlan();
  rows[2] = { ...rows[2], ...change };
  return rows;
};

describe('numbering the action plan', () => {
  const L = (levels: PlanLevel[], given: string[] = []): Numberable[] =>
    levels.map((level, i) => ({ level, given: given[i] ?? '' }));

  it('numbers an empty plan 1, 1.1, 1.1.1 …', () => {
    expect(numberPlan(L([1, 2, 3, 3, 2, 3, 1, 2])).numbers).toEqual([
      '1',
      '1.1',
      '1.1.1',
      '1.1.2',
      '1.2',
      '1.2.1',
      '2',
      '2.1',
    ]);
  });

  it('gives an inserted measure the next free number under its goal and renumbers nothing', () => {
    const n = numberPlan(L([1, 2, 3, 3, 3], ['1', '1.1', '1.1.1', '', '1.1.2']));
    expect(n.numbers).toEqual(['1', '1.1', '1.1.1', '1.1.3', '1.1.2']);
    expect(n.assigned).toEqual([false, false, false, true, false]);
    expect(n.issues).toEqual([]);
  });

  it('reads "1.2." and " 1. 2" as 1.2', () => {
    const n = numberPlan(L([1, 2], ['1.', ' 1. 2']));
    expect(n.numbers).toEqual(['1', '1.2']);
    expect(n.issues).toEqual([]);
  });

  it('flags a duplicate and a number that does not fit its parent or level', () => {
    const n = numberPlan(L([1, 2, 3, 3, 2, 3], ['1', '1.1', '1.1.1', '1.1.1', '2.1', '1.1']));
    expect(n.issues).toEqual([
      { index: 3, kind: 'duplicate', first: 2 },
      { index: 4, kind: 'misfit', expected: '1.n' },
      { index: 5, kind: 'duplicate', first: 1 },
    ]);
  });

  it('flags a measure with no goal above it and a row without a level', () => {
    const n = numberPlan([
      { level: 3, given: '' },
      { level: null, given: '' },
    ]);
    expect(n.issues.map((i) => i.kind)).toEqual(['orphan', 'level']);
    expect(n.numbers).toEqual(['', '']);
  });

  /** A well-formed plan: a focus area first, each row at most one level deeper than the one before. */
  const plan = fc.array(fc.constantFrom<PlanLevel>(1, 2, 3), { minLength: 1, maxLength: 40 }).map((steps) => {
    const levels: PlanLevel[] = [1];
    for (const s of steps) levels.push(Math.min(s, levels[levels.length - 1]! + 1) as PlanLevel);
    return levels;
  });

  it('keeps every given number and gives new ones that fit, under any insertion of rows', () => {
    fc.assert(
      fc.property(
        plan,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<PlanLevel>(1, 2, 3)), { maxLength: 15 }),
        (levels, inserts) => {
          // The plan as numbered once, then rows without numbers inserted anywhere.
          const first = numberPlan(L(levels)).numbers;
          const rows: Array<Numberable & { was?: string }> = levels.map((level, i) => ({
            level,
            given: first[i]!,
            was: first[i]!,
          }));
          for (const [at, level] of inserts) rows.splice(at % (rows.length + 1), 0, { level, given: '' });
          const n = numberPlan(rows);
          rows.forEach((r, i) => {
            if (r.was !== undefined) expect(n.numbers[i]).toBe(r.was);
          });
          const taken = new Set(first);
          rows.forEach((r, i) => {
            if (!n.assigned[i]) return;
            const nr = n.numbers[i]!;
            expect(taken.has(nr)).toBe(false);
            taken.add(nr);
            expect(nr.split('.')).toHaveLength(r.level!);
            const parent = n.parents[i]!;
            if (r.level === 1) expect(parent).toBe(-1);
            else expect(nr.slice(0, nr.lastIndexOf('.'))).toBe(n.numbers[parent]);
          });
          // New rows never make a duplicate: only rows moved under another parent can stop fitting.
          expect(n.issues.filter((i) => i.kind === 'duplicate')).toEqual([]);
        },
      ),
    );
  });

  it('numbers measures appended under their goal without any finding', () => {
    fc.assert(
      fc.property(plan, fc.array(fc.nat(), { maxLength: 10 }), (levels, picks) => {
        const first = numberPlan(L(levels)).numbers;
        const rows: Numberable[] = levels.map((level, i) => ({ level, given: first[i]! }));
        for (const pick of picks) {
          const goals = rows.map((r, i) => (r.level! >= 2 ? i : -1)).filter((i) => i >= 0);
          if (goals.length === 0) break;
          rows.splice(goals[pick % goals.length]! + 1, 0, { level: 3, given: '' });
        }
        expect(numberPlan(rows).issues).toEqual([]);
      }),
    );
  });
});

describe('reading the plan', () => {
  it('accepts the light words and the spoken forms', () => {
    const rows = ['Grønn', 'gjennomført', 'pågående', 'GUL', 'ikke påbegynt', 'Rød', 'Venter', 'blå'].map(
      (status) => ({ level: 'Tiltak', text: 't', status }),
    );
    const plan = readPlan({
      [ACTION_PLAN.name]: sheetRows(ACTION_PLAN, [
        { level: 'Fokusområde', text: 'f' },
        { level: 'Hovedmål', text: 'g' },
        ...rows,
      ]),
    })!;
    expect(plan.items.slice(2).map((i) => i.status)).toEqual([
      'green',
      'green',
      'yellow',
      'yellow',
      'red',
      'red',
      'waiting',
      null,
    ]);
  });

  it('reads English headers and levels, and is absent without the sheet', () => {
    const values = {
      'Action plan': [
        ['Level', 'Text', 'Status', 'Responsible'],
        ['Focus area', 'F', '', ''],
        ['Main goal', 'G', '', ''],
        ['Measure', 'M', 'Green', 'Lead'],
      ],
    };
    expect(readPlan(values)!.items.map((i) => [i.number, i.owner])).toEqual([
      ['1', ''],
      ['1.1', ''],
      ['1.1.1', 'Lead'],
    ]);
    expect(readPlan({})).toBeNull();
  });

  it('reads a deadline as a day, a month or a year', () => {
    const iso = (v: unknown) => {
      const d = parseDue(v);
      return d.ok ? d.value.toISOString().slice(0, 10) : d.reason.nb;
    };
    expect(iso('2026')).toBe('2026-12-31');
    expect(iso(2026)).toBe('2026-12-31');
    expect(iso('desember 2026')).toBe('2026-12-31');
    expect(iso('2026-02')).toBe('2026-02-28');
    expect(iso('15.06.2026')).toBe('2026-06-15');
    expect(iso('snart')).toMatch(/ikke en frist/);
  });
});

describe('the action plan rules', () => {
  it('a complete plan has no findings, and the plan rules are silent without the sheet', () => {
    expect(planFindings(goodPlan())).toEqual([]);
    expect(checkWorkbook(workbookValues(validBook()), { today: TODAY }).portfolio.plan).toBeNull();
  });

  const cases: Array<[string, PlanRow, RegExp]> = [
    [
      'measure-owner-missing',
      { owner: '' },
      /Tiltak 1\.1\.1 \(Handlingsplan rad 4, «Ansvarlig»\): tiltaket har ingen ansvarlig/,
    ],
    ['measure-indicator-missing', { indicator: '' }, /«Indikator»\): tiltaket har ingen indikator/],
    ['measure-overdue', { due: '30.11.2026' }, /fristen 30\.11\.2026 er passert/],
    [
      'measure-comment-missing',
      { status: 'Rød', comment: '' },
      /status er rød, men det står ingen kommentar/,
    ],
    [
      'measure-case-unknown',
      { cases: `${CASE_ID}; 2020-01-999` },
      /saken 2020-01-999 finnes ikke i «Søknader»/,
    ],
    ['measure-status-invalid', { status: 'blå' }, /«blå» er ikke en status/],
    [
      'measure-due-invalid',
      { due: 'snart' },
      /«snart» er ikke en frist \(skriv f\.eks\. 31\.12\.2026, desember 2026 eller 2026\)\. Uten en frist som kan leses, kontrolleres det ikke om den er passert\./,
    ],
    [
      'measure-number-invalid',
      { nr: '2.1.1' },
      /nummeret «2\.1\.1» passer ikke der raden står \(ventet 1\.1\.n\)/,
    ],
  ];

  it.each(cases)('%s fires, with the measure number as ref', (rule, change, message) => {
    const found = planFindings(withMeasure(change), rule);
    expect(found).toHaveLength(1);
    expect(found[0]!.ref).toBe(change.nr ?? '1.1.1');
    expect(found[0]!.message.nb).toMatch(message);
    expect(found[0]!.cells[0]).toMatchObject({ sheet: 'plan', row: 4 });
    expect(found[0]!.message.en).not.toBe(found[0]!.message.nb);
    expectFact(found[0]!);
  });

  it.each<[string, PlanRow]>([
    ['measure-overdue', { due: '01.12.2026' }],
    ['measure-overdue', { due: '30.11.2026', status: 'Grønn' }],
    ['measure-comment-missing', { status: 'Grønn', comment: '' }],
    ['measure-comment-missing', { status: 'Venter', comment: '' }],
    ['measure-number-invalid', { nr: '1.1.7' }],
    ['measure-case-unknown', { cases: '' }],
    ['measure-due-invalid', { due: '' }],
    ['measure-due-invalid', { due: 'desember 2026' }],
  ])('%s does not fire on %j', (rule, change) => {
    expect(planFindings(withMeasure(change), rule)).toEqual([]);
  });

  it('asks owner and indicator of measures only, not of goals', () => {
    const rows = goodPlan();
    rows[1] = { ...rows[1], owner: '', indicator: '' };
    expect(planFindings(rows)).toEqual([]);
  });

  it('asks a comment of a red or yellow measure only: a goal or focus area with a light is summed up elsewhere', () => {
    const rows = goodPlan();
    rows[0] = { ...rows[0], status: 'Rød', comment: '' };
    rows[1] = { ...rows[1], status: 'Gul', comment: '' };
    expect(planFindings(rows, 'measure-comment-missing')).toEqual([]);
  });

  it('flags a duplicate number as an error naming the first row', () => {
    const rows = [...goodPlan(), { ...goodPlan()[2], nr: '1.1.1' }];
    rows[2] = { ...rows[2], nr: '1.1.1' };
    const [f] = planFindings(rows, 'measure-number-invalid');
    expect(f).toMatchObject({ severity: 'error', ref: '1.1.1' });
    expect(f!.message.nb).toMatch(/nummeret 1\.1\.1 er brukt før, i rad 4/);
    expectFact(f!);
  });

  it('flags a measure above every goal and an unknown level', () => {
    const rows: PlanRow[] = [
      { level: 'Tiltak', text: 'x', status: 'Grønn', owner: 'a', indicator: 'b' },
      { level: 'Delprosjekt', text: 'y' },
    ];
    const messages = planFindings(rows, 'measure-number-invalid').map((f) => f.message.nb);
    expect(messages).toEqual([
      expect.stringMatching(/^Tiltak \(Handlingsplan rad 2, «Nivå»\): et tiltak må stå under et hovedmål/),
      expect.stringMatching(/«Delprosjekt» er ikke et nivå/),
    ]);
  });

  describe('measure-text-duplicate', () => {
    const withCopy = (copy: PlanRow): PlanRow[] => [...goodPlan(), copy];

    it('flags the later of two measures with the same text, spacing and case ignored, naming the first', () => {
      const rows = withCopy({ ...goodPlan()[2], text: '  prosjekt   AKUTTMEDISINSK kjede ' });
      const [f, ...more] = planFindings(rows, 'measure-text-duplicate');
      expect(more).toEqual([]);
      expect(f).toMatchObject({ severity: 'warning', ref: '1.1.2' });
      expect(f!.cells).toEqual([{ sheet: 'plan', row: 5, field: 'text' }]);
      expect(f!.message.nb).toBe(
        'Tiltak 1.1.2 (Handlingsplan rad 5, «Tekst»): Teksten er den samme som i tiltak 1.1.1. Skriv hva som skiller dem, eller slå dem sammen og flytt det som står under, til den ene.',
      );
      expect(f!.fact.nb).toBe('Teksten er den samme som i tiltak 1.1.1.');
      expect(f!.message.en).toMatch(/The text is the same as in the measure 1\.1\.1\. Say/);
      expectFact(f!);
    });

    it("flags a repeated main goal, as the board's own plan repeats one", () => {
      const rows = [...goodPlan(), { level: 'Hovedmål', text: 'Sammenhengende akuttmedisinsk kjede' }];
      const [f] = planFindings(rows, 'measure-text-duplicate');
      expect(f!.ref).toBe('1.2');
      expect(f!.message.nb).toMatch(
        /^Hovedmål 1\.2 \(Handlingsplan rad 5, «Tekst»\): Teksten er den samme som i hovedmål 1\.1/,
      );
    });

    it.each<[string, PlanRow]>([
      ['another text', { ...goodPlan()[2], text: 'Prosjekt Akuttmedisinsk kjede, fase 2' }],
      ['the same text at another level', { level: 'Hovedmål', text: 'Prosjekt Akuttmedisinsk kjede' }],
      ['an empty text', { ...goodPlan()[2], text: '' }],
    ])('does not fire on %s', (_name, copy) => {
      const rows = withCopy(copy);
      if (copy.text === '') rows[2] = { ...rows[2], text: '' };
      expect(planFindings(rows, 'measure-text-duplicate')).toEqual([]);
    });
  });
});
