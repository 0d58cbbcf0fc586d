import type { Field, FieldKind } from './contract';
import type { Settings } from './settings';
import {
  ALLOCATION_KINDS,
  CATEGORIES,
  DEADLINE_STATUSES,
  LIGHTS,
  PAYMENT_KINDS,
  PLAN_LEVELS,
  PLAN_LIGHTS,
  RECOMMENDATIONS,
  REPORT_TYPES,
  ROLE_NAMES,
  STATUSES,
  YES_NO,
  choicesOf,
  type Vocabulary,
} from './vocabulary';

/** The vocabulary behind each dropdown column kind (the readers parse the same words). */
export const VOCABULARY_OF: Partial<Record<FieldKind, Vocabulary<string>>> = {
  category: CATEGORIES,
  yesno: YES_NO,
  status: STATUSES,
  allocationKind: ALLOCATION_KINDS,
  paymentKind: PAYMENT_KINDS,
  recommendation: RECOMMENDATIONS,
  role: ROLE_NAMES,
  statusLight: LIGHTS,
  reportType: REPORT_TYPES,
  deadlineStatus: DEADLINE_STATUSES,
  planLevel: PLAN_LEVELS,
  light: PLAN_LIGHTS,
};

/**
 * The dropdown values of a column, by its kind: the same lists in the sheet's validation, the .xlsx
 * template and the form. `null` for free-text columns.
 */
export function choicesFor(field: Field, settings: Settings): string[] | null {
  if (field.kind === 'region') return settings.regions;
  const vocabulary = VOCABULARY_OF[field.kind];
  return vocabulary ? choicesOf(vocabulary) : null;
}
