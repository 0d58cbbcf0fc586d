import { checkWorkbook } from '../../../src/core/check/check';
import { buildAnnualReport } from '../../../src/core/documents/follow-up/annual-report';
import { buildBoardStatus } from '../../../src/core/documents/follow-up/board-status';
import { buildMemo } from '../../../src/core/documents/memo';
import { leftOutText, type Withheld } from '../../../src/core/documents/publication';
import { toPlainText } from '../../../src/core/documents/text';
import { exampleWorkbook } from '../../../src/example/agder';
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

describe('the memo and the annual report say what their figures leave out', () => {
  const SENTENCE =
    /1 tildeling \(sak ADM-2025\) er holdt utenfor summene fordi beløpet eller perioden ikke kan leses\./;
  /** The example, with the secretariat's allocation's amount unreadable when `broken`. */
  const result = (broken: boolean) => {
    const values = exampleWorkbook();
    const rows = values['Tildelinger']!;
    const amount = rows[0]!.indexOf('Beløp');
    const row = rows.findIndex((r) => r[0] === 'ADM-2025');
    if (broken) rows[row]![amount] = 'ni hundre tusen';
    return checkWorkbook(values, { today: new Date(Date.UTC(2027, 0, 15)) });
  };
  const memo = (broken: boolean) =>
    toPlainText(buildMemo(result(broken), { meetingDate: '2025-05-09', cases: ['2025-05-001'] }));
  const annual = (broken: boolean) => toPlainText(buildAnnualReport(result(broken), { year: 2025 }));

  const board = (broken: boolean) =>
    toPlainText(buildBoardStatus(result(broken), { date: new Date(Date.UTC(2026, 4, 15)) }));

  test.each([
    ['memo', memo],
    ['annual report', annual],
    ['board status', board],
  ])('%s: one sentence when a grant is left out, none otherwise', (_, text) => {
    expect(text(true).match(new RegExp(SENTENCE, 'g'))).toHaveLength(1);
    expect(text(false)).not.toMatch(/holdt utenfor summene/);
  });
});
