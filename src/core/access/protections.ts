import {
  ACTION_PLAN,
  AGREEMENT_PARTIES,
  ALLOCATIONS,
  APPLICATIONS,
  ASSESSMENTS,
  BUDGET,
  DEADLINES,
  DOCUMENTS_SHEET,
  FINDING_COLOURS_SHEET,
  LOG_SHEET,
  MEMBERS_SHEET,
  PAYMENTS,
  PLAN_HISTORY,
  REGIONAL_INPUT,
  SETTINGS_SHEET,
  STATUS_REPORTS,
  readTable,
  type SheetSpec,
} from '../workbook/contract';
import { cellText, normalizeKey } from '../base/text';
import { PERMISSIONS, may, parseRole, type Action } from './roles';

/**
 * Every sheet the product decides from or records in, and who may change it, derived from the role
 * table: a sheet is editable by the members whose role allows an action that writes it (the script runs
 * as the member who clicks, so Google must let that member write), plus every *Leder*; Google always lets
 * the owner edit. Nobody else — a *Leser*, an editor of the spreadsheet not in `Medlemmer` — can change
 * these sheets, by hand or by script.
 *
 * `warningOnly`: people type there by design (applications on paper, budget lines), so Google only warns;
 * `column` is then protected for real inside it (the response key, which decides what is registered).
 */
export interface SheetProtection {
  spec: SheetSpec;
  writtenBy: readonly Action[];
  warningOnly?: true;
  column?: { header: string; writtenBy: readonly Action[] };
}

export const PROTECTED_SHEETS: readonly SheetProtection[] = [
  { spec: MEMBERS_SHEET, writtenBy: ['settings'] },
  // Every action that changes something logs it (Diagnose changes nothing but its own report).
  {
    spec: LOG_SHEET,
    writtenBy: (Object.keys(PERMISSIONS) as Action[]).filter((a) => a !== 'read' && a !== 'diagnose'),
  },
  { spec: ASSESSMENTS, writtenBy: ['assess', 'boardRanking'] },
  { spec: DOCUMENTS_SHEET, writtenBy: ['documents'] },
  { spec: SETTINGS_SHEET, writtenBy: ['settings'] },
  // Decisions typed from the board's minutes, supplements and withdrawals.
  { spec: ALLOCATIONS, writtenBy: ['money'] },
  { spec: PAYMENTS, writtenBy: ['money'] },
  // The agreement's parties, signatures and archive references, which a payment is checked against.
  { spec: AGREEMENT_PARTIES, writtenBy: ['money'] },
  // Written by the status form's trigger, which runs as the member who made the form.
  { spec: STATUS_REPORTS, writtenBy: ['intake'] },
  // Extensions and exemptions, typed by those who follow the reports up.
  { spec: DEADLINES, writtenBy: ['intake'] },
  { spec: ACTION_PLAN, writtenBy: ['plan'] },
  { spec: PLAN_HISTORY, writtenBy: ['plan'] },
  // The check's marks, which colour the cells its findings are about.
  { spec: FINDING_COLOURS_SHEET, writtenBy: ['check'] },
  // The regions' input: written by the input form's trigger (it runs as the member who made the form),
  // typed in or confirmed (`Kontroll`) by those who change the plan; the regions themselves only view.
  { spec: REGIONAL_INPUT, writtenBy: ['regionalInput', 'plan'] },
  {
    spec: APPLICATIONS,
    writtenBy: ['intake'],
    warningOnly: true,
    column: { header: 'Svar-ID', writtenBy: ['intake'] },
  },
  { spec: BUDGET, writtenBy: ['intake'], warningOnly: true },
];

/**
 * The forms' response sheets (*Skjemasvar 1*, …): the journal the intake registers from, so evidence,
 * not something to type in. Google's form writes there whatever the protection; people who take in
 * responses may correct it.
 */
export const RESPONSE_SHEET_WRITERS: readonly Action[] = ['intake'];

/** The sheets Google protects for real: a look-alike of one of them must not take its place. */
export const STRICTLY_PROTECTED: readonly SheetSpec[] = PROTECTED_SHEETS.filter((p) => !p.warningOnly).map(
  (p) => p.spec,
);

/** The e-mails (lower case, sorted, unique) that may edit a sheet written by `writtenBy`. */
export function protectionEditors(
  members: readonly (readonly unknown[])[],
  writtenBy: readonly Action[],
): string[] {
  const emails = new Set<string>();
  for (const row of readTable(MEMBERS_SHEET, members).rows) {
    const email = normalizeKey(cellText(row.get('email')));
    const role = parseRole(cellText(row.get('role')));
    if (email === '' || !email.includes('@')) continue;
    if (role === 'leader' || writtenBy.some((a) => may(role, a))) emails.add(email);
  }
  return [...emails].sort();
}

/** The first *Leder* in `Medlemmer` (the member who must run set-up), or null. */
export function firstLeader(members: readonly (readonly unknown[])[]): string | null {
  for (const row of readTable(MEMBERS_SHEET, members).rows) {
    const email = cellText(row.get('email')).trim();
    if (email !== '' && parseRole(cellText(row.get('role'))) === 'leader') return email;
  }
  return null;
}
