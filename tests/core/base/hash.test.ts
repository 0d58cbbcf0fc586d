import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSha256Hex } from '../../../src/core/base/hash';

/** The core's HMAC-SHA256 (no service call, no TextEncoder) equals Node's, for any text and key. */
describe('hmacSha256Hex', () => {
  const node = (key: string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex');

  it.each([
    ['', ''],
    ['key', 'The quick brown fox jumps over the lazy dog'],
    ['nøkkel', 'status\u00002025-05-001'],
    ['k'.repeat(65), 'a key longer than a block is hashed first'],
    ['emoji 🙂', 'x'.repeat(55)],
    ['k', 'y'.repeat(64)],
  ])('%j / %j', (key, text) => {
    expect(hmacSha256Hex(key, text)).toBe(node(key, text));
  });

  it('matches Node for random keys and texts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (key, text) => {
          expect(hmacSha256Hex(key, text)).toBe(node(key, text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
