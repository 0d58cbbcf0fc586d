import type { CheckResult } from '../../src/core/check/check';
import { ruleIds } from '../../src/core/check/rules';
import type { CellRef, Finding, Severity } from '../../src/core/engine/findings';
import { CASE_ID, findingsOf } from './builders';
import { expectFact } from './facts';

/** What the rule tests share: the economy rules (their cases are in economy-rules.test.ts) and the form of a finding. */
export const ECONOMY_RULE_IDS = ruleIds('money');

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

/** A rule's positive case: what the change should make the rule say (and which other rules also fire). */
export interface FiringCase {
  severity: Severity;
  ref?: string;
  cells: CellRef[];
  /** Substrings of the Norwegian message: the cell, the problem, what to do. */
  nb: string[];
  en: string[];
  /** The Norwegian fact exactly, when the case pins it. */
  fact?: string;
  /** Other rules the change is expected to trigger as well. */
  alsoFires?: string[];
}

/** The rule fires exactly once, as the case says, and nothing else fires but what it names. */
export function expectFires(result: CheckResult, rule: string, c: FiringCase): void {
  const others = [...new Set(result.findings.map((f) => f.rule).filter((r) => r !== rule))].sort();
  expect(others).toEqual(c.alsoFires ?? []);
  const [f, ...more] = findingsOf(result, rule);
  expect(more).toEqual([]);
  expect(f).toBeDefined();
  expect(f!.severity).toBe(c.severity);
  expect(f!.ref).toBe(c.ref ?? CASE_ID);
  expect(f!.cells).toEqual(c.cells);
  for (const text of c.nb) expect(f!.message.nb).toContain(text);
  for (const text of c.en) expect(f!.message.en).toContain(text);
  if (c.fact !== undefined) expect(f!.fact.nb).toBe(c.fact);
  expectWellFormed(f!);
}
