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
import { cellText, isDate, neutralizeFormula } from '../../core/base/text';
import { STATUSES } from '../../core/workbook/vocabulary';
import { todayIn } from '../platform/desk';
import { FORM_ID_PROPERTY } from './form';
import type { LogEntry } from '../platform/log';
import { type JournalBatch, type JournalPlan, type JournalSpec } from './journal';
import { rowFor, wallClock } from '../platform/sheets';
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
      sendReceipts(props, Utilities.formatDate(now, timeZone, 'yyyy-MM-dd'), receipts);
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

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Receipts a day at most. The applicant writes the address, so receipts are mail anyone can make the desk
 * send: they get their own budget and leave the rest of the quota (100 a day on a consumer account) to
 * the reminders. Counted per day in the spreadsheet's zone in a document property.
 */
export const RECEIPTS_PER_DAY = 20;
const RECEIPTS_PROPERTY = 'tilskudd.mail.receipts';

/**
 * A receipt with the case id and a fixed text, nothing the applicant wrote (a title would let anyone
 * send their own message to any address from the desk's account); within the day's receipt budget and
 * the mail quota. A missing or invalid address sends nothing.
 */
function sendReceipts(
  props: DocumentProperties,
  day: string,
  receipts: ReadonlyArray<{ to: string; caseId: string }>,
): void {
  let counted: unknown = null;
  try {
    counted = JSON.parse(props.getProperty(RECEIPTS_PROPERTY) ?? 'null');
  } catch {
    counted = null;
  }
  const today = counted as { day?: unknown; sent?: unknown } | null;
  const before = today?.day === day && Number.isSafeInteger(today.sent) ? (today.sent as number) : 0;
  let sent = before;
  for (const { to, caseId } of receipts) {
    if (sent >= RECEIPTS_PER_DAY || !EMAIL.test(to) || MailApp.getRemainingDailyQuota() < 1) continue;
    MailApp.sendEmail(
      to,
      `Søknad mottatt: ${caseId}`,
      `Takk for søknaden. Den er registrert med saksnummer ${caseId} og blir behandlet i søknadsrunden. Oppgi saksnummeret når du kontakter sekretariatet.\n\nHilsen porteføljesekretariatet`,
    );
    sent++;
  }
  if (sent !== before) props.setProperty(RECEIPTS_PROPERTY, JSON.stringify({ day, sent }));
}
