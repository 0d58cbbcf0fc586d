import { hash53 } from '../base/hash';
import { isDate, normalizeKey } from '../base/text';

/**
 * A form's response sheet is its journal: Google appends every submission there before any trigger
 * runs. The intake registers each response row whose key is not yet in the target sheet, so a trigger
 * that failed (lock, precondition, quota) loses nothing: the sweep finds the row later. These pure parts
 * serve every form (applications now, status reports next): one key, one reading of the journal.
 */
export type NamedValues = Record<string, readonly string[] | undefined>;

/** One response as its row in the response sheet shows it. */
export interface FormResponse {
  /** 1-based row in the response sheet, for messages. */
  row: number;
  /** The timestamp cell as Sheets returns it (a Date in a real response sheet). */
  timestamp: unknown;
  /** Question title → the answer as displayed, like Google's `namedValues` (the timestamp included). */
  answers: NamedValues;
  /** From the raw values of the form's own question columns (`responseKey`). */
  key: string;
  /** The keys earlier versions gave the same response: a response registered under one is not new. */
  formerKeys: string[];
  /** The form's own question columns as `getValues()` and `getDisplayValues()` give them (`sameAnswers`). */
  raw: unknown[];
  shown: string[];
}

const TIMESTAMP_TITLES = new Set(['tidsmerke', 'timestamp']);

export const isTimestampTitle = (title: string): boolean => TIMESTAMP_TITLES.has(normalizeKey(title));

/** An answer as text; Google sends arrays, but a forged event may hold anything. */
export const answerOf = (values: unknown): string =>
  (Array.isArray(values) ? values.map(String).join(', ') : String(values ?? '')).trim();

/** Google sometimes fires a second, empty event for one response: it must add nothing. */
export function isBlankSubmission(named: NamedValues | undefined): boolean {
  if (!named) return true;
  return Object.entries(named).every(([title, v]) => isTimestampTitle(title) || answerOf(v) === '');
}

/**
 * The stable key of one response: its timestamp's instant and the raw values of the form's own question
 * columns, without titles and in no column order. The trigger and the sweep compute it from the response
 * sheet's row, so the same response has the same key whichever registers it. What changes only the
 * sheet's look keeps it: a question renamed (Google renames its column), a question added (blank in
 * earlier rows), a column a person added, filled or moved (not a question), a number or date format, the
 * locale or the time zone (raw values, not displayed text: `rawText`).
 */
export function responseKey(instant: string, raw: readonly unknown[]): string {
  const answers = raw
    .map(rawText)
    .filter((a) => a !== '')
    .sort();
  return hash53(JSON.stringify(['v3', instant, answers]));
}

/** A cell's value as keys read it: a Date as its instant, a number in JavaScript's own notation. */
export const rawText = (value: unknown): string =>
  isDate(value) ? value.toISOString() : String(value ?? '').trim();

/** The key of the previous version: the instant and the displayed text of the titled columns. */
function displayedKey(instant: string, named: NamedValues): string {
  const answers = Object.entries(named)
    .filter(([title]) => !isTimestampTitle(title))
    .map(([, v]) => answerOf(v))
    .filter((a) => a !== '')
    .sort();
  return hash53(JSON.stringify(['v2', instant, answers]));
}

/** The first version's key (displayed timestamp, answers by title, blanks too). */
export function formerResponseKey(timestamp: string, named: NamedValues): string {
  const text = JSON.stringify([
    timestamp,
    Object.keys(named)
      .sort()
      .map((k) => [k, answerOf(named[k])]),
  ]);
  return hash53(text);
}

/**
 * One response from a row of the response sheet: `header` and `display` as `getDisplayValues()` gives
 * them, `raw` as `getValues()` does. `isQuestion` tells the form's own question columns by title (the
 * titles kept when the form was made): every other column is ignored. Null (a form made before the titles
 * were kept) takes every titled column, as earlier versions did.
 */
export function responseOf(
  header: readonly string[],
  display: readonly string[],
  raw: readonly unknown[],
  row: number,
  isQuestion: ((title: string) => boolean) | null,
): FormResponse {
  const answers: Record<string, string[]> = {};
  const every: Record<string, string[]> = {};
  const values: unknown[] = [];
  const shownValues: string[] = [];
  let stamp = '';
  let timestamp: unknown = '';
  header.forEach((title, c) => {
    const text = String(title ?? '').trim();
    if (text === '') return;
    const shown = String(display[c] ?? '');
    const isStamp = isTimestampTitle(text);
    if (isStamp && stamp === '') {
      stamp = shown;
      timestamp = raw[c];
    }
    // Two columns with one title (a question renamed to another's title): keep both answers.
    every[text] = [...(every[text] ?? []), shown];
    if (!isStamp && isQuestion && !isQuestion(text)) return;
    // The timestamp stays among the answers, as in Google's `namedValues` (keys made so stay the same).
    answers[text] = [...(answers[text] ?? []), shown];
    if (!isStamp) {
      values.push(raw[c]);
      shownValues.push(shown);
    }
  });
  const instant = isDate(timestamp) ? timestamp.toISOString() : stamp;
  const former = [
    displayedKey(instant, answers),
    displayedKey(instant, every),
    formerResponseKey(stamp, answers),
    formerResponseKey(stamp, every),
  ];
  return {
    row,
    timestamp,
    answers,
    key: responseKey(instant, values),
    formerKeys: [...new Set(former)],
    raw: values,
    shown: shownValues,
  };
}

/** Every non-blank response of a response sheet read whole (header first); see `responseOf`. */
export function responsesOf(
  display: readonly (readonly string[])[],
  values: readonly (readonly unknown[])[],
  isQuestion: ((title: string) => boolean) | null,
) {
  const header = (display[0] ?? []).map(String);
  const out: FormResponse[] = [];
  for (let r = 1; r < display.length; r++) {
    const response = responseOf(header, display[r]!, values[r] ?? [], r + 1, isQuestion);
    if (!isBlankSubmission(response.answers)) out.push(response);
  }
  return out;
}

/** The responses whose key is not registered, each once (a response row copied twice counts once). */
export function unregistered(
  responses: readonly FormResponse[],
  registered: Iterable<string>,
): FormResponse[] {
  const seen = new Set(registered);
  const out: FormResponse[] = [];
  for (const r of responses) {
    if (seen.has(r.key) || r.formerKeys.some((k) => seen.has(k))) continue;
    seen.add(r.key);
    out.push(r);
  }
  return out;
}

/**
 * An answer as both the form and its response sheet can show it: Sheets may turn a typed answer into a
 * number or a date (`1 500` → 1500, `0123` → 123, `19.11.2025` → a date) and joins checkbox answers with
 * ", ", so case, spaces, `.` and `,` and leading zeros are left out. Enough to tell a row the form never
 * received, not a key to register by.
 */
export function evidenceText(answer: unknown): string {
  const text = (Array.isArray(answer) ? answer.map(String).join(',') : String(answer ?? ''))
    .toLowerCase()
    .replace(/[\s\u00a0\u202f.,]+/g, '');
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
}

/**
 * Whether a row's answers are one response's: each non-blank answer of the row (its alternatives: the raw
 * value as `rawDay` writes a date, and the displayed text) pairs with one of the response's answers, and
 * none of those is left over.
 */
export function sameAnswers(
  row: ReadonlyArray<{ raw: string; shown: string }>,
  response: readonly unknown[],
): boolean {
  const left = response.map(evidenceText).filter((a) => a !== '');
  const answers = row
    .map((a) => [evidenceText(a.raw), evidenceText(a.shown)])
    .filter(([raw, shown]) => raw !== '' || shown !== '');
  if (answers.length !== left.length) return false;
  for (const alternatives of answers) {
    const i = left.findIndex((a) => alternatives.includes(a));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** Answers the mapping does not place, kept as "title: answer" lines for the `Andre svar` column. */
export function otherAnswersText(unmatched: ReadonlyArray<{ title: string; answer: string }>): string {
  return unmatched.map((u) => `${u.title}: ${u.answer}`).join('\n');
}
