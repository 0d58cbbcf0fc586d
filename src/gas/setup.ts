import { choicesFor } from '../core/workbook/choices';
import {
  ACTION_PLAN,
  ALLOCATIONS,
  APPLICATIONS,
  ASSESSMENTS,
  BUDGET,
  FINDINGS_SHEET,
  LOG_SHEET,
  MEMBERS_SHEET,
  SETTINGS_SHEET,
  type Field,
  type SheetSpec,
} from '../core/workbook/contract';
import { readSettings } from '../core/workbook/records';
import { DEFAULT_SETTINGS, settingsToRows, type Settings } from '../core/workbook/settings';
import { normalizeKey } from '../core/base/text';
import { activeEmail, requireRole } from './access';
import { appendLog } from './log';
import { SheetIndex, rowFor, type Sheet, type Spreadsheet } from './sheets';
import { accessError } from '../core/access/roles';
import { preparePlanSheet } from './plan';

/**
 * "Sett opp arbeidsboka": creates missing sheets with the contract's headers, adds missing headers at
 * the end of row 1, and sets frozen headers, dropdowns and number formats. It never deletes or moves
 * user data, and running it twice changes nothing.
 */
const SHEETS: readonly SheetSpec[] = [
  APPLICATIONS,
  BUDGET,
  ALLOCATIONS,
  SETTINGS_SHEET,
  MEMBERS_SHEET,
  FINDINGS_SHEET,
  LOG_SHEET,
  ASSESSMENTS,
  ACTION_PLAN,
];
/** Sheets the product writes: edits there get a warning, not a block (the secretariat owns the file). */
const GENERATED = new Set<string>([FINDINGS_SHEET.name, LOG_SHEET.name]);

const FORMATS: Partial<Record<Field['kind'], string>> = {
  money: '#,##0 "kr"',
  date: 'dd.mm.yyyy',
  month: '@',
};

export interface SetupReport {
  created: string[];
  headersAdded: string[];
  /** The user made leader by a first set-up of an empty `Medlemmer`. */
  leader: string | null;
}

export function setupWorkbook(ss: Spreadsheet): SetupReport {
  const sheets = new SheetIndex(ss);
  const members = sheets.find(MEMBERS_SHEET);
  const hasMembers = members !== null && members.getLastRow() > 1;
  // The very first set-up makes its user the leader; afterwards only the secretariat may run it.
  const user = hasMembers ? requireRole(sheets, 'settings') : firstUser();
  const report: SetupReport = { created: [], headersAdded: [], leader: null };
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
    } else {
      report.headersAdded.push(...addMissingHeaders(sheet, spec));
    }
    if (spec === MEMBERS_SHEET && !hasMembers) {
      // By header: the columns of an existing Medlemmer sheet may be in any order.
      const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0]!;
      writeRows(sheet, [rowFor(MEMBERS_SHEET, header, { email: user, role: 'Leder' })], 2);
      report.leader = user;
    }
    format(sheet, spec, settings);
    if (spec === ACTION_PLAN) preparePlanSheet(ss, sheets, sheet);
  }
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

function firstUser(): string {
  const email = activeEmail();
  const error = email === '' ? accessError(email, [], 'settings') : null;
  if (error) throw error;
  return email;
}

function writeRows(sheet: Sheet, rows: unknown[][], startRow = 1): void {
  const width = Math.max(...rows.map((r) => r.length));
  sheet
    .getRange(startRow, 1, rows.length, width)
    .setValues(rows.map((r) => [...r, ...Array(width - r.length).fill('')]));
}

/** Adds headers the sheet lacks after its last column; returns their names. */
function addMissingHeaders(sheet: Sheet, spec: SheetSpec): string[] {
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const present = new Set(
    sheet
      .getRange(1, 1, 1, lastColumn)
      .getValues()[0]!
      .map((h) => normalizeKey(String(h))),
  );
  const missing = spec.fields
    .filter((f) => ![f.header, f.en, ...(f.aliases ?? [])].some((n) => present.has(normalizeKey(n))))
    .map((f) => f.header);
  if (missing.length === 0) return [];
  sheet.getRange(1, lastColumn + 1, 1, missing.length).setValues([missing]);
  return missing.map((m) => `${spec.name}.${m}`);
}

/** Frozen bold header, dropdowns and number formats by column, warning-only protection of generated sheets. */
function format(sheet: Sheet, spec: SheetSpec, settings: Settings): void {
  const width = sheet.getLastColumn();
  const header = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]!
    .map((h) => normalizeKey(String(h)));
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  const rows = sheet.getMaxRows() - 1;
  for (const field of spec.fields as readonly Field[]) {
    const col = [field.header, field.en, ...(field.aliases ?? [])]
      .map((n) => header.indexOf(normalizeKey(n)))
      .find((i) => i >= 0);
    if (col === undefined || rows < 1) continue;
    const range = sheet.getRange(2, col + 1, rows, 1);
    const format = FORMATS[field.kind];
    if (format) range.setNumberFormat(format);
    const list = choicesFor(field, settings);
    if (list) {
      range.setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(list, true).setAllowInvalid(true).build(),
      );
    }
  }
  if (GENERATED.has(spec.name) && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    sheet
      .protect()
      .setWarningOnly(true)
      .setDescription('Skrevet av Tilskudd: endringer her blir overskrevet ved neste kontroll.');
  }
}

const changed = (r: SetupReport) => r.created.length + r.headersAdded.length > 0 || r.leader !== null;

export const setupDoneText = (r: SetupReport) =>
  !changed(r)
    ? { nb: 'Arbeidsboka var allerede satt opp.', en: 'The workbook was already set up.' }
    : {
        nb: `Satt opp. Nye ark: ${r.created.join(', ') || 'ingen'}. Nye kolonner: ${r.headersAdded.join(', ') || 'ingen'}.`,
        en: `Set up. New sheets: ${r.created.join(', ') || 'none'}. New columns: ${r.headersAdded.join(', ') || 'none'}.`,
      };
