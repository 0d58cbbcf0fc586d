import type { CheckResult } from '../check/check';
import { ACTION_PLAN, missingSheet } from '../workbook/contract';
import type { Lang } from '../base/result';
import { b, h, p, table, ul, type Block, type DocModel } from './model';
import { formatDay } from '../plan/format';
import { HEADER_FILL, LIGHT_FILL } from '../workbook/presentation';
import { LIGHT_LABEL, type Light, type Plan, type PlanItem, type Snapshot } from '../plan/records';

/**
 * *Årlig gjennomgang av handlingsplanen*, in the shape of SSU's own annual review: per focus area its main goals, the
 * count of measures per light and a short summary; the red measures with owner and comment; what changed
 * since the last saved review; and a landscape traffic-light matrix on its own page that works as a slide.
 * Every coloured cell also says its light in words, so the document reads in black and white.
 */

const ORDER: Light[] = ['green', 'yellow', 'red', 'waiting'];

export interface ReviewOptions {
  /** The day of the review (UTC midnight); changes are counted against the last review before it. */
  date: Date;
  lang?: Lang;
}

export function requirePlan(result: CheckResult): Plan {
  const plan = result.portfolio.plan;
  // The contract's own message: how to add the sheet in Google Sheets and offline, losing nothing.
  if (!plan) throw missingSheet(ACTION_PLAN);
  return plan;
}

/** Counts of measures per light under the rows chosen (a focus area's measures, or all). */
export function countLights(items: readonly PlanItem[]): Record<Light, number> {
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, waiting: 0 };
  for (const item of items) if (item.level === 3 && item.status) counts[item.status]++;
  return counts;
}

/** "3 grønne, 1 gul": Norwegian adjectives take the plural. */
const PLURAL_NB: Record<Light, string> = { green: 'grønne', yellow: 'gule', red: 'røde', waiting: 'venter' };

const countText = (c: Record<Light, number>, lang: Lang) =>
  ORDER.filter((l) => c[l] > 0)
    .map((l) => `${c[l]} ${lang === 'nb' && c[l] > 1 ? PLURAL_NB[l] : LIGHT_LABEL[l][lang].toLowerCase()}`)
    .join(', ') || (lang === 'nb' ? 'ingen tiltak med status' : 'no measures with a status');

/** The generated summary when the focus area's own `Kommentar` is empty. */
function summary(c: Record<Light, number>, lang: Lang): string {
  const total = c.green + c.yellow + c.red + c.waiting;
  const nb = lang === 'nb';
  if (total === 0) return nb ? 'Ingen tiltak er vurdert ennå.' : 'No measure has been assessed yet.';
  if (c.red * 2 > total)
    return nb ? 'Fokusområdet fremkommer i stor grad på rødt nivå.' : 'The focus area is largely at red.';
  if (c.red === 0)
    return nb
      ? 'Fokusområdet fremkommer i hovedsak på grønt og gult nivå, uten tiltak på rødt.'
      : 'The focus area is mainly green and yellow, with no measure at red.';
  return nb
    ? 'Fokusområdet fremkommer i hovedsak på grønt og gult nivå, med enkelte tiltak på rødt.'
    : 'The focus area is mainly green and yellow, with some measures at red.';
}

/** The rows under a focus area (its goals and their measures), in plan order. */
function under(plan: Plan, focusIndex: number): PlanItem[] {
  const out: PlanItem[] = [];
  for (let i = focusIndex + 1; i < plan.items.length && plan.items[i]!.level !== 1; i++) {
    if (plan.items[i]!.number !== '') out.push(plan.items[i]!);
  }
  return out;
}

const named = (item: PlanItem) => `${item.number} ${item.text}`;

export function buildPlanReview(result: CheckResult, history: Snapshot[], options: ReviewOptions): DocModel {
  const plan = requirePlan(result);
  const lang = options.lang ?? 'nb';
  const nb = lang === 'nb';
  const settings = result.portfolio.settings;
  const day = formatDay(options.date, lang);
  const measures = plan.items.filter((i) => i.level === 3 && i.number !== '');

  const blocks: Block[] = [
    p(nb ? `${settings.board} · gjennomgang ${day}` : `${settings.board} · review of ${day}`),
    p(
      nb
        ? 'Status på tiltakene er merket med fargene grønn, gul og rød: Grønn = gjennomført, Gul = startet opp og pågående, Rød = ikke påbegynt. Venter = venter på et annet tiltak. Fargen står også som ord.'
        : 'Each measure is marked green, yellow or red: Green = done, Yellow = started and ongoing, Red = not started. Waiting = waiting on another measure. The light is written as a word too.',
    ),
    p(
      b(nb ? 'Alle tiltak: ' : 'All measures: '),
      `${measures.length} — ${countText(countLights(measures), lang)}.`,
    ),
    h(2, nb ? 'Status per fokusområde' : 'Status per focus area'),
  ];

  plan.items.forEach((focus, index) => {
    if (focus.level !== 1 || focus.number === '') return;
    const rows = under(plan, index);
    const counts = countLights(rows);
    const reds = rows.filter((r) => r.level === 3 && r.status === 'red');
    blocks.push(
      h(3, `${nb ? 'Fokusområde' : 'Focus area'} ${focus.number}: ${focus.text}`),
      p(b(nb ? 'Hovedmål' : 'Main goals')),
      ul(rows.filter((r) => r.level === 2).map((g) => [named(g)])),
      p(b(nb ? 'Tiltak:' : 'Measures:'), ` ${countText(counts, lang)}.`),
      p(
        b(nb ? 'Kort oppsummering:' : 'Summary:'),
        ` ${focus.comment || summary(counts, lang)}`,
        reds.length > 0
          ? nb
            ? ` Rødt nivå: ${reds.map((r) => r.number).join(', ')}.`
            : ` At red: ${reds.map((r) => r.number).join(', ')}.`
          : '',
      ),
    );
  });

  const reds = measures.filter((m) => m.status === 'red');
  blocks.push(h(2, nb ? 'Tiltak på rødt nivå' : 'Measures at red'));
  blocks.push(
    reds.length === 0
      ? p(nb ? 'Ingen tiltak er på rødt nivå.' : 'No measure is at red.')
      : table(
          [
            nb ? ['Nr', 'Tiltak', 'Ansvarlig', 'Kommentar'] : ['No.', 'Measure', 'Responsible', 'Comment'],
            ...reds.map((m) => [m.number, m.text, owner(m), m.comment]),
          ],
          { header: true },
        ),
  );

  blocks.push(...changes(plan, history, options.date, lang));

  blocks.push(
    { type: 'section', landscape: true },
    h(2, nb ? `Trafikklys: handlingsplanen ${day}` : `Traffic lights: the action plan ${day}`),
    matrix(plan, lang),
  );
  return { title: nb ? 'Årlig gjennomgang av handlingsplanen' : 'Annual review of the action plan', blocks };
}

const owner = (m: PlanItem) => [m.owner, m.organisation].filter((x) => x !== '').join(', ');

/** What changed since the last review saved before this day: lights and new measures. */
function changes(plan: Plan, history: Snapshot[], date: Date, lang: Lang): Block[] {
  const nb = lang === 'nb';
  const last = [...history].reverse().find((s) => s.date.getTime() < date.getTime());
  if (!last)
    return [
      h(2, nb ? 'Endringer siden forrige gjennomgang' : 'Changes since the last review'),
      p(
        nb
          ? 'Det finnes ingen tidligere lagret gjennomgang å sammenligne med.'
          : 'There is no earlier saved review to compare with.',
      ),
    ];
  const label = (l: Light | null) => (l ? LIGHT_LABEL[l][lang] : '–');
  const fill = (l: Light | null | undefined) => (l ? LIGHT_FILL[l] : null);
  const rows: string[][] = [];
  const fills: Array<Array<string | null>> = [[null, null, null, null, null]];
  for (const m of plan.items) {
    if (m.level !== 3 || m.number === '') continue;
    const before = last.entries.get(m.number);
    if (before && before.status === m.status) continue;
    rows.push([
      m.number,
      m.text,
      before ? label(before.status) : nb ? 'ny' : 'new',
      label(m.status),
      m.comment,
    ]);
    fills.push([null, null, fill(before?.status), fill(m.status), null]);
  }
  return [
    h(
      2,
      `${nb ? 'Endringer siden forrige gjennomgang' : 'Changes since the last review'} (${formatDay(last.date, lang)})`,
    ),
    rows.length === 0
      ? p(nb ? 'Ingen tiltak har endret status.' : 'No measure changed its light.')
      : table(
          [
            nb ? ['Nr', 'Tiltak', 'Før', 'Nå', 'Kommentar'] : ['No.', 'Measure', 'Before', 'Now', 'Comment'],
            ...rows,
          ],
          { header: true, fills },
        ),
  ];
}

/** The one-page matrix: every goal and measure with its owner, deadline and light (coloured, in words). */
function matrix(plan: Plan, lang: Lang): Block {
  const nb = lang === 'nb';
  const header = nb
    ? ['Nr', 'Mål og tiltak', 'Ansvarlig', 'Frist', 'Status']
    : ['No.', 'Goals and measures', 'Responsible', 'Due', 'Status'];
  const rows: string[][] = [header];
  const fills: Array<Array<string | null>> = [header.map(() => null)];
  for (const item of plan.items) {
    if (item.number === '' || item.level === null) continue;
    if (item.level !== 3) {
      rows.push([item.number, item.text, '', '', '']);
      // Focus areas shaded as bands; goals plain.
      fills.push(header.map(() => (item.level === 1 ? HEADER_FILL : null)));
      continue;
    }
    const due = item.due?.ok ? formatDay(item.due.value, lang) : '';
    rows.push([
      item.number,
      item.text,
      owner(item),
      due,
      item.status ? LIGHT_LABEL[item.status][lang] : item.statusText,
    ]);
    fills.push([null, null, null, null, item.status ? LIGHT_FILL[item.status] : null]);
  }
  return table(rows, { header: true, fills, compact: true });
}
