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
  key: string;
  /** The key an earlier version gave the same response (`formerResponseKey`). */
  formerKey: string;
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
 * The stable key of one response: its timestamp and its non-blank answers, without the questions' titles
 * and in no column order. The trigger and the sweep both compute it from the response sheet's row, so
 * the same response has the same key whichever registers it; and what changes the sheet's look and not
 * the response keeps it: a question renamed in the form (Google renames its column), a question added
 * (blank in earlier rows), a column a person added or moved. `timestamp` is the cell's instant when it is
 * a date (a change of the spreadsheet's time zone or date format changes only how it is shown).
 */
export function responseKey(timestamp: string, named: NamedValues): string {
  const answers = Object.entries(named)
    .filter(([title]) => !isTimestampTitle(title))
    .map(([, v]) => answerOf(v))
    .filter((a) => a !== '')
    .sort();
  return hash53(JSON.stringify(['v2', timestamp, answers]));
}

/**
 * The key an earlier version wrote to `Svar-ID` (displayed timestamp, answers by title, blanks too): a
 * response registered under it is not registered again.
 */
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
 * them, `timestamp` the first cell as `getValues()` gives it. Columns without a title are not answers.
 */
export function responseOf(
  header: readonly string[],
  display: readonly string[],
  row: number,
  timestamp: unknown,
): FormResponse {
  const answers: Record<string, string[]> = {};
  let stamp = '';
  header.forEach((title, c) => {
    const text = String(title ?? '').trim();
    if (text === '') return;
    if (isTimestampTitle(text) && stamp === '') stamp = String(display[c] ?? '');
    // The timestamp stays among the answers, as in Google's `namedValues` (keys made so stay the same).
    // Two columns with one title (a question renamed to another's title): keep both answers.
    answers[text] = [...(answers[text] ?? []), String(display[c] ?? '')];
  });
  const instant = isDate(timestamp) ? timestamp.toISOString() : stamp;
  return {
    row,
    timestamp,
    answers,
    key: responseKey(instant, answers),
    formerKey: formerResponseKey(stamp, answers),
  };
}

/** Every non-blank response of a response sheet read whole (header first). */
export function responsesOf(
  display: readonly (readonly string[])[],
  values: readonly (readonly unknown[])[],
) {
  const header = (display[0] ?? []).map(String);
  const out: FormResponse[] = [];
  for (let r = 1; r < display.length; r++) {
    const response = responseOf(header, display[r]!, r + 1, values[r]?.[0]);
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
    if (seen.has(r.key) || seen.has(r.formerKey)) continue;
    seen.add(r.key);
    out.push(r);
  }
  return out;
}

/** Answers the mapping does not place, kept as "title: answer" lines for the `Andre svar` column. */
export function otherAnswersText(unmatched: ReadonlyArray<{ title: string; answer: string }>): string {
  return unmatched.map((u) => `${u.title}: ${u.answer}`).join('\n');
}
