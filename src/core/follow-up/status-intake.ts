import { STATUS_REPORTS, type Field } from '../workbook/contract';
import { answerOf, isTimestampTitle, type NamedValues } from '../intake/journal';
import { moneyCell, titleIndex } from '../intake/intake';
import { normalizeKey } from '../base/text';
import { STATUS_QUESTIONS, type StatusKey, type StatusQuestion } from './status-form';

/**
 * The status form's intake, pure: answers (title → strings) become the cells of one `Statusrapporter`
 * row, by the schema that generated the form (or the column's header and aliases, so renamed questions
 * still map). Answers to questions the form does not ask are kept for `Andre svar`, never placed.
 */
export interface StatusSubmission {
  cells: Partial<Record<StatusKey, unknown>>;
  unmatched: Array<{ title: string; answer: string }>;
}

/** Only the columns the form asks; `Mottatt`, `Frist` and `Svar-ID` come from the intake itself. */
const ASKED = new Set<string>(STATUS_QUESTIONS.map((q) => q.key));
const MONEY = new Set<string>(STATUS_QUESTIONS.filter((q) => q.kind === 'amount').map((q) => q.key));

let index: Map<string, StatusQuestion | Field> | undefined;

export function mapStatusAnswers(named: NamedValues): StatusSubmission {
  index ??= titleIndex(STATUS_REPORTS.fields, STATUS_QUESTIONS);
  const cells: StatusSubmission['cells'] = {};
  const unmatched: StatusSubmission['unmatched'] = [];
  for (const [title, values] of Object.entries(named)) {
    if (isTimestampTitle(title)) continue;
    const answer = answerOf(values);
    const target = index.get(normalizeKey(title));
    if (!target || !ASKED.has(target.key)) {
      if (answer !== '') unmatched.push({ title, answer });
      continue;
    }
    cells[target.key as StatusKey] = MONEY.has(target.key) ? moneyCell(answer) : answer;
  }
  return { cells, unmatched };
}

/**
 * How many status reports that do not count (no matching code: *Ubekreftet*, *Ukjent sak*, *Avsluttet
 * sak*) are registered, per case and in all, per day of their timestamp. Anyone with the link can send
 * them, so a flood would bury the real reports; a project leader who lost the code needs only a few.
 * Reports that count are never held back.
 */
export const UNVERIFIED_LIMITS = { perCase: 3, perDay: 30 } as const;

/**
 * A gate over the unverified reports already registered (`day`: yyyy-MM-dd of the report's timestamp):
 * `admit(caseId, day)` says whether one more may be registered, and counts it when it may.
 */
export function unverifiedGate(
  registered: ReadonlyArray<{ caseId: string; day: string }>,
): (caseId: string, day: string) => boolean {
  const perCase = new Map<string, number>();
  const perDay = new Map<string, number>();
  const caseKey = (caseId: string, day: string) => `${day}|${normalizeKey(caseId)}`;
  const add = (caseId: string, day: string) => {
    perCase.set(caseKey(caseId, day), (perCase.get(caseKey(caseId, day)) ?? 0) + 1);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  };
  for (const r of registered) add(r.caseId, r.day);
  return (caseId, day) => {
    if (
      (perCase.get(caseKey(caseId, day)) ?? 0) >= UNVERIFIED_LIMITS.perCase ||
      (perDay.get(day) ?? 0) >= UNVERIFIED_LIMITS.perDay
    )
      return false;
    add(caseId, day);
    return true;
  };
}
