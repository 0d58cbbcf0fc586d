import { checkWorkbook } from '../../core/check/check';
import {
  ALLOCATIONS,
  APPLICATIONS,
  BUDGET,
  FINDINGS_SHEET,
  SETTINGS_SHEET,
  mapHeaders,
} from '../../core/workbook/contract';
import { SEVERITY_LABEL } from '../../core/engine/findings';
import {
  mapSubmission,
  caseIdMarks,
  nextCaseId,
  raiseHighWater,
  roundFor,
  roundPrefix,
} from '../../core/intake/intake';
import { otherAnswersText } from '../../core/intake/journal';
import { CELL_LIMIT, clipText, fitCell } from '../../core/workbook/cell-limit';
import { readSettings } from '../../core/portfolio/records';
import { cellText, countOf, isDate, neutralizeFormula } from '../../core/base/text';
import { STATUSES } from '../../core/workbook/vocabulary';
import { holdingLock, todayIn } from '../platform/desk';
import { outOfTime } from '../platform/time-budget';
import {
  RECEIPTS_PER_DAY,
  owe,
  readReceipts,
  receiptMail,
  type Receipt,
  type ReceiptState,
} from '../../core/intake/receipts';
import { FORM_ID_PROPERTY } from './form';
import { appendLog, type LogEntry } from '../platform/log';
import { type JournalBatch, type JournalPlan, type JournalSpec } from './journal';
import { SheetIndex, rowFor, wallClock } from '../platform/sheets';
import { documentProperties, type DocumentProperties } from '../platform/properties';

/**
 * The application form's intake: each new response becomes a `Søknader` row with the next case id of
 * its round, its `Budsjett` lines, its own findings in `Avvik` and a `Logg` line, written through the
 * journal (`journal.ts`) in one write per sheet. Invalid answers are kept as typed and flagged; answers
 * the mapping does not know go to `Andre svar`; an answer over the cell limit is cut and flagged.
 */
type Cells = Partial<Record<(typeof APPLICATIONS)['fields'][number]['key'], unknown>>;

/** Per round, the highest case number ever given (document property, updated under the lock). */
export const CASE_IDS_PROPERTY = 'tilskudd.application.caseIds';

export const APPLICATION_JOURNAL: JournalSpec<typeof APPLICATIONS> = {
  id: 'application',
  label: { nb: 'søknadsskjemaet', en: 'application form' },
  formIdProperty: FORM_ID_PROPERTY,
  target: APPLICATIONS,
  keyField: 'responseKey',
  otherField: 'otherAnswers',
  plan: planApplications,
};

function planApplications(batch: JournalBatch<typeof APPLICATIONS>): JournalPlan {
  const { ss, sheets, timeZone, target } = batch;
  const budget = sheets.require(BUDGET);
  const budgetValues = sheets.data(budget).values;
  const budgetHeader = budgetValues[0]!;
  const budgetLength = budgetValues.length;
  mapHeaders(BUDGET, budgetHeader); // a missing column stops with its name, before anything is written
  const findingsSheet = sheets.find(FINDINGS_SHEET);
  const findingsHeader = findingsSheet ? sheets.data(findingsSheet).values[0]! : null;
  if (findingsHeader) mapHeaders(FINDINGS_SHEET, findingsHeader);
  const settingsSheet = sheets.find(SETTINGS_SHEET);
  const settingsValues = settingsSheet ? sheets.values(settingsSheet) : null;
  const settings = readSettings(settingsValues ? { [SETTINGS_SHEET.name]: settingsValues } : {});
  const header = target.values[0]!;
  const caseCol = target.columns.caseId!;
  const props = documentProperties();
  // The highest number per round, from the sheet and the stored mark, read once and checked for
  // plausibility (a typed Saksnr may be anything): ids given below raise it.
  let marks = caseIdMarks(
    props.getProperty(CASE_IDS_PROPERTY),
    target.values.slice(1).map((row) => cellText(row[caseCol])),
  );

  const now = new Date();
  const appRows: unknown[][] = [];
  const checkRows: unknown[][] = [];
  const budgetRows: unknown[][] = [];
  const log: LogEntry[] = [];
  const receipts: Array<{ to: string; caseId: string }> = [];
  for (const response of batch.responses) {
    const submission = mapSubmission(response.answers, settings);
    // The response's own time decides its round, whenever it is registered.
    const received = isDate(response.timestamp) ? response.timestamp : now;
    const local = wallClock(received, timeZone);
    const round = roundFor(local.getUTCFullYear(), local.getUTCMonth() + 1, settings.roundMonths);
    const caseId = nextCaseId([], round, marks[roundPrefix(round)]);
    marks = raiseHighWater(marks, caseId);

    const cut: string[] = [];
    const fit = (value: unknown, what: string) => {
      const f = fitCell(value);
      if (f.cutFrom > 0) cut.push(what);
      return f.value;
    };
    const cells: Cells = {};
    for (const [key, value] of Object.entries(submission.cells)) cells[key as keyof Cells] = fit(value, key);
    const other = otherAnswersText(submission.unmatched);
    const row = rowFor(APPLICATIONS, header, {
      ...cells,
      caseId,
      received,
      status: STATUSES.received.nb,
      responseKey: response.key,
      otherAnswers: fit(other, 'otherAnswers'),
    });
    appRows.push(row);
    const dateCol = target.columns.received;
    checkRows.push(dateCol === undefined ? row : row.map((v, c) => (c === dateCol ? local : v)));
    for (const line of submission.budget)
      budgetRows.push(
        rowFor(BUDGET, budgetHeader, {
          caseId,
          item: fit(line.item, 'budget'),
          amount: fit(line.amount, 'budget'),
        }),
      );
    log.push({
      action: 'Søknad mottatt',
      caseId,
      after: [
        clipText(cellText(submission.cells.title), 200),
        `skjemasvar rad ${response.row} i «${batch.responseSheetName}»`,
        ...(submission.unmatched.length > 0
          ? [`andre svar: ${submission.unmatched.map((u) => u.title).join(', ')}`]
          : []),
        ...(cut.length > 0 ? [`avkortet: ${cut.join(', ')}`] : []),
      ].join('; '),
    });
    if (settings.emailReceipt) receipts.push({ to: cellText(submission.cells.email), caseId });
  }

  // The new applications' own findings, from the same engine as a full check, in one run.
  const checked = checkWorkbook(
    // Padded with blank rows (which the check skips) so messages name the rows the writes will fill.
    miniWorkbook(
      [header, ...blankRows(target.values.length - 1), ...checkRows],
      [budgetHeader, ...blankRows(budgetLength - 1), ...budgetRows],
      settingsValues,
    ),
    { today: todayIn(ss, sheets) },
  );
  const lang = batch.lang;
  const findingRows = checked.findings.map((f) =>
    // A message may quote an answer: clipped so that it fits its cell.
    [f.rule, SEVERITY_LABEL[f.severity][lang], f.ref, clipText(f.message[lang], CELL_LIMIT - 1), ''].map(
      neutralizeFormula,
    ),
  );
  const rulesByCase = new Map<string, Set<string>>();
  for (const f of checked.findings) {
    if (!rulesByCase.has(f.ref)) rulesByCase.set(f.ref, new Set());
    rulesByCase.get(f.ref)!.add(f.rule);
  }
  for (const entry of log) {
    const rules = [...(rulesByCase.get(entry.caseId!) ?? [])];
    entry.after += `; ${rules.length === 0 ? 'ingen avvik' : `avvik: ${rules.join(', ')}`}`;
  }

  return {
    appends: [
      { sheet: target.sheet, rows: appRows },
      { sheet: budget, rows: budgetRows },
      ...(findingsSheet && findingsHeader
        ? [{ sheet: findingsSheet, rows: findingRows.map((r) => placeFinding(findingsHeader, r)) }]
        : []),
    ].filter((a) => a.rows.length > 0),
    log,
    ids: appRows.map((r) => cellText(r[caseCol])),
    commit: () => {
      props.setProperty(CASE_IDS_PROPERTY, JSON.stringify(marks));
      return oweReceipts(props, Utilities.formatDate(now, timeZone, 'yyyy-MM-dd'), receipts);
    },
  };
}

const blankRows = (n: number): unknown[][] => Array.from({ length: Math.max(n, 0) }, () => []);

/** A finding row placed by `Avvik`'s header, so columns a person added there keep their place. */
function placeFinding(header: unknown[], [rule, severity, ref, message, cell]: unknown[]): unknown[] {
  return rowFor(FINDINGS_SHEET, header, { rule, severity, ref, message, cell });
}

function miniWorkbook(
  apps: unknown[][],
  budget: unknown[][],
  settings: unknown[][] | null,
): Record<string, unknown[][]> {
  return {
    [APPLICATIONS.name]: apps,
    [BUDGET.name]: budget,
    [ALLOCATIONS.name]: [ALLOCATIONS.fields.map((f) => f.header)],
    ...(settings ? { [SETTINGS_SHEET.name]: settings } : {}),
  };
}

/** The day's receipt count and the receipts still owed (`ReceiptState`). */
const RECEIPTS_PROPERTY = 'tilskudd.mail.receipts';

/**
 * Owes the batch's receipts, flushes, then sends what is owed. The flush comes first: a run killed while
 * mailing would otherwise lose the rows a receipt has announced, and the sweep would register the
 * application again under a new case id.
 */
function oweReceipts(props: DocumentProperties, day: string, receipts: readonly Receipt[]): LogEntry[] {
  if (receipts.length === 0) return [];
  const state = owe(readReceipts(props.getProperty(RECEIPTS_PROPERTY), day), receipts);
  if (state.pending.length === 0) return [];
  props.setProperty(RECEIPTS_PROPERTY, JSON.stringify(state));
  SpreadsheetApp.flush();
  return sendOwed(props, state);
}

/**
 * The hourly trigger: sends the receipts a run left owed (it stopped for time). Reads one property when
 * none are owed.
 */
export function sendOwedReceipts(): void {
  const props = documentProperties();
  if (readReceipts(props.getProperty(RECEIPTS_PROPERTY), '').pending.length === 0) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const held = holdingLock(30_000, () => {
    const day = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
    const log = sendOwed(props, readReceipts(props.getProperty(RECEIPTS_PROPERTY), day));
    if (log.length > 0) appendLog(new SheetIndex(ss), Session.getEffectiveUser().getEmail(), log);
  });
  if (!held) console.warn('Kvitteringer: arbeidsboka var opptatt; prøver igjen om en time.');
}

/**
 * Sends owed receipts in order, within the day's budget and the time budget. Each is taken off the list
 * before it is sent, so a run killed during a send never sends it twice. An address Google refuses is
 * skipped with a `Logg` line naming it; a spent quota drops the rest with one line saying so; a run out of
 * time leaves the rest for the next hour, with one line saying so.
 */
function sendOwed(props: DocumentProperties, state: ReceiptState): LogEntry[] {
  const save = () => props.setProperty(RECEIPTS_PROPERTY, JSON.stringify(state));
  const log: LogEntry[] = [];
  while (state.pending.length > 0 && state.sent < RECEIPTS_PER_DAY) {
    if (outOfTime()) {
      log.push({
        action: 'Kvitteringer',
        after: `${countOf(state.pending.length, 'kvittering', 'kvitteringer')} venter til neste kjøring om en time: kjøringen stoppet i tide før Googles grense på 6 minutter per kjøring`,
      });
      break;
    }
    const receipt = state.pending.shift()!;
    state.sent++;
    save();
    try {
      const mail = receiptMail(receipt.caseId);
      MailApp.sendEmail(receipt.to, mail.subject, mail.body);
    } catch (e) {
      state.sent--;
      if (MailApp.getRemainingDailyQuota() < 1) {
        const dropped = 1 + state.pending.length;
        state.pending = [];
        save();
        log.push({
          action: 'Kvitteringer',
          after: `${countOf(dropped, 'kvittering', 'kvitteringer')} ikke sendt: e-postkvoten for i dag er brukt opp. Søknadene er registrert.`,
        });
        break;
      }
      save();
      const why = e instanceof Error ? e.message : String(e);
      log.push({
        action: 'Kvittering ikke sendt',
        caseId: receipt.caseId,
        after: `til ${receipt.to}: Google avviste e-posten (${clipText(why, 200)}). Søknaden er registrert; søkeren har ikke fått kvittering.`,
      });
    }
  }
  return log;
}
