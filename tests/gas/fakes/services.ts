import { createHash } from 'node:crypto';
import { format } from 'node:util';
import { CallLog } from './calls';

/**
 * Shared core of the non-Spreadsheet fakes (environment, typing helpers) and the small services:
 * LockService, PropertiesService, CacheService, Session, MailApp, Logger and console.
 */

// ---------------------------------------------------------------------------------------------------------
// Typing: `implements Fake<Interface, 'm1' | 'm2'>` pins each implemented method to Google's signature.
// Object-typed results are widened to `object`, so a fake may return its own (partial) classes; parameters
// and primitive or enum results stay exactly Google's. Overloads are kept (up to four per method).

type Widen<R> = R extends (infer E)[] ? Widen<E>[] : R extends object ? object : R;
type Overloads<F> = F extends {
  (...a: infer A1): infer R1;
  (...a: infer A2): infer R2;
  (...a: infer A3): infer R3;
  (...a: infer A4): infer R4;
}
  ? ((...a: A1) => Widen<R1>) &
      ((...a: A2) => Widen<R2>) &
      ((...a: A3) => Widen<R3>) &
      ((...a: A4) => Widen<R4>)
  : never;
export type Fake<T, K extends keyof T> = {
  [P in K]: T[P] extends (...a: never[]) => unknown ? Overloads<T[P]> : T[P];
};

/**
 * An Apps Script enum. Its members are objects, not strings: `String(FormApp.ItemType.TEXT)` is 'TEXT' and
 * members compare by identity, but `=== 'TEXT'` is false, as in Apps Script.
 */
export function enumOf<E>(...names: (keyof E & string)[]): E {
  const members = names.map((name, i) => [
    name,
    Object.freeze({ name: () => name, ordinal: () => i, toString: () => name }),
  ]);
  return Object.freeze(Object.fromEntries(members)) as unknown as E;
}

// ---------------------------------------------------------------------------------------------------------
// Environment shared by every fake.

/**
 * 'customFunction': a custom-function cell (read-only, no authorised service). 'simpleTrigger': `onOpen`
 * and other simple triggers, AuthMode.LIMITED: the bound spreadsheet may be read and changed, but every
 * service that needs authorisation throws, and the user's address is hidden. 'addonNone': an editor
 * add-on's `onOpen` in AuthMode.NONE (not yet used in this file): no document, no service, only the menu.
 */
export type Mode = 'normal' | 'customFunction' | 'simpleTrigger' | 'addonNone';

/** Who is running, and how. The sandbox mutates it per call; fakes read it on every call. */
export interface Execution {
  id: string;
  /** '' models users of another domain and simple triggers (Google hides the address there). */
  activeUser: string;
  /** The account the script runs as: the user for menus and sidebars, the installer for installable triggers. */
  effectiveUser: string;
  mode: Mode;
}

/**
 * The fixed instant every fake and sandbox starts at, so no test depends on the day it runs: Wednesday
 * 19 November 2025, 10:00 in Oslo (a working day in the example's budget year).
 */
export const FIXED_NOW = Date.UTC(2025, 10, 19, 9);

/** Injectable clock for cache expiry, lock waits and `Utilities.sleep` (nothing really waits). */
export class FakeClock {
  constructor(private ms = FIXED_NOW) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface FakeEnv {
  calls: CallLog;
  clock: FakeClock;
  execution: Execution;
  /** Error constructor of the realm that catches the fakes' exceptions (the sandbox passes its vm's). */
  Error: ErrorConstructor;
}

export function createEnv(overrides: Partial<FakeEnv> = {}): FakeEnv {
  const user = 'sekretariat@example.org';
  return {
    calls: new CallLog(),
    clock: new FakeClock(),
    execution: { id: 'exec-1', activeUser: user, effectiveUser: user, mode: 'normal' },
    Error,
    ...overrides,
  };
}

/** Base of every fake object: counts each public call as `Class.method` and raises Google-style errors. */
export abstract class FakeBase {
  protected constructor(
    protected readonly env: FakeEnv,
    private readonly className: string,
  ) {}

  /**
   * Records the call. `authorised` marks methods that need an OAuth scope: custom functions run without
   * authorisation, and Google answers "You do not have permission to call X" (wording approximate: newer
   * runtimes append the required scope).
   */
  protected track(method: string, authorised = false): void {
    const key = `${this.className}.${method}`;
    this.env.calls.record(key);
    if (this.env.execution.mode === 'addonNone') throw this.fail(`You do not have permission to call ${key}`);
    if (authorised && this.env.execution.mode !== 'normal') {
      throw this.fail(`You do not have permission to call ${key}`);
    }
  }

  /** Apps Script exceptions are `Error`s named `Exception` ("Exception: <message>"). */
  protected fail(message: string): Error {
    const error = new this.env.Error(message);
    error.name = 'Exception';
    return error;
  }
}

/** Google's answer to openById for an id that does not exist or cannot be opened. */
export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------------------
// LockService

type LockScope = 'document' | 'script' | `user:${string}`;

export class FakeLockService
  extends FakeBase
  // getDocumentLock is left out: Google's types say Lock, its reference says it may be null.
  implements Fake<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock'>
{
  /** scope → id of the execution holding it */
  private readonly holders = new Map<LockScope, string>();
  /** Test hooks: each runs once, right after a held lock is released (another execution gets in). */
  private readonly afterRelease: Array<() => void> = [];
  /** Google: null outside a container-bound script or add-on (a standalone script, some triggers). */
  noDocument = false;

  constructor(env: FakeEnv) {
    super(env, 'LockService');
  }

  getDocumentLock(): FakeLock | null {
    this.track('getDocumentLock');
    return this.noDocument ? null : this.lock('document');
  }

  getScriptLock(): FakeLock {
    this.track('getScriptLock');
    return this.lock('script');
  }

  /** Per user: the account the script runs as. */
  getUserLock(): FakeLock {
    this.track('getUserLock');
    return this.lock(`user:${this.env.execution.effectiveUser}`);
  }

  /**
   * Test helper: `next` runs (as another execution, through the sandbox) the moment the running one
   * releases a lock, while it has not yet ended: it sees only what the releaser flushed.
   */
  onNextRelease(next: () => void): void {
    this.afterRelease.push(next);
  }

  private lock(scope: LockScope): FakeLock {
    return new FakeLock(this.env, this.holders, scope, () => this.afterRelease.shift()?.());
  }

  /** Test helper: another execution takes the lock and keeps it until `releaseAllHeldBy(executionId)`. */
  holdFor(scope: LockScope, executionId: string): void {
    this.holders.set(scope, executionId);
  }

  /** Google releases an execution's locks when it ends; the sandbox calls this after each call. */
  releaseAllHeldBy(executionId: string): void {
    for (const [scope, holder] of this.holders) if (holder === executionId) this.holders.delete(scope);
  }

  holderOf(scope: LockScope): string | undefined {
    return this.holders.get(scope);
  }
}

export class FakeLock
  extends FakeBase
  implements Fake<GoogleAppsScript.Lock.Lock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'>
{
  /** A lock belongs to the execution that obtained it. */
  private readonly executionId: string;
  private acquired = false;

  constructor(
    env: FakeEnv,
    private readonly holders: Map<LockScope, string>,
    private readonly scope: LockScope,
    private readonly released: () => void = () => {},
  ) {
    super(env, 'Lock');
    this.executionId = env.execution.id;
  }

  /** Google: true when acquired within the timeout, false otherwise. */
  tryLock(timeoutInMillis: number): boolean {
    this.track('tryLock');
    return this.acquire(timeoutInMillis);
  }

  /** Google: throws when the lock cannot be acquired within the timeout. */
  waitLock(timeoutInMillis: number): void {
    this.track('waitLock');
    if (!this.acquire(timeoutInMillis)) {
      throw this.fail('Lock timeout: another process was holding the lock for too long.');
    }
  }

  /** Google: false if never acquired through this object, timed out, or released. */
  hasLock(): boolean {
    this.track('hasLock');
    return this.held();
  }

  releaseLock(): void {
    this.track('releaseLock');
    const held = this.held();
    if (held) this.holders.delete(this.scope);
    this.acquired = false;
    if (held) this.released();
  }

  private held(): boolean {
    return this.acquired && this.holders.get(this.scope) === this.executionId;
  }

  private acquire(timeoutInMillis: number): boolean {
    const holder = this.holders.get(this.scope);
    if (holder !== undefined && holder !== this.executionId) {
      // Tests are single-threaded: the other execution never lets go, so the whole timeout passes.
      this.env.clock.advance(timeoutInMillis);
      return false;
    }
    this.holders.set(this.scope, this.executionId);
    this.acquired = true;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// PropertiesService

/** Quotas page: 9 KB per value, 500 KB per property store (counted here as UTF-8 bytes of keys and values). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakePropertiesService
  extends FakeBase
  implements
    Fake<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
    >
{
  private readonly script = new Map<string, string>();
  private readonly document = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  constructor(env: FakeEnv) {
    super(env, 'PropertiesService');
  }

  getScriptProperties(): FakeProperties {
    this.track('getScriptProperties');
    return new FakeProperties(this.env, this.script);
  }

  getDocumentProperties(): FakeProperties {
    this.track('getDocumentProperties');
    return new FakeProperties(this.env, this.document);
  }

  /** Only the current user (the account the script runs as) sees this store. */
  getUserProperties(): FakeProperties {
    this.track('getUserProperties');
    const user = this.env.execution.effectiveUser;
    let store = this.users.get(user);
    if (!store) this.users.set(user, (store = new Map()));
    return new FakeProperties(this.env, store);
  }
}

type PropertiesMethods =
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties';

export class FakeProperties
  extends FakeBase
  implements Fake<GoogleAppsScript.Properties.Properties, PropertiesMethods>
{
  constructor(
    env: FakeEnv,
    private readonly store: Map<string, string>,
  ) {
    super(env, 'Properties');
  }

  /** Google: null when the key is absent. */
  getProperty(key: string): string | null {
    this.track('getProperty');
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): this {
    this.track('setProperty');
    this.write({ [key]: value }, false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): this {
    this.track('setProperties');
    this.write(properties, deleteAllOthers);
    return this;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): { [key: string]: string } {
    this.track('getProperties');
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    this.track('getKeys');
    return [...this.store.keys()];
  }

  deleteProperty(key: string): this {
    this.track('deleteProperty');
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.track('deleteAllProperties');
    this.store.clear();
    return this;
  }

  /** Values are stored as strings (a number becomes String(n)); a write over a limit changes nothing. */
  private write(properties: { [key: string]: unknown }, replace: boolean): void {
    const next = new Map(replace ? [] : this.store);
    for (const [key, value] of Object.entries(properties)) {
      const text = String(value);
      // Google: "Argument too large: value" (wording approximate).
      if (utf8Bytes(text) > PROPERTY_VALUE_LIMIT) throw this.fail(`Argument too large: value (${key})`);
      next.set(key, text);
    }
    let size = 0;
    for (const [key, value] of next) size += utf8Bytes(key) + utf8Bytes(value);
    if (size > PROPERTY_STORE_LIMIT) {
      throw this.fail(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// CacheService

/**
 * Cache reference page: keys up to 250 characters, values up to 100 KB, expiry 1 s to 21 600 s (default 600 s),
 * 1 000 items per cache. Poehnelt's measurements ("Exploring Apps Script CacheService limits"): both size
 * limits throw, and a full cache evicts its ~100 oldest items at once. Out-of-range expiries are undocumented:
 * the fake throws so our code stays inside the documented range.
 */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;
const CACHE_MAX_SECONDS = 21600;

interface CacheEntry {
  value: string;
  expires: number;
}

export class FakeCacheService
  extends FakeBase
  implements Fake<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'>
{
  private readonly script = new Map<string, CacheEntry>();
  private readonly document = new Map<string, CacheEntry>();
  private readonly users = new Map<string, Map<string, CacheEntry>>();

  constructor(env: FakeEnv) {
    super(env, 'CacheService');
  }

  getScriptCache(): FakeCache {
    this.track('getScriptCache');
    return new FakeCache(this.env, this.script);
  }

  getDocumentCache(): FakeCache {
    this.track('getDocumentCache');
    return new FakeCache(this.env, this.document);
  }

  getUserCache(): FakeCache {
    this.track('getUserCache');
    const user = this.env.execution.effectiveUser;
    let entries = this.users.get(user);
    if (!entries) this.users.set(user, (entries = new Map()));
    return new FakeCache(this.env, entries);
  }
}

export class FakeCache
  extends FakeBase
  implements Fake<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>
{
  constructor(
    env: FakeEnv,
    private readonly entries: Map<string, CacheEntry>,
  ) {
    super(env, 'Cache');
  }

  /** Google: null when absent or expired. */
  get(key: string): string | null {
    this.track('get');
    return this.read(String(key));
  }

  /** Only the keys found appear in the result. */
  getAll(keys: string[]): { [key: string]: string } {
    this.track('getAll');
    const found: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.read(String(key));
      if (value !== null) found[String(key)] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds = 600): void {
    this.track('put');
    this.write({ [key]: value }, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds = 600): void {
    this.track('putAll');
    this.write(values, expirationInSeconds);
  }

  remove(key: string): void {
    this.track('remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.track('removeAll');
    for (const key of keys) this.entries.delete(String(key));
  }

  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.env.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(values: { [key: string]: unknown }, seconds: number): void {
    if (!(seconds >= 1 && seconds <= CACHE_MAX_SECONDS)) {
      throw this.fail(`Cache expiration must be 1 to ${CACHE_MAX_SECONDS} seconds, got ${seconds}`);
    }
    const items = Object.entries(values).map(([key, value]) => [key, String(value)] as const);
    for (const [key, value] of items) {
      if (key.length > CACHE_KEY_LIMIT) throw this.fail(`Argument too large: key (${key.slice(0, 20)}...)`);
      if (utf8Bytes(value) > CACHE_VALUE_LIMIT) throw this.fail(`Argument too large: value (${key})`);
    }
    const expires = this.env.clock.now() + seconds * 1000;
    for (const [key, value] of items) {
      this.entries.delete(key); // a rewrite counts as new for the FIFO eviction
      if (this.entries.size >= CACHE_MAX_ITEMS) this.evictOldest(CACHE_MAX_ITEMS / 10);
      this.entries.set(key, { value, expires });
    }
  }

  private evictOldest(count: number): void {
    for (const key of [...this.entries.keys()].slice(0, count)) this.entries.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Session

export interface SessionOptions {
  timeZone?: string;
  locale?: string;
}

export class FakeUser extends FakeBase implements Fake<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    env: FakeEnv,
    private readonly email: string,
  ) {
    super(env, 'User');
  }

  getEmail(): string {
    this.track('getEmail');
    return this.email;
  }
}

type SessionMethods =
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey';

export class FakeSession extends FakeBase implements Fake<GoogleAppsScript.Base.Session, SessionMethods> {
  private readonly timeZone: string;
  private readonly locale: string;

  constructor(env: FakeEnv, options: SessionOptions = {}) {
    super(env, 'Session');
    this.timeZone = options.timeZone ?? 'Europe/Oslo';
    this.locale = options.locale ?? 'nb';
  }

  /** Needs the userinfo.email scope, so custom functions may not call it. */
  getActiveUser(): FakeUser {
    // A simple trigger may ask, but Google hides the address there (the user has not authorised the script).
    const limited = this.env.execution.mode === 'simpleTrigger';
    this.track('getActiveUser', !limited);
    return new FakeUser(this.env, limited ? '' : this.env.execution.activeUser);
  }

  getEffectiveUser(): FakeUser {
    const limited = this.env.execution.mode === 'simpleTrigger';
    this.track('getEffectiveUser', !limited);
    return new FakeUser(this.env, limited ? '' : this.env.execution.effectiveUser);
  }

  getScriptTimeZone(): string {
    this.track('getScriptTimeZone');
    return this.timeZone;
  }

  getActiveUserLocale(): string {
    this.track('getActiveUserLocale');
    return this.locale;
  }

  /** Stable per active user, and reveals nothing about who the user is. */
  getTemporaryActiveUserKey(): string {
    this.track('getTemporaryActiveUserKey');
    return createHash('sha256').update(`temporary-key:${this.env.execution.activeUser}`).digest('base64url');
  }
}

// ---------------------------------------------------------------------------------------------------------
// MailApp

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

const DAY_MS = 86_400_000;

const addresses = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');

/**
 * What Google takes as an address, approximated by RFC 5321's dot-atom (quoted local parts refused): a local
 * part of letters, digits and `!#$%&'*+/=?^_`{|}~-` in dot-separated runs (no leading, trailing or double
 * dot), a domain of at least two labels that neither start nor end with a hyphen, and a top-level domain
 * of letters. `ola..nordmann@example.no`, `ola@example.no.` or `ola@-example.no` pass a simple
 * "something@something.something" check and are refused by Google with "Invalid email: …".
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9\u00C0-\uFFFF]([A-Za-z0-9\u00C0-\uFFFF-]*[A-Za-z0-9\u00C0-\uFFFF])?$/;
export function googleTakesAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1 || address.length > 254) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => l.length <= 63 && LABEL.test(l)) &&
    /^[A-Za-z\u00C0-\uFFFF]{2,}$/.test(labels[labels.length - 1]!)
  );
}

export class FakeMailApp
  extends FakeBase
  implements Fake<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>
{
  readonly outbox: SentMail[] = [];
  /**
   * How long the n-th send (1-based, this fake's) takes; the fake clock moves on by it after the mail is
   * sent. Google's sendEmail is a round trip to Gmail: about a second is assumed here (not measured), so
   * a long run of sends meets the 6-minute limit as it would in Google. A test may make one send stall.
   */
  latency: (n: number) => number = () => 1000;
  private sends = 0;
  private remaining: number;
  private windowStart: number;

  /**
   * Quotas page: 100 recipients a day for consumer accounts (1 500 for Workspace), "refreshed at the end
   * of a 24-hour window": the window starts with the account's clock here and refills every 24 h.
   */
  constructor(
    env: FakeEnv,
    private readonly dailyQuota = 100,
  ) {
    super(env, 'MailApp');
    this.remaining = dailyQuota;
    this.windowStart = env.clock.now();
  }

  getRemainingDailyQuota(): number {
    this.track('getRemainingDailyQuota', true);
    this.refresh();
    return this.remaining;
  }

  private refresh(): void {
    const elapsed = Math.floor((this.env.clock.now() - this.windowStart) / DAY_MS);
    if (elapsed < 1) return;
    this.windowStart += elapsed * DAY_MS;
    this.remaining = this.dailyQuota;
  }

  /** All of Google's forms: (message), (recipient, subject, body[, options]), (to, replyTo, subject, body). */
  sendEmail(
    first: string | MailOptions,
    second?: string,
    third?: string,
    fourth?: string | MailOptions,
  ): void {
    this.track('sendEmail', true);
    const message: MailOptions =
      typeof first === 'object'
        ? first
        : typeof fourth === 'string'
          ? { to: first, replyTo: second, subject: third, body: fourth }
          : { ...fourth, to: first, subject: second, body: third };
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw this.fail('Failed to send email: no recipient');
    const invalid = recipients.find((a) => !googleTakesAddress(a));
    if (invalid !== undefined) throw this.fail(`Invalid email: ${invalid}`);
    // Each recipient counts against the daily quota.
    this.refresh();
    if (recipients.length > this.remaining) {
      throw this.fail('Service invoked too many times for one day: email.');
    }
    this.remaining -= recipients.length;
    this.outbox.push({
      from: this.env.execution.effectiveUser,
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      ...(message.htmlBody !== undefined && { htmlBody: message.htmlBody }),
      ...(message.name !== undefined && { name: message.name }),
      ...(message.replyTo !== undefined && { replyTo: message.replyTo }),
      ...(message.noReply !== undefined && { noReply: message.noReply }),
    });
    this.env.clock.advance(this.latency(++this.sends));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Logger and console

export class FakeLogger extends FakeBase implements Fake<GoogleAppsScript.Base.Logger, 'log'> {
  readonly entries: string[] = [];

  constructor(env: FakeEnv) {
    super(env, 'Logger');
  }

  /** `log(data)` or `log(format, ...values)` with %s / %d placeholders. */
  log(data: unknown, ...values: unknown[]): this {
    this.track('log');
    this.entries.push(values.length > 0 ? format(String(data), ...values) : String(data));
    return this;
  }
}

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error';

/** Apps Script's `console` (Cloud Logging): lines are kept, not printed. */
export class FakeConsole extends FakeBase {
  readonly lines: { level: ConsoleLevel; text: string }[] = [];

  constructor(env: FakeEnv) {
    super(env, 'console');
  }

  log(...args: unknown[]): void {
    this.write('log', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  private write(level: ConsoleLevel, args: unknown[]): void {
    this.track(level);
    this.lines.push({ level, text: format(...args) });
  }
}
