import { QUESTIONS, parseBudgetText, questionTitle, type Question } from './application-form';
import { APPLICATIONS, type Field, type FieldKey } from '../workbook/contract';
import { hash53 } from '../base/hash';
import { parseMoney } from '../parse/money';
import type { Settings } from '../workbook/settings';
import { normalizeKey, splitAnswers } from '../base/text';

/**
 * The form-submit intake, pure: answers (Google's `namedValues`, title → strings) become one `Søknader`
 * row and its `Budsjett` lines; the case id is the next free number in the application's round.
 */
type ApplicationKey = FieldKey<typeof APPLICATIONS>;
export type NamedValues = Record<string, readonly string[] | undefined>;

export interface Submission {
  cells: Partial<Record<ApplicationKey, unknown>>;
  budget: Array<{ item: string; amount: unknown }>;
  /** Question titles that matched no column: renamed questions the intake could not place. */
  unmatched: string[];
}

let byTitle: Map<string, Question | Field> | undefined;

/** Questions by their titles, plus each column's header and aliases, so renamed questions still map. */
function titleIndex(settings: Settings): Map<string, Question | Field> {
  if (!byTitle) {
    byTitle = new Map();
    for (const field of APPLICATIONS.fields as readonly Field[]) {
      for (const name of [field.header, field.en, ...(field.aliases ?? [])])
        byTitle.set(normalizeKey(name), field);
    }
    for (const question of QUESTIONS) {
      for (const title of [question.title.nb, question.title.en, ...(question.formerTitles ?? [])])
        byTitle.set(normalizeKey(title), question);
    }
  }
  // Titles worded from the settings (the hospital trust's name) on top, without caching them.
  const index = new Map(byTitle);
  for (const question of QUESTIONS.filter((q) => q.titleFor)) {
    const title = questionTitle(question, settings);
    index.set(normalizeKey(title.nb), question);
    index.set(normalizeKey(title.en), question);
  }
  return index;
}

/** An answer as text; Google sends arrays, but `onFormSubmit` is callable by any client, so expect anything. */
const answerOf = (values: unknown) =>
  (Array.isArray(values) ? values.map(String).join(', ') : String(values ?? '')).trim();

/** Google sometimes fires a second, empty event for one response: it must add nothing. */
export function isBlankSubmission(named: NamedValues | undefined): boolean {
  if (!named) return true;
  const timestampKeys = new Set(['tidsmerke', 'timestamp']);
  return Object.entries(named).every(
    ([title, v]) => timestampKeys.has(normalizeKey(title)) || answerOf(v) === '',
  );
}

export function mapSubmission(named: NamedValues, settings: Settings): Submission {
  const index = titleIndex(settings);
  const cells: Partial<Record<ApplicationKey, unknown>> = {};
  let budget: Submission['budget'] = [];
  const unmatched: string[] = [];
  for (const [title, values] of Object.entries(named)) {
    const answer = answerOf(values);
    const target = index.get(normalizeKey(title));
    if (!target) {
      if (!['tidsmerke', 'timestamp'].includes(normalizeKey(title)) && answer !== '') unmatched.push(title);
      continue;
    }
    if (target.key === 'budget') {
      budget = parseBudgetText(answer).map((l) => ({ item: l.item, amount: moneyCell(l.amount) }));
      continue;
    }
    const key = target.key as ApplicationKey;
    if (key === 'received' || key === 'caseId' || key === 'status' || key === 'responseKey') continue;
    cells[key] = cellFor(key, answer, settings);
  }
  return { cells, budget, unmatched };
}

const MONEY_KEYS = new Set<ApplicationKey>(['requested', 'ownMunicipality', 'ownHospital']);

function cellFor(key: ApplicationKey, answer: string, settings: Settings): unknown {
  if (MONEY_KEYS.has(key)) return moneyCell(answer);
  // Checkbox answers arrive joined with ", "; areas may hold commas themselves.
  if (key === 'priorityAreas') return splitAnswers(answer, settings.priorityAreas).join('; ');
  return answer;
}

/** A money answer as a number when it is one, else the text as typed (the rules then flag it). */
function moneyCell(text: string): unknown {
  if (text === '') return '';
  const parsed = parseMoney(text);
  return parsed.ok ? parsed.value : text;
}

/** The round an application received in this month belongs to: the next round month, this year or next. */
export function roundFor(
  year: number,
  month: number,
  roundMonths: readonly number[],
): { year: number; month: number } {
  const sorted = [...roundMonths].sort((a, b) => a - b);
  const next = sorted.find((m) => m >= month);
  return next === undefined ? { year: year + 1, month: sorted[0]! } : { year, month: next };
}

/** `2025-05-001`, `2025-12-014`: one more than the highest number used in the round. */
export function nextCaseId(existing: readonly string[], round: { year: number; month: number }): string {
  const prefix = `${round.year}-${String(round.month).padStart(2, '0')}-`;
  let max = 0;
  for (const id of existing) {
    const suffix = id.slice(prefix.length);
    if (!id.startsWith(prefix) || !/^\d+$/.test(suffix)) continue;
    max = Math.max(max, Number(suffix));
  }
  return prefix + String(max + 1).padStart(3, '0');
}

/**
 * A stable key for one form response (its timestamp and answers), so a replayed event or a second
 * trigger is recognised.
 */
export function responseKey(timestamp: string, named: NamedValues): string {
  const text = JSON.stringify([
    timestamp,
    Object.keys(named)
      .sort()
      .map((k) => [k, answerOf(named[k])]),
  ]);
  return hash53(text);
}
