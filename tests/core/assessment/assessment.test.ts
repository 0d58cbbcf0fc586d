import { TODAY } from '../builders';
import {
  assessCases,
  impartialityParagraph,
  scoresByDisqualified,
} from '../../../src/core/assessment/scores';
import { readAssessments, type AssessmentRow } from '../../../src/core/assessment/form';
import { checkWorkbook } from '../../../src/core/check/check';
import { ASSESSMENTS } from '../../../src/core/workbook/contract';
import { dashboard } from '../../../src/core/money-flow/dashboard';
import { buildMemo } from '../../../src/core/documents/memo';
import { toPlainText } from '../../../src/core/documents/text';
import { readPortfolio } from '../../../src/core/portfolio/records';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings';
import { exampleWorkbook, sheetRows } from '../../../src/example/agder';
import { whatIf } from '../../../src/ui/lib/what-if';
import { expectFact } from '../facts';

const C = DEFAULT_SETTINGS.criteria.map((c) => c.label);
const SEL = [
  'Innenfor prioriterte områder, med tydelig behov og godt beskrevet kunnskapsgrunnlag',
  'Bidrar til tjenesteinnovasjon og bærekraft',
  'Tydelig beskrevet potensial for gevinstrealisering',
];
const apps = [
  { caseId: 'A', title: 'Alfa', status: 'Mottatt' },
  { caseId: 'B', title: 'Beta', status: 'Mottatt' },
  { caseId: 'X', title: 'Avslått sak', status: 'Avslått' },
];

let row = 1;
function assessor(caseId: string, who: string, scores: number[], yes = [true, true, true], ground = 'Habil') {
  const out: AssessmentRow[] = [];
  const r = (criterion: string, score: string) =>
    out.push({
      row: ++row,
      caseId,
      assessor: who,
      criterion,
      score,
      comment: '',
      impartiality: ground,
      time: '',
      mark: '',
    });
  r('Habilitet', '');
  SEL.forEach((l, i) => r(l, yes[i] ? 'Ja' : 'Nei'));
  C.forEach((l, i) => r(l, String(scores[i])));
  return out;
}

describe('assessCases', () => {
  it('weighs the criteria by the settings and averages impartial assessors only', () => {
    const rows = [
      ...assessor('A', 'a@x.no', [5, 5, 3, 1]),
      ...assessor('A', 'b@x.no', [3, 3, 3, 3]),
      ...assessor('A', 'c@x.no', [1, 1, 1, 1], undefined, 'Inhabil: part'),
    ];
    const [a] = assessCases(apps, rows, DEFAULT_SETTINGS);
    // means 4, 4, 3, 2 with weights 3, 3, 2, 1: (12 + 12 + 6 + 2) / 9
    expect(a!.weightedScore).toBe(3.56);
    expect(a!.assessors).toEqual(['a@x.no', 'b@x.no']);
    expect(a!.excluded).toEqual(['c@x.no']);
    expect(a!.selectionHolds).toBe(true);
    expect(a!.criteria[0]).toMatchObject({ min: 3, max: 5, disagreement: true });
    expect(a!.criteria[2]).toMatchObject({ disagreement: false });
    expect(a!.disagreement).toBe(true);
  });

  it('needs every selection criterion to hold, flags yes against no, and leaves rejected cases out', () => {
    const rows = [
      ...assessor('B', 'a@x.no', [5, 5, 5, 5], [true, false, true]),
      ...assessor('B', 'b@x.no', [5, 5, 5, 5]),
    ];
    const results = assessCases(apps, rows, DEFAULT_SETTINGS);
    expect(results.map((r) => r.caseId)).toEqual(['A', 'B']);
    const b = results[1]!;
    expect(b.selectionHolds).toBe(false);
    expect(b.selection[1]).toMatchObject({ yes: 1, no: 1, holds: false, disagreement: true });
  });

  it('ranks selection first, then score; the board overrides with a reason and the rest fill in', () => {
    const rows = [
      ...assessor('A', 'a@x.no', [3, 3, 3, 3]),
      ...assessor('B', 'a@x.no', [5, 5, 5, 5], [true, false, true]),
    ];
    let [a, b] = assessCases(apps, rows, DEFAULT_SETTINGS);
    expect([a!.rank, b!.rank]).toEqual([1, 2]);
    rows.push({
      row: 99,
      caseId: 'B',
      assessor: 'leder@x.no',
      criterion: 'Rangering SSU',
      score: '1',
      comment: 'Haster',
      impartiality: '',
      time: '',
      mark: '',
    });
    [a, b] = assessCases(apps, rows, DEFAULT_SETTINGS);
    expect([a!.finalRank, b!.finalRank, b!.boardReason]).toEqual([2, 1, 'Haster']);
  });

  it('takes the latest answer per assessor and criterion', () => {
    const rows = [...assessor('A', 'a@x.no', [1, 1, 1, 1]), ...assessor('A', 'a@x.no', [5, 5, 5, 5])];
    expect(assessCases(apps, rows, DEFAULT_SETTINGS)[0]!.weightedScore).toBe(5);
  });

  it('writes the impartiality paragraph for the memo', () => {
    const rows = [
      ...assessor('A', 'a@x.no', [3, 3, 3, 3]),
      ...assessor('A', 'c@x.no', [], [], 'Inhabil: familie').slice(0, 1),
    ];
    const [a] = assessCases(apps, rows, DEFAULT_SETTINGS);
    expect(impartialityParagraph(a!, 'nb')).toBe(
      '1 av 2 vurderere erklærte seg habile etter forvaltningsloven § 6. Én vurderer erklærte seg inhabil (i nær familie med, gift med eller verge for en part) og deltok ikke i vurderingen.',
    );
    expect(impartialityParagraph(a!, 'en')).toMatch(/^1 of 2 assessors/);
  });
});

describe('rule assessor-disqualified', () => {
  const withAssessments = (rows: unknown[][]) => ({ ...exampleWorkbook(), [ASSESSMENTS.name]: rows });

  it('fires once per assessor who scored a case after declaring a conflict (or on the row itself)', () => {
    const values = withAssessments(
      sheetRows(ASSESSMENTS, [
        { caseId: '2025-05-001', assessor: 'a@x.no', criterion: C[0], score: 4, impartiality: 'Habil' },
        { caseId: '2025-05-001', assessor: 'a@x.no', criterion: 'Habilitet', impartiality: 'Inhabil: part' },
        {
          caseId: '2025-05-001',
          assessor: 'b@x.no',
          criterion: C[0],
          score: 4,
          impartiality: 'Inhabil: ledende rolle',
        },
        {
          caseId: '2025-05-001',
          assessor: 'b@x.no',
          criterion: C[1],
          score: 4,
          impartiality: 'Inhabil: ledende rolle',
        },
        { caseId: '2025-05-001', assessor: 'c@x.no', criterion: C[0], score: 4, impartiality: 'Habil' },
        {
          caseId: '2025-05-002',
          assessor: 'd@x.no',
          criterion: 'Habilitet',
          impartiality: 'Inhabil: familie',
        },
      ]),
    );
    const found = checkWorkbook(values, { today: TODAY }).findings.filter(
      (f) => f.rule === 'assessor-disqualified',
    );
    expect(found.map((f) => [f.severity, f.ref])).toEqual([
      ['error', '2025-05-001'],
      ['error', '2025-05-001'],
    ]);
    expect(found[1]!.message.nb).toMatch(/b@x.no har erklært seg inhabil .* \(Vurderinger rad 4, 5\)/);
    for (const f of found) {
      expect(f.message.nb).toMatch(/^Sak 2025-05-001: .*\.$/);
      expect(f.message.en).toMatch(/^Case 2025-05-001: .*\.$/);
      expect(f.message.en).not.toMatch(/[«»]/);
      // Documents may be public: the fact names no assessor.
      expectFact(f);
      expect(`${f.fact.nb} ${f.fact.en}`).not.toMatch(/@|b@x/);
    }
    expect(scoresByDisqualified(readAssessments(values[ASSESSMENTS.name]))).toHaveLength(2);
  });

  it('is silent without a Vurderinger sheet', () => {
    expect(
      checkWorkbook(exampleWorkbook(), { today: TODAY }).findings.some(
        (f) => f.rule === 'assessor-disqualified',
      ),
    ).toBe(false);
  });
});

describe('dashboard and what-if', () => {
  it('shows each year pro rata, the authority per project, and undecided cases by year', () => {
    const values = exampleWorkbook();
    const apps = values['Søknader']!;
    const header = apps[0] as string[];
    const extra = [...(apps[1] as unknown[])];
    const set = (h: string, v: unknown) => (extra[header.indexOf(h)] = v);
    set('Saksnr', '2025-12-001');
    set('Tittel', 'Felles akutteam');
    set('Søkt beløp', '1 200 000');
    set('Fra', '2026-07');
    set('Til', '2027-06');
    set('Status', 'Innstilt');
    apps.push(extra);
    const d = dashboard(readPortfolio(values));
    expect(d.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(d.years[0]).toMatchObject({ frame: 9_160_000, allocated: 2_019_829 });
    expect(d.authority.find((a) => a.caseId === '2025-05-001')).toMatchObject({ used: 60_000, left: 40_000 });
    expect(d.candidates).toEqual([
      expect.objectContaining({
        caseId: '2025-12-001',
        recommended: true,
        byYear: { '2026': 600_000, '2027': 600_000 },
      }),
    ]);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    const after = whatIf(d, new Set(['2025-12-001']));
    const y2026 = (ys: typeof after) => ys.find((y) => y.year === 2026)!;
    expect(y2026(after).allocated - y2026(d.years).allocated).toBe(600_000);
    expect(y2026(after).pots[0]!.amount - y2026(d.years).pots[0]!.amount).toBe(600_000);
    expect(whatIf(d, new Set())).toEqual(d.years);
  });
});

describe('the memo’s Vurdering section', () => {
  it('shows selection, weighted score and rank per case, and impartiality without naming assessors', () => {
    const rows = [
      ...assessor('2025-05-001', 'a@example.no', [5, 4, 4, 3]),
      ...assessor('2025-05-001', 'b@example.no', [], [], 'Inhabil: part').slice(0, 1),
    ];
    const values = {
      ...exampleWorkbook(),
      [ASSESSMENTS.name]: sheetRows(
        ASSESSMENTS,
        rows.map((r) => ({ ...r })),
      ),
    };
    const memo = buildMemo(checkWorkbook(values, { today: TODAY }), {
      meetingDate: '2025-05-09',
      cases: ['2025-05-001', '2025-05-002'],
    });
    const text = toPlainText(memo);
    const section = text.slice(text.indexOf('\nVurdering\n'));
    // (5·3 + 4·3 + 4·2 + 3·1) / 9 = 4,22 on the 1–5 scale.
    expect(section).toMatch(/2025-05-001 Agdermodellen[^\n]*\toppfylt\t4,22\t1\t/);
    expect(section).toMatch(/Én vurderer erklærte seg inhabil/);
    expect(section).not.toMatch(/@/);
  });

  it('says so when nobody has assessed the memo’s cases', () => {
    const memo = buildMemo(checkWorkbook(exampleWorkbook(), { today: TODAY }), {
      meetingDate: '2025-05-09',
      cases: ['2025-05-001'],
    });
    expect(toPlainText(memo)).toMatch(
      /\nVurdering\nDet er ikke registrert noen vurdering etter kriteriene for sakene i dette forslaget\./,
    );
  });
});
