import { QUESTIONS, parseBudgetText, questionTitle, type Question } from './application-form';
import { APPLICATIONS, type Field, type FieldKey } from '../workbook/contract';
import { parseMoney } from '../parse/money';
import type { Settings } from '../workbook/settings';
import { normalizeKey, splitAnswers } from '../base/text';
import { answerOf, isTimestampTitle, type NamedValues } from './journal';

/**
 * The form-submit intake, pure: answers (Google's `namedValues`, title → strings) become one `Søknader`
 * row and its `Budsjett` lines; the case id is the next free number in the application's round.
 */
type ApplicationKey = FieldKey<typeof APPLICATIONS>;
export type { NamedValues };

export interface Submission {
  cells: Partial<Record<ApplicationKey, unknown>>;
  budget: Array<{ item: string; amount: unknown }>;
  /**
   * Answers to questions the form does not ask (renamed or added ones, or titles of the product's own
   * columns): kept with their title for `Andre svar`, never written to a column.
   */
  unmatched: Array<{ title: string; answer: string }>;
}

/** The only columns a response may fill: those the form asks. `Saksnr`, `Status`, … never come from it. */
const ASKED = new Set<string>(QUESTIONS.map((q) => q.key));

let byTitle: Map<string, Question | Field> | undefined;

/**
 * A form's questions by their titles (and earlier titles), plus each column's header and aliases, so
 * renamed questions still map (the application and the status form both use it).
 */
export function titleIndex<Q extends { title: { nb: string; en: string }; formerTitles?: string[] }>(
  fields: readonly Field[],
  questions: readonly Q[],
): Map<string, Q | Field> {
  const index = new Map<string, Q | Field>();
  for (const field of fields) {
    for (const name of [field.header, field.en, ...(field.aliases ?? [])])
      index.set(normalizeKey(name), field);
  }
  for (const question of questions) {
    for (const title of [question.title.nb, question.title.en, ...(question.formerTitles ?? [])])
      index.set(normalizeKey(title), question);
  }
  return index;
}

/** The application form's index, with titles worded from the settings (the hospital trust's name) on top. */
function applicationIndex(settings: Settings): Map<string, Question | Field> {
  byTitle ??= titleIndex(APPLICATIONS.fields, QUESTIONS);
  const index = new Map(byTitle);
  for (const question of QUESTIONS.filter((q) => q.titleFor)) {
    const title = questionTitle(question, settings);
    index.set(normalizeKey(title.nb), question);
    index.set(normalizeKey(title.en), question);
  }
  return index;
}

export function mapSubmission(named: NamedValues, settings: Settings): Submission {
  const index = applicationIndex(settings);
  const cells: Partial<Record<ApplicationKey, unknown>> = {};
  let budget: Submission['budget'] = [];
  const unmatched: Submission['unmatched'] = [];
  for (const [title, values] of Object.entries(named)) {
    const answer = answerOf(values);
    if (isTimestampTitle(title)) continue;
    const target = index.get(normalizeKey(title));
    if (!target || !ASKED.has(target.key)) {
      if (answer !== '') unmatched.push({ title, answer });
      continue;
    }
    if (target.key === 'budget') {
      budget = parseBudgetText(answer).map((l) => ({ item: l.item, amount: moneyCell(l.amount) }));
      continue;
    }
    const key = target.key as ApplicationKey;
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
export function moneyCell(text: string): unknown {
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

/** `2025-05-`: the prefix of a round's case ids, which also names its high-water mark. */
export const roundPrefix = (round: { year: number; month: number }): string =>
  `${round.year}-${String(round.month).padStart(2, '0')}-`;

/**
 * `2025-05-001`, `2025-12-014`: one more than the highest number the round has used, in the sheet or
 * by the high-water mark (the highest number ever given, so deleting or sorting rows frees no id).
 */
export function nextCaseId(
  existing: readonly string[],
  round: { year: number; month: number },
  highWater = 0,
): string {
  const prefix = roundPrefix(round);
  let max = highWater;
  for (const id of existing) {
    const suffix = id.slice(prefix.length);
    if (!id.startsWith(prefix) || !/^\d+$/.test(suffix)) continue;
    max = Math.max(max, Number(suffix));
  }
  return prefix + String(max + 1).padStart(3, '0');
}

/** Per round prefix, the highest case number given: kept as JSON in a document property. */
export type HighWater = Record<string, number>;

/** A stored high-water record; anything unreadable counts as none (the sheet's ids still count). */
export function readHighWater(json: string | null): HighWater {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: HighWater = {};
    for (const [k, v] of Object.entries(parsed))
      if (Number.isSafeInteger(v) && (v as number) > 0) out[k] = v as number;
    return out;
  } catch {
    return {};
  }
}

/** How far above the run of case numbers before it a number in the sheet may be and still count. */
export const CASE_STEP = 20;
/** How far above the sheet's run the remembered mark may be (rows deleted since) and still count. */
export const CASE_REMEMBERED = 1000;

/**
 * The marks to give the next case ids from, per round: recomputed from the sheet's ids and checked for
 * plausibility, because anyone who may type in `Søknader` can type a `Saksnr`. In each round the sheet's
 * numbers count as a run from 1, each at most `CASE_STEP` above the one before (so one typed row cannot
 * move the ids far, and a 400-digit number never counts); the remembered mark counts when it is at most
 * `CASE_REMEMBERED` above that run (applications deleted since), so a mark poisoned earlier is recomputed.
 */
export function caseIdMarks(stored: string | null, ids: readonly string[]): HighWater {
  const numbers = new Map<string, number[]>();
  for (const id of ids) {
    const m = /^(\d{4}-\d{2}-)(\d{1,15})$/.exec(id);
    const n = m ? Number(m[2]) : 0;
    if (!m || !Number.isSafeInteger(n) || n < 1) continue;
    numbers.set(m[1]!, [...(numbers.get(m[1]!) ?? []), n]);
  }
  const marks: HighWater = {};
  for (const [prefix, list] of numbers) {
    let top = 0;
    for (const n of list.sort((a, b) => a - b)) {
      if (n - top > CASE_STEP) break;
      top = n;
    }
    if (top > 0) marks[prefix] = top;
  }
  for (const [prefix, n] of Object.entries(readHighWater(stored))) {
    const fromRows = marks[prefix] ?? 0;
    if (n > fromRows && n - fromRows <= CASE_REMEMBERED) marks[prefix] = n;
  }
  return marks;
}

/** The record after giving (or finding in the sheet) `caseId`; the same record when it raises nothing. */
export function raiseHighWater(marks: HighWater, caseId: string): HighWater {
  const m = /^(\d{4}-\d{2}-)(\d+)$/.exec(caseId);
  if (!m || Number(m[2]) <= (marks[m[1]!] ?? 0)) return marks;
  return { ...marks, [m[1]!]: Number(m[2]) };
}
