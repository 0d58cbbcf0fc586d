import { checkWorkbook } from '../../../src/core/check/check';
import { decide, type BoardDecision } from '../../../src/core/decisions/decide';
import { decisionRef, isOfDecision, readProposals } from '../../../src/core/decisions/proposals';
import { buildProtocol } from '../../../src/core/decisions/protocol';
import { toMarkdown } from '../../../src/core/documents/text';
import { buildMemo } from '../../../src/core/documents/memo';
import { exampleWorkbook } from '../../../src/example/agder';
import { readPortfolio, type WorkbookValues } from '../../../src/core/portfolio/records';
import { ALLOCATIONS, APPLICATIONS, PROPOSALS } from '../../../src/core/workbook/contract';
import { followedProjects } from '../../../src/core/follow-up/deadlines/projects';
import { projectEconomy } from '../../../src/core/money-flow/economy';
import { MEETING, roundWorkbook } from './round';

/** Amounts are written with non-breaking spaces; the tests read them as plain ones. */
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const options = { boardCase: '04-2026', meeting: MEETING };

/** Writes a decision's rows into the values as an adapter would (header-based), for a second run. */
function applied(
  values: Record<string, unknown[][]>,
  w: ReturnType<typeof decide>,
): Record<string, unknown[][]> {
  const out = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.map((r) => [...r])]));
  const allocs = out[ALLOCATIONS.name]!;
  for (const a of w.allocations)
    allocs.push(ALLOCATIONS.fields.map((f) => (a as Record<string, unknown>)[f.key] ?? ''));
  const apps = out[APPLICATIONS.name]!;
  const header = apps[0]!;
  for (const key of ['decision', 'reason', 'recused', 'closure'] as const) {
    const h = APPLICATIONS.fields.find((f) => f.key === key)!.header;
    if (!header.includes(h)) for (const r of apps) r.push(r === header ? h : '');
  }
  const col = (h: string) => header.indexOf(h);
  for (const a of w.applications) {
    const row = apps[a.row - 1]!;
    row[col('Status')] = a.status;
    if (a.decision !== undefined) row[col('Vedtak')] = a.decision;
    if (a.reason !== undefined) row[col('Begrunnelse')] = a.reason;
    if (a.recused) row[col('Inhabil')] = a.recused;
    if (a.closure) row[col('Avslutningsvedtak')] = a.closure;
  }
  return out;
}

const run = (values: WorkbookValues, decisions: BoardDecision[] = []) =>
  decide(readPortfolio(values), values, decisions, options);

describe('decide', () => {
  it('registers every proposal as recommended: one allocation each, the status, a log line', () => {
    const values = roundWorkbook();
    const w = run(values);
    expect(w.refused).toEqual([]);
    expect(w.held).toEqual([]);
    expect(w.ref).toBe('PS-sak 04-2026');
    expect(w.allocations.map((a) => [a.caseId, a.decision, a.amount, a.from, a.to, a.kind])).toEqual([
      ['2026-05-001', 'PS-sak 04-2026', 900_000, '2026-08', '2027-07', 'Ordinær'],
      ['2026-05-002', 'PS-sak 04-2026', 800_000, '2026-08', '2027-07', 'Ordinær'],
      ['2026-05-003', 'PS-sak 04-2026', 400_000, '2026-08', '2027-07', 'Ordinær'],
    ]);
    expect(w.allocations[0]!.date).toEqual(MEETING);
    expect(w.applications.map((a) => a.status)).toEqual(['Innvilget', 'Delvis innvilget', 'Innvilget']);
    expect(w.log.map((l) => l.after)).toEqual([
      expect.stringContaining('som innstilt'),
      expect.stringContaining('som innstilt'),
      expect.stringContaining('som innstilt'),
    ]);
  });

  it('writes a change, a pre-project and a rejection with its reason, naming the change in the log', () => {
    const w = run(roundWorkbook(), [
      {
        caseId: '2026-05-001',
        kind: 'changed',
        amount: 700_000,
        period: { from: 2026 * 12 + 8, to: 2027 * 12 + 5 },
      },
      { caseId: '2026-05-002', kind: 'preProject', amount: 300_000 },
      { caseId: '2026-05-003', kind: 'rejected', reason: 'Mangler forankring i kommunene' },
    ]);
    expect(w.refused).toEqual([]);
    expect(w.allocations.map((a) => [a.caseId, a.decision, a.amount, a.from, a.to])).toEqual([
      ['2026-05-001', 'PS-sak 04-2026', 700_000, '2026-09', '2027-06'],
      ['2026-05-002', 'PS-sak 04-2026 (forprosjekt)', 300_000, '2026-08', '2027-07'],
    ]);
    expect(w.applications.map((a) => [a.status, a.reason])).toEqual([
      ['Delvis innvilget', ''],
      ['Forprosjekt', ''],
      ['Avslått', 'Mangler forankring i kommunene'],
    ]);
    expect(sp(w.log[0]!.after)).toMatch(
      /endret fra innstillingen: beløp 700 000 kr \(innstilt 900 000 kr\), periode september 2026–juni 2027/,
    );
    expect(sp(w.log[1]!.after)).toMatch(/forprosjekt 300 000 kr \(innstilt 800 000 kr\)/);
    expect(w.log[2]!.after).toMatch(/avslått.*Mangler forankring/);
  });

  it('adds nothing when the same case is registered again', () => {
    const decisions: BoardDecision[] = [
      { caseId: '2026-05-003', kind: 'rejected', reason: 'Mangler forankring' },
    ];
    const first = run(roundWorkbook(), decisions);
    const again = run(applied(roundWorkbook(), first), decisions);
    expect(again.refused).toEqual([]);
    expect(again.allocations).toEqual([]);
    expect(again.log).toEqual([]);
    expect(again.already).toEqual(['2026-05-001', '2026-05-002', '2026-05-003']);
  });

  it('refuses a second registration with another change, saying how to correct it, and writes nothing', () => {
    const first = run(roundWorkbook());
    const second = run(applied(roundWorkbook(), first), [
      { caseId: '2026-05-001', kind: 'changed', amount: 500_000 },
    ]);
    expect(second.allocations).toEqual([]);
    expect(second.log).toEqual([]);
    expect(second.refused).toHaveLength(1);
    expect(second.refused[0]!.nb).toMatch(
      /Sak 2026-05-001 er allerede registrert i PS-sak 04-2026 .*nytt vedtak i en ny sak/,
    );
  });

  it('holds back a decision whose own data has an error, by the rule publish holds grants back by', () => {
    const values = roundWorkbook();
    // The memo's row holds no amount a grant can be written with.
    values[PROPOSALS.name]![2]![6] = 'ukjent';
    const w = run(values);
    expect(w.held.map((h) => [h.allocation.caseId, h.errors.map((f) => f.rule)])).toEqual([
      ['2026-05-002', [expect.any(String)]],
    ]);
    expect(w.allocations).toEqual([]);
    expect(w.applications).toEqual([]);
    expect(w.log).toEqual([]);
  });

  it("takes the application's category when the memo's row has none", () => {
    const values = roundWorkbook();
    values[PROPOSALS.name]![1]![4] = '';
    const w = run(values);
    expect(w.held).toEqual([]);
    expect(w.allocations[0]).toMatchObject({ caseId: '2026-05-001', category: 'Innovasjon/prosjekt' });
  });

  it('refuses a decision naming no proposal and a rejection without a reason', () => {
    const w = run(roundWorkbook(), [
      { caseId: '2099-01-001', kind: 'postponed' },
      { caseId: '2026-05-003', kind: 'rejected', reason: ' ' },
    ]);
    expect(w.refused.map((r) => r.nb)).toEqual([
      expect.stringContaining('«2099-01-001» er ikke blant forslagene i sak 04-2026'),
      expect.stringContaining('mangler begrunnelse'),
    ]);
    expect(w.log).toEqual([]);
  });

  it('shows findings on the application itself without holding the decision back', () => {
    const values = roundWorkbook();
    const apps = values[APPLICATIONS.name]!;
    const row = apps.find((r) => r[0] === '2026-05-002')!;
    row[apps[0]!.indexOf('Gevinstrealisering')] = '';
    const w = run(values, [{ caseId: '2026-05-002', kind: 'preProject', amount: 300_000 }]);
    expect(w.held).toEqual([]);
    expect(w.notes.map((f) => [f.rule, f.ref])).toContainEqual(['benefit-plan-missing', '2026-05-002']);
    expect(w.allocations).toHaveLength(3);
  });

  it('takes the proposals from the applications when the memo left no Forslag rows; a postponed case waits', () => {
    const values = roundWorkbook({ proposals: false });
    const { proposals, fromMemo } = readProposals(readPortfolio(values), values, '04-2026');
    expect(fromMemo).toBe(false);
    expect(proposals.map((p) => [p.caseId, p.amount])).toEqual([
      ['2026-05-001', { ok: true, value: 900_000 }],
      ['2026-05-002', { ok: true, value: 800_000 }],
      ['2026-05-003', { ok: true, value: 400_000 }],
    ]);
    const w = run(values, [{ caseId: '2026-05-003', kind: 'postponed' }]);
    expect(w.applications.map((a) => a.status)).toEqual(['Innvilget', 'Delvis innvilget', 'Utsatt']);
    expect(w.allocations).toHaveLength(2);
    // The postponed case comes back in the next board case.
    const next = readProposals(readPortfolio(applied(values, w)), applied(values, w), '05-2026');
    expect(next.proposals.map((p) => p.caseId)).toEqual(['2026-05-003']);
  });

  it('leaves a proposal out when only the named ones are decided: nothing written for it, a later case decides it', () => {
    const values = roundWorkbook({ proposals: false });
    const w = decide(readPortfolio(values), values, [{ caseId: '2026-05-002', kind: 'asRecommended' }], {
      ...options,
      onlyNamed: true,
    });
    expect(w.refused).toEqual([]);
    expect(w.fromMemo).toBe(false);
    expect(w.left).toEqual(['2026-05-001', '2026-05-003']);
    expect(w.outcomes.map((o) => o.proposal.caseId)).toEqual(['2026-05-002']);
    expect(w.allocations.map((a) => a.caseId)).toEqual(['2026-05-002']);
    expect(w.applications.map((a) => a.caseId)).toEqual(['2026-05-002']);
    expect(w.log.map((l) => l.caseId)).toEqual(['2026-05-002']);
    // Neither granted, rejected nor postponed: the cases left out wait, and another board case decides them.
    const after = applied(values, w);
    const next = readProposals(readPortfolio(after), after, '05-2026');
    expect(next.proposals.map((p) => p.caseId)).toEqual(['2026-05-001', '2026-05-003']);
    const later = decide(
      readPortfolio(after),
      after,
      [{ caseId: '2026-05-003', kind: 'rejected', reason: 'Svak' }],
      {
        boardCase: '05-2026',
        meeting: MEETING,
      },
    );
    expect(later.refused).toEqual([]);
    expect(later.applications.map((a) => [a.caseId, a.status, a.decision])).toEqual([
      ['2026-05-001', 'Innvilget', 'PS-sak 05-2026'],
      ['2026-05-003', 'Avslått', 'PS-sak 05-2026'],
    ]);
    // The same choice registered again adds nothing and still leaves the others out.
    const again = decide(readPortfolio(after), after, [{ caseId: '2026-05-002', kind: 'asRecommended' }], {
      ...options,
      onlyNamed: true,
    });
    expect(again.refused).toEqual([]);
    expect(again.already).toEqual(['2026-05-002']);
    expect(again.log).toEqual([]);
  });

  it("leaves the memo's proposals out the same way, and refuses a registration that decides nothing", () => {
    const values = roundWorkbook();
    const w = decide(readPortfolio(values), values, [{ caseId: '2026-05-003', kind: 'postponed' }], {
      ...options,
      onlyNamed: true,
    });
    expect(w.fromMemo).toBe(true);
    expect(w.left).toEqual(['2026-05-001', '2026-05-002']);
    expect(w.applications.map((a) => [a.caseId, a.status])).toEqual([['2026-05-003', 'Utsatt']]);
    const none = decide(readPortfolio(values), values, [], { ...options, onlyNamed: true });
    expect(none.log).toEqual([]);
    expect(none.refused.map((r) => r.nb)).toEqual([
      expect.stringContaining('Ingen av forslagene i sak 04-2026'),
    ]);
  });
});

describe('the decision protocol', () => {
  it('says per case what was registered, the changes, the reasons and who stood aside', () => {
    const values = roundWorkbook();
    const w = decide(
      readPortfolio(values),
      values,
      [
        { caseId: '2026-05-001', kind: 'changed', amount: 700_000 },
        { caseId: '2026-05-002', kind: 'preProject', amount: 300_000 },
        { caseId: '2026-05-003', kind: 'rejected', reason: 'Mangler forankring' },
      ],
      { ...options, recused: new Map([['2026-05-002', ['Styremedlem A']]]) },
    );
    const after = applied(values, w);
    const md = sp(
      toMarkdown(buildProtocol(checkWorkbook(after, { today: MEETING }), after, { boardCase: '04-2026' })),
    );
    expect(md).toContain('Vedtaksprotokoll – PS-sak 04-2026');
    expect(md).toContain('20.05.2026');
    expect(md).toMatch(/2026-05-001.*Delvis innvilget.*700 000/);
    expect(md).toMatch(/2026-05-002.*Forprosjekt.*300 000/);
    expect(md).toMatch(/2026-05-003.*Avslått/);
    expect(md).toContain('2026-05-001: innstilt Innvilges 900 000 kr, vedtatt Delvis innvilget 700 000 kr');
    expect(md).toContain('2026-05-003: Mangler forankring');
    expect(md).toContain('2026-05-002: Styremedlem A fratrådte');
    expect(md).toMatch(/Sum tildelt.*1 000 000/);
  });
});

describe("decide: the board's closures, extensions and withdrawals", () => {
  // The example's projects of SSU 18-2025: 2025-05-001 (1 060 000 + 60 000, 560 000 paid, 2025-08–2026-07)
  // and the pre-project 2025-05-002 (625 000, never paid, 2025-08–2025-12).
  const later = { boardCase: '05-2026', meeting: new Date('2026-06-10T00:00:00Z') };
  const runLater = (values: WorkbookValues, decisions: Parameters<typeof decide>[2]) =>
    decide(readPortfolio(values), values, decisions, later);
  const decisions: Parameters<typeof decide>[2] = [
    { caseId: '2025-05-001', kind: 'extension', to: 2026 * 12 + 11 },
    { caseId: '2025-05-001', kind: 'withdrawal', amount: 100_000 },
    { caseId: '2025-05-002', kind: 'withdrawal' },
    { caseId: '2025-05-002', kind: 'closure' },
  ];

  it('writes an extension row, withdrawal rows by budget year, a closure, a log line each; no proposal decided', () => {
    const values = roundWorkbook({ proposals: false });
    const w = runLater(values, decisions);
    expect(w.refused).toEqual([]);
    expect(w.held).toEqual([]);
    // The round's applications wait for their own meeting: a case of only follow-ups decides none of them.
    expect(w.outcomes).toEqual([]);
    expect(w.allocations.map((a) => [a.caseId, a.decision, a.kind, a.amount, a.from, a.to])).toEqual([
      ['2025-05-001', 'PS-sak 05-2026', 'Forlengelse', 0, '2026-08', '2026-12'],
      ['2025-05-001', 'PS-sak 05-2026', 'Inndragning', 100_000, '2026-07', '2026-07'],
      ['2025-05-002', 'PS-sak 05-2026', 'Inndragning', 625_000, '2025-12', '2025-12'],
    ]);
    expect(w.applications).toEqual([
      { row: expect.any(Number), caseId: '2025-05-002', status: 'Avsluttet', closure: 'PS-sak 05-2026' },
    ]);
    expect(w.log.map((l) => [l.action, l.caseId])).toEqual([
      ['Forlengelse', '2025-05-001'],
      ['Inndragning', '2025-05-001'],
      ['Inndragning', '2025-05-002'],
      ['Avslutning godkjent', '2025-05-002'],
    ]);
    expect(w.log[0]!.after).toBe('PS-sak 05-2026: periode august 2025–desember 2026');
    expect(w.followUps.map((f) => sp(f.words.nb))).toEqual([
      'Perioden forlenget til desember 2026',
      'Inndratt 100 000 kr',
      'Inndratt 625 000 kr',
      'Avslutning godkjent',
    ]);
  });

  it('the extension stretches the project and its deadlines, passes the checks, and moves no money', () => {
    const values = roundWorkbook({ proposals: false });
    const next = applied(values, runLater(values, decisions));
    const result = checkWorkbook(next, { today: later.meeting });
    const rows = result.portfolio.allocations.filter((a) => a.decision === 'PS-sak 05-2026');
    expect(
      result.findings.filter((f) =>
        f.cells.some((c) => rows.some((a) => a.row === c.row && c.sheet === 'allocations')),
      ),
    ).toEqual([]);
    expect(result.portfolio.applications.find((a) => a.caseId === '2025-05-002')!.status).toBe('Avsluttet');
    // Only the extension: the period and the report deadlines move, the money per budget year does not.
    const extended = applied(values, runLater(values, [decisions[0]!]));
    const economy = (v: WorkbookValues) =>
      projectEconomy(readPortfolio(v), later.meeting).get('2025-05-001')!;
    expect(economy(extended).period).toEqual({ from: 2025 * 12 + 7, to: 2026 * 12 + 11 });
    expect(economy(extended).byYear).toEqual(economy(values).byYear);
    expect(economy(extended).allocated).toBe(economy(values).allocated);
    const followed = followedProjects(readPortfolio(extended)).find(
      (f) => f.application.caseId === '2025-05-001',
    );
    expect(followed!.period.to).toBe(2026 * 12 + 11);
  });

  it('is idempotent, and refuses another decision in the same case with how to correct it', () => {
    const values = roundWorkbook({ proposals: false });
    const next = applied(values, runLater(values, decisions));
    const again = runLater(next, decisions);
    expect(again.refused).toEqual([]);
    expect(again.log).toEqual([]);
    expect(again.allocations).toEqual([]);
    expect(again.already).toEqual(['2025-05-001', '2025-05-001', '2025-05-002', '2025-05-002']);
    const other = runLater(next, [
      { caseId: '2025-05-001', kind: 'extension', to: 2027 * 12 + 2 },
      { caseId: '2025-05-001', kind: 'withdrawal', amount: 50_000 },
    ]);
    expect(other.log).toEqual([]);
    expect(other.refused.map((r) => sp(r.nb))).toEqual([
      expect.stringMatching(
        /allerede registrert annerledes i PS-sak 05-2026 \(forlenget til desember 2026\), og nå står det mars 2027\. .*nytt vedtak i en ny sak/,
      ),
      expect.stringMatching(/\(inndratt 100 000 kr\), og nå står det 50 000 kr/),
    ]);
    // The closure again in another case: already closed there.
    const closedAgain = decide(readPortfolio(next), next, [{ caseId: '2025-05-002', kind: 'closure' }], {
      ...later,
      boardCase: '06-2026',
    });
    expect(closedAgain.refused[0]!.nb).toMatch(/ble avsluttet i PS-sak 05-2026/);
  });

  it('refuses what the data does not allow, writing nothing', () => {
    const values = roundWorkbook({ proposals: false });
    const w = runLater(values, [
      { caseId: '2025-05-001', kind: 'extension', to: 2026 * 12 + 3 },
      { caseId: '2025-05-001', kind: 'withdrawal', amount: 600_000 },
      { caseId: '2099-01-001', kind: 'closure' },
      { caseId: '2026-05-001', kind: 'closure' },
      { caseId: '2025-05-002', kind: 'extension', to: 2025 * 12 + 10 },
    ]);
    expect(w.allocations).toEqual([]);
    expect(w.applications).toEqual([]);
    expect(w.log).toEqual([]);
    expect(w.refused.map((r) => sp(r.nb))).toEqual([
      expect.stringContaining(
        'Ny slutt april 2026 for sak 2025-05-001 er ikke etter prosjektets slutt (juli 2026)',
      ),
      expect.stringContaining('er mer enn det som er ubrukt (560 000 kr)'),
      expect.stringContaining('Sak «2099-01-001» finnes verken i «Søknader» eller «Tildelinger»'),
      expect.stringContaining('Sak 2026-05-001 har status «Innstilt»: bare et innvilget prosjekt avsluttes'),
      expect.stringContaining(
        'Ny slutt november 2025 for sak 2025-05-002 er ikke etter prosjektets slutt (desember 2025)',
      ),
    ]);
  });

  it('tells the board what a closure leaves: no final report, money unused', () => {
    const values = roundWorkbook({ proposals: false });
    const w = runLater(values, [{ caseId: '2025-05-001', kind: 'closure' }]);
    expect(w.refused).toEqual([]);
    expect(w.remarks.map((r) => sp(r.nb))).toEqual([
      'Sak 2025-05-001 har ingen mottatt sluttrapport i «Statusrapporter».',
      'Sak 2025-05-001 har 560 000 kr ubrukt; et vedtak om inndragning (--withdraw 2025-05-001) frigjør dem.',
    ]);
    expect(w.log[0]!.after).toBe('PS-sak 05-2026: Avsluttet; uten sluttrapport');
  });

  it('the protocol lists them, with amounts in kroner', () => {
    const values = roundWorkbook({ proposals: false });
    const next = applied(values, runLater(values, decisions));
    const md = sp(
      toMarkdown(
        buildProtocol(checkWorkbook(next, { today: later.meeting }), next, { boardCase: '05-2026' }),
      ),
    );
    expect(md).toContain('Vedtaksprotokoll – PS-sak 05-2026');
    expect(md).toContain('## Vedtak om innvilgede prosjekter');
    expect(md).toMatch(/2025-05-001 \| .* \| Perioden forlenget til desember 2026/);
    expect(md).toMatch(/2025-05-001 \| .* \| Inndratt 100 000 kr/);
    expect(md).toMatch(/2025-05-002 \| .* \| Avslutning godkjent/);
    expect(md).toContain('10.06.2026');
    // No recommendation of the spring round is listed as waiting in this case.
    expect(md).not.toContain('2026-05-001');
  });
});

describe('the decision reference', () => {
  it('reads «PS-sak 04-2026» and still accepts the older «PS 04-2026» where it is parsed', () => {
    const values = roundWorkbook();
    expect(decisionRef(readPortfolio(values), ' 04-2026 ')).toBe('PS-sak 04-2026');
    expect(isOfDecision('PS-sak 04-2026 (forprosjekt)', 'PS-sak 04-2026')).toBe(true);
    expect(isOfDecision('PS 04-2026 (forprosjekt)', 'PS-sak 04-2026')).toBe(true);
    expect(isOfDecision('ps-sak 04-2026', 'PS 04-2026')).toBe(true);
    expect(isOfDecision('PS-sak 04-20266', 'PS-sak 04-2026')).toBe(false);
    expect(isOfDecision('SSU-sak 04-2026', 'PS-sak 04-2026')).toBe(false);
  });

  it('the protocol writes amounts as the memo does: «kr» in the text and the column head, bare in the cells', () => {
    const values = roundWorkbook();
    const next = applied(values, run(values));
    const md = sp(toMarkdown(buildProtocol(checkWorkbook(next, { today: MEETING }), next, options)));
    expect(md).toContain('| Beløp (kr) |');
    expect(md).toMatch(/\| 2026-05-001 \|.*\| Innvilges 900 000 kr \|.*\| 900 000 \|/);
    expect(md).toMatch(/\| Sum tildelt \|.*\| 2 100 000 \|/);
  });
});

describe('the protocol restates the split key', () => {
  it('states the guiding key and how the decided allocations fall against it, with the memo’s figures', () => {
    const values = exampleWorkbook();
    const result = checkWorkbook(values, { today: new Date('2025-05-09T00:00:00Z') });
    const md = sp(toMarkdown(buildProtocol(result, values, { boardCase: '18-2025' })));
    expect(md).toContain('## Fordelingsnøkkelen');
    expect(md).toContain(
      'Fordelingsnøkkelen er veiledende: innovasjon/prosjekt 80 %, administrasjon 5 % og samdrift/tiltak 15 % av rammen (sak 18-2025).',
    );
    expect(md).toContain('### Budsjettår 2025');
    expect(md).toContain('| Kategori | Nøkkel | Nøkkelbeløp | Tildelt før | Vedtatt nå | Sum | Andel |');
    // Agdermodellen's 5/12 of 1 060 000 and the whole pre-project, as the memo counts them.
    expect(md).toContain('| Innovasjon/prosjekt | 80 % | 7 328 000 | 0 | 1 066 667 | 1 066 667 | 11,6 % |');
    expect(md).toContain('| Administrasjon | 5 % | 458 000 | 0 | 939 829 | 939 829 | 10,3 % |');
    expect(md).toContain('| Samdrift/tiltak | 15 % | 1 374 000 | 0 | 0 | 0 | 0 % |');
    expect(md).toContain('### Budsjettår 2026');
    expect(md).toContain(
      'Administrasjon 2025: 939 829 kr, 10,3 % av rammen mot nøkkelen på 5 % (458 000 kr), 481 829 kr over nøkkelen.',
    );
    // The memo for the same case shows the same figure for what it proposes.
    const memo = sp(toMarkdown(buildMemo(result, { meetingDate: '2025-05-09', caseNumber: '18-2025' })));
    expect(memo).toMatch(/\| Innovasjon\/prosjekt \| 7 328 000 \| 0 \| 1 066 667 \|/);
  });
});
