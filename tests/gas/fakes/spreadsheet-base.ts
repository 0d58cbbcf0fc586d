import type { CallLog } from './calls';

/** What kind of execution the fakes pretend to serve: a normal run (menu, trigger) or a custom function cell. */
export type Mode = 'normal' | 'customFunction' | 'simpleTrigger' | 'addonNone';

/** `instanceof Date` fails for Dates made inside the vm sandbox, so test the internal tag. */
export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

/**
 * Apps Script enums are objects, not strings: `String(SpreadsheetApp.ProtectionType.SHEET)` is 'SHEET' and
 * `==` with the name works, but `=== 'SHEET'` does not. The fake keeps that distinction.
 */
export function gasEnum<T>(names: readonly string[]): T {
  const entries = names.map((name, i) => [
    name,
    Object.freeze({ name: () => name, ordinal: () => i, toString: () => name }),
  ]);
  return asGas<T>(Object.freeze(Object.fromEntries(entries)));
}

/**
 * The fakes implement a `Pick` of each Google interface, so they cannot be typed as the full interface; they
 * are handed out under Google's type, and calling an unimplemented method throws TypeError, as intended.
 */
export function asGas<T>(fake: unknown): T {
  return fake as T;
}

// Document services whose mutating methods a custom function may not call.
const DOCUMENT = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Protection']);
const MUTATING = /^(set|insert|append|delete|clear|protect|toast|activate|hide|show|remove)/;

/** What an add-on may call in AuthMode.NONE: the Ui, to build its menu (Google: "no access to user data"). */
const ADDON_NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu']);

/** Counts every call (`Class.method`), refuses mutations in custom-function mode and raises Google's errors. */
export class Tracker {
  constructor(
    readonly calls: CallLog,
    readonly mode: () => Mode = () => 'normal',
    /** The sandbox's constructors, so `instanceof Error` / `instanceof Date` hold inside the vm. */
    private readonly realm: { Error?: ErrorConstructor; Date?: DateConstructor } = {},
  ) {}

  hit(cls: string, method: string): void {
    this.calls.record(`${cls}.${method}`);
    // Custom functions get read-only access: Google says "You do not have permission to call setValues".
    if (this.mode() === 'customFunction' && DOCUMENT.has(cls) && MUTATING.test(method)) {
      throw this.error(`You do not have permission to call ${method}`);
    }
    // An editor add-on's onOpen in AuthMode.NONE, before the add-on is used in the file: only the menu.
    if (this.mode() === 'addonNone' && !ADDON_NONE_ALLOWED.has(`${cls}.${method}`) && cls !== 'Menu') {
      throw this.error(`You do not have permission to call ${cls}.${method} (AuthMode.NONE)`);
    }
  }

  /** Apps Script service errors print as `Exception: <message>` (their name is `Exception`). */
  error(message: string): Error {
    const error = new (this.realm.Error ?? Error)(message);
    error.name = 'Exception';
    return error;
  }

  /** A copy of a stored Date, made in the sandbox realm. */
  date(d: Date): Date {
    return new (this.realm.Date ?? Date)(d.getTime());
  }

  /**
   * Google's error when arguments fit no overload, e.g. `setValues([1, 2])`: "The parameters (number[]) don't
   * match the method signature for SpreadsheetApp.Range.setValues." The type names are approximated.
   */
  badArgs(method: string, args: unknown[]): Error {
    return this.error(
      `The parameters (${args.map(kindOf).join(',')}) don't match the method signature for ${method}.`,
    );
  }

  /** Checks that an argument is one of our own fakes (Google rejects anything else with a signature error). */
  own<T>(x: unknown, ctor: abstract new (...args: never[]) => T, method: string): T {
    if (!(x instanceof ctor)) throw this.badArgs(method, [x]);
    return x;
  }
}

function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `${x.length > 0 ? kindOf(x[0]) : 'Object'}[]`;
  if (typeof x === 'string') return 'String';
  if (typeof x === 'boolean') return 'Boolean';
  if (typeof x === 'object') return isDate(x) ? 'Date' : 'Object';
  return typeof x;
}
