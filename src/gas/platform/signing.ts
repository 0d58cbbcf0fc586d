import { hmacSha256Hex } from '../../core/base/hash';
import { documentProperties } from './properties';

/**
 * Keyed hashes (HMAC-SHA256) with a secret kept in the document properties: a per-case token for the
 * status form's link and a mark on rows only the product writes. Someone typing in a cell cannot make
 * one; an editor who opens the bound script can read the secret (Google protects writes, not reads), so
 * this keeps out people typing, not the members who may edit the script.
 */
const SECRET_PROPERTY = 'tilskudd.secret';

export type Hasher = (purpose: string, parts: readonly string[]) => string;

// Pure HMAC (no service call): marks are checked on every read, for every row of Vurderinger.
// Hex, with a letter in front: nothing a sheet could read as a formula or a number.
const hasherOf =
  (key: string): Hasher =>
  (purpose, parts) =>
    `k${hmacSha256Hex(key, [purpose, ...parts].join('\u0000')).slice(0, 20)}`;

/** The keyed hash, or null while no key exists (set-up has not run since marks came in). */
export function existingHasher(): Hasher | null {
  const key = documentProperties().getProperty(SECRET_PROPERTY);
  return key ? hasherOf(key) : null;
}

/** The key, made when missing (call under the lock, so two runs do not make two); whether it was made now. */
export function ensureHasher(): { hash: Hasher; made: boolean } {
  const props = documentProperties();
  const stored = props.getProperty(SECRET_PROPERTY);
  if (stored) return { hash: hasherOf(stored), made: false };
  const key = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  props.setProperty(SECRET_PROPERTY, key);
  return { hash: hasherOf(key), made: true };
}
