import { TODAY } from '../builders';
import JSZip from 'jszip';
import { xml2js } from 'xml-js';
import { toDocx } from '../../../src/cli/docx';
import { checkWorkbook, type CheckResult } from '../../../src/core/check/check';
import { APPLICATIONS, ALLOCATIONS, BUDGET, type FieldKey } from '../../../src/core/workbook/contract';
import {
  buildLetter,
  buildRejectionLetter,
  buildSupplementLetter,
  rejectionDate,
  grants,
  rejections,
  supplementLetters,
} from '../../../src/core/documents/letter';
import { buildMemo, proposals, type MemoOptions } from '../../../src/core/documents/memo';
import {
  b,
  h,
  i,
  ol,
  p,
  table,
  ul,
  ulNested,
  type Block,
  type DocModel,
} from '../../../src/core/documents/model';
import { buildOverview } from '../../../src/core/documents/overview';
import { toMarkdown, toPlainText } from '../../../src/core/documents/text';
import { TilskuddError } from '../../../src/core/base/errors';
import { EXAMPLE_APPLICATIONS, exampleWorkbook, sheetRows } from '../../../src/example/agder';

type Values = Record<string, unknown[][]>;
type AppRow = Partial<Record<FieldKey<typeof APPLICATIONS>, unknown>>;

/** Amounts as formatMoney writes them: groups separated by NBSP. */
const n = (text: string) => text.replace(/ /g, '\u00a0');
const kr = (text: string) => `${n(text)}\u00a0kr`;
const MINUS = '\u2212';

const AGDER = 'Agdermodellen – barn og unges helsetjenester innen psykisk helse';
const DATA = 'Skrøpelige eldre 65+ – delt datasenter Østre Agder / SSHF';
const SUPPLEMENT_REASON = 'regionale samlinger for å ta i bruk de nye samhandlingsforløpene i alle regionene';
const SUPPLEMENT_DECISION = `Porteføljesekretariatet: ${SUPPLEMENT_REASON}`;
const MEETING: MemoOptions = {
  meetingDate: '2025-05-09',
  caseNumber: '18-2025',
  cases: ['2025-05-001', '2025-05-002'],
};

/** A clean application modelled on 2025-05-001 (no error findings once it has a budget line). */
const appRow = (over: AppRow): unknown[] =>
  sheetRows(APPLICATIONS, [{ ...EXAMPLE_APPLICATIONS[0]!, status: 'Mottatt', ...over }])[1]!;
const budgetRow = (caseId: string, amount: unknown = '1 060 000'): unknown[] =>
  sheetRows(BUDGET, [{ caseId, item: 'Lønn', amount }])[1]!;

/** The example with applications (and their budget lines) added. */
function withApps(apps: AppRow[], budgets: Array<[string, unknown?]> = []): Values {
  const v = exampleWorkbook();
  v[APPLICATIONS.name]!.push(...apps.map(appRow));
  v[BUDGET.name]!.push(...budgets.map(([id, amount]) => budgetRow(id, amount)));
  return v;
}

const example = (): CheckResult => checkWorkbook(exampleWorkbook(), { today: TODAY });

const headings = (doc: DocModel, level?: number) =>
  doc.blocks
    .filter((x): x is Extract<Block, { type: 'heading' }> => x.type === 'heading')
    .filter((x) => level === undefined || x.level === level)
    .map((x) => x.text);

/** The first block of `type` after the heading with `text`. */
function after<T extends Block['type']>(doc: DocModel, text: string, type: T): Extract<Block, { type: T }> {
  const start = doc.blocks.findIndex((x) => x.type === 'heading' && x.text === text);
  if (start < 0) throw new Error(`no heading «${text}»`);
  const found = doc.blocks.slice(start + 1).find((x) => x.type === type);
  if (!found) throw new Error(`no ${type} after «${text}»`);
  return found as Extract<Block, { type: T }>;
}

const proposalLines = (doc: DocModel) => after(doc, 'Forslag til vedtak', 'list').items;

describe('buildMemo on the example (SSU 18-2025)', () => {
  const result = example();
  const memo = buildMemo(result, MEETING);

  it('opens with the header key-value table', () => {
    expect(memo.title).toBe('Saksfremstilling');
    expect(memo.blocks[0]).toEqual({
      type: 'table',
      keyValue: true,
      rows: [
        ['Råd/utvalg', 'Strategisk samarbeidsutvalg (SSU) - Helsefellesskapet Agder'],
        ['Møtedato', '09.05.2025'],
        ['Saksnummer', '18-2025'],
        ['Saksbehandler', 'Sekretariatet'],
        ['Sakstittel', 'Rekrutterings- og samhandlingstilskudd'],
      ],
    });
  });

  it('has its sections in order', () => {
    expect(headings(memo, 2)).toEqual([
      'Forslag til vedtak',
      'Vedlegg',
      'Bakgrunn for saken',
      'Saksopplysninger',
      'Søknadene',
      'Tilleggsbevillinger til orientering',
      'Vurdering',
    ]);
    expect(headings(memo, 3)).toEqual([
      'Fordeling 2025',
      'Fordeling 2026',
      `2025-05-001 ${AGDER}`,
      `2025-05-002 ${DATA}`,
      'ADM-2025 Administrasjon',
    ]);
    // Pot tables belong to the facts, case sections to the applications.
    const all = headings(memo);
    expect(all.indexOf('Saksopplysninger')).toBeLessThan(all.indexOf('Fordeling 2025'));
    expect(all.indexOf('Fordeling 2026')).toBeLessThan(all.indexOf('Søknadene'));
    expect(all.indexOf('Søknadene')).toBeLessThan(all.indexOf(`2025-05-001 ${AGDER}`));
  });

  it('words the proposed decisions exactly, amounts with NBSP groups', () => {
    const lines = proposalLines(memo);
    expect(lines).toEqual([
      [
        { text: `${AGDER} (2025-05-001)`, bold: true },
        ` tildeles ${kr('1 060 000')} for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
      ],
      [
        { text: `${DATA} (2025-05-002)`, bold: true },
        ` tildeles ${kr('625 000')} til et forprosjekt for perioden august 2025–desember 2025, iht. vedlagte søknad.`,
      ],
      // The secretariat's cost is registered under this very case: it is part of this proposal (seed:
      // «Ressursbruk i 6 mnd. blir da totalt kr. 939. 829»), with no application to attach.
      [
        { text: 'Administrasjon (ADM-2025)', bold: true },
        ` tildeles ${kr('939 829')} for perioden mai 2025–oktober 2025.`,
      ],
      // Case 18-2025 is where the split key is adopted (the setting names it): proposed, not cited.
      [
        `Fordelingsnøkkelen innovasjon/prosjekt 80\u00a0%, administrasjon 5\u00a0% og samdrift/tiltak 15\u00a0% vedtas som veiledende for tildelingene.`,
      ],
    ]);
    expect(after(memo, 'Forslag til vedtak', 'list').ordered).toBe(true);
    expect(after(memo, 'Forslag til vedtak', 'paragraph').content).toEqual([
      'Andre vedtak formuleres i møtet.',
    ]);
  });

  it('lists the guidelines and each proposed application as attachments', () => {
    expect(after(memo, 'Vedlegg', 'list')).toEqual(
      ol([
        ['Retningslinjer for forvaltning av tilskuddsmidlene (sak 47-2024)'],
        [`Søknad: ${AGDER}`],
        [`Søknad: ${DATA}`],
      ]),
    );
  });

  it('states the frame and the split key, citing only earlier decisions', () => {
    const text = String(after(memo, 'Bakgrunn for saken', 'paragraph').content[0]);
    expect(text).toContain(`rekrutterings- og samhandlingstilskudd på ${kr('9 160 000')} per år`);
    expect(text).toContain('(sak 47-2024)');
    // No «(sak 18-2025)» inside case 18-2025: this case proposes the key.
    expect(text).not.toContain('sak 18-2025');
    expect(text).toContain('Denne saken legger fram en veiledende fordelingsnøkkel');
    // A memo in a later case cites the key's case as an earlier decision.
    const later = buildMemo(result, { ...MEETING, caseNumber: '30-2025' });
    expect(String(after(later, 'Bakgrunn for saken', 'paragraph').content[0])).toContain(
      'SSU har vedtatt en veiledende fordelingsnøkkel mellom innovasjon, administrasjon og samdrift (sak 18-2025).',
    );
    expect(after(memo, 'Saksopplysninger', 'table')).toEqual(
      table(
        [
          ['Hva', 'Andel', 'kr/år'],
          ['Overført i rammen', '', n('9 160 000')],
          ['Innovasjon/prosjekt', n('80 %'), n('7 328 000')],
          ['Administrasjon', n('5 %'), n('458 000')],
          ['Samdrift/tiltak', n('15 %'), n('1 374 000')],
        ],
        { header: true },
      ),
    );
  });

  it('shows each pot per budget year, pro rata by month', () => {
    const header = ['Kategori', 'Nøkkel', 'Tildelt før', 'Dette forslaget', 'Gjenstår'];
    // 2025: this proposal = 5/12 of 1 060 000 (441 667) + the pre-project 625 000 + the secretariat's
    // 939 829 granted at this meeting (seed: 9 160 000 frame, 5 % key = 458 000). Nothing was allocated
    // before. The supplementary allocation of 15.10.2025 comes after the meeting of 09.05.2025, so it is
    // not "before" (a memo for a later meeting counts it, see below).
    expect(441_667 + 625_000).toBe(1_066_667);
    expect(after(memo, 'Fordeling 2025', 'table').rows).toEqual([
      header,
      ['Innovasjon/prosjekt', n('7 328 000'), '0', n('1 066 667'), n('6 261 333')],
      ['Administrasjon', n('458 000'), '0', n('939 829'), `${MINUS}${n('481 829')}`],
      ['Samdrift/tiltak', n('1 374 000'), '0', '0', n('1 374 000')],
      ['Hele rammen', n('9 160 000'), '0', n('2 006 496'), n('7 153 504')],
    ]);
    // The figures that differ from the decisions are explained, and the key overrun is named and concluded.
    const facts = toPlainText(memo);
    expect(facts).toContain(
      `etter antall måneder i perioden, derfor er tallene per år lavere enn beløpene i vedtaket`,
    );
    expect(facts).toContain(
      `${kr('1 060 000')} for august 2025–juli 2026 gir ${kr('441 667')} i 2025 og ${kr('618 333')} i 2026.`,
    );
    expect(facts).toContain(
      `Innovasjon/prosjekt i 2025 er dermed ${kr('441 667')} + ${kr('625 000')} = ${kr('1 066 667')}.`,
    );
    expect(facts).toContain(
      `Administrasjon 2025: forslaget gir ${kr('939 829')}, det er ${n('10,3 %')} av rammen mot en nøkkel på ${n('5 %')} (${kr('458 000')}), ${kr('481 829')} over nøkkelen.`,
    );
    expect(facts).toContain(
      `Rammen som helhet har ${kr('7 153 504')} igjen, så forslaget holder seg innenfor rammen, men ikke innenfor nøkkelen: vedtas det, godtar SSU at nøkkelen overskrides for 2025.`,
    );
    expect(after(memo, 'Fordeling 2026', 'table').rows).toEqual([
      header,
      ['Innovasjon/prosjekt', n('7 328 000'), '0', n('618 333'), n('6 709 667')],
      ['Administrasjon', n('458 000'), '0', '0', n('458 000')],
      ['Samdrift/tiltak', n('1 374 000'), '0', '0', n('1 374 000')],
      ['Hele rammen', n('9 160 000'), '0', n('618 333'), n('8 541 667')],
    ]);
    // For a meeting after the supplement, it counts as before (2/9 of 60 000 in 2025, 7/9 in 2026), and the
    // remaining whole frame then agrees with the ledger's summary.
    const later = buildMemo(result, { ...MEETING, meetingDate: '2025-12-12' });
    expect(after(later, 'Fordeling 2025', 'table').rows[1]!.slice(2, 5)).toEqual([
      n('13 333'),
      n('1 066 667'),
      n('6 248 000'),
    ]);
    expect(after(later, 'Fordeling 2025', 'table').rows[4]![4]).toBe(n('7 140 171'));
    expect(result.ledger.years.get(2025)!.remaining).toBe(7_140_171);
  });

  it('describes each case with its key facts, recommendation and findings', () => {
    expect(after(memo, `2025-05-001 ${AGDER}`, 'table')).toEqual(
      table(
        [
          ['Søker', 'Faglig samarbeidsutvalg barn og unge'],
          ['Parter', 'Alle 25 kommuner i Agder, SSHF'],
          ['Region', 'Hele Agder'],
          ['Prioriterte områder', 'Barn og unge; Integrert psykisk helse- og rustjeneste'],
          ['Periode', 'august 2025–juli 2026'],
          ['Søkt beløp', kr('1 060 000')],
          ['Egenandel', '–'],
          ['Innstilling', `Innvilges, ${kr('1 060 000')}`],
        ],
        { keyValue: true },
      ),
    );
    const rows = after(memo, `2025-05-002 ${DATA}`, 'table').rows;
    expect(rows.at(-1)).toEqual(['Innstilling', `Forprosjekt, ${kr('625 000')}`]);
    const findings = after(memo, `2025-05-002 ${DATA}`, 'list');
    expect(findings.ordered).toBe(false);
    // Under its case heading, the fact alone: no case, cell, column or instruction, and no follow-up
    // rules (written agreement, supplements) that do not bear on the decision.
    expect(findings.items).toHaveLength(4);
    expect(findings.items.filter(([m]) => String(m).startsWith('Budsjettposten «'))).toHaveLength(3);
    expect(findings.items[0]).toEqual(['Budsjettposten «Fase 2: Juridiske avklaringer» mangler beløp.']);
    expect(JSON.stringify(findings.items)).not.toMatch(
      /Sak 2025-05-002|Samarbeidsavtale|rad \d|Fyll inn|\[Beløp\]/,
    );
  });

  it('reports the supplementary allocation not yet reported to SSU, once decided before the meeting', () => {
    expect(after(memo, 'Tilleggsbevillinger til orientering', 'paragraph').content[0]).toContain(
      `oppad begrenset til ${kr('100 000')} per prosjekt`,
    );
    const later = buildMemo(result, { ...MEETING, meetingDate: '2025-12-12' });
    expect(after(later, 'Tilleggsbevillinger til orientering', 'table')).toEqual(
      table(
        [
          ['Sak', 'Prosjekt', 'Dato', 'Beløp', 'Vedtak'],
          ['2025-05-001', AGDER, '15.10.2025', n('60 000'), SUPPLEMENT_DECISION],
        ],
        { header: true },
      ),
    );
  });

  it('says there are no new supplementary allocations once it is reported', () => {
    const v = exampleWorkbook();
    const reported = ALLOCATIONS.fields.findIndex((f) => f.key === 'reportedSsu');
    v[ALLOCATIONS.name]![4]![reported] = '2025-11-01';
    const doc = buildMemo(checkWorkbook(v, { today: TODAY }), MEETING);
    const start = doc.blocks.findIndex((x) => x.type === 'heading' && x.text.startsWith('Tilleggsbev'));
    expect(doc.blocks.slice(start + 1).some((x) => x.type === 'table')).toBe(false);
    // One sentence that says none were given, not an intro ending in a colon followed by "none".
    expect(doc.blocks[doc.blocks.length - 3]).toEqual(
      p(
        `Porteføljesekretariatet kan gi tilleggsbevilling til vedtatte prosjekt, oppad begrenset til ${kr('100 000')} per prosjekt. Det er ikke gitt tilleggsbevillinger siden forrige rapportering.`,
      ),
    );
  });

  it('proposals() gives amounts, periods and categories', () => {
    const { ready, notReady } = proposals(result, MEETING.cases);
    expect(notReady).toEqual([]);
    expect(ready.map((r) => [r.caseId, r.kind, r.amount, r.category, r.period ? 'period' : null])).toEqual([
      ['2025-05-001', 'grant', 1_060_000, 'innovation', 'period'],
      ['2025-05-002', 'preProject', 625_000, 'innovation', 'period'],
    ]);
  });

  it('says so when no assessment is registered (see assessment.test.ts for one with)', () => {
    expect(after(memo, 'Vurdering', 'paragraph')).toEqual(
      p(
        'Det er ikke registrert noen vurdering etter kriteriene for sakene i dette forslaget. Innstillingen bygger på saksopplysningene over.',
      ),
    );
  });

  it('concludes on missing own contributions, and never hard-codes the deciding body', () => {
    const start = memo.blocks.findIndex((x) => x.type === 'heading' && x.text === `2025-05-001 ${AGDER}`);
    expect(memo.blocks.slice(start).find((x) => x.type === 'paragraph')).toEqual(
      p(
        b('Konklusjon: '),
        'Tilskuddet er delfinansiering. Partenes egne bidrag må avklares og stå i samarbeidsavtalen før tilskuddet utbetales.',
      ),
    );
    const v = exampleWorkbook();
    const settings = v['Innstillinger']!;
    for (const row of settings) {
      if (row[0] === 'Beslutningsorgan') row[1] = 'Porteføljestyret';
      if (row[0] === 'Beslutningsorgan kortnavn') row[1] = 'PS';
      if (row[0] === 'Beslutningsorgan i tekst') row[1] = 'porteføljestyret';
    }
    const text = toPlainText(buildMemo(checkWorkbook(v, { today: TODAY }), MEETING));
    expect(text).toContain('godtar porteføljestyret at nøkkelen overskrides');
    expect(text).not.toMatch(/\bSSU/);
  });
});

describe('buildMemo: case selection and readiness', () => {
  it('selects by default the active applications without an ordinary allocation', () => {
    const v = withApps(
      [
        { caseId: '2025-05-003', title: 'Ny søknad' },
        { caseId: '2025-05-004', title: 'Avslått søknad', status: 'Avslått' },
        { caseId: '2025-05-005', title: 'Trukket søknad', status: 'Trukket' },
      ],
      [['2025-05-003'], ['2025-05-004'], ['2025-05-005']],
    );
    const result = checkWorkbook(v, { today: TODAY });
    expect(result.findings.filter((f) => f.severity === 'error' && f.ref === '2025-05-003')).toEqual([]);
    const { ready, notReady } = proposals(result);
    expect(ready.map((r) => r.caseId)).toEqual(['2025-05-003']);
    expect(notReady).toEqual([]);

    const doc = buildMemo(result, { meetingDate: '2025-05-09' });
    expect(proposalLines(doc)).toEqual([
      [
        { text: 'Ny søknad (2025-05-003)', bold: true },
        ` tildeles ${kr('1 060 000')} for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
      ],
    ]);
    // Everything allocated by the meeting (the example's three ordinary allocations) counts as before;
    // the supplementary allocation of October does not.
    const innovation2025 = after(doc, 'Fordeling 2025', 'table').rows[1]!;
    expect(innovation2025.slice(2, 4)).toEqual([n('1 066 667'), n('441 667')]);
    expect(headings(doc, 3).filter((x) => /^\d{4}-\d{2}-\d{3} /.test(x))).toEqual(['2025-05-003 Ny søknad']);
    expect(doc.blocks[0]).toMatchObject({ rows: expect.arrayContaining([['Saksnummer', '']]) });
  });

  it('with nothing to propose, says so', () => {
    const doc = buildMemo(example(), { meetingDate: '2025-05-09' });
    expect(after(doc, 'Forslag til vedtak', 'paragraph')).toEqual(p('Ingen saker er klare for vedtak.'));
    expect(headings(doc, 2)).not.toContain('Saker som ikke er klare for vedtak');
  });

  it.each([
    ['Innvilges', 'Innvilges'],
    ['an empty recommendation', ''],
    ['Delvis', 'Delvis'],
  ])('holds back a case with error findings and %s', (_label, recommendation) => {
    // No budget line: budget-incomplete (error).
    const v = withApps([{ caseId: '2025-05-006', title: 'Uten budsjett', recommendation }]);
    const result = checkWorkbook(v, { today: TODAY });
    const errors = result.findings.filter((f) => f.ref === '2025-05-006' && f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);

    const { ready, notReady } = proposals(result, ['2025-05-006']);
    expect(ready).toEqual([]);
    expect(notReady.map((a) => a.caseId)).toEqual(['2025-05-006']);

    const doc = buildMemo(result, { meetingDate: '2025-05-09', cases: ['2025-05-001', '2025-05-006'] });
    expect(proposalLines(doc)).toHaveLength(1);
    expect(toPlainText(doc)).not.toContain('Uten budsjett (2025-05-006)');
    expect(headings(doc, 2)).toEqual([
      'Forslag til vedtak',
      'Vedlegg',
      'Bakgrunn for saken',
      'Saksopplysninger',
      'Søknadene',
      'Saker som ikke er klare for vedtak',
      'Tilleggsbevillinger til orientering',
      'Vurdering',
    ]);
    expect(after(doc, 'Saker som ikke er klare for vedtak', 'paragraph')).toEqual(
      p('Disse sakene har feil som må rettes før de kan innstilles:'),
    );
    const section = after(doc, 'Saker som ikke er klare for vedtak', 'heading');
    expect(section.text).toBe('2025-05-006 Uten budsjett');
    // No recommendation row for a case that is not proposed.
    const facts = after(doc, '2025-05-006 Uten budsjett', 'table');
    expect(facts.rows.map((r) => r[0])).not.toContain('Innstilling');
    const listed = after(doc, '2025-05-006 Uten budsjett', 'list').items.map((item) => item[0]);
    for (const f of errors) expect(listed).toContain(f.fact.nb);
    // Not among the attachments either.
    expect(after(doc, 'Vedlegg', 'list').items).not.toContainEqual(['Søknad: Uten budsjett']);
  });

  it('lets a pre-project and a rejection proceed despite errors', () => {
    const v = withApps([
      {
        caseId: '2025-05-007',
        title: 'Forprosjekt uten budsjett',
        recommendation: 'Forprosjekt',
        recommendedAmount: 300_000,
      },
      { caseId: '2025-05-008', title: 'Avslag uten budsjett', recommendation: 'Avslås' },
    ]);
    const result = checkWorkbook(v, { today: TODAY });
    for (const id of ['2025-05-007', '2025-05-008'])
      expect(result.findings.some((f) => f.ref === id && f.severity === 'error')).toBe(true);
    const doc = buildMemo(result, { meetingDate: '2025-05-09', cases: ['2025-05-007', '2025-05-008'] });
    expect(proposalLines(doc)).toEqual([
      [
        { text: 'Forprosjekt uten budsjett (2025-05-007)', bold: true },
        ` tildeles ${kr('300 000')} til et forprosjekt for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
      ],
      [{ text: 'Avslag uten budsjett (2025-05-008)', bold: true }, ' avslås.'],
    ]);
    expect(headings(doc, 2)).not.toContain('Saker som ikke er klare for vedtak');
    expect(after(doc, '2025-05-008 Avslag uten budsjett', 'table').rows.at(-1)).toEqual([
      'Innstilling',
      'Avslås',
    ]);
    // A rejection adds nothing to the pots.
    expect(after(doc, 'Fordeling 2025', 'table').rows[1]![3]).toBe(n('125 000'));
  });

  it('words a partial grant with the amount asked', () => {
    const v = withApps(
      [{ caseId: '2025-05-009', title: 'Delvis', recommendation: 'Delvis', recommendedAmount: '500 000' }],
      [['2025-05-009']],
    );
    const doc = buildMemo(checkWorkbook(v, { today: TODAY }), {
      meetingDate: '2025-05-09',
      cases: ['2025-05-009'],
    });
    expect(proposalLines(doc)).toEqual([
      [
        { text: 'Delvis (2025-05-009)', bold: true },
        ` tildeles ${kr('500 000')} av søkte ${kr('1 060 000')} for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
      ],
    ]);
    expect(after(doc, '2025-05-009 Delvis', 'table').rows.at(-1)).toEqual([
      'Innstilling',
      `Delvis, ${kr('500 000')}`,
    ]);
  });

  it('throws naming an unknown case id', () => {
    const run = () =>
      buildMemo(example(), { meetingDate: '2025-05-09', cases: ['2025-05-001', '2025-99-999'] });
    expect(run).toThrow(TilskuddError);
    expect(run).toThrow(/2025-99-999/);
    expect(() => proposals(example(), ['nope'])).toThrow(/«nope»/);
  });

  it('accepts case ids with surrounding spaces', () => {
    expect(proposals(example(), [' 2025-05-001 ']).ready.map((r) => r.caseId)).toEqual(['2025-05-001']);
  });
});

describe('buildMemo in English', () => {
  const doc = buildMemo(example(), { ...MEETING, lang: 'en' });

  it('uses English headings and wording', () => {
    expect(doc.title).toBe('Decision memo');
    expect(headings(doc, 2)).toEqual([
      'Proposed decision',
      'Attachments',
      'Background',
      'Facts',
      'The applications',
      'Supplementary allocations for information',
      'Assessment',
    ]);
    expect(headings(doc, 3).slice(0, 2)).toEqual(['Allocation 2025', 'Allocation 2026']);
    expect((doc.blocks[0] as Extract<Block, { type: 'table' }>).rows.map((r) => r[0])).toEqual([
      'Board',
      'Meeting date',
      'Case number',
      'Case officer',
      'Subject',
    ]);
    const lines = after(doc, 'Proposed decision', 'list').items;
    expect(lines[0]![1]).toMatch(
      new RegExp(
        `^ is granted ${kr('1 060 000')} for August 2025–July 2026, according to the attached application\\.$`,
      ),
    );
    expect(lines[1]![1]).toContain(` is granted ${kr('625 000')} for a pre-project`);
    expect(toPlainText(doc)).not.toMatch(/tildeles|Forslag til vedtak|Søknadene/);
  });
});

describe('buildMemo edge inputs', () => {
  it('keeps a formula-looking title literal in the model and the Markdown', () => {
    const title = '=HYPERLINK("x")';
    const v = withApps([{ caseId: '2025-05-010', title }], [['2025-05-010']]);
    const doc = buildMemo(checkWorkbook(v, { today: TODAY }), {
      meetingDate: '2025-05-09',
      cases: ['2025-05-010'],
    });
    expect(proposalLines(doc)[0]![0]).toEqual({ text: `${title} (2025-05-010)`, bold: true });
    expect(headings(doc, 3)).toContain(`2025-05-010 ${title}`);
    const md = toMarkdown(doc);
    expect(md).toContain(`**${title} (2025-05-010)**`);
    expect(md).toContain(`### 2025-05-010 ${title}`);
    expect(md).not.toContain(`'${title}`);
  });

  it('builds from a workbook without the optional columns Innstilling and Innstilt beløp', () => {
    const v = exampleWorkbook();
    const sheet = v[APPLICATIONS.name]!;
    const drop = ['Innstilling', 'Innstilt beløp'].map((hd) => sheet[0]!.indexOf(hd));
    expect(drop.every((x) => x >= 0)).toBe(true);
    v[APPLICATIONS.name] = sheet.map((row) => row.filter((_, c) => !drop.includes(c)));
    expect(v[APPLICATIONS.name]![0]).not.toContain('Innstilling');

    const result = checkWorkbook(v, { today: TODAY });
    const doc = buildMemo(result, MEETING);
    // Without a recommendation a case is proposed for a grant of the amount asked; the data centre,
    // with its placeholder budget, is then not ready.
    expect(proposalLines(doc)).toEqual([
      [
        { text: `${AGDER} (2025-05-001)`, bold: true },
        ` tildeles ${kr('1 060 000')} for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
      ],
      [
        { text: 'Administrasjon (ADM-2025)', bold: true },
        ` tildeles ${kr('939 829')} for perioden mai 2025–oktober 2025.`,
      ],
      [expect.stringMatching(/^Fordelingsnøkkelen /)],
    ]);
    expect(headings(doc, 2)).toContain('Saker som ikke er klare for vedtak');
    expect(headings(doc, 3)).toContain(`2025-05-002 ${DATA}`);
  });

  it('builds 500 applications, one section each', () => {
    const apps: AppRow[] = Array.from({ length: 500 }, (_, k) => ({
      caseId: `2026-05-${String(k + 1).padStart(3, '0')}`,
      title: `Prosjekt ${k + 1}`,
    }));
    const v = withApps(
      apps,
      apps.map((a) => [String(a.caseId)]),
    );
    const result = checkWorkbook(v, { today: TODAY });
    // Its speed is measured by `npm run bench` (memo of 500 projects), never asserted here.
    const doc = buildMemo(result, { meetingDate: '2026-05-08' });
    const md = toMarkdown(doc);
    expect(proposalLines(doc)).toHaveLength(500);
    const sections = headings(doc, 3).filter((x) => /^2026-05-\d{3} Prosjekt \d+$/.test(x));
    expect(sections).toHaveLength(500);
    expect(new Set(sections).size).toBe(500);
    expect(md.length).toBeGreaterThan(0);
  });
});

describe('award letters', () => {
  const result = example();
  const all = grants(result);
  const letter = (caseId: string, lang: 'nb' | 'en' = 'nb') =>
    buildLetter(
      result,
      all.find((g) => g.application.caseId === caseId)!,
      { date: '2025-05-20', lang },
    );

  it('one per project with an ordinary grant and an application (not ADM-2025)', () => {
    expect(all.map((g) => g.application.caseId)).toEqual(['2025-05-001', '2025-05-002']);
    expect(all.map((g) => g.allocation.kind)).toEqual(['ordinary', 'ordinary']);
  });

  it('is a Norwegian letter: sender, recipient, references, date, officer and title', () => {
    const doc = letter('2025-05-001');
    expect(doc.title).toBe(`Tilsagn om tilskudd – ${AGDER}`);
    expect(doc.lang).toBe('nb');
    expect(toPlainText(doc).split('\n')[1]).toBe(
      'Helsefellesskapet Agder · Porteføljesekretariatet · Sørlandet sykehus HF',
    );
    expect(doc.blocks[1]).toEqual(
      table(
        [
          ['Til', 'Faglig samarbeidsutvalg barn og unge, postmottak@example.no'],
          ['Vår ref.', '18-2025/2025-05-001'],
          ['Dato', '20.05.2025'],
          ['Saksbehandler', 'Sekretariatet'],
        ],
        { keyValue: true },
      ),
    );
  });

  it('gives the archive case number as Vår ref. and the case officer per case when the columns have them', () => {
    const v = exampleWorkbook();
    const sheet = v[APPLICATIONS.name]!;
    const col = (name: string) => sheet[0]!.indexOf(name);
    sheet[1]![col('Arkivsaksnr')] = ' 2025/1234 ';
    sheet[1]![col('Saksbehandler')] = 'Ola Nordmann';
    const r = checkWorkbook(v, { today: TODAY });
    const head = (id: string) =>
      buildLetter(
        r,
        grants(r).find((g) => g.application.caseId === id)!,
        { date: '2025-05-20' },
      ).blocks[1];
    expect(head('2025-05-001')).toEqual(
      table(
        [
          ['Til', 'Faglig samarbeidsutvalg barn og unge, postmottak@example.no'],
          ['Vår ref.', '2025/1234'],
          ['Dato', '20.05.2025'],
          ['Saksbehandler', 'Ola Nordmann'],
        ],
        { keyValue: true },
      ),
    );
    // The signature falls back to the case's officer when no signatory is set.
    expect(toPlainText(buildLetter(r, grants(r)[0]!, { date: '2025-05-20' }))).toContain(
      'Med vennlig hilsen\nOla Nordmann',
    );
    // The other case keeps the board case and application id, and the setting's officer.
    expect((head('2025-05-002') as { rows: string[][] }).rows.slice(1, 4)).toEqual([
      ['Vår ref.', '18-2025/2025-05-002'],
      ['Dato', '20.05.2025'],
      ['Saksbehandler', 'Sekretariatet'],
    ]);
    // A workbook without the two columns reads as before.
    const old = exampleWorkbook();
    const drop = new Set([col('Arkivsaksnr'), col('Saksbehandler')]);
    old[APPLICATIONS.name] = old[APPLICATIONS.name]!.map((row) => row.filter((_, i) => !drop.has(i)));
    const o = checkWorkbook(old, { today: TODAY });
    expect(o.portfolio.columns.applications.archiveCase).toBeUndefined();
    expect(
      (buildLetter(o, grants(o)[0]!, { date: '2025-05-20' }).blocks[1] as { rows: string[][] }).rows[1],
    ).toEqual(['Vår ref.', '18-2025/2025-05-001']);
  });

  it('has every element of a grant offer, with its computed dates', () => {
    const v = exampleWorkbook();
    const set = (key: string, value: unknown) => {
      const row = v['Innstillinger']!.find((r) => r[0] === key);
      if (row) row[1] = value;
      else v['Innstillinger']!.push([key, value]);
    };
    set('Org.nr forvalter', '983 975 267');
    set('Postadresse', 'Postboks 416, 4604 Kristiansand');
    set('Underskriver', 'Kari Nordmann');
    set('Underskriver tittel', 'leder for porteføljesekretariatet');
    set('Klageadgang', 'Vedtaket kan påklages innen tre uker.');
    const r = checkWorkbook(v, { today: TODAY });
    const byId = (id: string) =>
      buildLetter(
        r,
        grants(r).find((g) => g.application.caseId === id)!,
        { date: '2025-05-20' },
      );
    const text = toPlainText(byId('2025-05-001'));
    for (const part of [
      'Helsefellesskapet Agder · Porteføljesekretariatet · Sørlandet sykehus HF, org.nr. 983975267 · Postboks 416, 4604 Kristiansand',
      // The decision: body, date, board case, amount, period.
      `SSU vedtok 09.05.2025 i sak 18-2025 å gi ${AGDER} et tilskudd på ${kr('1 060 000')} for perioden august 2025–juli 2026.`,
      // Per budget year with the sum (pro rata by months).
      `2025\t${n('441 667')}`,
      `2026\t${n('618 333')}`,
      `Sum\t${n('1 060 000')}`,
      'Tilskuddet skal brukes til',
      'skriftlig samarbeidsavtale mellom partene før midlene utbetales',
      'partenes egne bidrag skal stå i samarbeidsavtalen',
      // Report deadlines from the due-date engine: 1 Nov and 1 May inside the period, final 2 months after,
      // as sub-items of the reporting condition that leads in to them.
      'til porteføljesekretariatet innen disse fristene:\n  ◦ Statusrapport innen 01.11.2025\n  ◦ Statusrapport innen 01.05.2026\n  ◦ Sluttrapport innen 30.09.2026\n• Vesentlige endringer',
      'Tilskuddet utbetales når samarbeidsavtalen er signert',
      'skal avtales skriftlig med porteføljesekretariatet på forhånd',
      'skal tilbakebetales eller trekkes inn',
      'rett til å kontrollere',
      // Acceptance: letter date 20.05.2025 + 21 days.
      'Tilsagnet må aksepteres skriftlig innen 10.06.2025',
      'postmottak@example.no',
      'Med vennlig hilsen',
      'Kari Nordmann',
      'leder for porteføljesekretariatet',
    ])
      expect(text).toContain(part);
    // A full grant prints no reduction and no appeal text.
    expect(text).not.toMatch(/lavere enn det dere søkte om|påklages/);
    // In the model the deadlines are one level down, under their lead-in item, not a list of their own.
    const conditions = byId('2025-05-001').blocks.filter((x) => x.type === 'list');
    expect(conditions).toHaveLength(1);
    const list = conditions[0] as Extract<Block, { type: 'list' }>;
    const lead = list.items.findIndex((item) => String(item[0]).endsWith('innen disse fristene:'));
    expect(list.sub?.[lead]).toEqual([
      ['Statusrapport innen 01.11.2025'],
      ['Statusrapport innen 01.05.2026'],
      ['Sluttrapport innen 30.09.2026'],
    ]);
    expect(list.sub?.filter((x) => x.length > 0)).toHaveLength(1);
    expect(toMarkdown(byId('2025-05-001'))).toContain(
      'innen disse fristene:\n  - Statusrapport innen 01.11.2025\n  - Statusrapport innen 01.05.2026\n  - Sluttrapport innen 30.09.2026\n- Vesentlige',
    );
    // The pre-project got 625 000 of 1 500 000 asked: it says why, with the appeal text the setting holds.
    const reduced = toPlainText(byId('2025-05-002'));
    expect(reduced).toContain(
      `Dere søkte om ${kr('1 500 000')}. Tilskuddet er lavere enn det dere søkte om fordi tilskuddet gjelder et forprosjekt, ikke hele prosjektet.`,
    );
    expect(reduced).toContain('Klageadgang\nVedtaket kan påklages innen tre uker.');
    expect(reduced).toContain('Sluttrapport innen 28.02.2026');
  });

  it('writes a letter for each supplementary grant and each rejection, with its reasons', () => {
    const sup = supplementLetters(result);
    expect(sup.map((x) => x.application.caseId)).toEqual(['2025-05-001']);
    const text = toPlainText(buildSupplementLetter(result, sup[0]!, {}));
    expect(text.split('\n')[0]).toBe(`Tilsagn om tilleggsbevilling – ${AGDER}`);
    expect(text).toContain(
      `Porteføljesekretariatet vedtok 15.10.2025 en tilleggsbevilling på ${kr('60 000')}`,
    );
    expect(text).toContain('Dato\t15.10.2025');
    // A date asked for before the decision (letters --date for the round's offers) never back-dates it.
    expect(toPlainText(buildSupplementLetter(result, sup[0]!, { date: '2025-05-12' }))).toContain(
      'Dato\t15.10.2025',
    );
    expect(toPlainText(buildSupplementLetter(result, sup[0]!, { date: '2025-10-20' }))).toContain(
      'Dato\t20.10.2025',
    );
    // The decision sentence names who decided; the reason registered after it stands under Begrunnelse.
    expect(text).toContain(`til ${AGDER}, innenfor sekretariatets fullmakt.`);
    expect(text).toContain(
      'Begrunnelse\nRegionale samlinger for å ta i bruk de nye samhandlingsforløpene i alle regionene.\n',
    );
    // Paid with the project's grant, for its own period, and what the case still waits for: the offer was
    // accepted 27.05.2025, the written agreement is not signed (Samarbeidsavtale: Nei).
    expect(text).toContain(
      'Utbetaling\nTilleggsbevillingen utbetales sammen med tilskuddet til prosjektet (tilsagn av 09.05.2025), for perioden november 2025–juli 2026. Den utbetales når samarbeidsavtalen er signert (tilsagnet ble akseptert 27.05.2025).',
    );
    expect(text).not.toContain(result.portfolio.settings.paymentTerms);
    const withReason = {
      ...sup[0]!,
      allocation: { ...sup[0]!.allocation, decision: 'Sekretariatet: økte reisekostnader' },
    };
    expect(toPlainText(buildSupplementLetter(result, withReason, {}))).toContain(
      'Begrunnelse\nØkte reisekostnader.\n',
    );
    // No reason registered (a row typed by hand): the letter says so rather than inventing one.
    const noReason = {
      ...sup[0]!,
      allocation: { ...sup[0]!.allocation, decision: 'Porteføljesekretariatet' },
    };
    expect(toPlainText(buildSupplementLetter(result, noReason, {}))).toContain(
      'Begrunnelse\nDet er ikke registrert noen begrunnelse for tilleggsbevillingen',
    );
    // Both conditions met: the letter says so, with their dates.
    const ready = checkWorkbook(
      (() => {
        const v = exampleWorkbook();
        const apps = v[APPLICATIONS.name]!;
        const col = apps[0]!.indexOf('Samarbeidsavtale');
        apps[1]![col] = '20.06.2025';
        return v;
      })(),
      { today: TODAY },
    );
    expect(toPlainText(buildSupplementLetter(ready, supplementLetters(ready)[0]!, {}))).toContain(
      'Vilkårene for utbetaling er oppfylt: tilsagnet ble akseptert 27.05.2025 og samarbeidsavtalen er signert 20.06.2025.',
    );
    const v = withApps([{ caseId: '2025-05-009', title: 'Avslått tiltak', status: 'Avslått' }]);
    const settings = v['Innstillinger']!;
    settings.push(['Klageadgang', 'Vedtaket kan påklages innen tre uker.']);
    const r = checkWorkbook(v, { today: TODAY });
    expect(rejections(r).map((a) => a.caseId)).toEqual(['2025-05-009']);
    const rejection = toPlainText(buildRejectionLetter(r, rejections(r)[0]!, { date: '2025-05-20' }));
    expect(rejection.split('\n')[0]).toBe('Svar på søknad om tilskudd – Avslått tiltak');
    expect(rejection).toContain('og vedtok å avslå den.');
    expect(rejection).toContain('Begrunnelse\n');
    expect(rejection).toContain('Klageadgang\nVedtaket kan påklages innen tre uker.');
  });

  it('takes a rejection’s board case, date and reason from the registered decision', () => {
    const v = withApps([
      {
        caseId: '2025-05-009',
        title: 'Avslått tiltak',
        status: 'Avslått',
        decision: 'SSU 18-2025',
        reason: 'Tiltaket ligger utenfor tilskuddets formål.',
      },
    ]);
    const r = checkWorkbook(v, { today: TODAY });
    const app = rejections(r)[0]!;
    // The same board case granted 2025-05-001 on 9 May: the rejection is dated that day.
    expect(rejectionDate(r, app)).toBe('2025-05-09');
    const text = toPlainText(buildRejectionLetter(r, app, { date: rejectionDate(r, app) }));
    expect(text).toContain('Vår ref.\t18-2025/2025-05-009');
    expect(text).toContain('09.05.2025 i sak 18-2025, og vedtok å avslå den.');
    expect(text).toContain('Begrunnelse\n• Tiltaket ligger utenfor tilskuddets formål.');
    // Without a decision no allocation dates it.
    const undecided = { ...app, decision: '' };
    expect(rejectionDate(r, undecided)).toBe('');
    expect(toPlainText(buildRejectionLetter(r, undecided, { date: '2025-05-20' }))).toContain(
      'Vår ref.\t2025-05-009',
    );
  });

  it('names the own contributions when the application has them', () => {
    const v = exampleWorkbook();
    const sheet = v[APPLICATIONS.name]!;
    sheet[1]![sheet[0]!.indexOf('Egenandel kommune')] = '200 000';
    sheet[1]![sheet[0]!.indexOf('Egenandel helseforetak')] = 50_000;
    const r = checkWorkbook(v, { today: TODAY });
    const doc = buildLetter(r, grants(r)[0]!, { date: '2025-05-20' });
    expect(after(doc, 'Vilkår', 'list').items[1]).toEqual([
      `Partene bidrar med egne ressurser som i søknaden: kommune ${kr('200 000')}, SSHF ${kr('50 000')}.`,
    ]);
  });

  it('has an English variant', () => {
    const doc = letter('2025-05-001', 'en');
    expect(doc.title).toBe(`Grant offer – ${AGDER}`);
    expect(doc.lang).toBe('en');
    expect(headings(doc)).toEqual(['Decision', 'Conditions', 'Payment', 'Acceptance', 'Contact']);
    expect(after(doc, 'Decision', 'table').rows).toEqual([
      ['Budget year', 'Amount'],
      ['2025', n('441 667')],
      ['2026', n('618 333')],
      ['Total', n('1 060 000')],
    ]);
    expect(toPlainText(doc)).toContain('Final report by 2026-09-30');
    expect(toPlainText(doc)).not.toMatch(/Vilkår|tildelt|Budsjettår/);
  });
});

describe('public overview', () => {
  const result = example();

  it.each([2025, 2026])('has a row per project for %i, totals matching the ledger', (year) => {
    const doc = buildOverview(result, year);
    const summary = result.ledger.years.get(year)!;
    expect(doc.title).toBe(`Oversikt over tildelinger ${year}`);
    const rows = after(doc, 'Tildelinger', 'table').rows;
    expect(rows[0]).toEqual([
      'Prosjekt',
      'Organisasjon',
      'Kategori',
      'Periode',
      `Beløp ${year}`,
      'Tildelt i alt',
    ]);
    const parse = (s: string) => Number(s.replace(/\u00a0/g, ''));
    expect(rows.slice(1).reduce((s, r) => s + parse(r[4]!), 0)).toBe(summary.allocated);
    const key = after(doc, 'Rammen og fordelingsnøkkelen', 'table').rows;
    expect(key).toEqual([
      ['Kategori', 'Tildelt', 'Nøkkel', 'Nøkkelbeløp'],
      ['Innovasjon/prosjekt', n(fmt(summary.categories.innovation.amount)), '80 %', n('7 328 000')],
      ['Administrasjon', n(fmt(summary.categories.administration.amount)), '5 %', n('458 000')],
      ['Samdrift/tiltak', n(fmt(summary.categories.operations.amount)), '15 %', n('1 374 000')],
      ['Rammen', n(fmt(summary.allocated)), '', n('9 160 000')],
    ]);
  });

  it('lists the 2025 allocations per project', () => {
    const rows = after(buildOverview(result, 2025), 'Tildelinger', 'table').rows.slice(1);
    expect(rows).toEqual([
      [
        AGDER,
        'Faglig samarbeidsutvalg barn og unge',
        'Innovasjon/prosjekt',
        'august 2025–juli 2026',
        n('455 000'),
        n('1 120 000'),
      ],
      [
        DATA,
        'Østre Agder-samarbeidet og SSHF',
        'Innovasjon/prosjekt',
        'august 2025–desember 2025',
        n('625 000'),
        n('625 000'),
      ],
      [
        'SSU 18-2025 (sekretariat)',
        'Helsefellesskapet Agder',
        'Administrasjon',
        'mai 2025–oktober 2025',
        n('939 829'),
        n('939 829'),
      ],
    ]);
    expect(n('2 019 829')).toBe(n(fmt(result.ledger.years.get(2025)!.allocated)));
  });

  it('holds organisations only: no e-mail address anywhere', () => {
    for (const lang of ['nb', 'en'] as const) {
      const doc = buildOverview(result, 2025, lang);
      expect(toPlainText(doc)).not.toContain('@');
      expect(toMarkdown(doc)).not.toContain('@');
      expect(JSON.stringify(doc)).not.toContain('@');
    }
  });

  it('has an English variant', () => {
    const doc = buildOverview(result, 2025, 'en');
    expect(doc.title).toBe('Allocations 2025');
    expect(headings(doc)).toEqual(['Allocations', 'Frame and split key']);
  });
});

/** 2019829 → '2 019 829' (spaces, turned into NBSP by n()). */
function fmt(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

describe('Markdown and plain text renderers', () => {
  const doc: DocModel = {
    title: 'Tittel *x*',
    blocks: [
      h(2, 'Del [1] #2'),
      p('a ', b('fet*'), ' og ', i('kursiv'), ' [lenke](x)'),
      ol([['en'], ['to ', b('fet')]]),
      ul([['x_y']]),
      table(
        [
          ['A', 'B'],
          ['1|2', '[x]*'],
        ],
        { header: true },
      ),
      table([
        ['Nøkkel', 'Verdi'],
        ['k', 'v'],
      ]),
      { type: 'pageBreak' },
      h(3, 'Slutt'),
    ],
  };

  it('renders Markdown with headings, emphasis, lists and tables, escaping markup', () => {
    expect(toMarkdown(doc)).toBe(
      [
        '# Tittel \\*x\\*',
        '## Del \\[1\\] \\#2',
        'a **fet\\*** og *kursiv* \\[lenke\\](x)',
        '1. en\n2. to **fet**',
        '- x\\_y',
        '| A | B |\n| --- | --- |\n| 1\\|2 | \\[x\\]\\* |',
        '|  |  |\n| --- | --- |\n| Nøkkel | Verdi |\n| k | v |',
        '---',
        '### Slutt',
      ].join('\n\n') + '\n',
    );
  });

  it('keeps spaces at the edge of bold or italic outside the markers, so Markdown still reads them as emphasis', () => {
    const md = toMarkdown({
      title: 'T',
      blocks: [p(b('Alle tiltak: '), '15'), p('a', i(' kursiv'), '.'), p(b(' '), 'x')],
    });
    expect(md).toBe('# T\n\n**Alle tiltak:** 15\n\na *kursiv*.\n\n x\n');
  });

  it('renders plain text without markup', () => {
    expect(toPlainText(doc)).toBe(
      [
        'Tittel *x*',
        '',
        'Del [1] #2',
        'a fet* og kursiv [lenke](x)',
        '1. en',
        '2. to fet',
        '• x_y',
        'A\tB',
        '1|2\t[x]*',
        'Nøkkel\tVerdi',
        'k\tv',
        '',
        'Slutt',
      ].join('\n') + '\n',
    );
  });

  it('renders the memo as Markdown with its table rows', () => {
    const md = toMarkdown(buildMemo(example(), MEETING));
    expect(md.startsWith('# Saksfremstilling\n\n')).toBe(true);
    expect(md).toContain('| Møtedato | 09.05.2025 |');
    expect(md).toContain(`1. **${AGDER} (2025-05-001)** tildeles ${kr('1 060 000')} for perioden`);
    expect(md).toContain('## Forslag til vedtak');
    expect(md).toContain(
      `| Administrasjon | ${n('458 000')} | 0 | ${n('939 829')} | ${MINUS}${n('481 829')} |`,
    );
  });

  it('keeps a table row on one line when a cell holds a line break', () => {
    const md = toMarkdown({
      title: 'T',
      blocks: [
        table(
          [
            ['Felt', 'Verdi'],
            ['Søker', 'Linje 1\nLinje 2'],
          ],
          { header: true },
        ),
      ],
    });
    // Every line of the table is a table row: a raw line break would end the row mid-cell.
    const lines = md.trimEnd().split('\n\n')[1]!.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\|.*\|$/);
    expect(lines[2]).toMatch(/^\| Søker \| Linje 1.+Linje 2 \|$/);
  });
});

/** The visible text runs of a WordprocessingML part, unescaped. */
const runsOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      // The printed text keeps ids and month-years on one line (keepTogether): read as typed.
      .replace(/\u2011/g, '-')
      .replace(/([a-zA-Z])\u00a0(\d{4})/g, '$1 $2'),
  );

async function docxParts(doc: DocModel) {
  const buffer = await toDocx(doc);
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name}`);
    return file.async('string');
  };
  return {
    buffer,
    document: await part('word/document.xml'),
    numbering: await part('word/numbering.xml'),
    part,
  };
}

describe('.docx renderer', () => {
  const memo = buildMemo(example(), MEETING);

  it('is accessible: language, title property, title at outline level 1, repeated header rows, ids unbroken', async () => {
    for (const [lang, code] of [
      ['nb', 'nb-NO'],
      ['en', 'en-GB'],
    ] as const) {
      const zip = await JSZip.loadAsync(await toDocx(memo, lang));
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(styles).toMatch(new RegExp(`<w:docDefaults>[\\s\\S]*<w:lang w:val="${code}"/>`));
    }
    const { document, part } = await docxParts(memo);
    expect(await part('docProps/core.xml')).toContain('<dc:title>Saksfremstilling</dc:title>');
    const first = /<w:p>[\s\S]*?<\/w:p>/.exec(document.slice(document.indexOf('<w:body>')))![0];
    expect(first).toContain('<w:pStyle w:val="Title"/>');
    expect(first).toContain('<w:outlineLvl w:val="0"/>');
    // Headings after the title: level 2, then 3, never skipping a level.
    const levels = [...document.matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(2);
    levels.forEach((l, k) => expect(l - (k === 0 ? 1 : levels[k - 1]!)).toBeLessThanOrEqual(1));
    // Every table with a header row repeats it on each page.
    const headed = memo.blocks.filter((x) => x.type === 'table' && x.header).length;
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(headed);
    // Case ids and month-years are printed with a non-breaking hyphen and space.
    expect(document).toContain('2025\u201105\u2011001');
    expect(document).toContain('august\u00a02025');
  });

  it('writes a small zip with the title, the proposals and the table cells', async () => {
    const { buffer, document } = await docxParts(memo);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(buffer.length).toBeLessThan(50 * 1024);
    const runs = runsOf(document);
    expect(runs[0]).toBe('Saksfremstilling');
    expect(runs).toContain(`${AGDER} (2025-05-001)`);
    expect(runs).toContain(
      ` tildeles ${kr('1 060 000')} for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
    );
    expect(runs).toContain(
      ` tildeles ${kr('625 000')} til et forprosjekt for perioden august 2025–desember 2025, iht. vedlagte søknad.`,
    );
    for (const cell of ['Møtedato', '09.05.2025', '18-2025', n('1 066 667'), `${MINUS}${n('481 829')}`])
      expect(runs).toContain(cell);
    expect(runs).toContain('Forslag til vedtak');
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(document).toContain('<w:tbl>');
  });

  it('numbers ordered lists, each restarting, and bullets the findings', async () => {
    const { document, numbering } = await docxParts(memo);
    const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]!);
    const numIdOf = (text: string) => {
      const para = paragraphs.find((x) => runsOf(x).join('') === text);
      if (!para) throw new Error(`no paragraph «${text}»`);
      const id = /<w:numId w:val="(\d+)"\/>/.exec(para)?.[1];
      if (!id) throw new Error(`«${text}» is not in a list`);
      return id;
    };
    const formatOf = (numId: string) => {
      const abs = new RegExp(`<w:num w:numId="${numId}">.*?<w:abstractNumId w:val="(\\d+)"/>`).exec(
        numbering,
      )?.[1];
      const def = new RegExp(`<w:abstractNum w:abstractNumId="${abs}"[^>]*>(.*?)</w:abstractNum>`).exec(
        numbering,
      )?.[1];
      return /<w:lvl w:ilvl="0"[^>]*>.*?<w:numFmt w:val="(\w+)"\/>/.exec(def ?? '')?.[1];
    };
    const proposal = numIdOf(
      `${AGDER} (2025-05-001) tildeles ${kr('1 060 000')} for perioden august 2025–juli 2026, iht. vedlagte søknad.`,
    );
    const attachment = numIdOf('Retningslinjer for forvaltning av tilskuddsmidlene (sak 47-2024)');
    expect(numIdOf(`Søknad: ${DATA}`)).toBe(attachment);
    expect(formatOf(proposal)).toBe('decimal');
    expect(formatOf(attachment)).toBe('decimal');
    // The attachment list starts again at 1.
    expect(attachment).not.toBe(proposal);
    for (const id of [proposal, attachment])
      expect(numbering).toMatch(
        new RegExp(`<w:num w:numId="${id}">.*?<w:startOverride w:val="1"/>.*?</w:num>`),
      );
    const finding = example().findings.find(
      (f) => f.ref === '2025-05-002' && f.rule === 'budget-incomplete',
    )!;
    expect(formatOf(numIdOf(finding.fact.nb))).toBe('bullet');
  });

  it('writes sub-items one level down: bullets at level 1, numbered sub-items as a), b)', async () => {
    const nested: DocModel = {
      title: 'T',
      blocks: [
        ulNested([
          { item: ['Rapportering:'], sub: [['Statusrapport'], ['Sluttrapport']] },
          { item: ['Endringer'] },
        ]),
        { type: 'list', ordered: true, items: [['Første'], ['Andre']], sub: [[['Under']]] },
      ],
    };
    const { document, numbering } = await docxParts(nested);
    const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]!);
    const levelOf = (text: string) => {
      const para = paragraphs.find((x) => runsOf(x).join('') === text);
      return para === undefined ? 'none' : (/<w:ilvl w:val="(\d+)"\/>/.exec(para)?.[1] ?? 'no list');
    };
    expect(['Rapportering:', 'Statusrapport', 'Sluttrapport', 'Endringer'].map(levelOf)).toEqual([
      '0',
      '1',
      '1',
      '0',
    ]);
    expect(['Første', 'Under', 'Andre'].map(levelOf)).toEqual(['0', '1', '0']);
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="1"[^>]*>.*?<w:numFmt w:val="lowerLetter"\/>.*?<w:lvlText w:val="%2\)"\/>/,
    );
  });

  it('escapes &<>" in the title and keeps the XML well-formed', async () => {
    const title = 'Tilskudd & samhandling <2025> "SSU" \'sak\'';
    const { document, part } = await docxParts({ ...memo, title });
    expect(() => xml2js(document)).not.toThrow();
    expect(() => xml2js('<a><b></a>')).toThrow();
    expect(document).toContain('Tilskudd &amp; samhandling &lt;2025&gt;');
    expect(runsOf(document)[0]).toBe(title);
    const core = await part('docProps/core.xml');
    expect(() => xml2js(core)).not.toThrow();
  });

  it('renders letters and the overview too', async () => {
    const result = example();
    const letter = await docxParts(buildLetter(result, grants(result)[0]!, { date: '2025-05-20' }));
    expect(runsOf(letter.document)).toContain(`Tilsagn om tilskudd – ${AGDER}`);
    expect(runsOf(letter.document)).toContain(n('441 667'));
    const overview = await docxParts(buildOverview(result, 2025));
    expect(runsOf(overview.document).join(' ')).not.toContain('@');
    expect(overview.buffer.length).toBeLessThan(50 * 1024);
  });
});

describe('buildMemo: recommendations it cannot word', () => {
  it.each([
    ['an unknown Innstilling', { recommendation: 'Kanskje' }],
    ['a pre-project without Innstilt beløp', { recommendation: 'Forprosjekt', recommendedAmount: '' }],
  ])('holds back a case with %s instead of granting the amount asked', (_what, cells) => {
    const v = exampleWorkbook();
    const header = v['Søknader']![0] as string[];
    for (const [key, value] of Object.entries(cells)) {
      const field = APPLICATIONS.fields.find((f) => f.key === key)!;
      v['Søknader']![1]![header.indexOf(field.header)] = value;
    }
    const doc = buildMemo(checkWorkbook(v, { today: TODAY }), {
      meetingDate: '2025-05-09',
      cases: ['2025-05-001'],
    });
    expect(after(doc, 'Forslag til vedtak', 'paragraph')).toEqual(p('Ingen saker er klare for vedtak.'));
    expect(headings(doc, 2)).toContain('Saker som ikke er klare for vedtak');
  });
});
