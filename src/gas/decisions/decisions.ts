import { tilskuddError } from '../../core/base/errors';
import { cellText, neutralizeFormula, normalizeKey } from '../../core/base/text';
import { decide, type BoardDecision, type FollowUpDecision } from '../../core/decisions/decide';
import { isClosedStatus } from '../../core/follow-up/deadlines/projects';
import { projectEconomy } from '../../core/money-flow/economy';
import { isGrantedStatus } from '../../core/workbook/status';
import { readProposals } from '../../core/decisions/proposals';
import { withheldText } from '../../core/documents/publication';
import { parseMoney } from '../../core/parse/money';
import { formatPeriod, monthOf, parseDay, parseMonth, parsePeriod, yearOf } from '../../core/parse/period';
import { readPortfolio, type Portfolio, type WorkbookValues } from '../../core/portfolio/records';
import { ALLOCATIONS, APPLICATIONS, PROPOSALS, mapHeaders, readTable } from '../../core/workbook/contract';
import { RECOMMENDATIONS } from '../../core/workbook/vocabulary';
import type { DecisionProjectView, DecisionRequest, DecisionsDone, DecisionsView } from '../../seam/api';
import { todayIn, type Desk } from '../platform/desk';
import { loggedWrite } from '../platform/log';
import { appendRows, rowFor, wrote, type Sheet } from '../platform/sheets';
import { readWorkbook } from '../workbook/portfolio';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The workbook with the memo's `Forslag` sheet, which the decision step reads beside the contract sheets. */
export function readWithProposals(desk: Desk): { values: WorkbookValues; sheets: Map<string, Sheet> } {
  const read = readWorkbook(desk.ss, desk.sheets);
  const sheet = desk.sheets.find(PROPOSALS);
  const values: Record<string, readonly (readonly unknown[])[]> = { ...read.values };
  if (sheet) values[desk.sheets.nameOf(sheet)] = desk.sheets.values(sheet);
  return { values, sheets: read.sheets };
}

/** The board cases the memo wrote proposals for, newest meeting last, with their meeting day. */
function boardCases(values: WorkbookValues): Array<{ boardCase: string; meeting: string }> {
  const name = Object.keys(values).find((n) => normalizeKey(n) === normalizeKey(PROPOSALS.name));
  if (!name) return [];
  const out = new Map<string, string>();
  for (const r of readTable(PROPOSALS, values[name]!).rows) {
    const day = parseDay(r.get('meeting'));
    out.set(cellText(r.get('boardCase')), day.ok ? iso(day.value) : '');
  }
  return [...out].map(([boardCase, meeting]) => ({ boardCase, meeting }));
}

/** *Registrer vedtak*: the proposals of a board case with the recommended amounts, to decide on. */
export function decisionsView(desk: Desk, asked: string): DecisionsView {
  const { values } = readWithProposals(desk);
  const portfolio = readPortfolio(values);
  const cases = boardCases(values);
  const boardCase = asked !== '' ? asked : (cases[cases.length - 1]?.boardCase ?? '');
  const { proposals, fromMemo } =
    boardCase === '' ? { proposals: [], fromMemo: false } : readProposals(portfolio, values, boardCase);
  const apps = new Map(portfolio.applications.map((a) => [a.caseId, a]));
  return {
    lang: desk.lang,
    boardCase,
    boardCases: cases.map((c) => c.boardCase),
    meeting: cases.find((c) => c.boardCase === boardCase)?.meeting || iso(todayIn(desk.ss, desk.sheets)),
    fromMemo,
    proposals: proposals.map((p) => ({
      caseId: p.caseId,
      title: p.title,
      recommendation: p.recommendation ? RECOMMENDATIONS[p.recommendation][desk.lang] : '',
      amount: p.amount.ok ? p.amount.value : null,
      period: p.period?.ok ? formatPeriod(p.period.value, desk.lang) : '',
      registered: apps.get(p.caseId)?.decision ?? '',
    })),
    projects: grantedProjects(portfolio, todayIn(desk.ss, desk.sheets), desk.lang),
  };
}

/** The granted projects not closed, with their period and what is unused, for the board's follow-up decisions. */
function grantedProjects(
  portfolio: Portfolio,
  today: Date,
  lang: DecisionsView['lang'],
): DecisionProjectView[] {
  const economy = projectEconomy(portfolio, today);
  return portfolio.applications
    .filter((a) => a.caseId !== '' && isGrantedStatus(a.status) && !isClosedStatus(a.status))
    .map((a) => {
      const e = economy.get(a.caseId);
      const period = e?.period ?? (a.period.ok ? a.period.value : null);
      return {
        caseId: a.caseId,
        title: a.title,
        period: period ? formatPeriod(period, lang) : '',
        end: period ? `${yearOf(period.to)}-${String(monthOf(period.to)).padStart(2, '0')}` : '',
        unused: Math.max(e?.remaining ?? 0, 0),
      };
    });
}

const badRequest = () =>
  tilskuddError(
    'Ugyldig forespørsel fra skjemaet. Lukk og åpne det igjen.',
    'Invalid request from the form. Close and reopen it.',
  );

/** The dialog's rows as the core's decisions; each value re-read as the CLI reads it. */
function decisionsOf(request: DecisionRequest): BoardDecision[] {
  return request.decisions
    .filter((d) => d.kind !== 'notDecided')
    .map((d): BoardDecision => {
      const amount = () => {
        const m = parseMoney(d.amount);
        if (!m.ok)
          throw tilskuddError(
            `Sak ${d.caseId}: beløpet ${m.reason.nb}.`,
            `Case ${d.caseId}: the amount ${m.reason.en}.`,
          );
        return m.value;
      };
      const period = () => {
        if (d.period.trim() === '') return {};
        const p = parsePeriod(d.period);
        if (!p.ok)
          throw tilskuddError(`Sak ${d.caseId}: ${p.reason.nb}.`, `Case ${d.caseId}: ${p.reason.en}.`);
        return { period: p.value };
      };
      switch (d.kind) {
        case 'asRecommended':
          return { caseId: d.caseId, kind: 'asRecommended' };
        case 'changed':
          return { caseId: d.caseId, kind: 'changed', amount: amount(), ...period() };
        case 'preProject':
          return { caseId: d.caseId, kind: 'preProject', amount: amount(), ...period() };
        case 'rejected':
          return { caseId: d.caseId, kind: 'rejected', reason: d.reason };
        case 'postponed':
          return { caseId: d.caseId, kind: 'postponed', reason: d.reason };
        default:
          throw badRequest();
      }
    });
}

/** The dialog's closures, extensions and withdrawals as the core's decisions, each value read as the CLI reads it. */
function followUpsOf(request: DecisionRequest): FollowUpDecision[] {
  return (request.followUps ?? []).map((d): FollowUpDecision => {
    switch (d.kind) {
      case 'closure':
        return { caseId: d.caseId, kind: 'closure' };
      case 'extension': {
        const m = parseMonth(d.value);
        if (!m.ok)
          throw tilskuddError(
            `Sak ${d.caseId}: ny slutt ${m.reason.nb}.`,
            `Case ${d.caseId}: new end ${m.reason.en}.`,
          );
        return { caseId: d.caseId, kind: 'extension', to: m.value };
      }
      case 'withdrawal': {
        if (d.value.trim() === '') return { caseId: d.caseId, kind: 'withdrawal' };
        const m = parseMoney(d.value);
        if (!m.ok)
          throw tilskuddError(
            `Sak ${d.caseId}: inndragningen ${m.reason.nb}.`,
            `Case ${d.caseId}: the withdrawal ${m.reason.en}.`,
          );
        return { caseId: d.caseId, kind: 'withdrawal', amount: m.value };
      }
      default:
        throw badRequest();
    }
  });
}

/**
 * Registers the board's decisions under the caller's lock, re-deciding against the sheets as they are now:
 * nothing is written when a decision is refused or held back; otherwise `Logg` first, then the new
 * `Tildelinger` rows in one write and the applications' cells in one write.
 */
export function registerDecisions(desk: Desk, request: DecisionRequest): DecisionsDone {
  const meeting = parseDay(request.meeting);
  if (!meeting.ok || !/^\d{4}-\d{2}-\d{2}$/.test(request.meeting))
    throw tilskuddError('Velg møtedatoen.', 'Choose the meeting date.');
  if (request.boardCase.trim() === '')
    throw tilskuddError(
      'Skriv saken i møtet, f.eks. 04-2026.',
      'Give the case in the meeting, e.g. 04-2026.',
    );
  const recused = new Map(
    request.decisions
      .filter((d) => d.kind !== 'notDecided' && d.recused.trim() !== '')
      .map((d) => [d.caseId, [d.recused.trim()]]),
  );
  const { values, sheets } = readWithProposals(desk);
  const portfolio = readPortfolio(values);
  const w = decide(portfolio, values, [...decisionsOf(request), ...followUpsOf(request)], {
    boardCase: request.boardCase.trim(),
    meeting: meeting.value,
    recused,
    // Only what the user chose is decided: a proposal marked not decided, or not listed, is left out.
    onlyNamed: true,
  });
  const lang = desk.lang;
  if (w.refused.length > 0 || w.held.length > 0) {
    const held = w.held.map((h) => {
      const { where, errors } = withheldText(h, lang);
      return `${where}: ${errors.join('; ')}`;
    });
    const lines = [...w.refused.map((r) => r[lang]), ...held];
    throw tilskuddError(
      `Ingen vedtak er registrert. ${lines.join(' ')}`,
      `No decision was registered. ${lines.join(' ')}`,
    );
  }
  const notes = [...w.notes.map((f) => `[${f.rule}] ${f.message[lang]}`), ...w.remarks.map((r) => r[lang])];
  const left =
    w.left.length === 0
      ? ''
      : lang === 'nb'
        ? ` Ikke behandlet i denne saken (venter på et senere vedtak): ${w.left.join(', ')}.`
        : ` Not decided in this case (waiting for a later decision): ${w.left.join(', ')}.`;
  if (w.log.length === 0)
    return {
      ref: w.ref,
      written: 0,
      notes,
      message:
        lang === 'nb'
          ? `${w.ref} er allerede registrert slik; ingenting er lagt til.${left}`
          : `${w.ref} is already registered so; nothing was added.${left}`,
    };
  const allocName = portfolio.sheetNames.allocations;
  const allocValues = values[allocName]!;
  const allocSheet = sheets.get(allocName)!;
  const appSheet = sheets.get(portfolio.sheetNames.applications)!;
  // Logg first, then the rows: no decision stands without its line (see loggedWrite).
  loggedWrite(desk.sheets, desk.user, [allocSheet, appSheet], w.log, () => {
    if (w.allocations.length > 0)
      appendRows(
        allocSheet,
        allocValues.length,
        w.allocations.map((a) =>
          rowFor(ALLOCATIONS, allocValues[0]!, { ...a, date: a.date instanceof Date ? iso(a.date) : a.date }),
        ),
      );
    writeApplications(appSheet, values[portfolio.sheetNames.applications]!, w.applications);
  });
  return {
    ref: w.ref,
    written: w.log.length,
    notes,
    message:
      lang === 'nb'
        ? `Registrerte ${w.log.length} vedtak i ${w.ref} (${w.allocations.length} tildelinger). Endringene står i Logg.${left}`
        : `Registered ${w.log.length} decisions in ${w.ref} (${w.allocations.length} allocations). The changes are in Logg.${left}`,
  };
}

type AppCells = ReturnType<typeof decide>['applications'][number];

const WRITTEN = ['decision', 'reason', 'recused', 'closure'] as const;

/**
 * The applications' `Status`, `Vedtak`, `Begrunnelse`, `Inhabil` and `Avslutningsvedtak` in one write over the
 * rows decided (a column a decision writes added after the last when missing); the cells between are written
 * back as they stand, formulas as formulas.
 */
function writeApplications(sheet: Sheet, values: readonly (readonly unknown[])[], cells: AppCells[]): void {
  if (cells.length === 0) return;
  let header = [...values[0]!];
  const missing = WRITTEN.filter(
    (k) =>
      (k !== 'closure' || cells.some((c) => c.closure !== undefined)) &&
      mapHeaders(APPLICATIONS, header)[k] === undefined,
  ).map((k) => APPLICATIONS.fields.find((f) => f.key === k)!.header);
  if (missing.length > 0) {
    const width = Math.max(header.length, sheet.getLastColumn());
    sheet.getRange(1, width + 1, 1, missing.length).setValues([missing]);
    header = [...header, ...new Array<string>(width - header.length).fill(''), ...missing];
  }
  const columns = mapHeaders(APPLICATIONS, header);
  const used = (['status', ...WRITTEN] as const).map((k) => columns[k]).filter((c) => c !== undefined);
  const first = Math.min(...used);
  const last = Math.max(...used);
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const range = sheet.getRange(top, first + 1, bottom - top + 1, last - first + 1);
  const formulas = range.getFormulas();
  const byRow = new Map(cells.map((c) => [c.row, c]));
  const block = formulas.map((f, i) => {
    const row = top + i;
    const current = values[row - 1] ?? [];
    const asIs = header.map((_, c) =>
      c >= first && c <= last && f[c - first] ? f[c - first] : neutralizeFormula(current[c] ?? ''),
    );
    const c = byRow.get(row);
    const next = c
      ? rowFor(
          APPLICATIONS,
          header,
          {
            status: c.status,
            ...Object.fromEntries(WRITTEN.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])),
          },
          asIs,
        )
      : asIs;
    return next.slice(first, last + 1);
  });
  range.setValues(block);
  wrote(sheet);
}
