import type { Severity } from '../engine/findings';
import {
  about,
  rowRule,
  type MemoVisibility,
  type Rule,
  type RuleFamily,
  type RuleText,
} from '../engine/rule';
import type { CheckContext } from '../check/context';
import type { Application } from '../portfolio/records';

/** A premise rule on one active application at a time. */
export const applicationRule = (spec: {
  id: string;
  severity: Severity;
  /** `premise` unless given. */
  family?: RuleFamily;
  memo?: MemoVisibility;
  field: string;
  test: (a: Application, ctx: CheckContext) => RuleText | null;
}): Rule =>
  rowRule({
    ...spec,
    family: spec.family ?? 'premise',
    sheet: 'applications',
    rows: (ctx) => ctx.active,
    ref: (a) => a.caseId,
    where: (a, cell, lang) => about(a.caseId, cell, lang),
  });
