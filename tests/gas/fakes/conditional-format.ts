import { asGas, gasEnum, type Tracker } from './spreadsheet-base';

/**
 * Conditional formatting as Apps Script exposes it: `SpreadsheetApp.newConditionalFormatRule()` builds a
 * rule (`whenFormulaSatisfied`, `setBackground`, `setRanges`, `build`); a sheet's rules are read with
 * `getConditionalFormatRules()` and replaced as a whole with `setConditionalFormatRules(rules)`. A rule
 * needs a condition and at least one range, else `build` throws. A formula condition reads back as
 * `BooleanCriteria.CUSTOM_FORMULA` with `[formula]` as its values, its colour with `getBackground`. Google
 * hands out new rule objects on every read and keeps its own copy of what it is given (`copyRule`), so code
 * that finds its own rules by object identity fails here as it would there.
 */
type GRange = GoogleAppsScript.Spreadsheet.Range;

export const BooleanCriteria = gasEnum<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>([
  'CUSTOM_FORMULA',
  'TEXT_EQUAL_TO',
  'TEXT_CONTAINS',
]);

export class FakeBooleanCondition {
  constructor(
    private readonly tracker: Tracker,
    readonly criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria,
    readonly values: readonly unknown[],
    readonly background: string | null,
  ) {}

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.tracker.hit('BooleanCondition', 'getCriteriaType');
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.tracker.hit('BooleanCondition', 'getCriteriaValues');
    return [...this.values];
  }

  getBackground(): string | null {
    this.tracker.hit('BooleanCondition', 'getBackground');
    return this.background;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly tracker: Tracker,
    readonly condition: FakeBooleanCondition,
    readonly ranges: readonly GRange[],
  ) {}

  getBooleanCondition(): FakeBooleanCondition {
    this.tracker.hit('ConditionalFormatRule', 'getBooleanCondition');
    return this.condition;
  }

  getRanges(): GRange[] {
    this.tracker.hit('ConditionalFormatRule', 'getRanges');
    return [...this.ranges];
  }
}

/** A rule as Google stores or returns it: a new object with the same condition and ranges. */
export function copyRule(
  rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  tracker: Tracker,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const { condition, ranges } = rule as unknown as FakeConditionalFormatRule;
  return asGas(
    new FakeConditionalFormatRule(
      tracker,
      new FakeBooleanCondition(tracker, condition.criteria, condition.values, condition.background),
      ranges,
    ),
  );
}

export class FakeConditionalFormatRuleBuilder {
  private criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria | null = null;
  private values: unknown[] = [];
  private background: string | null = null;
  private ranges: GRange[] = [];

  constructor(private readonly tracker: Tracker) {}

  whenFormulaSatisfied(formula: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.tracker.hit('ConditionalFormatRuleBuilder', 'whenFormulaSatisfied');
    if (typeof formula !== 'string' || !formula.startsWith('='))
      throw this.tracker.error('Invalid formula for conditional formatting.');
    this.criteria = BooleanCriteria.CUSTOM_FORMULA;
    this.values = [formula];
    return asGas(this);
  }

  setBackground(color: string | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.tracker.hit('ConditionalFormatRuleBuilder', 'setBackground');
    this.background = color;
    return asGas(this);
  }

  setRanges(ranges: GRange[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.tracker.hit('ConditionalFormatRuleBuilder', 'setRanges');
    this.ranges = [...ranges];
    return asGas(this);
  }

  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    this.tracker.hit('ConditionalFormatRuleBuilder', 'build');
    if (this.criteria === null) throw this.tracker.error('The conditional format rule has no condition.');
    if (this.ranges.length === 0) throw this.tracker.error('The conditional format rule has no ranges.');
    return asGas(
      new FakeConditionalFormatRule(
        this.tracker,
        new FakeBooleanCondition(this.tracker, this.criteria, this.values, this.background),
        this.ranges,
      ),
    );
  }
}
