/**
 * Rules about the follow-up of granted money (payments, refunds, withdrawals) and of granted projects
 * (status reports, deadlines, lights: issue 11). They say nothing about
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
  'status-report-overdue',
  'final-report-overdue',
  'status-comment-missing',
  'status-red',
  'status-report-invalid',
  'economy-light-differs',
]);
