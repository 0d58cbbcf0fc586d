import type { Allocation, Portfolio } from '../portfolio/records';
import type { Reason } from '../base/result';
import { formatDay } from '../parse/period';

/** Whether a project's grant offer is accepted (`Akseptert` on its ordinary allocations). */
export interface Acceptance {
  accepted: boolean;
  /** The earliest day it was accepted; null when not accepted, or accepted as Ja without a day. */
  on: Date | null;
}

/**
 * The acceptance the `acceptance-missing` rule and the payment dialog judge a payment by: null when there
 * is nothing to judge — `Tildelinger` has no `Akseptert` column (acceptance is not recorded in this
 * workbook), the case has no application (the secretariat's own cost) or no ordinary allocation.
 */
export function acceptanceOf(
  p: Portfolio,
  caseId: string,
  offers: readonly Allocation[] = p.allocations.filter((a) => a.kind === 'ordinary' && a.caseId === caseId),
  hasApplication = p.applications.some((a) => a.caseId === caseId),
): Acceptance | null {
  if (p.columns.allocations.accepted === undefined || !hasApplication || offers.length === 0) return null;
  const accepted = offers.filter((a) => a.accepted === true);
  if (accepted.length === 0) return { accepted: false, on: null };
  // Ja without a day is accepted with no day to compare a payment with.
  if (accepted.some((a) => a.acceptedOn === null)) return { accepted: true, on: null };
  return { accepted: true, on: new Date(Math.min(...accepted.map((a) => a.acceptedOn!.getTime()))) };
}

/** A payment on `day` (null: unknown) goes out before the offer is accepted: the rule's warning. */
export const paidBeforeAcceptance = (a: Acceptance | null, day: Date | null): boolean =>
  a !== null && (!a.accepted || (a.on !== null && day !== null && day < a.on));

/**
 * What the payment dialog says before a payment the rule would warn about (it warns, it does not
 * stop), and repeats once it is registered; null when there is nothing to say.
 */
export function acceptanceWarning(a: Acceptance | null, day: Date | null): Reason | null {
  if (!a || !paidBeforeAcceptance(a, day)) return null;
  const after = 'En utbetaling før aksepten gir varselet «utbetalt før tilsagnet er akseptert» i kontrollen.';
  const afterEn =
    'A payment before the acceptance gives the warning "paid before the grant offer was accepted" in the check.';
  if (!a.accepted)
    return {
      nb: `Tilsagnet er ikke akseptert («Akseptert» i Tildelinger er tom eller Nei). ${after}`,
      en: `The grant offer has not been accepted ("Akseptert" in Tildelinger is blank or No). ${afterEn}`,
    };
  return {
    nb: `Tilsagnet ble akseptert ${formatDay(a.on!)}, etter ${formatDay(day!)}. ${after}`,
    en: `The grant offer was accepted on ${formatDay(a.on!, 'en')}, after ${formatDay(day!, 'en')}. ${afterEn}`,
  };
}
