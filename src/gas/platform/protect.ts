import { PROTECTED_SHEETS, protectionEditors } from '../../core/access/protections';
import { MEMBERS_SHEET } from '../../core/workbook/contract';
import { normalizeKey } from '../../core/base/text';
import { tilskuddError, type TilskuddError } from '../../core/base/errors';
import type { Sheet, SheetIndex } from './sheets';

/**
 * Real protection (not warning-only) of `Medlemmer`, `Logg`, `Vurderinger` and `Dokumenter`, with the
 * editors the role table gives (src/core/access/protections.ts). Set-up applies it and brings the editor
 * lists up to date with `Medlemmer`, so a member added later can write once the chair runs set-up again.
 * A few service calls per sheet, whatever the number of rows or members.
 */
export const PROTECTION_DESCRIPTION = 'Tilskudd: bare medlemmer med rett rolle kan endre dette arket.';

export function protectSheets(sheets: SheetIndex): string[] {
  const members = sheets.find(MEMBERS_SHEET)?.getDataRange().getValues() ?? [[]];
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const protectedNow: string[] = [];
  for (const { spec, writtenBy } of PROTECTED_SHEETS) {
    const sheet = sheets.find(spec);
    if (!sheet) continue;
    // Under exactly its Norwegian or English name: the names Tilskudd asks Google for, both of them, so a
    // look-alike under the other name is refused (sheets.ts). A protected sheet keeps that name: only its
    // editors may rename it.
    let name = sheets.nameOf(sheet);
    if (name !== spec.name && name !== spec.en) {
      name = normalizeKey(name) === normalizeKey(spec.en) ? spec.en : spec.name;
      sheet.setName(name);
    }
    protect(sheet, [...protectionEditors(members, writtenBy), ...(me === '' ? [] : [me])]);
    protectedNow.push(name);
  }
  return protectedNow;
}

function protect(sheet: Sheet, editors: readonly string[]): void {
  const type = SpreadsheetApp.ProtectionType.SHEET;
  const existing = sheet.getProtections(type);
  const protection = existing[0] ?? sheet.protect().setDescription(PROTECTION_DESCRIPTION);
  // Earlier versions protected Logg warning-only: that only warns.
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const wanted = new Set(editors);
  const listed = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  // A new protection mirrors the spreadsheet's sharing until its list changes: empty it first. Google keeps
  // the owner and the current user whatever is asked.
  const fresh = existing.length === 0;
  const extra = fresh ? listed : listed.filter((e) => !wanted.has(e));
  if (extra.length > 0) protection.removeEditors(extra);
  const missing = [...wanted].filter((e) => fresh || !listed.includes(e));
  if (missing.length > 0) protection.addEditors(missing);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Google's refusal of a write into a protected sheet, as a message saying what to do; null for others. */
export function protectionError(e: unknown): TilskuddError | null {
  const message = e instanceof Error ? e.message : String(e);
  if (!/protected cell or object/i.test(message)) return null;
  return tilskuddError(
    'Google nekter deg å skrive i et beskyttet ark (Medlemmer, Logg, Vurderinger eller Dokumenter). Har lederen nylig lagt deg til eller endret rollen din, må lederen kjøre Tilskudd › Sett opp arbeidsboka på nytt, så får du skrivetilgang.',
    'Google refuses to let you write in a protected sheet (Members, Log, Assessments or Documents). If the chair added you or changed your role recently, the chair must run Tilskudd › Set up workbook again to give you write access.',
  );
}
