import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_NOW } from './fakes/services';
import { DEFAULT_BUNDLE, loadBundle } from './sandbox';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tilskudd-sandbox-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let bundles = 0;
/** Writes a tiny hand-written bundle and loads it. */
function load(code: string, options: Parameters<typeof loadBundle>[0] = {}) {
  const bundlePath = join(dir, `Code${++bundles}.js`);
  writeFileSync(bundlePath, code);
  return loadBundle({ bundlePath, ...options });
}

const HELLO = `function hello(name) { return 'hei ' + name; }`;

describe('loadBundle', () => {
  it('runs the top level once, measures it, and calls top-level functions', () => {
    const sandbox = load(`var loads = (this.loads || 0) + 1; ${HELLO} function count() { return loads; }`);
    expect(sandbox.call('hello', 'Kari')).toBe('hei Kari');
    expect(sandbox.call('count')).toBe(1);
    expect(sandbox.load.calls).toBe(0);
    expect(sandbox.load.ms).toBeGreaterThanOrEqual(0);
    expect(() => sandbox.call('missing')).toThrow('Script function not found: missing');
  });

  it('reports service calls made at load, which every execution would pay for', () => {
    const sandbox = load(`var tz = Session.getScriptTimeZone(); ${HELLO}`);
    expect(sandbox.load.calls).toBe(1);
    expect(sandbox.calls.count('Session.getScriptTimeZone')).toBe(1);
  });

  it('gives the script only the services and the JS built-ins', () => {
    const sandbox = load(`function seen() {
      var names = ['setTimeout', 'setInterval', 'fetch', 'TextEncoder', 'TextDecoder', 'URL', 'structuredClone',
        'process', 'require', 'Buffer', 'SpreadsheetApp', 'HtmlService', 'FormApp', 'ScriptApp', 'LockService',
        'PropertiesService', 'CacheService', 'Session', 'MailApp', 'Utilities', 'Logger', 'DocumentApp', 'console',
        'JSON', 'Intl', 'Map'];
      return names.map(function (n) { return n + ':' + typeof globalThis[n]; }).join(' ');
    }`);
    expect(sandbox.call<string>('seen').split(' ')).toEqual([
      'setTimeout:undefined',
      'setInterval:undefined',
      'fetch:undefined',
      'TextEncoder:undefined',
      'TextDecoder:undefined',
      'URL:undefined',
      'structuredClone:undefined',
      'process:undefined',
      'require:undefined',
      'Buffer:undefined',
      'SpreadsheetApp:object',
      'HtmlService:object',
      'FormApp:object',
      'ScriptApp:object',
      'LockService:object',
      'PropertiesService:object',
      'CacheService:object',
      'Session:object',
      'MailApp:object',
      'Utilities:object',
      'Logger:object',
      'DocumentApp:object',
      'console:object',
      'JSON:object',
      'Intl:object',
      'Map:function',
    ]);
  });

  it('fails at load when the bundle uses a Node-only global', () => {
    expect(() => load(`setTimeout(function () {}, 0); ${HELLO}`)).toThrow('setTimeout is not defined');
  });

  it('keeps functions ending in _ private, as Apps Script does', () => {
    const sandbox = load(`function helper_() { return 1; }`);
    expect(() => sandbox.call('helper_')).toThrow('Script function not found: helper_');
  });

  it('hands Dates, arrays and objects to the script in its own realm, and raises realm errors', () => {
    const sandbox = load(`function kinds(d, rows, e) {
        return [d instanceof Date, rows instanceof Array, rows[0] instanceof Array, e instanceof Object,
          e.when instanceof Date].join();
      }
      function caught() {
        try { MailApp.sendEmail('', 's', 'b'); } catch (e) { return e instanceof Error && String(e); }
      }`);
    const rows = [[new Date(0)]];
    expect(sandbox.call('kinds', new Date(0), rows, { when: new Date(0) })).toBe('true,true,true,true,true');
    expect(sandbox.call('caught')).toBe('Exception: Failed to send email: no recipient');
  });

  it('counts calls, shares the fakes with the test, and reads the bound spreadsheet', () => {
    const sandbox = load(`function setUp() {
      PropertiesService.getScriptProperties().setProperty('ready', 'yes');
      return SpreadsheetApp.getActiveSpreadsheet().getSheets().length;
    }`);
    expect(sandbox.call('setUp')).toBe(1);
    expect(sandbox.fakes.PropertiesService.getScriptProperties().getProperty('ready')).toBe('yes');
    expect(sandbox.calls.count('Properties.setProperty')).toBe(1);
    expect(sandbox.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(sandbox.spreadsheet).toBeDefined();
  });
});

describe('executions and users', () => {
  const LOCKING = `function submit() {
      var lock = LockService.getDocumentLock();
      if (!lock.tryLock(10000)) return 'busy';
      return 'done';
    }
    function me() { return Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail(); }`;

  it('blocks a call while another execution holds the lock, and releases a call’s locks when it ends', () => {
    const sandbox = load(LOCKING);
    const locks = sandbox.fakes.LockService;
    locks.holdFor('document', 'other-execution');
    expect(sandbox.call('submit')).toBe('busy');
    locks.releaseAllHeldBy('other-execution');
    expect(sandbox.call('submit')).toBe('done');
    // submit never released its lock: Google frees it when the execution ends.
    expect(locks.holderOf('document')).toBeUndefined();
  });

  it('runs as another user or execution, then restores the previous one', () => {
    const sandbox = load(LOCKING, { activeUser: 'leder@example.org' });
    expect(sandbox.call('me')).toBe('leder@example.org|leder@example.org');
    const asTrigger = sandbox.runAs({ email: '', effectiveEmail: 'installer@example.org' }, () =>
      sandbox.call('me'),
    );
    expect(asTrigger).toBe('|installer@example.org');
    sandbox.fakes.LockService.holdFor('document', 'pinned');
    expect(sandbox.runAs({ executionId: 'pinned' }, () => sandbox.call('submit'))).toBe('done');
    expect(sandbox.call('me')).toBe('leder@example.org|leder@example.org');
    expect(sandbox.execution.mode).toBe('normal');
  });
});

describe('time', () => {
  const CLOCK = `function install() { return ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create().getUniqueId(); }
    function daily(e) { return [new Date().toISOString(), (Date.now)(), e.triggerUid, e.year, e['day-of-month'], Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()].join('|'); }
    function now() { return new Date().getTime(); }
    function fixed() { return new Date(0).toISOString() + (new Date() instanceof Date); }`;

  it('fires an installed clock trigger as its owner, with the time-driven event, and only such a trigger', () => {
    const start = Date.UTC(2026, 9, 1, 7);
    const sandbox = load(CLOCK, { now: start, activeUser: 'leder@example.org' });
    const uid = sandbox.call<string>('install');
    sandbox.clock.advance(2 * 86_400_000);
    expect(sandbox.runAs({ email: 'andre@example.org' }, () => sandbox.fireClockTrigger(uid))).toBe(
      `2026-10-03T07:00:00.000Z|${start + 2 * 86_400_000}|${uid}|2026|3||leder@example.org`,
    );
    expect(sandbox.call('fixed')).toBe('1970-01-01T00:00:00.000Ztrue');
    expect(() => sandbox.fireClockTrigger('123')).toThrow('No clock trigger 123');
  });

  it('gives the bundle the fixed fake clock by default, never the real time, so no test depends on the day', () => {
    expect(new Date(FIXED_NOW).toISOString()).toBe('2025-11-19T09:00:00.000Z'); // a constant, never the real time
    const sandbox = load(CLOCK);
    expect(sandbox.clock.now()).toBe(FIXED_NOW);
    expect(sandbox.call('now')).toBe(FIXED_NOW);
    sandbox.clock.advance(60_000);
    expect(sandbox.call('now')).toBe(FIXED_NOW + 60_000);
    // A test may start elsewhere.
    expect(load(CLOCK, { now: Date.UTC(2000, 0, 1) }).call('now')).toBe(Date.UTC(2000, 0, 1));
  });
});

describe('custom functions', () => {
  it('run read-only and without authorisation, then the sandbox returns to normal', () => {
    const sandbox = load(`function DOUBLE(x) { return x * 2; }
      function TRIGGER() { ScriptApp.newTrigger('f').timeBased().everyDays(1).create(); }
      function WRITE() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1); }
      function CACHED() { CacheService.getScriptCache().put('k', 'v'); return Utilities.formatDate(new Date(0), 'UTC', 'yyyy'); }`);
    expect(sandbox.callAsCustomFunction('DOUBLE', 21)).toBe(42);
    expect(sandbox.callAsCustomFunction('CACHED')).toBe('1970');
    expect(() => sandbox.callAsCustomFunction('TRIGGER')).toThrow(
      'You do not have permission to call ScriptApp.newTrigger',
    );
    expect(() => sandbox.callAsCustomFunction('WRITE')).toThrow('You do not have permission to call');
    expect(sandbox.execution.mode).toBe('normal');
    sandbox.call('TRIGGER');
    expect(sandbox.fakes.ScriptApp.allTriggers()).toHaveLength(1);
  });
});

// The real bundle exists after `npm run build` (npm test builds first); without it this fails, not skips.
it('loads build/Code.js without any service call at load', () => {
  expect(existsSync(DEFAULT_BUNDLE)).toBe(true);
  const sandbox = loadBundle();
  expect(sandbox.load.calls).toBe(0);
});

describe('as strict as Google: deferred writes and the time limit', () => {
  const WRITER = `function count() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').getValue(); }
    function write(flush) {
      var lock = LockService.getDocumentLock();
      lock.tryLock(1000);
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').setValue(1);
      if (flush) SpreadsheetApp.flush();
      lock.releaseLock();
      return count();
    }
    function slow() {
      try {
        Utilities.sleep(240000); Utilities.sleep(240000);
        return 'finished';
      } finally {
        SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('B1').setValue('finally ran');
      }
    }
    function write_then_slow() {
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('D1').setValue('flushed');
      SpreadsheetApp.flush();
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('C1').setValue('unflushed');
      Utilities.sleep(240000); Utilities.sleep(240000);
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('E1').setValue('late');
    }`;

  it('shows another execution a write only after flush() or the end of the writing execution', () => {
    for (const flush of [false, true]) {
      const sandbox = load(WRITER);
      let seen: unknown = 'not run';
      sandbox.fakes.LockService.onNextRelease(() => (seen = sandbox.call('count')));
      // The writer sees its own write at once; the other execution, started after the release, sees it
      // only if it was flushed.
      expect(sandbox.call('write', flush)).toBe(1);
      expect(seen).toBe(flush ? 1 : '');
      // The writer's execution has ended: now everyone sees it.
      expect(sandbox.call('count')).toBe(1);
    }
  });

  it('keeps the writer’s own unflushed value over what another execution wrote meanwhile', () => {
    const sandbox = load(
      `${WRITER} function overwrite() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').setValue(2); }`,
    );
    sandbox.fakes.LockService.onNextRelease(() => sandbox.call('overwrite'));
    expect(sandbox.call('write', false)).toBe(1);
    expect(sandbox.spreadsheet.sheetData('Sheet1').values[0]![0]).toBe(1);
  });

  it('kills an execution past 6 minutes: every service call throws, a finally changes nothing', () => {
    const sandbox = load(WRITER, { now: Date.UTC(2026, 0, 5, 9) });
    expect(() => sandbox.call('slow')).toThrow('Exceeded maximum execution time');
    expect(sandbox.spreadsheet.sheetData('Sheet1').values.flat()).not.toContain('finally ran');
    // The next execution has its own 6 minutes.
    expect(sandbox.call('count')).toBe('');
  });

  it('loses a killed execution’s unflushed writes and keeps what it flushed', () => {
    const sandbox = load(WRITER, { now: Date.UTC(2026, 0, 5, 9) });
    expect(() => sandbox.call('write_then_slow')).toThrow('Exceeded maximum execution time');
    const [row] = sandbox.spreadsheet.sheetData('Sheet1').values;
    expect(row!.slice(2)).toEqual(['', 'flushed']);
  });

  it('gives custom functions and simple triggers 30 seconds', () => {
    const sandbox = load(`function SLOW() { Utilities.sleep(31000); return Session.getScriptTimeZone(); }`);
    expect(() => sandbox.callAsCustomFunction('SLOW')).toThrow('Exceeded maximum execution time');
  });

  it('may give no document lock (outside a container)', () => {
    const sandbox = load(`function lock() { return LockService.getDocumentLock() === null; }`);
    sandbox.fakes.LockService.noDocument = true;
    expect(sandbox.call('lock')).toBe(true);
  });
});
