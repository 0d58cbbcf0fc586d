import type { CheckResult } from '../check/check';
import { ACTION_PLAN, missingSheet } from '../workbook/contract';
import type { Lang } from '../base/result';
import { countOf, normalizeKey, sentenceStart } from '../base/text';
import { b, h, ol, p, table, ul, type Block, type DocModel, type Inline } from './model';
import { boardCaseHeader } from './board-case';
import { formatDay } from '../plan/format';
import { decidingBody } from '../workbook/bodies';
import { HEADER_FILL, LIGHT_FILL } from '../workbook/presentation';
import { LIGHT_LABEL, type Light, type Plan, type PlanItem, type Snapshot } from '../plan/records';
import { normalizeNumber } from '../plan/numbering';
import { inputByMeasure, markUnverified, type RegionalInput } from '../plan/regional-input';

/**
 * *Årlig gjennomgang av handlingsplanen* as a board case, in the shape of the board's own annual review:
 * the case header and the proposed decision; per focus area its main goals, the count of measures per
 * light and a short summary, then each measure with its light, indicator, region, owner, deadline, linked
 * cases, comment, the secretariat's assessment and every region's input; the red measures; the regions'
 * input summed up per region; the secretariat's assessments and proposed follow-up; what changed since
 * the last saved review; and a landscape traffic-light matrix as an appendix that works as a slide. Every
 * coloured cell also says its light in words, so the document reads in black and white.
 */

const ORDER: Light[] = ['green', 'yellow', 'red', 'waiting'];
/** Tables up to this many rows are kept on one page (.docx); longer ones may break between rows. */
const KEEP_ROWS = 15;

export interface ReviewOptions {
  /** The day of the review (UTC midnight); changes are counted against the last review before it. */
  date: Date;
  /** ISO date of the meeting the review goes to (default: the review's day). */
  meetingDate?: string;
  /** The board's case number, `22-2026`. */
  caseNumber?: string;
  lang?: Lang;
}

/** What the review is made from besides the checked workbook: the saved reviews and the regions' input. */
export interface ReviewBasis {
  /** The reviews saved in `Handlingsplan-historikk`, oldest first. */
  history: readonly Snapshot[];
  /** The rows of `Innspill` (none when the sheet is absent). */
  input?: readonly RegionalInput[];
}

const T = {
  nb: {
    docTitle: 'Årlig gjennomgang av handlingsplanen',
    caseWord: 'Sak',
    pages: { page: 'Side', of: 'av' },
    subjectText: (d: string) => `Årlig gjennomgang av handlingsplanen per ${d}`,
    proposal: 'Forslag til vedtak',
    takeNote: (body: string, d: string) =>
      `${body} tar den årlige gjennomgangen av handlingsplanen per ${d} til orientering.`,
    followRed: (body: string, nrs: string) =>
      `${body} ber sekretariatet, i samarbeid med regionene, følge opp tiltakene på rødt nivå (${nrs}) og legge fram en ny vurdering ved neste gjennomgang.`,
    endorse: (body: string) =>
      `${body} slutter seg til sekretariatets vurderinger og forslag til oppfølging.`,
    inputOnward: 'Innspillene fra regionene tas med i arbeidet med neste handlingsplan.',
    facts: 'Saksopplysninger',
    legend:
      'Status på tiltakene er merket med fargene grønn, gul og rød: Grønn = gjennomført, Gul = startet opp og pågående, Rød = ikke påbegynt. Venter = venter på et annet tiltak. Fargen står også som ord.',
    all: 'Alle tiltak: ',
    perFocus: 'Status per fokusområde',
    focus: 'Fokusområde',
    goals: 'Hovedmål',
    measures: 'Tiltak:',
    summary: 'Kort oppsummering:',
    atRed: (nrs: string) => ` Rødt nivå: ${nrs}.`,
    status: 'Status',
    inputFrom: (region: string) => `Innspill: ${region}`,
    indicator: 'Indikator',
    ownerRegionDue: 'Ansvarlig · region · frist',
    cases: 'Saker',
    comment: 'Kommentar',
    assessment: 'Sekretariatets vurdering',
    notRegistered: 'ikke registrert',
    none: 'ingen',
    unknownCase: 'finnes ikke blant søknadene',
    inputOf: 'Innspill fra regionene',
    redTitle: 'Tiltak på rødt nivå',
    noRed: 'Ingen tiltak er på rødt nivå.',
    redHeader: ['Nr', 'Tiltak', 'Ansvarlig', 'Kommentar', 'Innspill fra'],
    regionsTitle: 'Innspill fra regionene',
    noInput: 'Ingen innspill fra regionene er registrert.',
    inputIntro: (regions: number, rows: number, measures: number) =>
      `${countOf(regions, 'region', 'regioner')} har gitt ${countOf(rows, 'innspill', 'innspill')} til ${countOf(measures, 'tiltak', 'tiltak')}, særlig til tiltakene på rødt nivå. Hvert innspill står under sitt tiltak ovenfor.`,
    regionHeader: ['Region', 'Innspill', 'Grønn', 'Gul', 'Rød', 'Uten vurdering', 'Røde tiltak kommentert'],
    redCommented: (n: number, of: number, nrs: string) => (n === 0 ? `0 av ${of}` : `${n} av ${of}: ${nrs}`),
    silent: (names: string) => `Ingen innspill er registrert fra: ${names}.`,
    unknownNr: (list: string) => `Innspill til nummer som ikke finnes i handlingsplanen: ${list}.`,
    assessmentTitle: 'Sekretariatets vurderinger og forslag til oppfølging',
    noAssessment: 'Sekretariatets vurdering er ikke registrert.',
    changes: 'Endringer siden forrige gjennomgang',
    noHistory: 'Det finnes ingen tidligere lagret gjennomgang å sammenligne med.',
    noChange: 'Ingen tiltak har endret status.',
    changeHeader: ['Nr', 'Tiltak', 'Før', 'Nå', 'Kommentar'],
    newItem: 'ny',
    matrixTitle: (d: string) => `Vedlegg: trafikklys for handlingsplanen per ${d}`,
    matrixHeader: ['Nr', 'Mål og tiltak', 'Ansvarlig', 'Frist', 'Status'],
    noStatus: 'ingen tiltak med status',
    noneAssessed: 'Ingen tiltak er vurdert ennå.',
    mostlyRed: 'Fokusområdet fremkommer i stor grad på rødt nivå.',
    noRedSummary: 'Fokusområdet fremkommer i hovedsak på grønt og gult nivå, uten tiltak på rødt.',
    someRed: 'Fokusområdet fremkommer i hovedsak på grønt og gult nivå, med enkelte tiltak på rødt.',
  },
  en: {
    docTitle: 'Annual review of the action plan',
    caseWord: 'Case',
    pages: { page: 'Page', of: 'of' },
    subjectText: (d: string) => `Annual review of the action plan on ${d}`,
    proposal: 'Proposed decision',
    takeNote: (body: string, d: string) =>
      `${body} takes note of the annual review of the action plan on ${d}.`,
    followRed: (body: string, nrs: string) =>
      `${body} asks the secretariat to follow up the measures at red (${nrs}) together with the regions, and to present a new assessment at the next review.`,
    endorse: (body: string) => `${body} endorses the secretariat's assessments and proposed follow-up.`,
    inputOnward: "The regions' input is taken into the work on the next action plan.",
    facts: 'Facts',
    legend:
      'Each measure is marked green, yellow or red: Green = done, Yellow = started and ongoing, Red = not started. Waiting = waiting on another measure. The light is written as a word too.',
    all: 'All measures: ',
    perFocus: 'Status per focus area',
    focus: 'Focus area',
    goals: 'Main goals',
    measures: 'Measures:',
    summary: 'Summary:',
    atRed: (nrs: string) => ` At red: ${nrs}.`,
    status: 'Status',
    inputFrom: (region: string) => `Input: ${region}`,
    indicator: 'Indicator',
    ownerRegionDue: 'Responsible · region · due',
    cases: 'Cases',
    comment: 'Comment',
    assessment: "Secretariat's assessment",
    notRegistered: 'not registered',
    none: 'none',
    unknownCase: 'not among the applications',
    inputOf: 'Input from the regions',
    redTitle: 'Measures at red',
    noRed: 'No measure is at red.',
    redHeader: ['No.', 'Measure', 'Responsible', 'Comment', 'Input from'],
    regionsTitle: 'Input from the regions',
    noInput: 'No input from the regions is registered.',
    inputIntro: (regions: number, rows: number, measures: number) =>
      `${countOf(regions, 'region', 'regions')} gave ${countOf(rows, 'input', 'inputs')} on ${countOf(measures, 'measure', 'measures')}, especially on the measures at red. Each input stands under its measure above.`,
    regionHeader: ['Region', 'Inputs', 'Green', 'Yellow', 'Red', 'No assessment', 'Red measures commented'],
    redCommented: (n: number, of: number, nrs: string) => (n === 0 ? `0 of ${of}` : `${n} of ${of}: ${nrs}`),
    silent: (names: string) => `No input is registered from: ${names}.`,
    unknownNr: (list: string) => `Input on numbers that are not in the action plan: ${list}.`,
    assessmentTitle: "The secretariat's assessments and proposed follow-up",
    noAssessment: "The secretariat's assessment is not registered.",
    changes: 'Changes since the last review',
    noHistory: 'There is no earlier saved review to compare with.',
    noChange: 'No measure changed its light.',
    changeHeader: ['No.', 'Measure', 'Before', 'Now', 'Comment'],
    newItem: 'new',
    matrixTitle: (d: string) => `Appendix: traffic lights of the action plan on ${d}`,
    matrixHeader: ['No.', 'Goals and measures', 'Responsible', 'Due', 'Status'],
    noStatus: 'no measures with a status',
    noneAssessed: 'No measure has been assessed yet.',
    mostlyRed: 'The focus area is largely at red.',
    noRedSummary: 'The focus area is mainly green and yellow, with no measure at red.',
    someRed: 'The focus area is mainly green and yellow, with some measures at red.',
  },
};

type Text = (typeof T)['nb'];

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
    .join(', ') || T[lang].noStatus;

/** The generated summary when the focus area's own `Kommentar` is empty. */
function summary(c: Record<Light, number>, t: Text): string {
  const total = c.green + c.yellow + c.red + c.waiting;
  if (total === 0) return t.noneAssessed;
  if (c.red * 2 > total) return t.mostlyRed;
  return c.red === 0 ? t.noRedSummary : t.someRed;
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
const owner = (m: PlanItem) => [m.owner, m.organisation].filter((x) => x !== '').join(', ');
const lightWord = (l: Light | null, lang: Lang) => (l ? LIGHT_LABEL[l][lang] : '–');
const fillOf = (l: Light | null | undefined) => (l ? LIGHT_FILL[l] : null);

export function buildPlanReview(result: CheckResult, basis: ReviewBasis, options: ReviewOptions): DocModel {
  const plan = requirePlan(result);
  const lang = options.lang ?? 'nb';
  const t = T[lang];
  const settings = result.portfolio.settings;
  const body = decidingBody(settings);
  const day = formatDay(options.date, lang);
  const meeting = options.meetingDate ?? options.date.toISOString().slice(0, 10);
  const measures = plan.items.filter((i) => i.level === 3 && i.number !== '');
  const reds = measures.filter((m) => m.status === 'red');
  const input = basis.input ?? [];
  const byMeasure = inputByMeasure(input);
  const assessed = plan.items.filter((i) => i.number !== '' && i.secretariatAssessment !== '');

  const proposal: Inline[][] = [[t.takeNote(sentenceStart(body.inText), day)]];
  if (reds.length > 0)
    proposal.push([t.followRed(sentenceStart(body.inText), reds.map((r) => r.number).join(', '))]);
  if (assessed.length > 0) proposal.push([t.endorse(sentenceStart(body.inText))]);
  if (input.length > 0) proposal.push([t.inputOnward]);

  const blocks: Block[] = [
    boardCaseHeader(
      {
        board: body.name,
        meeting: formatDay(new Date(`${meeting}T00:00:00Z`), lang),
        caseNumber: options.caseNumber ?? '',
        officer: settings.caseOfficer,
        subject: t.subjectText(day),
      },
      lang,
    ),
    h(2, t.proposal),
    ol(proposal),
    h(2, t.facts),
    p(t.legend),
    p(b(t.all), `${measures.length} — ${countText(countLights(measures), lang)}.`),
    // What moved since the last review belongs with the status, before the measures one by one.
    ...changes(plan, basis.history, options.date, lang),
    h(2, t.perFocus),
  ];

  plan.items.forEach((focus, index) => {
    if (focus.level !== 1 || focus.number === '') return;
    const rows = under(plan, index);
    const counts = countLights(rows);
    const focusReds = rows.filter((r) => r.level === 3 && r.status === 'red');
    blocks.push(
      h(3, `${t.focus} ${focus.number}: ${focus.text}`),
      p(b(t.goals)),
      ul(rows.filter((r) => r.level === 2).map((g) => [named(g)])),
      p(b(t.measures), ` ${countText(counts, lang)}.`),
      p(
        b(t.summary),
        ` ${focus.comment || summary(counts, t)}`,
        focusReds.length > 0 ? t.atRed(focusReds.map((r) => r.number).join(', ')) : '',
      ),
    );
    for (const m of rows) if (m.level === 3) blocks.push(...measureBlocks(result, m, byMeasure, input, lang));
  });

  blocks.push(h(2, t.redTitle));
  blocks.push(
    reds.length === 0
      ? p(t.noRed)
      : table(
          [
            t.redHeader,
            ...reds.map((m) => [
              m.number,
              m.text,
              owner(m),
              m.comment,
              [...new Set((byMeasure.get(m.number) ?? []).map((x) => x.region))].join(', ') || '–',
            ]),
          ],
          // Not kept together: moved whole to the next page it left a near-empty page before the appendix.
          { header: true },
        ),
  );
  blocks.push(...regionBlocks(plan, input, settings.regions, lang));
  blocks.push(h(2, t.assessmentTitle));
  blocks.push(
    assessed.length === 0
      ? p(t.noAssessment)
      : ul(assessed.map((i) => [b(`${named(i)}:`), ` ${i.secretariatAssessment}`])),
  );
  blocks.push({ type: 'section', landscape: true }, h(2, t.matrixTitle(day)), matrix(plan, lang));

  const footer = [
    t.docTitle,
    options.caseNumber ? `${t.caseWord} ${options.caseNumber}` : '',
    settings.community,
  ]
    .filter((x) => x !== '')
    .join(' · ');
  return { title: t.docTitle, lang, blocks, footer: { text: footer, pages: t.pages } };
}

/** A linked case as the board knows it: id, title and status, or that it is not among the applications. */
function caseText(result: CheckResult, caseId: string, t: Text): string {
  const app = result.portfolio.applications.find((a) => a.caseId === caseId);
  if (!app) return `${caseId} (${t.unknownCase})`;
  return app.status ? `${caseId} ${app.title} (${app.status.toLowerCase()})` : `${caseId} ${app.title}`;
}

/**
 * One measure as a record kept on one page: its number, text and light, what the sheet holds on it, the
 * secretariat's assessment (said to be missing when it is), and every region's input, one row per region
 * with its light coloured and in words, when the regions gave any.
 */
function measureBlocks(
  result: CheckResult,
  m: PlanItem,
  byMeasure: Map<string, RegionalInput[]>,
  input: readonly RegionalInput[],
  lang: Lang,
): Block[] {
  const t = T[lang];
  const given = byMeasure.get(m.number) ?? [];
  const due = m.due?.ok ? formatDay(m.due.value, lang) : '';
  const rows: string[][] = [
    [m.number, m.text],
    [t.status, m.status ? LIGHT_LABEL[m.status][lang] : m.statusText || '–'],
    [t.indicator, m.indicator || '–'],
    // Who, where and when on one line: a record per measure that stays short.
    [t.ownerRegionDue, [owner(m), m.region, due].filter((x) => x !== '').join(' · ') || '–'],
    ...(m.cases.length > 0 ? [[t.cases, m.cases.map((c) => caseText(result, c, t)).join('; ')]] : []),
    [t.comment, m.comment || '–'],
    [t.assessment, m.secretariatAssessment || t.notRegistered],
  ];
  const fills: Array<Array<string | null>> = rows.map((_, r) => (r === 1 ? [null, fillOf(m.status)] : []));
  for (const x of given) {
    const date = x.date ? ` (${formatDay(x.date, lang)})` : '';
    rows.push([
      t.inputFrom(markUnverified(x.region, x, lang)),
      `${lightWord(x.assessment, lang)}: ${x.comment}${date}`,
    ]);
    fills.push([fillOf(x.assessment), null]);
  }
  if (input.length > 0 && given.length === 0) rows.push([t.inputOf, t.none]);
  // One label width for every record, so the records line up page after page.
  return [table(rows, { keyValue: true, fills, keepTogether: true, widths: [2, 5] })];
}

/**
 * The regions' input summed up per region: how many inputs, by the region's light, and which of the plan's
 * red measures the region commented on; then the regions in the settings that gave none, and input on
 * numbers the plan does not have (so nothing a region sent is silently dropped).
 */
function regionBlocks(
  plan: Plan,
  input: readonly RegionalInput[],
  regions: readonly string[],
  lang: Lang,
): Block[] {
  const t = T[lang];
  if (input.length === 0) return [h(2, t.regionsTitle), p(t.noInput)];
  const numbers = new Set(plan.items.filter((i) => i.level === 3).map((i) => i.number));
  const reds = plan.items.filter((i) => i.level === 3 && i.status === 'red' && i.number !== '');
  const byRegion = new Map<string, RegionalInput[]>();
  for (const x of input) {
    const key = normalizeKey(x.region);
    byRegion.set(key, [...(byRegion.get(key) ?? []), x]);
  }
  // Regions in the settings' order first, then any other region the sheet names.
  const order = [
    ...regions.filter((r) => byRegion.has(normalizeKey(r))),
    ...[...new Set(input.map((x) => x.region))].filter(
      (r) => !regions.some((s) => normalizeKey(s) === normalizeKey(r)),
    ),
  ];
  const rows = order.map((region) => {
    const given = byRegion.get(normalizeKey(region)) ?? [];
    const count = (l: Light | null) => String(given.filter((x) => x.assessment === l).length);
    const commented = reds.filter((m) =>
      given.some((x) => normalizeNumber(x.nr) === m.number && x.comment !== ''),
    );
    return [
      region,
      String(given.length),
      count('green'),
      count('yellow'),
      count('red'),
      String(given.filter((x) => x.assessment === null || x.assessment === 'waiting').length),
      t.redCommented(commented.length, reds.length, commented.map((m) => m.number).join(', ')),
    ];
  });
  const measuresCommented = new Set(input.map((x) => normalizeNumber(x.nr)).filter((nr) => numbers.has(nr)));
  const out: Block[] = [
    // The table right under its heading (a heading keeps with what follows it), the sentence after.
    h(2, t.regionsTitle),
    table([t.regionHeader, ...rows], { header: true, keepTogether: rows.length <= KEEP_ROWS }),
    p(t.inputIntro(order.length, input.length, measuresCommented.size)),
  ];
  const silent = regions.filter((r) => !byRegion.has(normalizeKey(r)));
  if (silent.length > 0) out.push(p(t.silent(silent.join(', '))));
  const unknown = input.filter((x) => !numbers.has(normalizeNumber(x.nr)));
  if (unknown.length > 0) out.push(p(t.unknownNr(unknown.map((x) => `${x.nr} (${x.region})`).join(', '))));
  return out;
}

/** What changed since the last review saved before this day: lights and new measures. */
function changes(plan: Plan, history: readonly Snapshot[], date: Date, lang: Lang): Block[] {
  const t = T[lang];
  const last = [...history].reverse().find((s) => s.date.getTime() < date.getTime());
  if (!last) return [h(2, t.changes), p(t.noHistory)];
  const rows: string[][] = [];
  const fills: Array<Array<string | null>> = [[null, null, null, null, null]];
  for (const m of plan.items) {
    if (m.level !== 3 || m.number === '') continue;
    const before = last.entries.get(m.number);
    if (before && before.status === m.status) continue;
    rows.push([
      m.number,
      m.text,
      before ? lightWord(before.status, lang) : t.newItem,
      lightWord(m.status, lang),
      m.comment,
    ]);
    fills.push([null, null, fillOf(before?.status), fillOf(m.status), null]);
  }
  return [
    h(2, `${t.changes} (${formatDay(last.date, lang)})`),
    rows.length === 0
      ? p(t.noChange)
      : // A short list of changes is kept on one page, so no page holds only its last rows.
        table([t.changeHeader, ...rows], { header: true, fills, keepTogether: rows.length <= KEEP_ROWS }),
  ];
}

/**
 * The one-page matrix: every goal and measure with its owner, deadline and light. Regions and cases are in
 * each measure's record: as columns they wrap the rows and push the slide onto a second page.
 */
function matrix(plan: Plan, lang: Lang): Block {
  const header = T[lang].matrixHeader;
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
    fills.push([null, null, null, null, fillOf(item.status)]);
  }
  return table(rows, { header: true, fills, compact: true });
}
