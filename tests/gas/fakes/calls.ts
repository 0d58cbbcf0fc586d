/**
 * Counts every call made on a fake Apps Script service, keyed `Class.method`
 * (for example `Range.getValues`, `Sheet.getRange`, `SpreadsheetApp.getActiveSpreadsheet`).
 * Tests and the bench read these counts to prove that work is batched.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();
  /** Runs before every call (the sandbox throws there once an execution is past its time limit). */
  guard: ((key: string) => void) | null = null;

  record(key: string): void {
    this.guard?.(key);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Sum of all calls whose key starts with `prefix` (for example `Range.` or `Sheet.`). */
  total(prefix = ''): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (key.startsWith(prefix)) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
