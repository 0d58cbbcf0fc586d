import { ACTIONS, measureAction } from './action-calls';

/**
 * Every menu action, endpoint and trigger makes a fixed number of Spreadsheet calls, whatever the number
 * of applications (each call is a round trip in real Sheets), and the three the secretariat meets most stay
 * within their ceilings.
 */
const ROWS = [10, 400];

describe('Spreadsheet calls per action', () => {
  const counts = new Map<string, number[]>();

  it.each(ACTIONS.map((a) => [a.name, a] as const))(
    '%s: the same calls at 10 and 400 applications',
    (_, action) => {
      const runs = ROWS.map((n) => measureAction(action, n));
      expect(runs.map((r) => r.done)).toEqual([true, true]);
      expect(runs[1]!.snapshot).toEqual(runs[0]!.snapshot);
      counts.set(
        action.name,
        runs.map((r) => r.calls),
      );
    },
  );

  it('keeps a sweep within 30 calls, a submission and the check at their ceilings', () => {
    const at = (name: string) => counts.get(name)![0]!;
    expect(at('runHourly (nothing to do)')).toBeLessThanOrEqual(30);
    expect(at('registerMissingResponses')).toBeLessThanOrEqual(30);
    expect(at('onFormSubmit')).toBeLessThanOrEqual(30);
    // The check reads each sheet once and writes `Avvik` and its marks once each: the colours come from rules
    // set-up put on, so no sheet's notes or fills are read or written (docs/performance.md).
    expect(at('checkPortfolio')).toBeLessThanOrEqual(40);
    expect(at('checkPortfolio (again, nothing changed)')).toBeLessThanOrEqual(36);
  });
});
