import { ACTION_PLAN, PLAN_HISTORY, findSheetName, readTable, type FieldKey } from '../workbook/contract';
import { parseDay, parseMonth, monthOf, yearOf } from '../parse/period';
import { fail, ok, type Parsed } from '../base/result';
import { cellText, isBlank, splitList } from '../base/text';
import { PLAN_LEVELS, PLAN_LIGHTS, parseTerm, type PlanLight, type Term } from '../workbook/vocabulary';
import { numberPlan, type NumberIssue, type PlanLevel } from './numbering';

/** The action plan read from its sheet: typed rows in plan order, each with the number the product gives it. */
export type Light = PlanLight;

export interface PlanItem {
  row: number;
  level: PlanLevel | null;
  /** `Nivå` as written, so an unknown level can be named. */
  levelText: string;
  /** `Nr` as written. */
  given: string;
  /** The given number, or the one assigned now; '' when the row cannot be placed. */
  number: string;
  /** True when `number` was assigned now: `Nr` is empty in the sheet. */
  assigned: boolean;
  /** Index of the parent row in `Plan.items`, -1 for focus areas. */
  parent: number;
  text: string;
  owner: string;
  organisation: string;
  region: string;
  /** `null` when blank. */
  due: Parsed<Date> | null;
  indicator: string;
  status: Light | null;
  statusText: string;
  comment: string;
  /** `Sekretariatets vurdering`: the secretariat's assessment and proposed follow-up ('' when none). */
  secretariatAssessment: string;
  cases: string[];
}

export interface Plan {
  items: PlanItem[];
  issues: NumberIssue[];
  /** 0-based column of each field present. */
  columns: Partial<Record<FieldKey<typeof ACTION_PLAN>, number>>;
  sheetName: string;
}

type Values = Record<string, readonly (readonly unknown[])[]>;

/** The levels' depth in the plan: a focus area holds main goals, a main goal holds measures. */
const DEPTH: Record<keyof typeof PLAN_LEVELS, PlanLevel> = { focusArea: 1, mainGoal: 2, measure: 3 };

export const LEVEL_LABEL: Record<PlanLevel, Term> = {
  1: PLAN_LEVELS.focusArea,
  2: PLAN_LEVELS.mainGoal,
  3: PLAN_LEVELS.measure,
};

const parseLevel = (text: string): PlanLevel | null => {
  const id = parseTerm(PLAN_LEVELS, text);
  return id === null ? null : DEPTH[id];
};

/** The status report's three lights, their meanings for a measure, and *Venter* for one waiting on another. */
export const LIGHT_LABEL = PLAN_LIGHTS;

export const parseLight = (value: unknown): Light | null => parseTerm(PLAN_LIGHTS, value);

/**
 * A deadline: a day (`31.12.2026`), a month (`desember 2026`: its last day) or a year (`2026`: 31
 * December). A number such as 2026 is a year, not a serial date.
 */
export function parseDue(value: unknown): Parsed<Date> {
  const text = cellText(value);
  if (/^\d{4}$/.test(text)) return ok(new Date(Date.UTC(Number(text), 11, 31)));
  const day = parseDay(value);
  if (day.ok) return day;
  const month = parseMonth(value);
  if (month.ok) return ok(new Date(Date.UTC(yearOf(month.value), monthOf(month.value), 0)));
  return fail(
    `«${text}» er ikke en frist (skriv f.eks. 31.12.2026, desember 2026 eller 2026)`,
    `"${text}" is not a deadline (write e.g. 2026-12-31, December 2026 or 2026)`,
  );
}

/** The plan in the workbook's values, or null when it has no `Handlingsplan` sheet. */
export function readPlan(values: Values): Plan | null {
  const sheetName = findSheetName(ACTION_PLAN, Object.keys(values));
  if (sheetName === undefined) return null;
  const table = readTable(ACTION_PLAN, values[sheetName]!);
  const rows = table.rows.map((r) => {
    const levelText = cellText(r.get('level'));
    const statusText = cellText(r.get('status'));
    return {
      row: r.row,
      level: parseLevel(levelText),
      levelText,
      given: cellText(r.get('nr')),
      text: cellText(r.get('text')),
      owner: cellText(r.get('owner')),
      organisation: cellText(r.get('organisation')),
      region: cellText(r.get('region')),
      due: isBlank(r.get('due')) ? null : parseDue(r.get('due')),
      indicator: cellText(r.get('indicator')),
      status: parseLight(statusText),
      statusText,
      comment: cellText(r.get('comment')),
      secretariatAssessment: cellText(r.get('secretariatAssessment')),
      cases: splitList(String(r.get('cases') ?? '').replace(/,/g, ';')),
    };
  });
  const numbering = numberPlan(rows);
  return {
    items: rows.map((r, i) => ({
      ...r,
      number: numbering.numbers[i]!,
      assigned: numbering.assigned[i]!,
      parent: numbering.parents[i]!,
    })),
    issues: numbering.issues,
    columns: table.columns,
    sheetName,
  };
}

export interface Snapshot {
  date: Date;
  entries: Map<string, { status: Light | null; comment: string }>;
}

/** The reviews saved in `Handlingsplan-historikk`, oldest first; none when the sheet is absent. */
export function readPlanHistory(values: Values): Snapshot[] {
  const name = findSheetName(PLAN_HISTORY, Object.keys(values));
  if (name === undefined) return [];
  const byDay = new Map<number, Snapshot>();
  for (const r of readTable(PLAN_HISTORY, values[name]!).rows) {
    const date = parseDay(r.get('date'));
    const nr = cellText(r.get('nr'));
    if (!date.ok || nr === '') continue;
    const key = date.value.getTime();
    const snap = byDay.get(key) ?? { date: date.value, entries: new Map() };
    snap.entries.set(nr, { status: parseLight(r.get('status')), comment: cellText(r.get('comment')) });
    byDay.set(key, snap);
  }
  return [...byDay.values()].sort((a, b) => a.date.getTime() - b.date.getTime());
}
