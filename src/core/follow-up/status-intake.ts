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
