import type { CategoryId } from '../workbook/categories';
import { decidingBody } from '../workbook/bodies';
import { tilskuddError, type TilskuddError } from '../base/errors';
import { formatMoney, parseMoney } from '../parse/money';
import type { Portfolio } from '../portfolio/records';
import { isBlank } from '../base/text';

/**
 * The secretariat's authority for supplementary allocations: only to projects with an ordinary grant,
 * at most the limit per project in total. The sheet dialog and the engine's rules agree because both
 * count the same `Tildelinger` rows.
 */
export interface Authority {
  caseId: string;
  title: string;
  granted: boolean;
  limit: number;
  used: number;
  left: number;
  category: CategoryId | null;
}

export function authorityFor(p: Portfolio, caseId: string): Authority {
  const rows = p.allocations.filter((a) => a.caseId === caseId);
  const ordinary = rows.find((a) => a.kind === 'ordinary');
  const used = rows
    .filter((a) => a.kind === 'supplement')
    .reduce((s, a) => s + (a.amount.ok ? a.amount.value : 0), 0);
  const limit = p.settings.supplementLimit;
  const application = p.applications.find((a) => a.caseId === caseId);
  return {
    caseId,
    title: application?.title ?? '',
    granted: ordinary !== undefined,
    limit,
    used,
    left: Math.max(limit - used, 0),
    category: ordinary?.category ?? application?.category ?? null,
  };
}

/** Every project with an ordinary grant and its authority, for pickers. */
export function grantedProjects(p: Portfolio): Authority[] {
  const ids = [
    ...new Set(p.allocations.filter((a) => a.kind === 'ordinary' && a.caseId !== '').map((a) => a.caseId)),
  ];
  return ids.map((id) => authorityFor(p, id));
}

export type SupplementCheck =
  { ok: true; amount: number; authority: Authority } | { ok: false; error: TilskuddError };

/** Validates a requested supplementary allocation; the refusal says why and what is possible. */
export function checkSupplement(
  p: Portfolio,
  caseId: string,
  amountInput: unknown,
  reason: string,
): SupplementCheck {
  const id = caseId.trim();
  const authority = authorityFor(p, id);
  const refuse = (nb: string, en: string) => ({ ok: false as const, error: tilskuddError(nb, en) });
  if (id === '') return refuse('Oppgi saksnummeret til prosjektet.', 'Give the case ID of the project.');
  // A row whose kind is unknown could be a supplement: the authority left cannot be known until it is fixed.
  const unclear = p.allocations.find((a) => a.caseId === id && a.kind === null);
  if (unclear) {
    return refuse(
      `Tildelinger rad ${unclear.row} for sak «${id}» har ukjent «Art» («${unclear.kindText}»). Rett den til Ordinær eller Tilleggsbevilling først, så fullmakten kan regnes ut.`,
      `Allocations row ${unclear.row} for case "${id}" has an unknown "Kind" ("${unclear.kindText}"). Fix it first, so the authority left can be worked out.`,
    );
  }
  const unread = p.allocations.find((a) => a.caseId === id && a.kind === 'supplement' && !a.amount.ok);
  if (unread) {
    return refuse(
      `Tildelinger rad ${unread.row} for sak «${id}» har et beløp som ikke kan leses. Rett det først, så fullmakten kan regnes ut.`,
      `Allocations row ${unread.row} for case "${id}" has an amount that cannot be read. Fix it first, so the authority left can be worked out.`,
    );
  }
  if (!authority.granted) {
    return refuse(
      `Sak «${id}» har ingen ordinær tildeling. Sekretariatet kan bare gi tilleggsbevilling til prosjekter ${decidingBody(p.settings).inText} har innvilget.`,
      `Case "${id}" has no ordinary grant. The secretariat may only add to projects the board has granted.`,
    );
  }
  if (isBlank(amountInput)) return refuse('Skriv inn beløpet.', 'Enter the amount.');
  const parsed = parseMoney(amountInput);
  if (!parsed.ok) return refuse(`Beløpet ${parsed.reason.nb}.`, `The amount ${parsed.reason.en}.`);
  if (parsed.value <= 0) return refuse('Beløpet må være større enn 0.', 'The amount must be greater than 0.');
  if (parsed.value > authority.left) {
    return refuse(
      `${formatMoney(parsed.value)} er over fullmakten: prosjektet har fått ${formatMoney(authority.used)} av ${formatMoney(authority.limit)}, så ${formatMoney(authority.left)} gjenstår. Større beløp må vedtas av ${decidingBody(p.settings).inText}.`,
      `${formatMoney(parsed.value)} is over the authority: the project has had ${formatMoney(authority.used)} of ${formatMoney(authority.limit)}, so ${formatMoney(authority.left)} is left. Larger amounts need a board decision.`,
    );
  }
  if (reason.trim() === '') {
    return refuse(
      'Skriv en begrunnelse: hvorfor er tillegget nødvendig for å lykkes og realisere gevinstene?',
      'Give a reason: why is the addition needed to succeed and realise the benefits?',
    );
  }
  return { ok: true, amount: parsed.value, authority };
}
