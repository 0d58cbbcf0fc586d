/**
 * Rules about the follow-up of granted money (payments, refunds, withdrawals). They say nothing about
 * whether an application is ready for a decision, so the decision memo neither lists them nor holds a
 * case back for them.
 */
export const FOLLOW_UP_RULE_IDS: ReadonlySet<string> = new Set([
  'overspent',
  'payment-without-grant',
  'payment-without-contract',
  'payment-outside-period',
  'unused-funds',
  'withdrawal-over-remaining',
  'payment-invalid',
]);
