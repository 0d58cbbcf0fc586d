import type { Api, Endpoint } from '../../seam/api';

/**
 * Typed `google.script.run`: a promise per call, at most MAX_IN_FLIGHT calls at once (Google allows
 * about 10), the rest queued. Arguments are plain JSON (no Date).
 */
interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}
interface GoogleScript {
  script: { run: ScriptRun; host?: { close(): void } };
}

const MAX_IN_FLIGHT = 8;
let inFlight = 0;
const queue: Array<() => void> = [];

function google(): GoogleScript {
  return (globalThis as unknown as { google: GoogleScript }).google;
}

function next(): void {
  while (inFlight < MAX_IN_FLIGHT && queue.length > 0) queue.shift()!();
}

export function call<K extends Endpoint>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    queue.push(() => {
      inFlight++;
      const done = () => {
        inFlight--;
        next();
      };
      const runner = google()
        .script.run.withSuccessHandler((value) => {
          done();
          resolve(value as ReturnType<Api[K]>);
        })
        .withFailureHandler((error) => {
          done();
          reject(
            error instanceof Error
              ? error
              : new Error(String((error as { message?: unknown })?.message ?? error)),
          );
        });
      (runner[name] as (...a: unknown[]) => void)(...args);
    });
    next();
  });
}

/** Closes a dialog (no-op in a sidebar preview without a host). */
export function closeHost(): void {
  google().script.host?.close();
}
