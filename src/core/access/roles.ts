import { MEMBERS_SHEET, readTable } from '../workbook/contract';
import { tilskuddError, type TilskuddError } from '../base/errors';
import { cellText, normalizeKey } from '../base/text';

/**
 * Who may change data: members of `Medlemmer` with a secretariat role. Everyone else may read. When the
 * user's e-mail cannot be read (another domain, a simple trigger) access fails closed.
 */
const SECRETARIAT_ROLES = new Set([
  'leder',
  'sekretær',
  'sekretariat',
  'brukerrepresentant',
  'chair',
  'secretary',
  'secretariat',
]);

export const isSecretariatRole = (role: string): boolean => SECRETARIAT_ROLES.has(normalizeKey(role));

export function accessError(email: string, members: readonly (readonly unknown[])[]): TilskuddError | null {
  if (normalizeKey(email) === '') {
    return tilskuddError(
      'Tilskudd kan ikke lese e-postadressen din (f.eks. når du er logget inn fra et annet domene), og endringer er derfor stengt. Logg inn med kontoen som står i arket «Medlemmer».',
      'Tilskudd cannot read your e-mail address (for instance when signed in from another domain), so changes are closed. Sign in with the account listed in the "Members" sheet.',
    );
  }
  const rows = readTable(MEMBERS_SHEET, members).rows;
  const me = rows.find((r) => normalizeKey(cellText(r.get('email'))) === normalizeKey(email));
  if (me && isSecretariatRole(cellText(me.get('role')))) return null;
  return tilskuddError(
    me
      ? `${email} har rollen «${cellText(me.get('role'))}» i arket «Medlemmer», som bare gir lesetilgang. Sekretariatet kan endre rollen.`
      : `${email} står ikke i arket «Medlemmer». Be sekretariatet legge deg til med en sekretariatsrolle.`,
    me
      ? `${email} has the role "${cellText(me.get('role'))}" in the "Members" sheet, which only allows reading. The secretariat can change it.`
      : `${email} is not in the "Members" sheet. Ask the secretariat to add you with a secretariat role.`,
  );
}
