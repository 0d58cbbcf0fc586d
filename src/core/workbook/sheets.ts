import {
  ACTION_PLAN,
  ALLOCATIONS,
  APPLICATIONS,
  BUDGET,
  DEADLINES,
  PAYMENTS,
  STATUS_REPORTS,
  type SheetSpec,
} from './contract';

export type SheetId =
  'applications' | 'budget' | 'allocations' | 'payments' | 'statusReports' | 'deadlines' | 'plan';

export const SHEETS: Record<SheetId, SheetSpec> = {
  applications: APPLICATIONS,
  budget: BUDGET,
  allocations: ALLOCATIONS,
  statusReports: STATUS_REPORTS,
  deadlines: DEADLINES,
  payments: PAYMENTS,
  plan: ACTION_PLAN,
};
