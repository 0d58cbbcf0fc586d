import type { CellRef, Finding, Severity } from './findings';
import { where } from './findings';
import type { Lang, Reason } from '../base/result';
import type { CheckContext } from '../check/context';

export interface Rule {
  id: string;
  severity: Severity;
  check(ctx: CheckContext): Finding[];
}

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

/** What an application rule says when it fires: the message's problem and instruction, and the fact. */
export interface RuleText extends Reason {
  fact: Reason;
}

/**
 * A rule that looks at one row of a sheet at a time — an application, a measure of the action plan: the
 * common shape of most rules. `test` returns the message pair (and its fact) when the rule fires, or null;
 * `where` starts the message with the place ("Sak 2025-05-001 (Søknader rad 5, «Helseforetak»): ").
 */
export function rowRule<T extends { row: number }>(spec: {
  id: string;
  severity: Severity;
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
