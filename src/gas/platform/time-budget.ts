/**
 * Apps Script kills an execution at 6 minutes; whatever it had not flushed is lost and a `finally` runs
 * no service. Long work (documents, e-mail) starts no new step once this much of the execution has gone,
 * leaving time to record what it did, and continues in the next run.
 */
export const TIME_BUDGET_MS = 4.5 * 60_000;

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
