/** The follow-up rules (issue 11), tested both ways in `rules.test.ts` beside this file. */
export const FOLLOW_UP_RULE_IDS = [
  'status-report-overdue',
  'final-report-overdue',
  'status-comment-missing',
  'status-red',
  'status-report-invalid',
  'economy-light-differs',
];
