import { MEMBERS_SHEET, readTable } from '../workbook/contract';
import { tilskuddError, type TilskuddError } from '../base/errors';
import type { Reason } from '../base/result';
import { cellText, normalizeKey } from '../base/text';
import { ROLE_NAMES, parseTerm } from '../workbook/vocabulary';

/**
 * The one role table: which role in `Medlemmer` may do what. Every menu item, dialog and sidebar endpoint
 * asks it (`accessError(email, members, action)`), and the README prints it. When the user's e-mail cannot
 * be read (another domain, a simple trigger) every action fails closed.
 */
export const ROLES = ROLE_NAMES;

export type Role = keyof typeof ROLES;

/** The role a `Rolle` cell names; null when blank or unknown (which gives no rights beyond none). */
export const parseRole = (text: string): Role | null => parseTerm(ROLES, text);

/**
 * *RS* (a regional council's member) reads what a *Leser* reads and writes nothing. Google protects writes,
 * not reads: an editor of the spreadsheet reads every sheet, so RS members are best *viewers* of it, who get
 * what is theirs as documents and forms (the region's follow-up report, the input form).
 */
const ALL: readonly Role[] = ['leader', 'secretary', 'secretariat', 'userRep', 'reader', 'rs'];
const ASSESSORS: readonly Role[] = ['leader', 'secretary', 'secretariat', 'userRep'];
const CASEWORKERS: readonly Role[] = ['leader', 'secretary', 'secretariat'];
const LEADER: readonly Role[] = ['leader'];
const LEADER_SECRETARY: readonly Role[] = ['leader', 'secretary'];

/** Every action the product guards, the roles that may do it, and how the refusal names it. */
export const PERMISSIONS = {
  read: { roles: ALL, nb: 'lese porteføljen', en: 'read the portfolio' },
  assess: { roles: ASSESSORS, nb: 'vurdere søknader', en: 'assess applications' },
  check: { roles: ASSESSORS, nb: 'kontrollere porteføljen', en: 'check the portfolio' },
  intake: { roles: CASEWORKERS, nb: 'ta imot søknader og svar', en: 'take in applications and responses' },
  documents: { roles: CASEWORKERS, nb: 'lage dokumenter', en: 'write documents' },
  money: {
    roles: CASEWORKERS,
    nb: 'registrere penger (tilleggsbevilling, utbetaling, tilbakebetaling, inndragning)',
    en: 'register money (supplementary allocation, payment, refund, withdrawal)',
  },
  plan: { roles: CASEWORKERS, nb: 'endre handlingsplanen', en: 'change the action plan' },
  decide: {
    roles: LEADER_SECRETARY,
    nb: 'registrere beslutningsorganets vedtak',
    en: "register the deciding body's decisions",
  },
  regionalInput: {
    roles: LEADER_SECRETARY,
    nb: 'lage innspillsskjema til regionene',
    en: 'make the input form for the regions',
  },
  boardRanking: { roles: LEADER, nb: 'overstyre rangeringen', en: 'override the ranking' },
  closeProject: { roles: LEADER, nb: 'godkjenne sluttrapporter', en: 'approve final reports' },
  settings: {
    roles: LEADER,
    nb: 'endre innstillinger og sette opp arbeidsboka',
    en: 'change settings and set up the workbook',
  },
  // Reads the forms, triggers and quotas of live Google and writes only its own report.
  diagnose: { roles: LEADER, nb: 'kjøre Diagnose', en: 'run Diagnosis' },
} as const satisfies Record<string, { roles: readonly Role[] } & Reason>;

export type Action = keyof typeof PERMISSIONS;

export const may = (role: Role | null, action: Action): boolean =>
  role !== null && (PERMISSIONS[action].roles as readonly Role[]).includes(role);

/** The member's role, by e-mail (case and spacing ignored); null when not in `Medlemmer`. */
export function roleOf(
  email: string,
  members: readonly (readonly unknown[])[],
): { role: Role | null; cell: string } | null {
  if (normalizeKey(email) === '') return null;
  const rows = readTable(MEMBERS_SHEET, members).rows;
  const me = rows.find((r) => normalizeKey(cellText(r.get('email'))) === normalizeKey(email));
  if (!me) return null;
  const cell = cellText(me.get('role'));
  return { role: parseRole(cell), cell };
}

/** Why `email` may not do `action`, or null when it may. */
export function accessError(
  email: string,
  members: readonly (readonly unknown[])[],
  action: Action,
): TilskuddError | null {
  if (normalizeKey(email) === '') {
    return tilskuddError(
      'Tilskudd kan ikke lese e-postadressen din (f.eks. når du er logget inn fra et annet domene), og endringer er derfor stengt. Logg inn med kontoen som står i arket «Medlemmer».',
      'Tilskudd cannot read your e-mail address (for instance when signed in from another domain), so changes are closed. Sign in with the account listed in the "Members" sheet.',
    );
  }
  const me = roleOf(email, members);
  if (me && may(me.role, action)) return null;
  const what = PERMISSIONS[action];
  const allowed = what.roles.map((r) => ROLES[r]);
  const list = (lang: 'nb' | 'en') => allowed.map((r) => r[lang]).join(', ');
  return tilskuddError(
    me
      ? `${email} har rollen «${me.cell}» i arket «Medlemmer», som ikke gir lov til å ${what.nb}. Det kan: ${list('nb')}. Lederen kan endre rollen.`
      : `${email} står ikke i arket «Medlemmer». Be lederen legge deg til med en rolle.`,
    me
      ? `${email} has the role "${me.cell}" in the "Members" sheet, which does not allow you to ${what.en}. Allowed: ${list('en')}. The chair can change the role.`
      : `${email} is not in the "Members" sheet. Ask the chair to add you with a role.`,
  );
}
