/**
 * Apps Script kills an execution at 6 minutes; whatever it had not flushed is lost and a `finally` runs
 * no service. Long work (documents, e-mail) starts no new step once this much of the execution has gone,
 * leaving time to record what it did, and continues in the next run.
 */
export const TIME_BUDGET_MS = 4.5 * 60_000;

/**
 * About how long one reminder takes in a run: `MailApp.sendEmail` (about a second) and the progress
 * note written before it. Google documents no figure; the preview uses it to say how many fit in a run.
 */
export const SEND_ESTIMATE_MS = 1_500;

/** About how many reminders one run sends before its time budget is spent. */
export const SENDS_PER_RUN = Math.floor(TIME_BUDGET_MS / SEND_ESTIMATE_MS);

/**
 * When this execution started (ms), marked by each entry point (the hourly trigger, the form-submit
 * trigger, every menu item and endpoint) before anything else. Apps Script starts every execution with
 * fresh globals; an entry point that did not mark counts from the first ask.
 */
let started: number | null = null;

export function startExecution(): number {
  started = Date.now();
  return started;
}

export function executionStarted(): number {
  return started ?? startExecution();
}

/** Whether the execution is past its budget: start no new send or document. */
export const outOfTime = (): boolean => Date.now() - executionStarted() > TIME_BUDGET_MS;
