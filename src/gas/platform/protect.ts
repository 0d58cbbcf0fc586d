import {
  PROTECTED_SHEETS,
  RESPONSE_SHEET_WRITERS,
  firstLeader,
  protectionEditors,
} from '../../core/access/protections';
import { MEMBERS_SHEET, mapHeaders, type SheetSpec } from '../../core/workbook/contract';
import { normalizeKey } from '../../core/base/text';
import { tilskuddError, type TilskuddError } from '../../core/base/errors';
import type { Sheet, SheetIndex } from './sheets';
import { documentProperties } from './properties';

/**
 * Google protection of every sheet the product decides from, with the editors the role table gives
 * (src/core/access/protections.ts): real protection, or warning-only where people type by design with the
 * response-key column protected for real. Set-up applies it and brings the editor lists up to date with
 * `Medlemmer`, so a member added later can write once the chair runs set-up again. A few service calls
 * per sheet, whatever the number of rows or members.
 */
export const PROTECTION_DESCRIPTION = 'Tilskudd: bare medlemmer med rett rolle kan endre dette arket.';
const COLUMN_DESCRIPTION = 'Tilskudd: svar-ID-en bestemmer hva som er registrert; bare Tilskudd skriver den.';

export interface ProtectReport {
  /** The sheets (and `sheet.column`) protected as the role table says. */
  protected: string[];
  /** Protections the user running set-up may not change, and who must run it. */
  skipped: string[];
  /** The member who can (the first *Leder*) when something was skipped; null: the owner. */
  runBy: string | null;
}

export function protectSheets(sheets: SheetIndex): ProtectReport {
  const members = sheets.find(MEMBERS_SHEET)?.getDataRange().getValues() ?? [[]];
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const report: ProtectReport = { protected: [], skipped: [], runBy: null };
  const withMe = (list: string[]) => (me === '' || list.includes(me) ? list : [...list, me]);
  for (const { spec, writtenBy, warningOnly, column } of PROTECTED_SHEETS) {
    const sheet = sheets.find(spec);
    if (!sheet) continue;
    // Under exactly its Norwegian or English name: the names Tilskudd asks Google for, both of them, so a
    // look-alike under the other name is refused (sheets.ts). A protected sheet keeps that name: only its
    // editors may rename it.
    let name = sheets.nameOf(sheet);
    if (!warningOnly && name !== spec.name && name !== spec.en) {
      name = normalizeKey(name) === normalizeKey(spec.en) ? spec.en : spec.name;
      sheet.setName(name);
    }
    const sheetDone = protect(sheet, me, withMe(protectionEditors(members, writtenBy)), warningOnly === true);
    (sheetDone ? report.protected : report.skipped).push(name);
    if (column) {
      const done = protectColumn(
        sheet,
        spec,
        column.header,
        me,
        withMe(protectionEditors(members, column.writtenBy)),
      );
      if (done !== null) (done ? report.protected : report.skipped).push(`${name}.${column.header}`);
    }
  }
  for (const sheet of responseSheets(sheets)) {
    const done = protect(sheet, me, withMe(protectionEditors(members, RESPONSE_SHEET_WRITERS)), false);
    (done ? report.protected : report.skipped).push(sheets.nameOf(sheet));
  }
  // The first Leder, unless that is the user running it now: then only the owner can.
  const leader = firstLeader(members);
  if (report.skipped.length > 0 && leader !== null && leader.toLowerCase() !== me) report.runBy = leader;
  return report;
}

/** Document properties `tilskudd.<form>.responseSheet` hold the response sheets' ids (journal.ts). */
const RESPONSE_SHEET_PROPERTY = /^tilskudd\.[a-z]+\.responseSheet$/;

function responseSheets(sheets: SheetIndex): Sheet[] {
  const props = documentProperties().getProperties();
  return Object.entries(props)
    .filter(([key]) => RESPONSE_SHEET_PROPERTY.test(key))
    .map(([, id]) => sheets.byId(Number(id)))
    .filter((s): s is Sheet => s !== null);
}

/** A form's response sheet just linked: protected at once, for those who take in responses. */
export function protectResponseSheet(sheets: SheetIndex, sheet: Sheet): void {
  const members = sheets.find(MEMBERS_SHEET)?.getDataRange().getValues() ?? [[]];
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const editors = protectionEditors(members, RESPONSE_SHEET_WRITERS);
  protect(sheet, me, me === '' || editors.includes(me) ? editors : [...editors, me], false);
}

/** Whether the user may write the sheet: every sheet protection on it lets them (`canEdit`). */
export function editable(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).every((p) => p.canEdit());
}

/** The sheet's own protection (the product's, found by description, or the first); false when not ours to change. */
function protect(sheet: Sheet, me: string, editors: readonly string[], warningOnly: boolean): boolean {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  const found = existing[0];
  if (found && !found.canEdit()) return false;
  const protection = found ?? sheet.protect().setDescription(PROTECTION_DESCRIPTION);
  if (protection.isWarningOnly() !== warningOnly) protection.setWarningOnly(warningOnly);
  if (!warningOnly) setEditors(protection, me, editors, !found);
  return true;
}

/**
 * A range protection of one column (by header, from row 1 down the whole grid), for real. Null when the
 * sheet has no such column.
 */
function protectColumn(
  sheet: Sheet,
  spec: SheetSpec,
  header: string,
  me: string,
  editors: readonly string[],
): boolean | null {
  const headers = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0]!;
  const field = spec.fields.find((f) => f.header === header);
  const col = field
    ? (mapHeaders(spec, headers) as Record<string, number | undefined>)[field.key]
    : undefined;
  if (col === undefined) return null;
  const ours = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === COLUMN_DESCRIPTION);
  const found = ours.find((p) => p.getRange().getColumn() === col + 1);
  if (found && !found.canEdit()) return false;
  // A column moved since the last set-up: its old protection goes, the new one follows the header.
  for (const p of ours) if (p !== found && p.canEdit()) p.remove();
  const protection =
    found ??
    sheet
      .getRange(1, col + 1, sheet.getMaxRows(), 1)
      .protect()
      .setDescription(COLUMN_DESCRIPTION);
  setEditors(protection, me, editors, !found);
  return true;
}

/**
 * The protection's editors made exactly `editors`. The user running this is added before anyone is
 * removed (Google refuses the removal of a group the user's own access comes through otherwise); a new
 * protection mirrors the spreadsheet's sharing until its list changes, so it is emptied first. Google
 * keeps the owner and the current user whatever is asked.
 */
function setEditors(
  protection: GoogleAppsScript.Spreadsheet.Protection,
  me: string,
  editors: readonly string[],
  fresh: boolean,
): void {
  const listed = protection.getEditors().map((u) => normalizeKey(u.getEmail()));
  if (me !== '' && (fresh || !listed.includes(me))) protection.addEditor(me);
  const wanted = new Set(editors);
  const extra = fresh ? listed.filter((e) => e !== me) : listed.filter((e) => !wanted.has(e));
  if (extra.length > 0) protection.removeEditors(extra);
  const missing = [...wanted].filter((e) => e !== me && (fresh || !listed.includes(e)));
  if (missing.length > 0) protection.addEditors(missing);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Google's refusal of a write into a protected sheet, as a message saying what to do; null for others. */
export function protectionError(e: unknown): TilskuddError | null {
  const message = e instanceof Error ? e.message : String(e);
  if (!/protected cell or object/i.test(message)) return null;
  return tilskuddError(
    'Google nekter deg å skrive i et beskyttet ark. Har lederen nylig lagt deg til eller endret rollen din, må lederen kjøre Tilskudd › Sett opp arbeidsboka på nytt, så får du skrivetilgang.',
    'Google refuses to let you write in a protected sheet. If the chair added you or changed your role recently, the chair must run Tilskudd › Set up workbook again to give you write access.',
  );
}
