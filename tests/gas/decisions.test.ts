import type { DecisionsDone, DecisionsView, Result } from '../../src/seam/api';
import { ALLOCATIONS } from '../../src/core/workbook/contract';
import { roundWorkbook } from '../core/decisions/round';
import { LEADER, deskWith } from './desk-helpers';

/**
 * *Registrer vedtak* on the built bundle: what the dialog lists, the role check, the lock, Logg first, one
 * write per sheet, idempotence and refusals writing nothing.
 */
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r.value;
};

const row = (caseId: string, kind: string, extra: Record<string, string> = {}) => ({
  caseId,
  kind,
  amount: '',
  period: '',
  reason: '',
  recused: '',
  ...extra,
});

const REQUEST = {
  boardCase: '04-2026',
  meeting: '2026-05-20',
  decisions: [
    row('2026-05-001', 'changed', { amount: '700 000' }),
    row('2026-05-002', 'preProject', { amount: '300000', recused: 'Styremedlem A' }),
    row('2026-05-003', 'rejected', { reason: 'Mangler forankring i kommunene' }),
  ],
};

const asLeader = <T>(sb: ReturnType<typeof deskWith>, fn: string, ...args: unknown[]) =>
  sb.runAs({ email: LEADER }, () => sb.call<Result<T>>(fn, ...args));

describe('Registrer vedtak', () => {
  it('lists the memo proposals of the latest board case with the recommended amounts', () => {
    const sb = deskWith(roundWorkbook());
    const v = ok(asLeader<DecisionsView>(sb, 'decisionsLoad', ''));
    expect(v).toMatchObject({
      boardCase: '04-2026',
      boardCases: ['04-2026'],
      meeting: '2026-05-20',
      fromMemo: true,
    });
    expect(v.proposals.map((p) => [p.caseId, p.recommendation, p.amount])).toEqual([
      ['2026-05-001', 'Innvilges', 900_000],
      ['2026-05-002', 'Delvis', 800_000],
      ['2026-05-003', 'Innvilges', 400_000],
    ]);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('refuses a Sekretariat member (only Leder and Sekretær register decisions), writing nothing', () => {
    const sb = deskWith(roundWorkbook());
    const r = sb.call<Result<DecisionsDone>>('decisionsRegister', REQUEST);
    expect(r.ok).toBe(false);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('writes Logg first, then the allocations and the applications in one write each, under the lock', () => {
    const sb = deskWith(roundWorkbook());
    const before = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.length;
    const done = ok(asLeader<DecisionsDone>(sb, 'decisionsRegister', REQUEST));
    expect(done).toMatchObject({ ref: 'PS-sak 04-2026', written: 3 });
    expect(done.notes.join(' ')).toContain('contract-missing');
    const allocs = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.slice(before);
    expect(allocs.map((r) => [r[0], r[1], r[5], r[6], r[7]])).toEqual([
      ['2026-05-001', 'PS-sak 04-2026', 700_000, '2026-08', '2027-07'],
      ['2026-05-002', 'PS-sak 04-2026 (forprosjekt)', 300_000, '2026-08', '2027-07'],
    ]);
    const apps = sb.spreadsheet.sheetData('Søknader').values;
    const col = (h: string) => (apps[0] as unknown[]).indexOf(h);
    const app = (id: string) => apps.find((r) => r[0] === id)!;
    expect(app('2026-05-001')[col('Status')]).toBe('Delvis innvilget');
    expect(app('2026-05-002')[col('Inhabil')]).toBe('Styremedlem A');
    expect([app('2026-05-003')[col('Status')], app('2026-05-003')[col('Begrunnelse')]]).toEqual([
      'Avslått',
      'Mangler forankring i kommunene',
    ]);
    const log = sb.spreadsheet.sheetData('Logg').values.slice(1);
    expect(log.map((r) => r[3])).toEqual(['2026-05-001', '2026-05-002', '2026-05-003']);
    expect(String(log[0]![5])).toContain('endret fra innstillingen');
    expect(sb.calls.count('LockService.getDocumentLock')).toBe(1);
    expect(sb.calls.count('Lock.releaseLock')).toBe(1);
    // One write each: Logg (a new sheet with its header), Tildelinger's rows, Søknader's cells.
    expect(sb.calls.count('Range.setValues')).toBe(3);
  });

  it('adds nothing when registered again, and refuses another change, writing nothing', () => {
    const sb = deskWith(roundWorkbook());
    ok(asLeader<DecisionsDone>(sb, 'decisionsRegister', REQUEST));
    const rows = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.length;
    const logRows = sb.spreadsheet.sheetData('Logg').values.length;
    sb.calls.reset();
    const again = ok(asLeader<DecisionsDone>(sb, 'decisionsRegister', REQUEST));
    expect(again.written).toBe(0);
    expect(again.message).toContain('allerede registrert');
    const changed = asLeader<DecisionsDone>(sb, 'decisionsRegister', {
      ...REQUEST,
      decisions: [row('2026-05-001', 'changed', { amount: '650 000' }), ...REQUEST.decisions.slice(1)],
    });
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error).toContain('nytt vedtak i en ny sak');
    expect(sb.calls.count('Range.setValues')).toBe(0);
    expect(sb.spreadsheet.sheetData(ALLOCATIONS.name).values).toHaveLength(rows);
    expect(sb.spreadsheet.sheetData('Logg').values).toHaveLength(logRows);
  });

  it('holds back a decision with an error in its own data, naming it, and writes nothing', () => {
    const sb = deskWith(roundWorkbook());
    const r = asLeader<DecisionsDone>(sb, 'decisionsRegister', {
      ...REQUEST,
      decisions: [row('2026-05-001', 'changed', { amount: '0' })],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Ingen vedtak er registrert.*sak 2026-05-001/);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('adds Vedtak, Begrunnelse and Inhabil after the last column of a Søknader sheet without them, keeping the rest', () => {
    const values = roundWorkbook();
    const apps = values['Søknader']!;
    const drop = ['Vedtak', 'Begrunnelse', 'Inhabil'].map((h) => apps[0]!.indexOf(h));
    values['Søknader'] = apps.map((r) => r.filter((_, c) => !drop.includes(c)));
    const sb = deskWith(values);
    const before = sb.spreadsheet.sheetData('Søknader').values.map((r) => [...r]);
    ok(asLeader<DecisionsDone>(sb, 'decisionsRegister', REQUEST));
    const after = sb.spreadsheet.sheetData('Søknader').values;
    const width = before[0]!.length;
    expect(after[0]!.slice(width, width + 3)).toEqual(['Vedtak', 'Begrunnelse', 'Inhabil']);
    const row = after.find((r) => r[0] === '2026-05-003')!;
    expect(row.slice(width, width + 2)).toEqual(['PS-sak 04-2026', 'Mangler forankring i kommunene']);
    // A decided row keeps every other value it had (dates as the same day, amounts, text).
    const status = before[0]!.indexOf('Status');
    const was = before.find((r) => r[0] === '2026-05-003')!;
    const other = (r: unknown[]) => r.slice(0, width).filter((_, c) => c !== status);
    expect(other(row)).toEqual(other(was));
  });
});

describe("Registrer vedtak: the board's closures, extensions and withdrawals", () => {
  const LATER = {
    boardCase: '05-2026',
    meeting: '2026-06-10',
    decisions: [],
    followUps: [
      { caseId: '2025-05-001', kind: 'extension', value: '2026-12' },
      { caseId: '2025-05-002', kind: 'withdrawal', value: '' },
      { caseId: '2025-05-002', kind: 'closure', value: '' },
    ],
  };
  // Without Forslag rows for the round, so a case of only follow-ups decides none of its recommendations.
  const values = () => {
    const v = roundWorkbook({ proposals: false });
    const apps = v['Søknader']!;
    const drop = apps[0]!.indexOf('Avslutningsvedtak');
    if (drop >= 0) v['Søknader'] = apps.map((r) => r.filter((_, c) => c !== drop));
    return v;
  };

  it('lists the granted projects with their end and what is unused', () => {
    const sb = deskWith(values());
    const v = ok(asLeader<DecisionsView>(sb, 'decisionsLoad', '05-2026'));
    expect(v.projects.map((p) => [p.caseId, p.end, p.unused])).toEqual([
      ['2025-05-001', '2026-07', 560_000],
      ['2025-05-002', '2025-12', 625_000],
    ]);
  });

  it('writes Logg first, the rows and the closure (adding Avslutningsvedtak), and nothing the second time', () => {
    const sb = deskWith(values());
    const before = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.length;
    const done = ok(asLeader<DecisionsDone>(sb, 'decisionsRegister', LATER));
    expect(done).toMatchObject({ ref: 'PS-sak 05-2026', written: 3 });
    const allocs = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.slice(before);
    expect(allocs.map((r) => [r[0], r[1], r[3], r[5], r[6], r[7]])).toEqual([
      ['2025-05-001', 'PS-sak 05-2026', 'Forlengelse', 0, '2026-08', '2026-12'],
      ['2025-05-002', 'PS-sak 05-2026', 'Inndragning', 625_000, '2025-12', '2025-12'],
    ]);
    const apps = sb.spreadsheet.sheetData('Søknader').values;
    const header = apps[0] as unknown[];
    expect(header[header.length - 1]).toBe('Avslutningsvedtak');
    const pre = apps.find((r) => r[0] === '2025-05-002')!;
    expect([pre[header.indexOf('Status')], pre[header.length - 1]]).toEqual(['Avsluttet', 'PS-sak 05-2026']);
    // The grant's own Vedtak stays.
    expect(pre[header.indexOf('Vedtak')]).not.toBe('PS-sak 05-2026');
    const log = sb.spreadsheet.sheetData('Logg').values.slice(1);
    expect(log.map((r) => [r[2], r[3]])).toEqual([
      ['Forlengelse', '2025-05-001'],
      ['Inndragning', '2025-05-002'],
      ['Avslutning godkjent', '2025-05-002'],
    ]);
    expect(sb.calls.count('Lock.releaseLock')).toBe(1);
    const rows = sb.spreadsheet.sheetData(ALLOCATIONS.name).values.length;
    sb.calls.reset();
    const again = ok(asLeader<DecisionsDone>(sb, 'decisionsRegister', LATER));
    expect(again.written).toBe(0);
    expect(sb.calls.count('Range.setValues')).toBe(0);
    expect(sb.spreadsheet.sheetData(ALLOCATIONS.name).values).toHaveLength(rows);
    const other = asLeader<DecisionsDone>(sb, 'decisionsRegister', {
      ...LATER,
      followUps: [{ caseId: '2025-05-001', kind: 'extension', value: '2027-03' }],
    });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toContain('forlenget til desember 2026');
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('approves a closure without deciding the proposals left as not decided; a later case decides one of them', () => {
    const sb = deskWith(values());
    const v = ok(asLeader<DecisionsView>(sb, 'decisionsLoad', '05-2026'));
    expect(v.fromMemo).toBe(false);
    const ids = v.proposals.map((p) => p.caseId);
    expect(ids).toEqual(['2026-05-001', '2026-05-002', '2026-05-003']);
    const status = () => {
      const apps = sb.spreadsheet.sheetData('Søknader').values;
      const col = (apps[0] as unknown[]).indexOf('Status');
      return ids.map((id) => apps.find((r) => r[0] === id)![col]);
    };
    const waiting = status();
    const done = ok(
      asLeader<DecisionsDone>(sb, 'decisionsRegister', {
        boardCase: '05-2026',
        meeting: '2026-06-10',
        decisions: ids.map((id) => row(id, 'notDecided', { recused: 'Styremedlem A' })),
        followUps: [{ caseId: '2025-05-002', kind: 'closure', value: '' }],
      }),
    );
    expect(done.written).toBe(1);
    expect(done.message).toContain('Ikke behandlet i denne saken (venter på et senere vedtak): 2026-05-001');
    expect(status()).toEqual(waiting);
    const log = () =>
      sb.spreadsheet
        .sheetData('Logg')
        .values.slice(1)
        .map((r) => [r[2], r[3]]);
    expect(log()).toEqual([['Avslutning godkjent', '2025-05-002']]);
    // The next meeting decides one of them; the other two still wait.
    const next = ok(
      asLeader<DecisionsDone>(sb, 'decisionsRegister', {
        boardCase: '06-2026',
        meeting: '2026-08-20',
        decisions: [row(ids[0]!, 'asRecommended'), row(ids[1]!, 'notDecided'), row(ids[2]!, 'notDecided')],
      }),
    );
    expect(next.written).toBe(1);
    expect(status()).toEqual(['Innvilget', ...waiting.slice(1)]);
    expect(log()).toEqual([
      ['Avslutning godkjent', '2025-05-002'],
      ['Vedtak', '2026-05-001'],
    ]);
    // Nothing chosen and nothing else decided: refused, nothing written.
    sb.calls.reset();
    const none = asLeader<DecisionsDone>(sb, 'decisionsRegister', {
      boardCase: '07-2026',
      meeting: '2026-09-20',
      decisions: ids.slice(1).map((id) => row(id, 'notDecided')),
    });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toContain('Ingen av forslagene i sak 07-2026 er valgt');
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('refuses a bad month and an unknown kind, writing nothing', () => {
    const sb = deskWith(values());
    const bad = asLeader<DecisionsDone>(sb, 'decisionsRegister', {
      ...LATER,
      followUps: [{ caseId: '2025-05-001', kind: 'extension', value: 'snart' }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('Sak 2025-05-001: ny slutt');
    const odd = asLeader<DecisionsDone>(sb, 'decisionsRegister', {
      ...LATER,
      followUps: [{ caseId: '2025-05-001', kind: 'delete', value: '' }],
    });
    expect(odd.ok).toBe(false);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });
});
