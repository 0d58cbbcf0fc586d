import { agreementMissing } from './agreement-missing';
import { categoryInvalid, kindInvalid } from './allocation-fields';
import { amountInvalid } from './amount-invalid';
import { assessorDisqualified } from './assessor-disqualified';
import { assessmentUnmarked } from './assessment-unmarked';
import { benefitPlanMissing } from './benefit-plan-missing';
import { budgetIncomplete } from './budget-incomplete';
import { caseIdInvalid } from './case-id';
import { contractMissing } from './contract-missing';
import { formAnswerTruncated, formAnswerUnmapped } from './form-answers';
import { frameExceeded, keyExceeded } from './frame-and-key';
import { outsideRound } from './outside-round';
import { dateInvalid } from './date-invalid';
import { ownContributionMissing } from './own-contribution-missing';
import { partiesMissing } from './parties-missing';
import { periodInvalid } from './period-invalid';
import { permanentOperatingCost } from './permanent-operating-cost';
import { priorityAreaMissing } from './priority-area-missing';
import { recommendationInvalid } from './recommendation-invalid';
import { supplementNotReported, supplementOverLimit, supplementWithoutGrant } from './supplement-rules';
import { finalReportOverdue, statusReportOverdue } from '../follow-up/rules/report-overdue';
import { statusCommentMissing, statusRed } from '../follow-up/rules/report-content';
import { statusReportInvalid } from '../follow-up/rules/report-invalid';
import { economyLightDiffers } from '../follow-up/rules/economy-light';
import { overspent, unusedFunds, withdrawalOverRemaining } from './economy-rules';
import {
  paymentInvalid,
  paymentOutsidePeriod,
  paymentWithoutContract,
  paymentWithoutGrant,
} from './payment-rules';
import { PLAN_RULES } from '../plan/rules';
import type { Rule } from './rule';

/** Every rule the engine runs. Rule ids are part of the product's contract: never rename one. */
export const RULES: readonly Rule[] = [
  frameExceeded,
  keyExceeded,
  supplementOverLimit,
  supplementNotReported,
  supplementWithoutGrant,
  partiesMissing,
  agreementMissing,
  contractMissing,
  budgetIncomplete,
  ownContributionMissing,
  permanentOperatingCost,
  priorityAreaMissing,
  benefitPlanMissing,
  periodInvalid,
  amountInvalid,
  outsideRound,
  caseIdInvalid,
  categoryInvalid,
  kindInvalid,
  assessorDisqualified,
  assessmentUnmarked,
  recommendationInvalid,
  statusReportOverdue,
  finalReportOverdue,
  statusCommentMissing,
  statusRed,
  statusReportInvalid,
  economyLightDiffers,
  overspent,
  paymentWithoutGrant,
  paymentWithoutContract,
  paymentOutsidePeriod,
  unusedFunds,
  withdrawalOverRemaining,
  paymentInvalid,
  dateInvalid,
  formAnswerUnmapped,
  formAnswerTruncated,
  ...PLAN_RULES,
];
