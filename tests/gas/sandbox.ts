import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { FakeDocsService } from './fakes/docs-api';
import { FakeDocumentApp } from './fakes/document-app';
import { FakeFormApp, type SubmittedResponse } from './fakes/form-app';
import { EventType, FakeScriptApp, TriggerSource } from './fakes/script-app';
import { clockEvent, formSubmitEvent } from './fakes/trigger-events';
import {
  createEnv,
  FakeCacheService,
  FakeClock,
  FakeConsole,
  FakeLockService,
  FakeLogger,
  FakeMailApp,
  FakePropertiesService,
  FakeSession,
  type Execution,
  type Mode,
} from './fakes/services';
import { createSpreadsheetFakes } from './fakes/spreadsheet';
import { FakeUtilities } from './fakes/utilities';

/**
 * Runs the built bundle (`build/Code.js`) the way Apps Script does: one global scope holding only the
 * services, evaluated once, then top-level functions called as menus, triggers, `google.script.run` or
 * custom-function cells would call them.
 */

export interface SandboxOptions {
  /** The bundle to run; default `build/Code.js` of the repository. */
  bundlePath?: string;
  /** Where HtmlService looks for `.html` files; default the bundle's directory. */
  htmlDir?: string;
  /** Session.getActiveUser(); '' models a user of another domain or a simple trigger. */
  activeUser?: string;
  /** Session.getEffectiveUser(); default the active user. */
  effectiveUser?: string;
  /** Script and spreadsheet time zone; default Europe/Oslo. */
  timeZone?: string;
  /** The script's own time zone (appsscript.json), when it differs from the spreadsheet's. */
  scriptTimeZone?: string;
  /** Spreadsheet locale; default nb_NO (Session.getActiveUserLocale() reports its language, 'nb'). */
  locale?: string;
  /** MailApp recipients left today; default 100 (consumer account). */
  mailQuota?: number;
  /** DocumentApp.create calls left today; default 250 (consumer account). */
  docsQuota?: number;
  /** The spreadsheet's owner (may always edit protected sheets); default 'eier@example.no'. */
  owner?: string;
  /**
   * Start of the fake clock (ms since epoch); default FIXED_NOW, never the real time. The bundle's
   * `new Date()` and `Date.now()`, caches, lock waits and Utilities.sleep all read it; a test moves time
   * with `sb.clock.advance(ms)`.
   */
  now?: number;
  /** The spreadsheet's id; default the fake's. A copy of a spreadsheet has another id. */
  spreadsheetId?: string;
  /** Document properties the script starts with (a copy of a master carries the master's). */
  documentProperties?: Record<string, string>;
}

export interface RunAs {
  /** The active user; '' for another domain or a simple trigger. */
  email?: string;
  /** The account the script runs as (an installable trigger's installer); default `email`. */
  effectiveEmail?: string;
  /** Pin the execution id (default: a fresh `exec-N` per call). */
  executionId?: string;
}

/** Quotas page: 6 minutes per execution; custom functions and simple triggers 30 seconds. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
const SHORT_LIMIT_MS = 30_000;

export const DEFAULT_BUNDLE = resolve(__dirname, '../../build/Code.js');
const DEFAULT_USER = 'sekretariat@example.org';

export type Sandbox = ReturnType<typeof loadBundle>;

export function loadBundle(options: SandboxOptions = {}) {
  const bundlePath = options.bundlePath ?? DEFAULT_BUNDLE;
  const timeZone = options.timeZone ?? 'Europe/Oslo';
  const locale = options.locale ?? 'nb_NO';
  const activeUser = options.activeUser ?? DEFAULT_USER;

  // Only the services and the JS built-ins: no setTimeout, fetch, TextEncoder, URL, structuredClone, process,
  // require or Buffer, as in Apps Script, so accidental use fails here first.
  const context = vm.createContext({});
  // The bundle's Date.now() / new Date() are the fake clock, so no result depends on the day the tests run;
  // time passes as in Apps Script: Utilities.sleep and lock waits advance it.
  const clock = new FakeClock(options.now);
  const installClock = vm.runInContext(
    `(function (now) {
      class Date_ extends Date {
        constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
        static now() { return now(); }
      }
      Object.defineProperty(Date_, 'name', { value: 'Date' });
      globalThis.Date = Date_;
    })`,
    context,
  ) as (now: () => number) => void;
  installClock(() => clock.now());
  const realm = vm.runInContext('({ Array, Date, Error, Object })', context) as {
    Array: ArrayConstructor;
    Date: DateConstructor;
    Error: ErrorConstructor;
    Object: ObjectConstructor;
  };
  const env = createEnv({
    clock,
    execution: {
      id: 'exec-0',
      activeUser,
      effectiveUser: options.effectiveUser ?? activeUser,
      mode: 'normal',
    },
    Error: realm.Error, // so that `e instanceof Error` holds inside the bundle
  });
  const execution: Execution = env.execution;
  const sheets = createSpreadsheetFakes({
    calls: env.calls,
    locale,
    timeZone,
    htmlDir: options.htmlDir ?? dirname(bundlePath),
    mode: () => execution.mode,
    user: () => execution.effectiveUser,
    owner: options.owner,
    Error: realm.Error,
    Date: realm.Date, // cell dates are the bundle's own Dates, as in Apps Script
    now: () => clock.now(),
    id: options.spreadsheetId,
  });
  const spreadsheetId = sheets.spreadsheet.getId();
  const fakes = {
    SpreadsheetApp: sheets.SpreadsheetApp,
    HtmlService: sheets.HtmlService,
    // A form's responses land in the bound spreadsheet, then its form-submit triggers run.
    FormApp: new FakeFormApp(env, {
      spreadsheet: (id) => (id === spreadsheetId ? sheets.spreadsheet : null),
      submitted: (response) => deliverFormSubmit(response),
    }),
    DocumentApp: new FakeDocumentApp(env, options.docsQuota),
    // The Docs advanced service (enabled in appsscript.json): one batchUpdate writes a whole document.
    Docs: new FakeDocsService(env),
    ScriptApp: new FakeScriptApp(env),
    LockService: new FakeLockService(env),
    PropertiesService: new FakePropertiesService(env),
    CacheService: new FakeCacheService(env),
    // Session reports the language part ('nb'), the spreadsheet the full locale ('nb_NO').
    Session: new FakeSession(env, {
      timeZone: options.scriptTimeZone ?? timeZone,
      locale: locale.split('_')[0],
    }),
    MailApp: new FakeMailApp(env, options.mailQuota),
    Utilities: new FakeUtilities(env),
    Logger: new FakeLogger(env),
    console: new FakeConsole(env),
  };
  Object.assign(context, fakes);
  if (options.documentProperties)
    fakes.PropertiesService.getDocumentProperties().setProperties(options.documentProperties);

  const code = readFileSync(bundlePath, 'utf8');
  const callsBefore = env.calls.total();
  const started = performance.now();
  new vm.Script(code, { filename: bundlePath }).runInContext(context);
  const load = { ms: performance.now() - started, calls: env.calls.total() - callsBefore };

  let executions = 0;
  let pinnedExecutionId: string | undefined;
  // Google kills an execution at its time limit: from then on every service call fails (a `finally`
  // that writes changes nothing), and what it had not flushed is lost.
  let deadline = Infinity;
  let killed = false;
  env.calls.guard = () => {
    if (env.clock.now() <= deadline) return;
    killed = true;
    const error = new realm.Error('Exceeded maximum execution time');
    error.name = 'Exception';
    throw error;
  };

  /** Test data (Dates, arrays, plain objects) rebuilt in the sandbox realm, so `instanceof Date` holds there. */
  function intoRealm(value: unknown): unknown {
    if (Array.isArray(value)) return realm.Array.from(value, intoRealm);
    if (Object.prototype.toString.call(value) === '[object Date]')
      return new realm.Date((value as Date).getTime());
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const copy = new realm.Object() as Record<string, unknown>;
      for (const [key, v] of Object.entries(value)) copy[key] = intoRealm(v);
      return copy;
    }
    return value;
  }

  /** One execution: a fresh id, the given mode, and Google's release of its locks when it ends. */
  function execute(mode: Mode, name: string, args: unknown[]): unknown {
    const fn: unknown = (context as Record<string, unknown>)[name];
    // Functions ending in _ are private: menus, triggers and google.script.run cannot reach them.
    if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    const saved = { id: execution.id, mode: execution.mode, deadline, killed };
    execution.id = pinnedExecutionId ?? `exec-${++executions}`;
    execution.mode = mode;
    deadline = env.clock.now() + (mode === 'normal' ? EXECUTION_LIMIT_MS : SHORT_LIMIT_MS);
    killed = false;
    sheets.spreadsheet.beginExecution(execution.id);
    try {
      return (fn as (...a: unknown[]) => unknown)(...args.map(intoRealm));
    } finally {
      fakes.LockService.releaseAllHeldBy(execution.id);
      sheets.spreadsheet.endExecution(execution.id, killed);
      ({ deadline, killed } = saved);
      Object.assign(execution, { id: saved.id, mode: saved.mode });
    }
  }

  /** Runs every installed trigger matching `match` as its owner (an installable trigger runs as its installer). */
  function runTriggers(
    match: (t: ReturnType<typeof fakes.ScriptApp.allTriggers>[number]) => boolean,
    event: (t: { uniqueId: string }) => unknown,
  ) {
    return fakes.ScriptApp.allTriggers()
      .filter(match)
      .map((t) =>
        runAsUser({ email: '', effectiveEmail: t.owner }, () => execute('normal', t.handler, [event(t)])),
      );
  }

  /** Google fires the spreadsheet's form-submit triggers for a response already in its response sheet. */
  function deliverFormSubmit(response: SubmittedResponse, options: { blank?: boolean } = {}) {
    return runTriggers(
      (t) =>
        t.eventType === EventType.ON_FORM_SUBMIT &&
        t.source === TriggerSource.SPREADSHEETS &&
        t.sourceId === spreadsheetId,
      (t) => formSubmitEvent(response, t, options),
    );
  }

  function runAsUser<T>(who: RunAs, body: () => T): T {
    const saved = { ...execution };
    const savedPin = pinnedExecutionId;
    if (who.email !== undefined) execution.activeUser = who.email;
    execution.effectiveUser = who.effectiveEmail ?? who.email ?? execution.effectiveUser;
    pinnedExecutionId = who.executionId ?? pinnedExecutionId;
    try {
      return body();
    } finally {
      Object.assign(execution, saved);
      pinnedExecutionId = savedPin;
    }
  }

  return {
    /** Every service call, `Class.method` → count (the load's calls included). */
    calls: env.calls,
    clock: env.clock,
    /** The current execution (user, id, mode); prefer `runAs` to changing it. */
    execution: execution as Readonly<Execution>,
    /** Time to compile and evaluate the bundle's top level, and the service calls it made (should be 0). */
    load,
    context,
    fakes,
    /** The spreadsheet the script is bound to, and its Ui (alerts, menus, sidebars shown). */
    spreadsheet: sheets.spreadsheet,
    ui: sheets.ui,

    /** Calls a top-level function as a menu item, trigger or `google.script.run` would. */
    call<T = unknown>(name: string, ...args: unknown[]): T {
      return execute('normal', name, args) as T;
    },

    /** Calls it as a custom-function cell: services needing authorisation, and all writes, throw. */
    callAsCustomFunction<T = unknown>(name: string, ...args: unknown[]): T {
      return execute('customFunction', name, args) as T;
    },

    /** Fires one installed time-driven trigger, as its owner, with a clock event (see `fireClockTriggers`). */
    fireClockTrigger(uniqueId: string): unknown {
      const [result, ...more] = runTriggers(
        (t) => t.uniqueId === uniqueId && t.eventType === EventType.CLOCK,
        (t) => clockEvent(t, env.clock.now()),
      );
      if (
        more.length > 0 ||
        !fakes.ScriptApp.allTriggers().some((t) => t.uniqueId === uniqueId && t.eventType === EventType.CLOCK)
      )
        throw new Error(`No clock trigger ${uniqueId}`);
      return result;
    },

    /**
     * Calls it as a simple trigger (`onOpen`): AuthMode.LIMITED, the user's address hidden, and every
     * service that needs authorisation throws; the bound spreadsheet and its Ui may be used.
     */
    callAsSimpleTrigger<T = unknown>(name: string): T {
      const event = {
        authMode: fakes.ScriptApp.AuthMode.LIMITED,
        source: fakes.SpreadsheetApp.getActiveSpreadsheet(),
        user: { getEmail: () => '' },
      };
      return execute('simpleTrigger', name, [event]) as T;
    },

    /**
     * Calls it as an editor add-on's `onOpen` or `onInstall` in AuthMode.NONE (the add-on not yet used in
     * this file): every service but the Ui's menus throws, as Google refuses document access there.
     */
    callAsAddon<T = unknown>(name: string): T {
      return execute('addonNone', name, [{ authMode: fakes.ScriptApp.AuthMode.NONE }]) as T;
    },

    /** Runs `body` (usually calls) as another user and/or execution, then restores the previous ones. */
    runAs: runAsUser,

    /**
     * Fires the form-submit triggers again for a response already in the response sheet: Google's
     * replays, and (`blank`) the spurious empty second event. Returns what each handler returned.
     */
    refireFormSubmit: (response: SubmittedResponse, options: { blank?: boolean } = {}) =>
      deliverFormSubmit(response, options),

    /** Runs every time-driven trigger once, as its owner, with a clock event. */
    fireClockTriggers: () =>
      runTriggers(
        (t) => t.eventType === EventType.CLOCK,
        (t) => clockEvent(t, env.clock.now()),
      ),
  };
}
