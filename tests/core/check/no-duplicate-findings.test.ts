import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core/check/check';
import { TilskuddError } from '../../../src/core/base/errors';
import type { Finding } from '../../../src/core/engine/findings';
import { exampleWorkbook } from '../../../src/example/agder';
import { innlandetWorkbook } from '../../fixtures/innlandet';

/**
 * No check reports one finding twice: the same rule, case, cells and message. Over the example, the
 * Innlandet fixture, and both with a row copied (a duplicated case id, payment or budget line) or one cell
 * blanked, garbled or given another row's case id: the mistakes a workbook typed by hand has.
 */
const TODAY = new Date(Date.UTC(2026, 11, 1));
const BOOKS: Record<'example' | 'innlandet', () => Record<string, unknown[][]>> = {
  example: exampleWorkbook,
  innlandet: () => innlandetWorkbook() as Record<string, unknown[][]>,
};

const twice = (findings: readonly Finding[]) => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of findings) {
    const key = [f.rule, f.ref, JSON.stringify(f.cells), f.message.nb].join('\u0000');
    if (seen.has(key)) out.push(`${f.rule}: ${f.message.nb}`);
    seen.add(key);
  }
  return out;
};

const findingsOf = (values: Record<string, unknown[][]>): Finding[] | null => {
  try {
    return checkWorkbook(values, { today: TODAY }).findings;
  } catch (e) {
    // A settings value the check refuses to read: a refusal, not findings.
    if (e instanceof TilskuddError) return null;
    throw e;
  }
};

describe('no finding is reported twice', () => {
  test.each(Object.keys(BOOKS))('%s as it is', (name) => {
    expect(twice(findingsOf(BOOKS[name as keyof typeof BOOKS]())!)).toEqual([]);
  });

  test('a case id used by two applications reports each placeholder budget line once', () => {
    const values = exampleWorkbook();
    const apps = values['Søknader']!;
    apps.push([...apps[2]!]);
    const findings = findingsOf(values)!;
    expect(twice(findings)).toEqual([]);
    expect(findings.filter((f) => f.rule === 'case-id-invalid')).toHaveLength(1);
    // The three «[Beløp]» lines of 2025-05-002, once each.
    expect(findings.filter((f) => f.rule === 'budget-incomplete')).toHaveLength(3);
  });

  test('a row copied or one cell changed, in any sheet of either workbook', () => {
    const mistake = fc
      .record({
        book: fc.constantFrom(...(Object.keys(BOOKS) as Array<keyof typeof BOOKS>)),
        sheet: fc.nat(),
        row: fc.nat(),
        col: fc.nat(),
        copy: fc.boolean(),
        value: fc.constantFrom<unknown>('', 'x', -5, '[Beløp]', '2025-05-001', '2025-05-002', 'ADM-2025'),
      })
      .map((m) => {
        const values = BOOKS[m.book]();
        const names = Object.keys(values);
        const rows = values[names[m.sheet % names.length]!]!;
        if (rows.length < 2) return values;
        const r = 1 + (m.row % (rows.length - 1));
        if (m.copy) rows.push([...rows[r]!]);
        else rows[r]![m.col % rows[r]!.length] = m.value;
        return values;
      });
    fc.assert(
      fc.property(mistake, (values) => {
        const findings = findingsOf(values);
        if (findings) expect(twice(findings)).toEqual([]);
      }),
      { numRuns: 400, seed: 20 },
    );
  });
});
