import * as z from 'zod/mini';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from './categories';
import { tilskuddError } from '../base/errors';
import { parseMoney } from '../parse/money';
import { MONTH_NAMES_NB, monthOf, parseMonth } from '../parse/period';
import { cellText, isBlank, normalizeKey, parseYesNo, splitAnswers, splitList } from '../base/text';

/**
 * Settings with Helsefellesskapet Agder's defaults. Nothing is hard-wired to Agder: every number, region,
 * priority area and criterion can be overridden from the `Innstillinger` sheet (two columns: Innstilling,
 * Verdi; a third, Forklaring, is for people).
 */
const settingsSchema = z.object({
  defaultFrame: z.number().check(z.positive()),
  frames: z.record(z.string(), z.number().check(z.positive())),
  key: z.object({
    innovation: z.number().check(z.gte(0), z.lte(1)),
    administration: z.number().check(z.gte(0), z.lte(1)),
    operations: z.number().check(z.gte(0), z.lte(1)),
  }),
  supplementLimit: z.number().check(z.positive()),
  roundMonths: z.array(z.number().check(z.int(), z.gte(1), z.lte(12))).check(z.minLength(1)),
  regions: z.array(z.string()).check(z.minLength(1)),
  priorityAreas: z.array(z.string()).check(z.minLength(1)),
  criteria: z
    .array(z.object({ label: z.string().check(z.minLength(1)), weight: z.number().check(z.gte(0)) }))
    .check(z.minLength(1)),
  emailReceipt: z.boolean(),
  community: z.string().check(z.minLength(1)),
  board: z.string().check(z.minLength(1)),
  caseOfficer: z.string().check(z.minLength(1)),
  secretariatEmail: z.string(),
  docsPerDay: z.number().check(z.int(), z.positive()),
  funderOrgNumber: z.string(),
  grantIdPrefix: z.string().check(z.minLength(1)),
  // Follow-up (issue 11): the half-yearly due dates (day and month), the final report's months after the end.
  statusDueDates: z
    .array(
      z.object({ month: z.number().check(z.int(), z.gte(1), z.lte(12)), day: z.number().check(z.int()) }),
    )
    .check(z.minLength(1)),
  finalReportMonths: z.number().check(z.int(), z.gte(0)),
  emailReminders: z.boolean(),
  remindDaysBefore: z.number().check(z.int(), z.gte(0)),
  reminderIntervalDays: z.number().check(z.int(), z.positive()),
  maxReminders: z.number().check(z.int(), z.gte(0)),
  hospitalTrust: z.string().check(z.minLength(1)),
  hospitalTrustShort: z.string().check(z.minLength(1)),
  guidelinesCase: z.string(),
  keyCase: z.string(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  defaultFrame: 9_160_000,
  frames: { '2024': 9_160_000, '2025': 9_160_000 },
  key: { innovation: 0.8, administration: 0.05, operations: 0.15 },
  supplementLimit: 100_000,
  roundMonths: [5, 12],
  regions: ['Østre Agder', 'Lister', 'Setesdal', 'Kristiansand (inkl. Lindesnes)', 'Hele Agder'],
  priorityAreas: [
    'Barn og unge',
    'Personer med kroniske lidelser',
    'Alvorlige psykiske lidelser og rus',
    'Skrøpelige eldre',
    'Svangerskap, fødsel og barsel',
    'Integrert psykisk helse- og rustjeneste',
    'Rehabilitering',
    'Færre utskrivningsklare pasienter på sykehus',
    'Rekruttering og personell på tvers av nivåene',
    'Bedre samhandling',
    'Kortere ventetider i sykehus',
  ],
  // The prioritisation criteria of case 47-2024; the central criteria weigh most.
  criteria: [
    { label: 'Størst potensial til å møte fremtidens tjenestebehov', weight: 3 },
    { label: 'Løser spesifikke samhandlingsutfordringer', weight: 3 },
    { label: 'Gjennomførbart med egenfinansiert personell eller ekstern finansiering', weight: 2 },
    { label: 'Balansert total portefølje', weight: 1 },
  ],
  emailReceipt: false,
  community: 'Helsefellesskapet Agder',
  board: 'Strategisk samarbeidsutvalg (SSU) - Helsefellesskapet Agder',
  caseOfficer: 'Sekretariatet',
  secretariatEmail: 'postmottak@example.no',
  // Google's daily quota for new documents: 250 for consumer accounts, 1 500 for Workspace.
  docsPerDay: 250,
  funderOrgNumber: '',
  grantIdPrefix: '360G-tilskudd-agder',
  // A status was demanded by 1 November (seed 003); half-yearly means 1 May too.
  statusDueDates: [
    { day: 1, month: 5 },
    { day: 1, month: 11 },
  ],
  finalReportMonths: 2,
  emailReminders: false,
  remindDaysBefore: 14,
  reminderIntervalDays: 7,
  maxReminders: 3,
  hospitalTrust: 'Sørlandet sykehus HF',
  hospitalTrustShort: 'SSHF',
  // The board's cases the memo cites: the guidelines (47-2024) and the split key (18-2025).
  guidelinesCase: '47-2024',
  keyCase: '18-2025',
};

export const frameFor = (s: Settings, year: number): number => s.frames[String(year)] ?? s.defaultFrame;

/** One row of the `Innstillinger` sheet. */
export interface SettingRow {
  key: string;
  value: string | number | boolean;
  description: string;
}

const KEY_LABEL: Record<CategoryId, { nb: string; en: string }> = {
  innovation: { nb: 'Nøkkel innovasjon/prosjekt', en: 'Key innovation' },
  administration: { nb: 'Nøkkel administrasjon', en: 'Key administration' },
  operations: { nb: 'Nøkkel samdrift/tiltak', en: 'Key operations' },
};

/** The settings as sheet rows: the template's `Innstillinger` sheet and the documentation of its keys. */
export function settingsToRows(s: Settings): SettingRow[] {
  const percent = (x: number) => `${Math.round(x * 10000) / 100} %`;
  return [
    { key: 'Ramme', value: s.defaultFrame, description: 'Ramme per budsjettår uten egen linje (kr)' },
    ...Object.entries(s.frames).map(([year, amount]) => ({
      key: `Ramme ${year}`,
      value: amount,
      description: `Ramme for budsjettåret ${year} (kr)`,
    })),
    ...CATEGORY_IDS.map((id) => ({
      key: KEY_LABEL[id].nb,
      value: percent(s.key[id]),
      description: `Veiledende andel av rammen til ${CATEGORY_LABELS[id].nb.toLowerCase()}`,
    })),
    {
      key: 'Grense tilleggsbevilling',
      value: s.supplementLimit,
      description: 'Sekretariatets fullmakt per prosjekt, samlet (kr)',
    },
    {
      key: 'Søknadsrunder',
      value: s.roundMonths.map((m) => MONTH_NAMES_NB[m - 1]).join('; '),
      description: 'Måneder med søknadsfrist',
    },
    { key: 'Regioner', value: s.regions.join('; '), description: 'Regioner, skilt med semikolon' },
    {
      key: 'Prioriterte områder',
      value: s.priorityAreas.join('; '),
      description: 'Områder for bruk av tilskuddet, skilt med semikolon',
    },
    ...s.criteria.map((c) => ({
      key: `Vekt: ${c.label}`,
      value: c.weight,
      description: 'Vekt for prioriteringskriteriet i vurderingsskjemaet',
    })),
    {
      key: 'Kvittering på e-post',
      value: s.emailReceipt ? 'Ja' : 'Nei',
      description: 'Send søkeren kvittering med saksnummer',
    },
    { key: 'Helsefellesskap', value: s.community, description: 'Navnet som står i dokumentene' },
    { key: 'Råd/utvalg', value: s.board, description: 'Utvalget som vedtar (saksfremstillingens hode)' },
    {
      key: 'Saksbehandler',
      value: s.caseOfficer,
      description: 'Saksbehandler i saksfremstillingen (rolle, ikke navn)',
    },
    {
      key: 'Sekretariatets e-post',
      value: s.secretariatEmail,
      description: 'Kontaktadresse i tildelingsbrev',
    },
    {
      key: 'Dokumenter per dag',
      value: s.docsPerDay,
      description: 'Googles kvote for nye dokumenter per dag: 250 (privat konto) eller 1 500 (Workspace)',
    },
    {
      key: 'Org.nr forvalter',
      value: s.funderOrgNumber,
      description: 'Organisasjonsnummeret til den som forvalter tilskuddet (for 360Giving-eksporten)',
    },
    {
      key: '360Giving-prefiks',
      value: s.grantIdPrefix,
      description: 'Prefiks for tilskudds-ID i 360Giving-eksporten',
    },
    {
      key: 'Statusfrister',
      value: s.statusDueDates.map((d) => `${d.day}. ${MONTH_NAMES_NB[d.month - 1]}`).join('; '),
      description: 'Frister for halvårsrapport hvert år (dag og måned), skilt med semikolon',
    },
    {
      key: 'Frist sluttrapport (måneder)',
      value: s.finalReportMonths,
      description: 'Sluttrapporten skal leveres innen så mange måneder etter prosjektets slutt',
    },
    {
      key: 'Påminnelser på e-post',
      value: s.emailReminders ? 'Ja' : 'Nei',
      description: 'Send prosjektets kontakt påminnelse før og etter fristen',
    },
    {
      key: 'Påminn dager før',
      value: s.remindDaysBefore,
      description: 'Første påminnelse så mange dager før fristen',
    },
    {
      key: 'Purring hver (dager)',
      value: s.reminderIntervalDays,
      description: 'Purring så ofte etter fristen',
    },
    {
      key: 'Maks purringer',
      value: s.maxReminders,
      description: 'Høyst så mange purringer (den siste med kopi til sekretariatet)',
    },
    {
      key: 'Helseforetak',
      value: s.hospitalTrust,
      description: 'Helseforetaket som er part i helsefellesskapet (fullt navn, i skjema og dokumenter)',
    },
    {
      key: 'Helseforetak kortnavn',
      value: s.hospitalTrustShort,
      description: 'Kortnavnet på helseforetaket (i tabeller, lister og meldinger)',
    },
    {
      key: 'Sak retningslinjer',
      value: s.guidelinesCase,
      description:
        'Saksnummeret der utvalget vedtok retningslinjene (vedlegg og bakgrunn i saksfremstillingen)',
    },
    {
      key: 'Sak fordelingsnøkkel',
      value: s.keyCase,
      description: 'Saksnummeret der utvalget vedtok fordelingsnøkkelen (bakgrunn i saksfremstillingen)',
    },
  ];
}

function parsePercent(value: unknown): number | null {
  if (typeof value === 'number') return value > 1 ? value / 100 : value;
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(cellText(value));
  if (!m) return null;
  const n = Number(m[1]!.replace(',', '.'));
  return cellText(value).includes('%') || n > 1 ? n / 100 : n;
}

/** "1. mai", "1 May", "01.05", "1.5." → day and month; null when it is no real day of a month. */
export function parseDayOfYear(text: string): { day: number; month: number } | null {
  const t = text.trim().toLowerCase();
  const named = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?$/.exec(t);
  const dotted = /^(\d{1,2})[./](\d{1,2})\.?$/.exec(t);
  const day = Number((named ?? dotted)?.[1]);
  const month = named ? parseMonthName(named[2]!) : dotted ? Number(dotted[2]) : null;
  if (month === null || !(month >= 1 && month <= 12)) return null;
  // A leap year, so 29 February is accepted (it falls on 1 March in other years).
  return new Date(Date.UTC(2000, month - 1, day)).getUTCMonth() === month - 1 && day >= 1
    ? { day, month }
    : null;
}

function parseMonthName(text: string): number | null {
  const parsed = parseMonth(`${text.replace(/\.$/, '')} 2000`);
  return parsed.ok ? monthOf(parsed.value) : null;
}

type Apply = (draft: Settings, value: unknown, suffix: string) => boolean;

const money =
  (set: (d: Settings, v: number, suffix: string) => void): Apply =>
  (d, v, suffix) => {
    const parsed = parseMoney(v);
    if (!parsed.ok || parsed.value <= 0) return false;
    set(d, parsed.value, suffix);
    return true;
  };

const text =
  (set: (d: Settings, v: string) => void): Apply =>
  (d, v) => {
    set(d, cellText(v));
    return true;
  };

const count =
  (set: (d: Settings, v: number) => void, min: number): Apply =>
  (d, v) => {
    const n = typeof v === 'number' ? v : Number(cellText(v).replace(/\s/g, ''));
    if (!Number.isInteger(n) || n < min || cellText(v) === '') return false;
    set(d, n);
    return true;
  };

const yesNo =
  (set: (d: Settings, v: boolean) => void): Apply =>
  (d, v) => {
    const yes = parseYesNo(v);
    if (yes === null) return false;
    set(d, yes);
    return true;
  };

const list =
  (set: (d: Settings, v: string[]) => void): Apply =>
  (d, v) => {
    set(d, splitList(v));
    return true;
  };

/** Setting names (Norwegian and English, normalised) and how each is applied; `*` takes a suffix. */
const APPLIERS: Array<[names: string[], apply: Apply]> = [
  [['ramme', 'frame'], money((d, v) => (d.defaultFrame = v))],
  [
    ['ramme *', 'frame *'],
    (d, v, year) => /^\d{4}$/.test(year) && money((d2, n) => (d2.frames[year] = n))(d, v, year),
  ],
  ...CATEGORY_IDS.map((id): [string[], Apply] => [
    [KEY_LABEL[id].nb, KEY_LABEL[id].en].map(normalizeKey),
    (d, v) => {
      const p = parsePercent(v);
      if (p === null || p < 0 || p > 1) return false;
      d.key[id] = p;
      return true;
    },
  ]),
  [['grense tilleggsbevilling', 'supplement limit'], money((d, v) => (d.supplementLimit = v))],
  [
    ['søknadsrunder', 'rounds'],
    (d, v) => {
      const months = splitAnswers(v).map(parseMonthName);
      if (months.some((m) => m === null)) return false;
      d.roundMonths = months as number[];
      return true;
    },
  ],
  [['regioner', 'regions'], list((d, v) => (d.regions = v))],
  [['prioriterte områder', 'priority areas'], list((d, v) => (d.priorityAreas = v))],
  [
    ['vekt: *', 'weight: *'],
    (d, v, label) => {
      const weight = typeof v === 'number' ? v : Number(cellText(v).replace(',', '.'));
      if (!Number.isFinite(weight) || cellText(v) === '') return false;
      d.criteria.push({ label, weight });
      return true;
    },
  ],
  [['helsefellesskap', 'health community'], text((d, v) => (d.community = v))],
  [['råd/utvalg', 'board'], text((d, v) => (d.board = v))],
  [['saksbehandler', 'case officer'], text((d, v) => (d.caseOfficer = v))],
  [['sekretariatets e-post', 'secretariat email'], text((d, v) => (d.secretariatEmail = v))],
  [
    ['org.nr forvalter', 'funder organisation number'],
    text((d, v) => (d.funderOrgNumber = v.replace(/\s/g, ''))),
  ],
  [['360giving-prefiks', '360giving prefix'], text((d, v) => (d.grantIdPrefix = v))],
  [['helseforetak', 'hospital trust'], text((d, v) => (d.hospitalTrust = v))],
  [['helseforetak kortnavn', 'hospital trust short name'], text((d, v) => (d.hospitalTrustShort = v))],
  [['sak retningslinjer', 'guidelines case'], text((d, v) => (d.guidelinesCase = v))],
  [['sak fordelingsnøkkel', 'split key case'], text((d, v) => (d.keyCase = v))],
  [
    ['dokumenter per dag', 'documents per day'],
    (d, v) => {
      const n = typeof v === 'number' ? v : Number(cellText(v).replace(/\s/g, ''));
      if (!Number.isInteger(n) || n <= 0) return false;
      d.docsPerDay = n;
      return true;
    },
  ],
  [
    ['kvittering på e-post', 'email receipt'],
    (d, v) => {
      const yes = parseYesNo(v);
      if (yes === null) return false;
      d.emailReceipt = yes;
      return true;
    },
  ],
  [
    ['statusfrister', 'status due dates'],
    (d, v) => {
      const dates = splitAnswers(v).map(parseDayOfYear);
      if (dates.length === 0 || dates.some((x) => x === null)) return false;
      d.statusDueDates = (dates as Array<{ day: number; month: number }>).sort(
        (a, b) => a.month - b.month || a.day - b.day,
      );
      return true;
    },
  ],
  [['frist sluttrapport (måneder)', 'final report months'], count((d, n) => (d.finalReportMonths = n), 0)],
  [['påminnelser på e-post', 'email reminders'], yesNo((d, v) => (d.emailReminders = v))],
  [['påminn dager før', 'remind days before'], count((d, n) => (d.remindDaysBefore = n), 0)],
  [['purring hver (dager)', 'reminder interval (days)'], count((d, n) => (d.reminderIntervalDays = n), 1)],
  [['maks purringer', 'max reminders'], count((d, n) => (d.maxReminders = n), 0)],
];

function findApplier(key: string): { apply: Apply; suffix: string } | null {
  const norm = normalizeKey(key);
  for (const [names, apply] of APPLIERS) {
    for (const name of names) {
      if (name.endsWith('*')) {
        const prefix = name.slice(0, -1);
        const suffix = key.trim().slice(prefix.length).trim();
        if (norm.startsWith(prefix) && suffix !== '') return { apply, suffix };
      } else if (norm === name) return { apply, suffix: '' };
    }
  }
  return null;
}

/**
 * Settings from `Innstillinger` rows (`row` is the sheet row, for messages). Rows override the defaults;
 * criteria given in the sheet replace the default criteria as a whole.
 */
export function parseSettings(rows: Array<{ key: unknown; value: unknown; row: number }>): Settings {
  const draft: Settings = structuredCopy(DEFAULT_SETTINGS);
  // Criteria and per-year frames given in the sheet replace the defaults as a whole, so no Agder
  // value lingers in another health community's settings.
  const keys = rows.map((r) => normalizeKey(cellText(r.key)));
  if (keys.some((k) => /^(vekt|weight):/.test(k))) draft.criteria = [];
  if (keys.some((k) => /^(ramme|frame)\b/.test(k))) draft.frames = {};
  for (const { key, value, row } of rows) {
    const name = cellText(key);
    if (name === '') continue;
    const found = findApplier(name);
    if (!found) {
      throw tilskuddError(
        `Innstillinger rad ${row}: ukjent innstilling «${name}». Rett navnet eller slett raden.`,
        `Settings row ${row}: unknown setting "${name}". Fix the name or delete the row.`,
      );
    }
    // A blank value keeps the default (the template lists optional settings with no value).
    if (isBlank(value)) continue;
    if (!found.apply(draft, value, found.suffix)) {
      throw tilskuddError(
        `Innstillinger rad ${row}: «${name}» har en ugyldig verdi («${cellText(value)}»). Se kolonnen Forklaring.`,
        `Settings row ${row}: "${name}" has an invalid value ("${cellText(value)}"). See the Description column.`,
      );
    }
  }
  const checked = settingsSchema.safeParse(draft);
  if (!checked.success) {
    // The appliers validate each value; this is the safety net for a combination they cannot see.
    const path = checked.error.issues[0]!.path.join('.');
    throw tilskuddError(`Innstillinger: «${path}» er ugyldig.`, `Settings: "${path}" is invalid.`);
  }
  const sum = CATEGORY_IDS.reduce((s, id) => s + draft.key[id], 0);
  if (Math.abs(sum - 1) > 0.0005) {
    const pct = `${Math.round(sum * 1000) / 10} %`;
    throw tilskuddError(
      `Innstillinger: nøklene (${CATEGORY_IDS.map((id) => KEY_LABEL[id].nb).join(', ')}) summerer til ${pct}, ikke 100 %.`,
      `Settings: the keys (${CATEGORY_IDS.map((id) => KEY_LABEL[id].en).join(', ')}) add up to ${pct}, not 100 %.`,
    );
  }
  return checked.data;
}

function structuredCopy(s: Settings): Settings {
  return {
    ...s,
    frames: { ...s.frames },
    key: { ...s.key },
    roundMonths: [...s.roundMonths],
    regions: [...s.regions],
    priorityAreas: [...s.priorityAreas],
    criteria: s.criteria.map((c) => ({ ...c })),
    statusDueDates: s.statusDueDates.map((d) => ({ ...d })),
  };
}
