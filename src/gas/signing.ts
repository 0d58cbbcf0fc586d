/**
 * Keyed hashes (HMAC-SHA256) with a secret kept in the document properties: a per-case token for the
 * status form's link and a mark on rows only the product writes. Someone typing in a cell cannot make
 * one; an editor who opens the bound script can read the secret (Google protects writes, not reads), so
 * this keeps out people typing, not the members who may edit the script.
 */
const SECRET_PROPERTY = 'tilskudd.secret';

export type Hasher = (purpose: string, parts: readonly string[]) => string;

const hasherOf =
  (key: string): Hasher =>
  (purpose, parts) => {
    const bytes = Utilities.computeHmacSha256Signature(
      [purpose, ...parts].join('\u0000'),
      key,
      Utilities.Charset.UTF_8,
    );
    // Hex: nothing a sheet could read as a formula or a number.
    return `k${bytes
      .slice(0, 10)
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('')}`;
  };

/** The keyed hash, or null while no key exists (set-up has not run since marks came in). */
export function existingHasher(): Hasher | null {
  const key = PropertiesService.getDocumentProperties().getProperty(SECRET_PROPERTY);
  return key ? hasherOf(key) : null;
}

/** The key, made when missing (call under the lock, so two runs do not make two); whether it was made now. */
export function ensureHasher(): { hash: Hasher; made: boolean } {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperty(SECRET_PROPERTY);
  if (stored) return { hash: hasherOf(stored), made: false };
  const key = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  props.setProperty(SECRET_PROPERTY, key);
  return { hash: hasherOf(key), made: true };
}
