import { CATEGORY_IDS, CATEGORY_LABELS } from './categories';
import {
  ALLOCATION_KINDS,
  DEADLINE_STATUSES,
  LIGHTS,
  PAYMENT_KINDS,
  PLAN_LEVELS,
  RECOMMENDATIONS,
  REPORT_TYPES,
  STATUS_LIGHTS,
  ROLES,
  STATUSES,
  type Field,
} from './contract';
import type { Settings } from './settings';

/**
 * The dropdown values of a column, by its kind: the same lists in the sheet's validation, the .xlsx
 * template and the form. `null` for free-text columns.
 */
export function choicesFor(field: Field, settings: Settings): string[] | null {
  switch (field.kind) {
    case 'category':
      return CATEGORY_IDS.map((id) => CATEGORY_LABELS[id].nb);
    case 'yesno':
      return ['Ja', 'Nei'];
    case 'status':
      return [...STATUSES];
    case 'allocationKind':
      return Object.values(ALLOCATION_KINDS);
    case 'paymentKind':
      return Object.values(PAYMENT_KINDS);
    case 'region':
      return settings.regions;
    case 'recommendation':
      return [...RECOMMENDATIONS];
    case 'role':
      return [...ROLES];
    case 'statusLight':
      return Object.values(STATUS_LIGHTS);
    case 'reportType':
      return Object.values(REPORT_TYPES);
    case 'deadlineStatus':
      return Object.values(DEADLINE_STATUSES);
    case 'planLevel':
      return [...PLAN_LEVELS];
    case 'light':
      return [...LIGHTS];
    default:
      return null;
  }
}
