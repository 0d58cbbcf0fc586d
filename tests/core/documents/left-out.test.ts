import { leftOutText, type Withheld } from '../../../src/core/documents/publication';
import type { Allocation } from '../../../src/core/portfolio/records';

const held = (...ids: string[]): Withheld[] =>
  ids.map((caseId, i) => ({ allocation: { caseId, row: i + 2 } as Allocation, errors: [] }));

describe('the sentence that says what the totals leave out', () => {
  test('none: no sentence', () => {
    expect(leftOutText([], 'nb')).toBe('');
  });

  test('one, in the singular; more than three names the first three and counts the rest', () => {
    expect(leftOutText(held('2025-05-002'), 'nb')).toBe(
      '1 tildeling (sak 2025-05-002) er holdt utenfor summene fordi beløpet eller perioden ikke kan leses. Rett feilene i Tildelinger, så telles den med.',
    );
    expect(leftOutText(held('A', 'B', '', 'D', 'E'), 'nb')).toMatch(
      /^5 tildelinger \(sak A, B, \(uten saksnr\) og 2 til\) er holdt utenfor summene .* så telles de med\.$/,
    );
    expect(leftOutText(held('A'), 'en')).toMatch(
      /^1 allocation \(case A\) is left out of the totals .* it is counted\.$/,
    );
  });
});
