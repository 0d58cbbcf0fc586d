import type { Finding } from '../../src/core/rules/findings';
import { expectFact } from './facts';

/** What the rule tests share: the economy rules (their cases are in economy-rules.test.ts) and the form of a finding. */
export const ECONOMY_RULE_IDS = [
  'overspent',
  'payment-without-grant',
  'payment-without-contract',
  'payment-outside-period',
  'unused-funds',
  'withdrawal-over-remaining',
  'payment-invalid',
];

/** Checks that hold for every finding: where it points, and that each locale reads as that language. */
export function expectWellFormed(f: Finding): void {
  const year = /^\d{4}$/.test(f.ref);
  // Without a case id the message starts with the cell instead.
  const start = (word: string) => (year ? `${f.ref}: ` : f.ref === '' ? '' : `${word} ${f.ref}`);
  expect(f.message.nb.startsWith(start('Sak'))).toBe(true);
  expect(f.message.en.startsWith(start('Case'))).toBe(true);
  // English stays English: no Norwegian quotes or sheet words; Norwegian stays Norwegian.
  expect(f.message.en).not.toMatch(/[«»]|\b(?:Sak|rad|Søknader|Tildelinger|Budsjett|Utbetalinger|ikke)\b/);
  expect(f.message.nb).not.toMatch(/\b(?:Case|row|Applications|Allocations|Payments|the)\b/);
  // Every message ends with what to do.
  expect(f.message.nb.trim()).toMatch(/\.$/);
  expect(f.message.en.trim()).toMatch(/\.$/);
  // And every finding states the fact for documents, without the place or the instruction.
  expectFact(f);
}
