import { createHash, createHmac } from 'node:crypto';
import { EventType, FakeScriptApp, TRIGGERS_PER_USER, TriggerSource, WeekDay } from './fakes/script-app';
import {
  CACHE_MAX_ITEMS,
  createEnv,
  FakeCacheService,
  FakeConsole,
  FakeLockService,
  FakeLogger,
  FakeMailApp,
  FakePropertiesService,
  FakeSession,
  type FakeEnv,
  PROPERTY_STORE_LIMIT,
  PROPERTY_VALUE_LIMIT,
} from './fakes/services';
import { Charset, DigestAlgorithm, FakeUtilities } from './fakes/utilities';

let env: FakeEnv;
beforeEach(() => {
  env = createEnv();
});

/** Runs `body` as another execution (and optionally another user), as the sandbox does per call. */
function as<T>(id: string, body: () => T, user?: string): T {
  const saved = { ...env.execution };
  Object.assign(env.execution, { id }, user !== undefined && { activeUser: user, effectiveUser: user });
  try {
    return body();
  } finally {
    Object.assign(env.execution, saved);
  }
}

function customFunction<T>(body: () => T): T {
  env.execution.mode = 'customFunction';
  try {
    return body();
  } finally {
    env.execution.mode = 'normal';
  }
}

describe('enums', () => {
  it('are objects that print as their name and compare by identity, not strings', () => {
    expect(String(EventType.ON_FORM_SUBMIT)).toBe('ON_FORM_SUBMIT');
    expect(EventType.ON_FORM_SUBMIT).not.toBe('ON_FORM_SUBMIT');
    expect(Object.isFrozen(EventType)).toBe(true);
  });
});

describe('LockService', () => {
  it('blocks another execution: tryLock is false, waitLock throws Google’s timeout', () => {
    const locks = new FakeLockService(env);
    const mine = as('A', () => locks.getDocumentLock()!);
    expect(mine.tryLock(1000)).toBe(true);
    const theirs = as('B', () => locks.getDocumentLock()!);
    expect(theirs.tryLock(5000)).toBe(false);
    expect(() => theirs.waitLock(5000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(theirs.hasLock()).toBe(false);
    mine.releaseLock();
    expect(theirs.tryLock(5000)).toBe(true);
    expect(theirs.hasLock()).toBe(true);
  });

  it('lets the same execution re-acquire, and a failed wait spends the whole timeout', () => {
    const locks = new FakeLockService(env);
    const first = locks.getScriptLock();
    expect(first.tryLock(10)).toBe(true);
    expect(locks.getScriptLock().tryLock(10)).toBe(true);
    const start = env.clock.now();
    locks.holdFor('document', 'other');
    expect(locks.getDocumentLock()!.tryLock(30000)).toBe(false);
    expect(env.clock.now() - start).toBe(30000);
  });

  it('hasLock is false until acquired through that lock object, and after release', () => {
    const lock = new FakeLockService(env).getScriptLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(100);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('keeps document, script and per-user locks apart, and frees an ended execution’s locks', () => {
    const locks = new FakeLockService(env);
    locks.holdFor('script', 'other');
    expect(locks.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(as('X', () => locks.getUserLock(), 'a@example.org').tryLock(0)).toBe(true);
    expect(as('Y', () => locks.getUserLock(), 'b@example.org').tryLock(0)).toBe(true);
    expect(as('Z', () => locks.getUserLock(), 'a@example.org').tryLock(0)).toBe(false);
    locks.releaseAllHeldBy('other');
    expect(locks.holderOf('script')).toBeUndefined();
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
  });

  it('counts every call', () => {
    const lock = new FakeLockService(env).getDocumentLock()!;
    lock.tryLock(1);
    lock.releaseLock();
    expect(env.calls.snapshot()).toEqual({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
    });
  });
});

describe('PropertiesService', () => {
  it('stores strings, answers null when absent and hands out copies', () => {
    const props = new FakePropertiesService(env).getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('count', 42 as unknown as string).setProperties({ a: '1', b: '2' });
    expect(props.getProperty('count')).toBe('42');
    const copy = props.getProperties();
    copy['a'] = 'changed';
    expect(props.getProperty('a')).toBe('1');
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'count']);
    props.setProperties({ only: 'me' }, true);
    expect(props.getProperties()).toEqual({ only: 'me' });
    props.deleteProperty('only');
    expect(props.getKeys()).toEqual([]);
    props.setProperty('x', 'y').deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('shares script and document stores, but gives each user their own', () => {
    const service = new FakePropertiesService(env);
    service.getScriptProperties().setProperty('k', 'script');
    service.getDocumentProperties().setProperty('k', 'doc');
    as('1', () => service.getUserProperties().setProperty('k', 'a'), 'a@example.org');
    expect(service.getScriptProperties().getProperty('k')).toBe('script');
    expect(service.getDocumentProperties().getProperty('k')).toBe('doc');
    expect(as('2', () => service.getUserProperties().getProperty('k'), 'b@example.org')).toBeNull();
    expect(as('3', () => service.getUserProperties().getProperty('k'), 'a@example.org')).toBe('a');
  });

  it('rejects a value over 9 KB and a store over 500 KB, leaving the store unchanged', () => {
    const props = new FakePropertiesService(env).getScriptProperties();
    props.setProperty('fits', 'x'.repeat(PROPERTY_VALUE_LIMIT - 10));
    expect(() => props.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow(
      'Argument too large',
    );
    expect(() => props.setProperty('big', 'æ'.repeat(PROPERTY_VALUE_LIMIT / 2 + 1))).toThrow(
      'Argument too large',
    );
    const chunk = 'x'.repeat(8000);
    const many = Object.fromEntries(
      Array.from({ length: PROPERTY_STORE_LIMIT / 8000 }, (_, i) => [`k${i}`, chunk]),
    );
    expect(() => props.setProperties(many)).toThrow('You have exceeded the property storage quota');
    expect(props.getKeys()).toEqual(['fits']);
  });
});

describe('CacheService', () => {
  it('returns null when absent, and values until they expire (default 600 s)', () => {
    const cache = new FakeCacheService(env).getScriptCache();
    expect(cache.get('k')).toBeNull();
    cache.put('k', 'v');
    cache.put('short', 'v', 5);
    env.clock.advance(5000);
    expect(cache.get('short')).toBeNull();
    expect(cache.get('k')).toBe('v');
    env.clock.advance(595000);
    expect(cache.get('k')).toBeNull();
  });

  it('puts, gets and removes many at once; getAll lists only the keys found', () => {
    const cache = new FakeCacheService(env).getDocumentCache();
    cache.putAll({ a: '1', b: 2 as unknown as string }, 60);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
    cache.removeAll(['a']);
    cache.remove('b');
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  it('enforces key, value and expiry limits', () => {
    const cache = new FakeCacheService(env).getScriptCache();
    cache.put('k'.repeat(250), 'ok');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    cache.put('big', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('long', 'v', 21600);
    expect(() => cache.put('k', 'v', 21601)).toThrow('1 to 21600 seconds');
    expect(() => cache.put('k', 'v', 0)).toThrow('1 to 21600 seconds');
  });

  it('evicts the oldest tenth when full, and keeps user caches apart', () => {
    const service = new FakeCacheService(env);
    const cache = service.getScriptCache();
    for (let i = 0; i < CACHE_MAX_ITEMS; i++) cache.put(`k${i}`, 'v');
    cache.put('new', 'v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k99')).toBeNull();
    expect(cache.get('k100')).toBe('v');
    expect(cache.get('new')).toBe('v');
    as('1', () => service.getUserCache().put('mine', 'a'), 'a@example.org');
    expect(as('2', () => service.getUserCache().get('mine'), 'b@example.org')).toBeNull();
  });
});

describe('Session', () => {
  it('reports the users, time zone, locale and a stable anonymous key', () => {
    const session = new FakeSession(env, { timeZone: 'Europe/Oslo', locale: 'nb' });
    expect(session.getActiveUser().getEmail()).toBe('sekretariat@example.org');
    expect(session.getScriptTimeZone()).toBe('Europe/Oslo');
    expect(session.getActiveUserLocale()).toBe('nb');
    const key = session.getTemporaryActiveUserKey();
    expect(key).not.toContain('sekretariat');
    expect(session.getTemporaryActiveUserKey()).toBe(key);
    env.execution.activeUser = '';
    env.execution.effectiveUser = 'owner@example.org';
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('owner@example.org');
    expect(session.getTemporaryActiveUserKey()).not.toBe(key);
    expect(env.calls.count('User.getEmail')).toBe(3);
  });

  it('refuses the user methods to custom functions', () => {
    const session = new FakeSession(env);
    expect(() => customFunction(() => session.getActiveUser())).toThrow(
      'You do not have permission to call Session.getActiveUser',
    );
    expect(customFunction(() => session.getScriptTimeZone())).toBe('Europe/Oslo');
  });
});

describe('MailApp', () => {
  it('records every form of sendEmail in the outbox', () => {
    const mail = new FakeMailApp(env);
    mail.sendEmail('a@example.org', 'Hei', 'Tekst');
    mail.sendEmail('b@example.org', 'Hei', 'Tekst', {
      htmlBody: '<b>Tekst</b>',
      name: 'Tilskudd',
      cc: 'c@example.org',
    });
    mail.sendEmail({ to: 'd@example.org, e@example.org', subject: 'S', body: 'B', replyTo: 'r@example.org' });
    mail.sendEmail('f@example.org', 'reply@example.org', 'S', 'B');
    expect(mail.outbox).toEqual([
      {
        from: 'sekretariat@example.org',
        to: ['a@example.org'],
        cc: [],
        bcc: [],
        subject: 'Hei',
        body: 'Tekst',
      },
      {
        from: 'sekretariat@example.org',
        to: ['b@example.org'],
        cc: ['c@example.org'],
        bcc: [],
        subject: 'Hei',
        body: 'Tekst',
        htmlBody: '<b>Tekst</b>',
        name: 'Tilskudd',
      },
      {
        from: 'sekretariat@example.org',
        to: ['d@example.org', 'e@example.org'],
        cc: [],
        bcc: [],
        subject: 'S',
        body: 'B',
        replyTo: 'r@example.org',
      },
      {
        from: 'sekretariat@example.org',
        to: ['f@example.org'],
        cc: [],
        bcc: [],
        subject: 'S',
        body: 'B',
        replyTo: 'reply@example.org',
      },
    ]);
    expect(env.calls.count('MailApp.sendEmail')).toBe(4);
  });

  it('spends the daily quota per recipient and then throws Google’s message', () => {
    const mail = new FakeMailApp(env, 3);
    mail.sendEmail({ to: 'a@example.org', cc: 'b@example.org', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail('a@example.org, b@example.org', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    mail.sendEmail('a@example.org', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@example.org', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(mail.outbox).toHaveLength(2);
  });

  it('refills the quota when its 24-hour window ends, not before', () => {
    const mail = new FakeMailApp(env, 2);
    mail.latency = () => 0; // the window's edge to the millisecond
    mail.sendEmail('a@example.org, b@example.org', 's', 'b');
    env.clock.advance(24 * 3600_000 - 1);
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@example.org', 's', 'b')).toThrow(/too many times for one day/);
    env.clock.advance(1);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail('a@example.org', 's', 'b');
    env.clock.advance(3 * 24 * 3600_000);
    mail.sendEmail('a@example.org, b@example.org', 's', 'b'); // refilled, not carried over
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });

  it('rejects missing or malformed recipients, and custom functions', () => {
    const mail = new FakeMailApp(env);
    expect(() => mail.sendEmail('', 's', 'b')).toThrow('no recipient');
    expect(() => mail.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => customFunction(() => mail.sendEmail('a@example.org', 's', 'b'))).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
    expect(mail.outbox).toEqual([]);
  });

  it('refuses, as Google does, addresses a simple something@something.something check lets through', () => {
    const mail = new FakeMailApp(env);
    for (const bad of [
      'ola..nordmann@example.no',
      '.ola@example.no',
      'ola.@example.no',
      'ola@example.no.',
      'ola@example..no',
      'ola@-example.no',
      'ola@example-.no',
      'ola@example.n0',
      '"ola nordmann"@example.no',
      'ola(kontor)@example.no',
    ])
      expect(() => mail.sendEmail(bad, 's', 'b')).toThrow(`Invalid email: ${bad}`);
    // …in a copy too: the whole message is refused, nothing is sent and no quota is spent.
    expect(() => mail.sendEmail('ola@example.no', 's', 'b', { cc: 'kari@example..no' })).toThrow(
      'Invalid email: kari@example..no',
    );
    expect(mail.outbox).toEqual([]);
    expect(mail.getRemainingDailyQuota()).toBe(100);
    for (const good of ["o'neil+tilskudd@sub.example.co.uk", 'kari_n@agder-fylke.no', 'post@ås.no'])
      mail.sendEmail(good, 's', 'b');
    expect(mail.outbox.map((m) => m.to[0])).toHaveLength(3);
  });

  it('takes about a second per send, on the fake clock; a test may make one send stall', () => {
    const mail = new FakeMailApp(env);
    const start = env.clock.now();
    mail.sendEmail('a@example.org', 's', 'b');
    expect(env.clock.now() - start).toBe(1000);
    mail.latency = (n) => (n === 2 ? 7 * 60_000 : 1000);
    mail.sendEmail('a@example.org', 's', 'b');
    expect(env.clock.now() - start).toBe(1000 + 7 * 60_000);
    expect(() => mail.sendEmail('bad', 's', 'b')).toThrow('Invalid email'); // a refusal takes no time here
    expect(env.clock.now() - start).toBe(1000 + 7 * 60_000);
  });
});

describe('Utilities', () => {
  const at = (iso: string) => new Date(iso);

  it('formats in Europe/Oslo across both DST changes', () => {
    const u = new FakeUtilities(env);
    const fmt = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    expect(u.formatDate(at('2025-03-30T00:59:59.999Z'), 'Europe/Oslo', fmt)).toBe(
      '2025-03-30T01:59:59.999+01:00',
    );
    expect(u.formatDate(at('2025-03-30T01:00:00Z'), 'Europe/Oslo', fmt)).toBe(
      '2025-03-30T03:00:00.000+02:00',
    );
    expect(u.formatDate(at('2025-10-26T00:59:00Z'), 'Europe/Oslo', fmt)).toBe(
      '2025-10-26T02:59:00.000+02:00',
    );
    expect(u.formatDate(at('2025-10-26T01:00:00Z'), 'Europe/Oslo', fmt)).toBe(
      '2025-10-26T02:00:00.000+01:00',
    );
    expect(u.formatDate(at('2025-12-31T23:30:00Z'), 'Europe/Oslo', 'yyyy d.M.yy H:mm Z')).toBe(
      '2026 1.1.26 0:30 +0100',
    );
  });

  it('supports quoted literals, UTC and refuses letters it does not implement', () => {
    const u = new FakeUtilities(env);
    const d = at('2025-07-04T05:06:07.008Z');
    expect(u.formatDate(d, 'UTC', "'kl.' HH.mm 'o''clock' '' XXX X")).toBe("kl. 05.06 o'clock ' Z Z");
    expect(u.formatDate(d, 'Etc/GMT+5', 'XX XXX Z S')).toBe('-0500 -05:00 -0500 8');
    expect(() => u.formatDate(d, 'UTC', 'EEE')).toThrow("does not support 'EEE'");
    expect(() => u.formatDate(d, 'UTC', 'MMMM')).toThrow("does not support 'MMMM'");
    expect(() => u.formatDate(d, 'UTC', 'bb')).toThrow("Illegal pattern character 'b'");
    expect(() => u.formatDate(d, 'UTC', "'open")).toThrow('Unterminated quote');
    expect(() => u.formatDate(d, 'Not/AZone', 'yyyy')).toThrow('Invalid time zone');
    expect(() => u.formatDate('2025-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "don't match the method signature for Utilities.formatDate",
    );
  });

  it('computes digests as signed bytes, equal to Node’s crypto', () => {
    const u = new FakeUtilities(env);
    const signed = (hex: string) => Array.from(Buffer.from(hex, 'hex'), (b) => (b > 127 ? b - 256 : b));
    const node = (alg: string, s: string) => createHash(alg).update(s, 'utf8').digest('hex');
    const sha = u.computeDigest(DigestAlgorithm.SHA_256, 'søknad 2025', Charset.UTF_8);
    expect(sha).toEqual(signed(node('sha256', 'søknad 2025')));
    expect(sha.some((b) => b < 0)).toBe(true);
    expect(Math.min(...sha)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...sha)).toBeLessThanOrEqual(127);
    expect(u.computeDigest(DigestAlgorithm.MD5, 'abc')).toEqual(signed(node('md5', 'abc')));
    expect(u.computeDigest(DigestAlgorithm.SHA_1, [97, 98, 99])).toEqual(signed(node('sha1', 'abc')));
    expect(() => u.computeDigest(DigestAlgorithm.SHA_256, 'søknad')).toThrow('pass Utilities.Charset.UTF_8');
    expect(() => u.computeDigest(DigestAlgorithm.MD2, 'abc')).toThrow('does not support');
  });

  it('computes HMAC-SHA256 signatures as signed bytes, equal to Node’s crypto', () => {
    const u = new FakeUtilities(env);
    const signed = (b: Buffer) => Array.from(b, (x) => (x > 127 ? x - 256 : x));
    expect(u.computeHmacSha256Signature('2025-05-001', 'hemmelig')).toEqual(
      signed(createHmac('sha256', 'hemmelig').update('2025-05-001').digest()),
    );
    expect(u.computeHmacSha256Signature('blåbær', 'nøkkel', Charset.UTF_8)).toEqual(
      signed(createHmac('sha256', 'nøkkel').update('blåbær', 'utf8').digest()),
    );
    expect(() => u.computeHmacSha256Signature('blåbær', 'nøkkel')).toThrow('pass Utilities.Charset.UTF_8');
  });

  it('encodes and decodes base64 with signed bytes', () => {
    const u = new FakeUtilities(env);
    expect(u.base64Encode('hei')).toBe('aGVp');
    expect(u.base64Encode('blåbær', Charset.UTF_8)).toBe(Buffer.from('blåbær').toString('base64'));
    expect(u.base64Encode('blåbær', Charset.US_ASCII)).toBe(Buffer.from('bl?b?r').toString('base64'));
    expect(u.base64Encode([-1, 0, 1])).toBe('/wAB');
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64Decode('/wAB')).toEqual([-1, 0, 1]);
    expect(() => u.base64Decode('-_8=')).toThrow('Could not decode string.');
  });

  it('makes uuids, blobs, and sleeps without waiting', () => {
    const u = new FakeUtilities(env);
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const start = env.clock.now();
    u.sleep(1500);
    expect(u.sleeps).toEqual([1500]);
    expect(env.clock.now() - start).toBe(1500);
    expect(() => u.sleep(300001)).toThrow('0 to 300000 ms');
    const blob = u.newBlob('Søknad', 'text/plain', 'a.txt');
    expect(blob.getDataAsString()).toBe('Søknad');
    expect(blob.getBytes()).toEqual([83, -61, -72, 107, 110, 97, 100]);
    expect(blob.setName('b.txt').getName()).toBe('b.txt');
    expect(blob.getContentType()).toBe('text/plain');
    expect(u.newBlob([104, 105]).getName()).toBeNull();
  });
});

describe('Logger and console', () => {
  it('record their lines and count the calls', () => {
    const logger = new FakeLogger(env);
    logger.log('plain').log('%s rows in %d ms', 'ten', 12);
    expect(logger.entries).toEqual(['plain', 'ten rows in 12 ms']);
    const console = new FakeConsole(env);
    console.warn('careful', { n: 1 });
    expect(console.lines).toEqual([{ level: 'warn', text: 'careful { n: 1 }' }]);
    expect(env.calls.count('Logger.log')).toBe(2);
    expect(env.calls.count('console.warn')).toBe(1);
  });
});

describe('ScriptApp', () => {
  it('creates spreadsheet, form and clock triggers and describes them', () => {
    const app = new FakeScriptApp(env);
    const onSubmit = app
      .newTrigger('onFormSubmit')
      .forSpreadsheet({ getId: () => 'sheet-1' })
      .onFormSubmit()
      .create();
    expect(onSubmit.getHandlerFunction()).toBe('onFormSubmit');
    expect(onSubmit.getEventType()).toBe(EventType.ON_FORM_SUBMIT);
    expect(onSubmit.getTriggerSource()).toBe(TriggerSource.SPREADSHEETS);
    expect(onSubmit.getTriggerSourceId()).toBe('sheet-1');
    const onOpen = app.newTrigger('opened').forForm('form-1').onOpen().create();
    expect(onOpen.getTriggerSource()).toBe(TriggerSource.FORMS);
    const daily = app
      .newTrigger('nightly')
      .timeBased()
      .everyDays(1)
      .atHour(3)
      .inTimezone('Europe/Oslo')
      .create();
    expect(daily.getEventType()).toBe(EventType.CLOCK);
    expect(daily.getTriggerSourceId()).toBeNull();
    expect(app.allTriggers()[2]?.schedule).toEqual({ everyDays: 1, atHour: 3, timeZone: 'Europe/Oslo' });
    app.deleteTrigger(app.getProjectTriggers()[2]!);
    app.newTrigger('weekly').timeBased().onWeekDay(WeekDay.MONDAY).atHour(7).create();
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([
      'onFormSubmit',
      'opened',
      'weekly',
    ]);
  });

  it('returns copies from getProjectTriggers and deletes by identity of the trigger', () => {
    const app = new FakeScriptApp(env);
    const created = app.newTrigger('f').forSpreadsheet('s').onEdit().create();
    const [listed] = app.getProjectTriggers();
    expect(listed).not.toBe(created);
    expect(listed?.getUniqueId()).toBe(created.getUniqueId());
    app.deleteTrigger(listed!);
    expect(app.getProjectTriggers()).toEqual([]);
    expect(() => app.deleteTrigger(created)).toThrow('No such trigger');
  });

  it('keeps triggers per user and caps them at 20 per user', () => {
    const app = new FakeScriptApp(env);
    as('1', () => app.newTrigger('f').forSpreadsheet('s').onFormSubmit().create(), 'other@example.org');
    expect(app.getProjectTriggers()).toEqual([]);
    expect(app.allTriggers().map((t) => t.owner)).toEqual(['other@example.org']);
    // Earlier bound-script versions could hold many of one type; the add-on rule below refuses that now.
    for (let i = 0; i < TRIGGERS_PER_USER; i++)
      app.installLegacy({
        handler: `f${i}`,
        eventType: EventType.CLOCK,
        source: TriggerSource.CLOCK,
        sourceId: null,
        owner: env.execution.effectiveUser,
      });
    expect(() => app.newTrigger('x').forSpreadsheet('s').onEdit().create()).toThrow(
      'This script has too many triggers',
    );
  });

  it('refuses a second trigger of one type per user and document (the add-on rule)', () => {
    const app = new FakeScriptApp(env);
    app.newTrigger('submit').forSpreadsheet('s').onFormSubmit().create();
    expect(() => app.newTrigger('status').forSpreadsheet('s').onFormSubmit().create()).toThrow(
      'This add-on has created too many ON_FORM_SUBMIT triggers in this document',
    );
    app.newTrigger('hourly').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('daily').timeBased().everyDays(1).atHour(7).create()).toThrow(
      'too many time-based triggers',
    );
    // Another type, another document, another user: each may have its own.
    app.newTrigger('edited').forSpreadsheet('s').onEdit().create();
    app.newTrigger('submit').forSpreadsheet('other').onFormSubmit().create();
    as('1', () => app.newTrigger('daily').timeBased().everyDays(1).create(), 'other@example.org');
    // Deleting one's own makes room again.
    app.deleteTrigger(app.getProjectTriggers().find((t) => t.getHandlerFunction() === 'hourly')!);
    app.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    expect(app.allTriggers().map((t) => t.handler)).toEqual(['submit', 'edited', 'submit', 'daily', 'daily']);
  });

  it('validates builders as Google does', () => {
    const app = new FakeScriptApp(env);
    expect(() => app.newTrigger('f').timeBased().everyMinutes(7)).toThrow(
      'The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.',
    );
    expect(() => app.newTrigger('f').timeBased().atHour(24)).toThrow('Invalid argument for atHour');
    expect(() => app.newTrigger('f').timeBased().create()).toThrow('needs a schedule');
    expect(() => app.newTrigger('f').timeBased().everyHours(2).atHour(3).create()).toThrow(
      'atHour and nearMinute',
    );
    expect(() => app.newTrigger('f').forSpreadsheet('s').create()).toThrow('Choose the trigger event');
    const formBuilder = app.newTrigger('f').forForm('form') as unknown as Record<string, unknown>;
    expect(formBuilder['onEdit']).toBeUndefined();
    expect(app.getProjectTriggers()).toEqual([]);
  });

  it('refuses trigger management to custom functions', () => {
    const app = new FakeScriptApp(env, 'script-123');
    expect(() => customFunction(() => app.newTrigger('f'))).toThrow(
      'You do not have permission to call ScriptApp.newTrigger',
    );
    expect(() => customFunction(() => app.getProjectTriggers())).toThrow('permission');
    expect(customFunction(() => app.getScriptId())).toBe('script-123');
  });
});

describe('errors', () => {
  it('are named Exception and built with the environment’s Error (the sandbox realm’s)', () => {
    class OtherError extends Error {}
    env.Error = OtherError as ErrorConstructor;
    const mail = new FakeMailApp(env, 0);
    let caught: unknown;
    try {
      mail.sendEmail('a@example.org', 's', 'b');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OtherError);
    expect(String(caught)).toBe('Exception: Service invoked too many times for one day: email.');
  });
});
