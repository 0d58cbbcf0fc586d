import { agreementMissing } from '../applications/rules/agreement-missing';
import { categoryInvalid, kindInvalid } from '../money-flow/rules/allocation-fields';
import { amountInvalid } from './amount-invalid';
import { assessorDisqualified } from '../assessment/rules/assessor-disqualified';
import { assessmentUnmarked } from '../assessment/rules/assessment-unmarked';
import { benefitPlanMissing } from '../applications/rules/benefit-plan-missing';
import { budgetIncomplete } from '../applications/rules/budget-incomplete';
import { caseIdInvalid } from '../applications/rules/case-id';
import { contractMissing } from '../applications/rules/contract-missing';
import { agreementPartiesUnnamed } from '../applications/rules/agreement-parties-unnamed';
import { formAnswerTruncated, formAnswerUnmapped } from '../intake/rules/form-answers';
import { intakeStuck } from '../intake/rules/intake-stuck';
import { frameExceeded, keyExceeded } from '../money-flow/rules/frame-and-key';
import { outsideRound } from '../applications/rules/outside-round';
import { dateInvalid } from './date-invalid';
import { ownContributionMissing } from '../applications/rules/own-contribution-missing';
import { partiesMissing } from '../applications/rules/parties-missing';
import { periodInvalid } from '../applications/rules/period-invalid';
import { permanentOperatingCost } from '../applications/rules/permanent-operating-cost';
import { priorityAreaMissing } from '../applications/rules/priority-area-missing';
import { recommendationInvalid } from '../applications/rules/recommendation-invalid';
import {
  supplementNotReported,
  supplementOverLimit,
  supplementWithoutGrant,
} from '../money-flow/rules/supplement-rules';
import { finalReportOverdue, statusReportOverdue } from '../follow-up/rules/report-overdue';
import { statusCommentMissing, statusRed } from '../follow-up/rules/report-content';
import { statusReportInvalid } from '../follow-up/rules/report-invalid';
import { economyLightDiffers } from '../follow-up/rules/economy-light';
import { overspent, unusedFunds, withdrawalOverRemaining } from '../money-flow/rules/economy-rules';
import {
  acceptanceMissing,
  agreementArchiveMissing,
  paymentInvalid,
  paymentOutsidePeriod,
  paymentWithoutContract,
  paymentWithoutGrant,
} from '../money-flow/rules/payment-rules';
import { PLAN_RULES } from '../plan/rules';
import { memoVisibility, type MemoVisibility, type Rule, type RuleFamily } from '../engine/rule';

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
  agreementPartiesUnnamed,
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
  agreementArchiveMissing,
  acceptanceMissing,
  unusedFunds,
  withdrawalOverRemaining,
  paymentInvalid,
  dateInvalid,
  formAnswerUnmapped,
  formAnswerTruncated,
  intakeStuck,
  ...PLAN_RULES,
];

/** The ids of a family's rules, in the order they run. */
export const ruleIds = (family: RuleFamily): string[] =>
  RULES.filter((r) => r.family === family).map((r) => r.id);

/** What the decision memo does with a finding of this rule (`listed` for a rule it does not know). */
export function memoOf(ruleId: string): MemoVisibility {
  byId ??= new Map(RULES.map((r) => [r.id, r]));
  const rule = byId.get(ruleId);
  return rule ? memoVisibility(rule) : 'listed';
}
let byId: Map<string, Rule> | undefined;
