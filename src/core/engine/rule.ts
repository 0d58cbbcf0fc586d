import type { CellRef, Finding, Severity } from './findings';
import { where } from './findings';
import type { Lang, Reason } from '../base/result';
import type { CheckContext } from '../check/context';

/**
 * What the decision memo does with a rule's findings under a case: `listed` shows them and an error holds
 * the case back; `hidden` does not show them but an error still holds the case back; `none` neither (they
 * say nothing about whether an application is ready for a decision, or would name an assessor).
 */
export type MemoVisibility = 'listed' | 'hidden' | 'none';

/** The families of rules, by the part of the work they look at, and what the memo does with each. */
export const RULE_FAMILIES = {
  /** The frame and the split key per budget year. */
  frame: { memo: 'listed' },
  /** The premises of an application. */
  premise: { memo: 'listed' },
  /** Cells the product cannot read: case ids, kinds, dates, form answers. */
  data: { memo: 'listed' },
  /** The assessment and the recommendation. */
  assessment: { memo: 'listed' },
  /** Supplementary allocations under the secretariat's authority: the memo reports them on their own. */
  supplement: { memo: 'hidden' },
  /** The follow-up of granted money: payments, refunds, withdrawals, money left. */
  money: { memo: 'none' },
  /** The follow-up of granted projects: status reports, due dates, lights. */
  'follow-up': { memo: 'none' },
  /** The action plan. */
  plan: { memo: 'listed' },
} as const satisfies Record<string, { memo: MemoVisibility }>;

export type RuleFamily = keyof typeof RULE_FAMILIES;

export interface Rule {
  id: string;
  severity: Severity;
  family: RuleFamily;
  /** The memo's treatment when it differs from the family's. */
  memo?: MemoVisibility;
  check(ctx: CheckContext): Finding[];
}

export const memoVisibility = (rule: Rule): MemoVisibility => rule.memo ?? RULE_FAMILIES[rule.family].memo;

export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

type Text = (lang: Lang) => string;

/**
 * Builds a finding: its `message` starts with where the problem is and ends with what to do (for the
 * sheet and `check`); its `fact` states the problem alone, as a sentence a document can print.
 */
export function finding(rule: Rule, ref: string, cells: CellRef[], text: Text, fact: Text): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    ref,
    cells,
    message: lazyReason(text),
    fact: lazyReason(fact),
  };
}

/**
 * Messages are written on first read, in the language asked for: a check of 10 000 applications makes
 * about as many findings, and only one language is ever shown. Enumerable getters keep JSON output whole.
 */
function lazyReason(text: Text): Reason {
  let nb: string | undefined;
  let en: string | undefined;
  return {
    get nb() {
      return (nb ??= text('nb'));
    },
    get en() {
      return (en ??= text('en'));
    },
  };
}

/** "Sak 2025-05-001 (Søknader rad 5, «Helseforetak»): ", "2025: ", or "Søknader rad 5, «Saksnr»: " without a case. */
export function about(ref: string, cell: CellRef | undefined, lang: Lang): string {
  if (ref === '') return cell ? `${where(cell, lang)}: ` : '';
  const prefix = /^\d{4}$/.test(ref) ? ref : `${lang === 'nb' ? 'Sak' : 'Case'} ${ref}`;
  return cell ? `${prefix} (${where(cell, lang)}): ` : `${prefix}: `;
}

/** What a row rule says when it fires: the message's problem and instruction, and the fact. */
export interface RuleText extends Reason {
  fact: Reason;
}

/**
 * What a rule says when it fires, written once: the problem as a sentence without its full stop
 * ("Søknaden oppgir ingen egenandel fra partene"), and what to do. The message (the sheet, `check`) is the
 * place, the problem and the action; the fact (documents) is the problem alone.
 */
export interface Says {
  problem: Reason;
  action: Reason;
}

export const says = ({ problem, action }: Says): RuleText => ({
  nb: `${problem.nb}. ${action.nb}`,
  en: `${problem.en}. ${action.en}`,
  fact: { nb: `${problem.nb}.`, en: `${problem.en}.` },
});

/**
 * A rule that looks at one row of a sheet at a time — an application, a measure of the action plan: the
 * common shape of most rules. `test` returns the message pair (and its fact) when the rule fires, or null;
 * `where` starts the message with the place ("Sak 2025-05-001 (Søknader rad 5, «Helseforetak»): ").
 */
export function rowRule<T extends { row: number }>(spec: {
  id: string;
  severity: Severity;
  family: RuleFamily;
  memo?: MemoVisibility;
  sheet: CellRef['sheet'];
  field: string;
  rows: (ctx: CheckContext) => readonly T[];
  ref: (t: T) => string;
  where: (t: T, cell: CellRef, lang: Lang) => string;
  test: (t: T, ctx: CheckContext) => RuleText | null;
}): Rule {
  const rule: Rule = {
    id: spec.id,
    severity: spec.severity,
    family: spec.family,
    ...(spec.memo ? { memo: spec.memo } : {}),
    check(ctx) {
      const out: Finding[] = [];
      for (const t of spec.rows(ctx)) {
        const text = spec.test(t, ctx);
        if (!text) continue;
        const cell: CellRef = { sheet: spec.sheet, row: t.row, field: spec.field };
        out.push(
          finding(
            rule,
            spec.ref(t),
            [cell],
            (lang) => spec.where(t, cell, lang) + text[lang],
            (lang) => text.fact[lang],
          ),
        );
      }
      return out;
    },
  };
  return rule;
}

/**
 * A finding about one cell of a record: the message is where (`about`) followed by `text`, both written
 * on first read; `fact` is the sentence a document prints.
 */
export function cellFinding(
  rule: Rule,
  cell: CellRef,
  r: { caseId: string },
  text: Text,
  fact: Reason,
): Finding {
  return finding(
    rule,
    r.caseId,
    [cell],
    (lang) => about(r.caseId, cell, lang) + text(lang),
    (lang) => fact[lang],
  );
}
