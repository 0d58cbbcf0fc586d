import { choicesFor } from '../../core/workbook/choices';
import {
  ACTION_PLAN,
  PLAN_HISTORY,
  ALLOCATIONS,
  APPLICATIONS,
  ASSESSMENTS,
  BUDGET,
  DEADLINES,
  DOCUMENTS_SHEET,
  FINDINGS_SHEET,
  LOG_SHEET,
  MEMBERS_SHEET,
  PAYMENTS,
  SETTINGS_SHEET,
  STATUS_REPORTS,
  missingFields,
  type Field,
  type SheetSpec,
} from '../../core/workbook/contract';
import { readSettings } from '../../core/portfolio/records';
import { DEFAULT_SETTINGS, settingsToRows, type Settings } from '../../core/workbook/settings';
import { normalizeKey } from '../../core/base/text';
import { NUMBER_FORMAT } from '../../core/workbook/presentation';
import { activeEmail, requireRole } from '../platform/access';
import { appendLog } from '../platform/log';
import { SheetIndex, rowFor, type Sheet, type Spreadsheet } from '../platform/sheets';
import { accessError } from '../../core/access/roles';
import { tilskuddError } from '../../core/base/errors';
import { editable, protectSheets } from '../platform/protect';
import { ensureMarks } from '../workbook/assessment-marks';
import { markResponseKeys } from '../intake/journal';
import { APPLICATION_JOURNAL } from '../intake/intake';
import { STATUS_JOURNAL } from '../follow-up/status-intake';
import { preparePlanSheet } from '../plan/plan';
import { findingsTextRows } from '../workbook/check';
import { prepareHighlights } from '../workbook/highlights';
import { clearOldHighlights } from '../workbook/old-highlights';
import { INPUT_JOURNAL } from '../plan/input-form';
import { claimDocumentProperties } from '../platform/properties';

/**
 * "Sett opp arbeidsboka": creates missing sheets with the contract's headers, adds missing headers at
 * the end of row 1, and sets frozen headers, dropdowns and number formats. It never deletes or moves
 * user data, and running it twice changes nothing.
 */
const SHEETS: readonly SheetSpec[] = [
  APPLICATIONS,
  BUDGET,
  ALLOCATIONS,
  PAYMENTS,
  SETTINGS_SHEET,
  MEMBERS_SHEET,
  FINDINGS_SHEET,
  LOG_SHEET,
  ASSESSMENTS,
  STATUS_REPORTS,
  DEADLINES,
  DOCUMENTS_SHEET,
  ACTION_PLAN,
  PLAN_HISTORY,
];
/** `Avvik` is rewritten by every check: edits there get a warning (the protected sheets: protect.ts). */
const GENERATED = new Set<string>([FINDINGS_SHEET.name]);

/** The rows set-up gives `Avvik` (a sheet starts with 1 000). */
const FINDINGS_ROWS = 5000;

/** What getNumberFormat reports for a cell nobody formatted. */
const UNFORMATTED = new Set(['', 'General', '0.###############']);

export interface SetupReport {
  created: string[];
  headersAdded: string[];
  /** The user made leader by a first set-up of an empty `Medlemmer`. */
  leader: string | null;
  /** The sheets protected as the role table says (editable only by the roles that write them). */
  protected: string[];
  /** Protections the user may not change, and the member who can (see protect.ts). */
  skipped: string[];
  runBy: string | null;
}

/** A workbook never used: no members and nothing logged (the master of the template is one). */
export function isFreshWorkbook(sheets: SheetIndex): boolean {
  const hasRows = (spec: SheetSpec) => (sheets.find(spec)?.getLastRow() ?? 0) > 1;
  return !hasRows(MEMBERS_SHEET) && !hasRows(LOG_SHEET);
}

/** Who may set up: the leader, or in a workbook never used its first user (who becomes leader). */
export function setupUser(sheets: SheetIndex): string {
  const hasRows = (spec: SheetSpec) => (sheets.find(spec)?.getLastRow() ?? 0) > 1;
  return hasRows(MEMBERS_SHEET) ? requireRole(sheets, 'settings') : firstUser(hasRows(LOG_SHEET));
}

export function setupWorkbook(ss: Spreadsheet): SetupReport {
  const sheets = new SheetIndex(ss);
  const hasRows = (spec: SheetSpec) => (sheets.find(spec)?.getLastRow() ?? 0) > 1;
  const hasMembers = hasRows(MEMBERS_SHEET);
  // The very first set-up makes its user the leader; afterwards only the leader may run it.
  const user = setupUser(sheets);
  // In a copy of the template, what the master stored (its trigger owner, form ids, marks) is not ours.
  claimDocumentProperties();
  const report: SetupReport = {
    created: [],
    headersAdded: [],
    leader: null,
    protected: [],
    skipped: [],
    runBy: null,
  };
  const settingsSheet = sheets.find(SETTINGS_SHEET);
  // Dropdowns (regions) follow the workbook's own settings when it has them.
  const settings = settingsSheet
    ? readSettings({ [SETTINGS_SHEET.name]: settingsSheet.getDataRange().getValues() })
    : DEFAULT_SETTINGS;
  for (const spec of SHEETS) {
    let sheet = sheets.find(spec);
    if (!sheet) {
      sheet = sheets.insert(spec);
      report.created.push(spec.name);
      writeRows(sheet, [spec.fields.map((f) => f.header)]);
      if (spec === SETTINGS_SHEET) {
        writeRows(
          sheet,
          settingsToRows(DEFAULT_SETTINGS).map((r) => [r.key, r.value, r.description]),
          2,
        );
      }
    } else if (!editable(sheet)) {
      // Protected by someone else (the owner): left as it is, and said so (protectSheets names who can).
      report.skipped.push(sheets.nameOf(sheet));
      continue;
    } else {
      report.headersAdded.push(...addMissingHeaders(sheet, spec));
    }
    if (spec === MEMBERS_SHEET && !hasMembers) {
      // By header: the columns of an existing Medlemmer sheet may be in any order.
      const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0]!;
      writeRows(sheet, [rowFor(MEMBERS_SHEET, header, { email: user, role: 'Leder' })], 2);
      report.leader = user;
    }
    // Room for the findings of a large portfolio, every `Sak` in it formatted as text by format(): the check
    // then formats no rows of its own (writing past the sheet's rows would leave new rows unformatted).
    if (spec === FINDINGS_SHEET && sheet.getMaxRows() < FINDINGS_ROWS)
      sheet.insertRowsAfter(sheet.getMaxRows(), FINDINGS_ROWS - sheet.getMaxRows());
    format(sheet, spec, settings);
    if (spec === ACTION_PLAN) preparePlanSheet(ss, sheets, sheet);
    if (spec === FINDINGS_SHEET) findingsTextRows(sheet.getMaxRows());
  }
  // The check's colours: its marks sheet and the rules that read them; an earlier version's fills and
  // notes taken away.
  clearOldHighlights(sheets);
  prepareHighlights(sheets);
  // The key for Vurderinger's marks (and status tokens), and the rows already there marked, once.
  ensureMarks(sheets);
  // The response keys in Svar-ID marked with it, once: a key typed there later does not count.
  markResponseKeys(sheets, [APPLICATION_JOURNAL, STATUS_JOURNAL, INPUT_JOURNAL]);
  // After the first leader is written, so that the protection lists them.
  const protection = protectSheets(sheets);
  report.protected = protection.protected;
  report.skipped = [...new Set([...report.skipped, ...protection.skipped])];
  report.runBy = protection.runBy;
  if (changed(report)) {
    appendLog(sheets, user, [
      {
        action: 'Sett opp arbeidsboka',
        after: [
          ...report.created.map((n) => `ark ${n}`),
          ...report.headersAdded.map((h) => `kolonne ${h}`),
          ...(report.leader ? [`leder ${report.leader}`] : []),
        ].join(', '),
      },
    ]);
  }
  return report;
}

/**
 * The user of the very first set-up, who becomes leader. Only a workbook never used: an emptied
 * `Medlemmer` next to a `Logg` with entries is someone removing the members, not a new workbook.
 */
function firstUser(logged: boolean): string {
  const email = activeEmail();
  const error = email === '' ? accessError(email, [], 'settings') : null;
  if (error) throw error;
  if (logged) {
    throw tilskuddError(
      'Arket «Medlemmer» er tomt, men «Logg» viser at arbeidsboka er i bruk. Tilskudd gjør derfor ingen til leder. Eieren av regnearket må legge inn lederen (e-post og rollen Leder) i «Medlemmer» for hånd, og så kan lederen kjøre Sett opp arbeidsboka.',
      'The "Medlemmer" (members) sheet is empty, but "Logg" shows the workbook is in use, so Tilskudd makes nobody chair. The owner of the spreadsheet must enter the chair (e-mail and the role Leder) in "Medlemmer" by hand; then the chair can run Set up workbook.',
    );
  }
  return email;
}

function writeRows(sheet: Sheet, rows: unknown[][], startRow = 1): void {
  const width = Math.max(...rows.map((r) => r.length));
  sheet
    .getRange(startRow, 1, rows.length, width)
    .setValues(rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]));
}

/** Adds headers the sheet lacks after its last column; returns their names. */
function addMissingHeaders(sheet: Sheet, spec: SheetSpec): string[] {
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
  const missing = missingFields(spec, header).map((f) => f.header);
  if (missing.length === 0) return [];
  sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing]);
  return missing.map((m) => `${spec.name}.${m}`);
}

/**
 * Frozen bold header, number formats and dropdowns by column, in one read and at most one write of each
 * for the whole sheet. Only cells without a format or a dropdown get one: what a person set stays.
 */
function format(sheet: Sheet, spec: SheetSpec, settings: Settings): void {
  const width = sheet.getLastColumn();
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]!
    .map((h) => normalizeKey(String(h)));
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  const rows = sheet.getMaxRows() - 1;
  if (rows >= 1) {
    const body = sheet.getRange(2, 1, rows, width);
    const formats = body.getNumberFormats();
    const rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> = body.getDataValidations();
    let formatsChanged = false;
    let rulesChanged = false;
    for (const field of spec.fields as readonly Field[]) {
      const col = [field.header, field.en, ...(field.aliases ?? [])]
        .map((n) => header.indexOf(normalizeKey(n)))
        .find((i) => i >= 0);
      if (col === undefined) continue;
      const numberFormat = NUMBER_FORMAT[field.kind];
      const list = choicesFor(field, settings);
      const rule = list
        ? SpreadsheetApp.newDataValidation().requireValueInList(list, true).setAllowInvalid(true).build()
        : null;
      for (let r = 0; r < rows; r++) {
        if (numberFormat && UNFORMATTED.has(formats[r]![col]!)) {
          formats[r]![col] = numberFormat;
          formatsChanged = true;
        }
        if (rule && rules[r]![col] === null) {
          rules[r]![col] = rule;
          rulesChanged = true;
        }
      }
    }
    if (formatsChanged) body.setNumberFormats(formats);
    if (rulesChanged) body.setDataValidations(rules);
  }
  if (GENERATED.has(spec.name) && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    sheet
      .protect()
      .setWarningOnly(true)
      .setDescription('Skrevet av Tilskudd: endringer her blir overskrevet ved neste kontroll.');
  }
}

const changed = (r: SetupReport) => r.created.length + r.headersAdded.length > 0 || r.leader !== null;

export const setupDoneText = (r: SetupReport) => {
  const done = doneText(r);
  if (r.skipped.length === 0) return done;
  const who = r.runBy ?? 'eieren av regnearket';
  const whoEn = r.runBy ?? 'the owner of the spreadsheet';
  return {
    nb: `${done.nb} Beskyttelsen av ${r.skipped.join(', ')} kan bare endres av noen som allerede kan redigere den: ${who} må kjøre Sett opp arbeidsboka.`,
    en: `${done.en} The protection of ${r.skipped.join(', ')} can only be changed by someone who may edit it already: ${whoEn} must run Set up workbook.`,
  };
};

const doneText = (r: SetupReport) =>
  !changed(r)
    ? { nb: 'Arbeidsboka var allerede satt opp.', en: 'The workbook was already set up.' }
    : {
        nb: `Satt opp. Nye ark: ${r.created.join(', ') || 'ingen'}. Nye kolonner: ${r.headersAdded.join(', ') || 'ingen'}.`,
        en: `Set up. New sheets: ${r.created.join(', ') || 'none'}. New columns: ${r.headersAdded.join(', ') || 'none'}.`,
      };
