import { checkWorkbook } from '../core/rules/check';
import {
  ALLOCATIONS,
  APPLICATIONS,
  BUDGET,
  FINDINGS_SHEET,
  SETTINGS_SHEET,
  mapHeaders,
} from '../core/workbook/contract';
import { SEVERITY_LABEL } from '../core/rules/findings';
import {
  isBlankSubmission,
  mapSubmission,
  nextCaseId,
  responseKey,
  roundFor,
  type NamedValues,
} from '../core/intake/intake';
import { readSettings } from '../core/workbook/records';
import { tilskuddError } from '../core/base/errors';
import { cellText, neutralizeFormula } from '../core/base/text';
import { todayIn } from './desk';
import { langOf } from './i18n';
import { appendLog } from './log';
import { SheetIndex, appendRows, readValues, rowFor, wallClock } from './sheets';

/**
 * The form-submit trigger. It holds the document lock, drops blank events, ignores a response already
 * registered (replayed events, duplicate triggers), gives the application the next case id of its
 * round, and writes its `Søknader` row and `Budsjett` lines in one write each. Invalid answers are kept
 * as typed and flagged, never dropped.
 */
export interface SubmitEvent {
  namedValues?: NamedValues;
  values?: readonly string[];
}

export type SubmitOutcome =
  | { status: 'blank' }
  | { status: 'duplicate'; caseId: string }
  | { status: 'registered'; caseId: string; findings: number };

export function handleSubmission(e: SubmitEvent | undefined): SubmitOutcome {
  const named = e?.namedValues;
  if (!named || isBlankSubmission(named)) return { status: 'blank' };
  const lock = LockService.getDocumentLock();
  // Waits up to 30 s for other submissions; throws (and Google reports the failure) rather than lose one.
  lock.waitLock(30_000);
  try {
    return register(named, e?.values?.[0] ?? '');
  } finally {
    lock.releaseLock();
  }
}

function register(named: NamedValues, timestamp: string): SubmitOutcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = new SheetIndex(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const applications = sheets.require(APPLICATIONS);
  const budget = sheets.require(BUDGET);
  const settingsSheet = sheets.find(SETTINGS_SHEET);
  const appValues = readValues(applications, timeZone);
  const budgetValues = readValues(budget, timeZone);
  const settingsValues = settingsSheet ? readValues(settingsSheet, timeZone) : null;
  // Validates both headers before anything is written: a missing column stops with its name.
  const appColumns = mapHeaders(APPLICATIONS, appValues[0] ?? []);
  mapHeaders(BUDGET, budgetValues[0] ?? []);

  if (appColumns.responseKey === undefined) {
    throw tilskuddError(
      'Arket «Søknader» mangler kolonnen «Svar-ID», som hindrer at samme skjemasvar registreres to ganger. Velg Tilskudd › Sett opp arbeidsboka for å legge den til.',
      'The "Søknader" sheet has no "Svar-ID" column, which keeps a form response from being registered twice. Choose Tilskudd › Set up workbook to add it.',
    );
  }
  const key = responseKey(timestamp || cellText(named['Tidsmerke']?.[0] ?? named['Timestamp']?.[0]), named);
  const ids: string[] = [];
  for (const row of appValues.slice(1)) {
    const existing = cellText(row[appColumns.caseId!]);
    if (cellText(row[appColumns.responseKey]) === key) {
      return { status: 'duplicate', caseId: existing };
    }
    ids.push(existing);
  }

  const settings = readSettings(settingsValues ? { [SETTINGS_SHEET.name]: settingsValues } : {});
  const submission = mapSubmission(named, settings);
  const now = new Date();
  const received = wallClock(now, timeZone);
  const caseId = nextCaseId(
    ids,
    roundFor(received.getUTCFullYear(), received.getUTCMonth() + 1, settings.roundMonths),
  );
  const appRow = rowFor(APPLICATIONS, appValues[0]!, {
    ...submission.cells,
    caseId,
    received: now,
    status: 'Mottatt',
    responseKey: key,
  });
  const budgetRows = submission.budget.map((line) => rowFor(BUDGET, budgetValues[0]!, { caseId, ...line }));
  appendRows(applications, appValues.length, [appRow]);
  appendRows(budget, budgetValues.length, budgetRows);

  // The new application's own findings, from the same engine as a full check.
  const checked = checkWorkbook(
    miniWorkbook(
      [appValues[0]!, withDate(appRow, appColumns.received, received)],
      [budgetValues[0]!, ...budgetRows],
      settingsValues,
    ),
    { today: todayIn(ss) },
  );
  const lang = langOf(ss);
  recordFindings(
    sheets,
    checked.findings.map((f) => [f.rule, SEVERITY_LABEL[f.severity][lang], caseId, f.message[lang], '']),
  );
  appendLog(sheets, Session.getEffectiveUser().getEmail(), [
    {
      action: 'Søknad mottatt',
      caseId,
      after: [
        cellText(submission.cells.title),
        checked.findings.length === 0
          ? 'ingen avvik'
          : `avvik: ${[...new Set(checked.findings.map((f) => f.rule))].join(', ')}`,
        ...(submission.unmatched.length > 0 ? [`ukjente spørsmål: ${submission.unmatched.join(', ')}`] : []),
      ].join('; '),
    },
  ]);
  if (settings.emailReceipt)
    sendReceipt(cellText(submission.cells.email), caseId, cellText(submission.cells.title));
  return { status: 'registered', caseId, findings: checked.findings.length };
}

function withDate(row: unknown[], col: number | undefined, date: Date): unknown[] {
  const copy = [...row];
  if (col !== undefined) copy[col] = date;
  return copy;
}

function miniWorkbook(
  apps: unknown[][],
  budget: unknown[][],
  settings: unknown[][] | null,
): Record<string, unknown[][]> {
  return {
    [APPLICATIONS.name]: apps,
    [BUDGET.name]: budget.length > 0 ? budget : [BUDGET.fields.map((f) => f.header)],
    [ALLOCATIONS.name]: [ALLOCATIONS.fields.map((f) => f.header)],
    ...(settings ? { [SETTINGS_SHEET.name]: settings } : {}),
  };
}

/** Appends the application's findings to `Avvik` in one write, until the next full check rewrites it. */
function recordFindings(sheets: SheetIndex, rows: unknown[][]): void {
  const sheet = sheets.find(FINDINGS_SHEET);
  if (!sheet || rows.length === 0) return;
  appendRows(
    sheet,
    Math.max(sheet.getLastRow(), 1),
    rows.map((r) => r.map(neutralizeFormula)),
  );
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A receipt with the case id, within the daily quota; a missing or invalid address sends nothing. */
function sendReceipt(to: string, caseId: string, title: string): void {
  if (!EMAIL.test(to) || MailApp.getRemainingDailyQuota() < 1) return;
  MailApp.sendEmail(
    to,
    `Søknad mottatt: ${caseId}`,
    `Takk for søknaden «${title}».\n\nDen er registrert med saksnummer ${caseId} og blir behandlet i søknadsrunden. Oppgi saksnummeret når du kontakter sekretariatet.\n\nHilsen porteføljesekretariatet`,
  );
}
