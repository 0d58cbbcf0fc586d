import { createHash, createHmac, randomUUID } from 'node:crypto';
import { enumOf, type Fake, FakeBase, type FakeEnv } from './services';
import { zonedFields } from './zone';

type Charset = GoogleAppsScript.Utilities.Charset;
type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;
type Bytes = GoogleAppsScript.Byte[];

export const Charset = enumOf<typeof GoogleAppsScript.Utilities.Charset>('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
);

const NODE_DIGEST: Partial<Record<string, string>> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Google returns Java bytes: signed, -128..127. */
const signed = (buffer: Uint8Array): Bytes => Array.from(buffer, (b) => (b << 24) >> 24);

/** Google documents sleep up to 300 000 ms (5 minutes). */
const MAX_SLEEP_MS = 300000;

type UtilitiesMethods =
  | 'formatDate'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'getUuid'
  | 'sleep'
  | 'newBlob';

export class FakeUtilities
  extends FakeBase
  implements Fake<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods | 'Charset' | 'DigestAlgorithm'>
{
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  /** Every `sleep(ms)` asked for, in order (the fake clock advances instead of waiting). */
  readonly sleeps: number[] = [];

  constructor(env: FakeEnv) {
    super(env, 'Utilities');
  }

  /** Java SimpleDateFormat patterns, in an IANA zone (see formatInZone for the letters supported). */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.track('formatDate');
    // Cross-realm safe: dates made inside the sandbox are not `instanceof` this realm's Date.
    if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) {
      throw this.fail(
        `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
      );
    }
    return formatInZone(date.getTime(), String(timeZone), String(format), (m) => this.fail(m));
  }

  computeDigest(algorithm: DigestAlgorithm, value: string | Bytes, charset?: Charset): Bytes {
    this.track('computeDigest');
    const name = NODE_DIGEST[String(algorithm)];
    if (name === undefined)
      throw this.fail(`The fake does not support digest algorithm ${String(algorithm)}`);
    return signed(
      createHash(name)
        .update(this.bytes(value, charset, 'computeDigest'))
        .digest(),
    );
  }

  /** HMAC-SHA256 of `value` with `key`, as signed bytes (both text in the given charset). */
  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: Charset): Bytes {
    this.track('computeHmacSha256Signature');
    const k = this.bytes(key, charset, 'computeHmacSha256Signature');
    return signed(
      createHmac('sha256', k)
        .update(this.bytes(value, charset, 'computeHmacSha256Signature'))
        .digest(),
    );
  }

  base64Encode(data: string | Bytes, charset?: Charset): string {
    this.track('base64Encode');
    return this.bytes(data, charset, 'base64Encode').toString('base64');
  }

  /** URL-safe alphabet (- and _), padding kept as in Java's URL encoder. */
  base64EncodeWebSafe(data: string | Bytes, charset?: Charset): string {
    this.track('base64EncodeWebSafe');
    return this.bytes(data, charset, 'base64EncodeWebSafe')
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  /** Signed bytes; the web-safe alphabet or stray characters are rejected as Google's decoder does. */
  base64Decode(encoded: string, _charset?: Charset): Bytes {
    this.track('base64Decode');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw this.fail('Could not decode string.');
    return signed(Buffer.from(encoded, 'base64'));
  }

  getUuid(): string {
    this.track('getUuid');
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    this.track('sleep');
    if (!(milliseconds >= 0 && milliseconds <= MAX_SLEEP_MS)) {
      throw this.fail(`Utilities.sleep takes 0 to ${MAX_SLEEP_MS} ms, got ${milliseconds}`);
    }
    this.sleeps.push(milliseconds);
    this.env.clock.advance(milliseconds);
  }

  newBlob(data: string | Bytes, contentType?: string, name?: string): FakeBlob {
    this.track('newBlob');
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : this.bytes(data, undefined, 'newBlob');
    return new FakeBlob(this.env, bytes, contentType ?? null, name ?? null);
  }

  /**
   * Text to bytes. Google does not document the charset used when none is given, so for non-ASCII text the
   * fake insists on an explicit `Utilities.Charset` rather than guess. US_ASCII turns other characters into
   * '?' as Java does.
   */
  private bytes(value: string | Bytes, charset: Charset | undefined, method: string): Buffer {
    if (typeof value !== 'string') return Buffer.from(Array.from(value, (b) => b & 0xff));
    const ascii = (c: string): boolean => c.charCodeAt(0) < 0x80;
    if (charset === Charset.US_ASCII)
      return Buffer.from(Array.from(value, (c) => (ascii(c) ? c : '?')).join(''), 'latin1');
    if (charset === undefined && !Array.from(value).every(ascii)) {
      throw this.fail(`Utilities.${method}: pass Utilities.Charset.UTF_8 for non-ASCII text`);
    }
    return Buffer.from(value, 'utf8');
  }
}

type BlobMethods = 'getBytes' | 'getDataAsString' | 'getName' | 'setName' | 'getContentType';

export class FakeBlob extends FakeBase implements Fake<GoogleAppsScript.Base.Blob, BlobMethods> {
  constructor(
    env: FakeEnv,
    private readonly data: Buffer,
    private readonly contentType: string | null,
    private name: string | null,
  ) {
    super(env, 'Blob');
  }

  getBytes(): Bytes {
    this.track('getBytes');
    return signed(this.data);
  }

  /** UTF-8 unless a charset name is given ('US-ASCII', 'ISO-8859-1', ...). */
  getDataAsString(charset?: string): string {
    this.track('getDataAsString');
    const encoding = charset === undefined || /^utf-?8$/i.test(charset) ? 'utf8' : 'latin1';
    return this.data.toString(encoding);
  }

  getName(): string | null {
    this.track('getName');
    return this.name;
  }

  setName(name: string): this {
    this.track('setName');
    this.name = name;
    return this;
  }

  getContentType(): string | null {
    this.track('getContentType');
    return this.contentType;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Utilities.formatDate: SimpleDateFormat letters y M d H m s S Z X and quoted literals; the other letters
// Java knows (E, a, h, z, ...) are refused rather than guessed, as are letters Java itself rejects.

const JAVA_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = zonedFields(ms, timeZone);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const t = { year, month, day, hour, minute, second, millisecond };
  const local = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return { ...t, offsetMinutes: Math.round((local - (ms - millisecond)) / 60000) };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offset(minutes: number, separator: string, withMinutes: boolean): string {
  const abs = Math.abs(minutes);
  const hours = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}`;
  return withMinutes ? `${hours}${separator}${pad(abs % 60, 2)}` : hours;
}

function formatField(letter: string, count: number, t: WallClock): string | undefined {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(t.year % 100, 2) : pad(t.year, count);
    case 'M':
      return count <= 2 ? pad(t.month, count) : undefined; // MMM/MMMM are names: not supported
    case 'd':
      return pad(t.day, count);
    case 'H':
      return pad(t.hour, count);
    case 'm':
      return pad(t.minute, count);
    case 's':
      return pad(t.second, count);
    case 'S':
      return pad(t.millisecond, count);
    case 'Z':
      return offset(t.offsetMinutes, '', true); // RFC 822: +0100
    case 'X': // ISO 8601: X → +01, XX → +0100, XXX → +01:00; 'Z' for UTC
      if (count > 3) return undefined;
      return t.offsetMinutes === 0 ? 'Z' : offset(t.offsetMinutes, count === 3 ? ':' : '', count > 1);
    default:
      return undefined;
  }
}

const PATTERN_TOKENS = /''|'(?:[^']|'')+'|([A-Za-z])\1*|[^A-Za-z']+|'/g;

function formatInZone(ms: number, timeZone: string, pattern: string, fail: (m: string) => Error): string {
  let t: WallClock;
  try {
    t = wallClock(ms, timeZone);
  } catch {
    throw fail(`Invalid time zone: ${timeZone}`);
  }
  let out = '';
  for (const [token, letter] of pattern.matchAll(PATTERN_TOKENS)) {
    if (token === "''") {
      out += "'";
    } else if (token.startsWith("'")) {
      if (token.length === 1) throw fail(`Unterminated quote in date pattern: ${pattern}`);
      out += token.slice(1, -1).replace(/''/g, "'");
    } else if (letter !== undefined) {
      if (!JAVA_LETTERS.includes(letter)) throw fail(`Illegal pattern character '${letter}'`);
      const text = formatField(letter, token.length, t);
      if (text === undefined) throw fail(`The fake formatDate does not support '${token}'`);
      out += text;
    } else {
      out += token;
    }
  }
  return out;
}
