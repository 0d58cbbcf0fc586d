import * as z from 'zod/mini';
import { TilskuddError, tilskuddError } from '../base/errors';
import type { Reason } from '../base/result';
import { cellText, isBlank, normalizeKey } from '../base/text';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from './categories';
import {
  count,
  daysOfYear,
  list,
  money,
  months,
  percent,
  text,
  weight,
  yesNo,
  type SettingType,
} from './setting-types';

export { parseDayOfYear } from './setting-types';

/**
 * The settings, each described once: its name in the `Innstillinger` sheet (Norwegian, English, and
 * older names still read), its default (Helsefellesskapet Agder's), the kind of value it takes and its
 * «Forklaring». The `Settings` type, the defaults, the rows set-up writes, the reader and its checks are
 * all derived from this table; adding a setting is adding an entry (docs/workbook.md).
 */

/** A setting on one row. */
interface One<T> {
  kind: 'one';
  nb: string;
  en: string;
  /** Older names still read. */
  aliases?: readonly string[];
  type: SettingType<T>;
  default: T;
  help: string;
  /** A setting whose default goes when this row is in the sheet (`Ramme` drops Agder's frames per year). */
  clears?: string;
  /** Asked by the set-up wizard, in this group. */
  wizard?: WizardGroup;
}

/**
 * A setting on one row per part, each named by a prefix and the part (`Ramme 2026`, `Vekt: Gevinst`). Rows
 * in the sheet replace the default as a whole, so no Agder value lingers in another community's settings.
 */
interface Each<T, P> {
  kind: 'each';
  /** The prefixes, with their trailing space. */
  nb: string;
  en: string;
  /** Whether a part's name is one (a year); otherwise the row's value is refused. */
  isPart?: (name: string) => boolean;
  part: SettingType<P>;
  schema: z.ZodMiniType<T>;
  default: T;
  empty: () => T;
  entries: (value: T) => Array<[name: string, part: P]>;
  add: (value: T, name: string, part: P) => void;
  help: (name: string) => string;
  /** Asked by the set-up wizard, one field per part the settings hold, in this group. */
  wizard?: WizardGroup;
}

/** A setting with a fixed row per part (the split key: a share per category), checked as a whole. */
interface Parts<Id extends string, P> {
  kind: 'parts';
  rows: Record<Id, { nb: string; en: string }>;
  help: (id: Id) => string;
  part: SettingType<P>;
  default: Record<Id, P>;
  /** What is wrong with the parts together, if anything. */
  check?: (value: Record<Id, P>) => Reason | null;
  /** Asked by the set-up wizard, in this group. */
  wizard?: WizardGroup;
}

/** The set-up wizard's groups of settings, in the order it asks them. */
export const WIZARD_GROUPS = {
  community: { nb: 'Helsefellesskapet', en: 'The health community' },
  bodies: { nb: 'Organene', en: 'The bodies' },
  money: { nb: 'Penger og søknadsrunder', en: 'Money and application rounds' },
  secretariat: { nb: 'Sekretariatet', en: 'The secretariat' },
} as const;
export type WizardGroup = keyof typeof WIZARD_GROUPS;

/** Any entry of the table, as the derivations below walk it. */
type Setting = One<unknown> | Each<unknown, unknown> | Parts<string, unknown>;

const one = <T>(spec: Omit<One<T>, 'kind'>): One<T> => ({ kind: 'one', ...spec });
const each = <T, P>(spec: Omit<Each<T, P>, 'kind'>): Each<T, P> => ({ kind: 'each', ...spec });
const parts = <Id extends string, P>(spec: Omit<Parts<Id, P>, 'kind'>): Parts<Id, P> => ({
  kind: 'parts',
  ...spec,
});

interface Criterion {
  label: string;
  weight: number;
}

const KEY_ROWS: Record<CategoryId, { nb: string; en: string }> = {
  innovation: { nb: 'Nøkkel innovasjon/prosjekt', en: 'Key innovation' },
  administration: { nb: 'Nøkkel administrasjon', en: 'Key administration' },
  operations: { nb: 'Nøkkel samdrift/tiltak', en: 'Key operations' },
};

/** The settings, in the order of the `Innstillinger` sheet. */
const SETTINGS = {
  defaultFrame: one({
    wizard: 'money',
    nb: 'Ramme',
    en: 'Frame',
    type: money,
    default: 9_160_000,
    help: 'Ramme per budsjettår uten egen linje (kr)',
    clears: 'frames',
  }),
  frames: each<Record<string, number>, number>({
    wizard: 'money',
    nb: 'Ramme ',
    en: 'Frame ',
    isPart: (year) => /^\d{4}$/.test(year),
    part: money,
    schema: z.record(z.string(), money.schema),
    default: { '2024': 9_160_000, '2025': 9_160_000 },
    empty: () => ({}),
    entries: (frames) => Object.entries(frames),
    add: (frames, year, amount) => (frames[year] = amount),
    help: (year) => `Ramme for budsjettåret ${year} (kr)`,
  }),
  key: parts({
    wizard: 'money',
    rows: KEY_ROWS,
    help: (id) => `Veiledende andel av rammen til ${CATEGORY_LABELS[id].nb.toLowerCase()}`,
    part: percent,
    default: { innovation: 0.8, administration: 0.05, operations: 0.15 },
    check: (key) => {
      const sum = CATEGORY_IDS.reduce((s, id) => s + key[id], 0);
      if (Math.abs(sum - 1) <= 0.0005) return null;
      const pct = `${Math.round(sum * 1000) / 10} %`;
      const names = (lang: 'nb' | 'en') => CATEGORY_IDS.map((id) => KEY_ROWS[id][lang]).join(', ');
      return {
        nb: `Innstillinger: nøklene (${names('nb')}) summerer til ${pct}, ikke 100 %.`,
        en: `Settings: the keys (${names('en')}) add up to ${pct}, not 100 %.`,
      };
    },
  }),
  grantPurpose: one({
    nb: 'Formål med tilskuddet',
    en: 'Purpose of the grant',
    type: text(true),
    default:
      'Tilskuddet skal understøtte forpliktende samarbeid mellom kommuner og helseforetak om tjenesteutvikling ' +
      'og gode pasientforløp, og legge til rette for et godt desentralisert helsetilbud med god kvalitet og ' +
      'riktig arbeidsdeling.',
    help: 'Formålet slik det står i informasjonen til søkere og i samarbeidsavtalene',
  }),
  supplementLimit: one({
    wizard: 'money',
    nb: 'Grense tilleggsbevilling',
    en: 'Supplement limit',
    type: money,
    default: 100_000,
    help: 'Sekretariatets fullmakt per prosjekt, samlet (kr)',
  }),
  roundMonths: one({
    wizard: 'money',
    nb: 'Søknadsrunder',
    en: 'Rounds',
    type: months,
    default: [5, 12],
    help: 'Måneder med søknadsfrist',
  }),
  applicationDeadlines: one({
    nb: 'Søknadsfrister',
    en: 'Application deadlines',
    type: daysOfYear,
    // The guidelines give the rounds' months (May and December), not their days: none until the community
    // sets them, and the information for applicants then names the rounds' months only.
    default: [],
    help: 'Søknadsfrist i hver runde (dag og måned), skilt med semikolon; står i informasjonen til søkere',
  }),
  formLink: one({
    nb: 'Skjemalenke',
    en: 'Form link',
    type: text(false),
    default: '',
    help: 'Lenken til søknadsskjemaet; skrives her når skjemaet lages i Google Sheets',
  }),
  regions: one({
    nb: 'Regioner',
    en: 'Regions',
    type: list,
    default: ['Østre Agder', 'Lister', 'Setesdal', 'Kristiansand (inkl. Lindesnes)', 'Hele Agder'],
    help: 'Regioner, skilt med semikolon',
  }),
  priorityAreas: one({
    nb: 'Prioriterte områder',
    en: 'Priority areas',
    type: list,
    default: [
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
    help: 'Områder for bruk av tilskuddet, skilt med semikolon',
  }),
  criteria: each<Criterion[], number>({
    nb: 'Vekt: ',
    en: 'Weight: ',
    part: weight,
    schema: z
      .array(z.object({ label: z.string().check(z.minLength(1)), weight: weight.schema }))
      .check(z.minLength(1)),
    // The prioritisation criteria of the board's guidelines; the central criteria weigh most.
    default: [
      { label: 'Størst potensial til å møte fremtidens tjenestebehov', weight: 3 },
      { label: 'Løser spesifikke samhandlingsutfordringer', weight: 3 },
      { label: 'Gjennomførbart med egenfinansiert personell eller ekstern finansiering', weight: 2 },
      { label: 'Balansert total portefølje', weight: 1 },
    ],
    empty: () => [],
    entries: (criteria) => criteria.map((c) => [c.label, c.weight]),
    add: (criteria, label, w) => criteria.push({ label, weight: w }),
    help: () => 'Vekt for prioriteringskriteriet i vurderingsskjemaet',
  }),
  emailReceipt: one({
    nb: 'Kvittering på e-post',
    en: 'Email receipt',
    type: yesNo,
    default: false,
    help: 'Send søkeren kvittering med saksnummer',
  }),
  community: one({
    wizard: 'community',
    nb: 'Helsefellesskap',
    en: 'Health community',
    type: text(true),
    default: 'Helsefellesskapet Agder',
    help: 'Navnet som står i dokumentene',
  }),
  board: one({
    wizard: 'bodies',
    nb: 'Beslutningsorgan',
    en: 'Deciding body',
    aliases: ['Råd/utvalg', 'Board'],
    type: text(true),
    default: 'Strategisk samarbeidsutvalg (SSU) - Helsefellesskapet Agder',
    help: 'Organet som vedtar tildelingene, fullt navn (saksframleggets Råd/utvalg), f.eks. Porteføljestyret',
  }),
  boardShort: one({
    wizard: 'bodies',
    nb: 'Beslutningsorgan kortnavn',
    en: 'Deciding body short name',
    type: text(true),
    default: 'SSU',
    help: 'Kortnavnet i vedtaksreferanser (f.eks. PS-sak 03-2026) og tabeller, f.eks. PS',
  }),
  boardInText: one({
    nb: 'Beslutningsorgan i tekst',
    en: 'Deciding body in text',
    type: text(false),
    default: '',
    help: 'Slik organet skrives inne i en setning, f.eks. porteføljestyret (tom: kortnavnet)',
  }),
  informedBody: one({
    wizard: 'bodies',
    nb: 'Orienteringsorgan',
    en: 'Body kept informed',
    type: text(true),
    default: 'Strategisk samarbeidsutvalg (SSU)',
    help: 'Organet som holdes orientert om framdrift og tilleggsbevilgninger, fullt navn',
  }),
  informedBodyShort: one({
    wizard: 'bodies',
    nb: 'Orienteringsorgan kortnavn',
    en: 'Body kept informed, short name',
    type: text(true),
    default: 'SSU',
    help: 'Kortnavnet på organet som holdes orientert, f.eks. SSU',
  }),
  informedBodyInText: one({
    nb: 'Orienteringsorgan i tekst',
    en: 'Body kept informed in text',
    type: text(false),
    default: '',
    help: 'Slik organet som holdes orientert skrives inne i en setning (tom: kortnavnet)',
  }),
  regionalHealthAuthority: one({
    wizard: 'community',
    nb: 'Regionalt helseforetak',
    en: 'Regional health authority',
    type: text(true),
    default: 'Helse Sør-Øst RHF',
    help: 'Det regionale helseforetaket som får årlig melding om tilskuddet',
  }),
  caseOfficer: one({
    wizard: 'secretariat',
    nb: 'Saksbehandler',
    en: 'Case officer',
    type: text(true),
    default: 'Sekretariatet',
    help: 'Saksbehandler i saksfremstillingen (rolle, ikke navn)',
  }),
  secretariatAddress: one({
    wizard: 'secretariat',
    nb: 'Postadresse',
    en: 'Postal address',
    type: text(false),
    default: '',
    help: 'Sekretariatets postadresse i brevhodet, f.eks. Postboks 416, 4604 Kristiansand',
  }),
  signatory: one({
    nb: 'Underskriver',
    en: 'Signatory',
    type: text(false),
    default: '',
    help: 'Navnet under «Med vennlig hilsen» i brev (tom: saksbehandleren)',
  }),
  signatoryTitle: one({
    nb: 'Underskriver tittel',
    en: 'Signatory title',
    type: text(false),
    default: 'for porteføljesekretariatet',
    help: 'Tittelen under navnet i brev, f.eks. leder for porteføljesekretariatet',
  }),
  secretariatEmail: one({
    wizard: 'secretariat',
    nb: 'Sekretariatets e-post',
    en: 'Secretariat email',
    type: text(false),
    default: 'postmottak@example.no',
    help: 'Kontaktadresse i tildelingsbrev',
  }),
  docsPerDay: one({
    nb: 'Dokumenter per dag',
    en: 'Documents per day',
    type: count(1),
    // Google's daily quota for new documents: 250 for consumer accounts, 1 500 for Workspace.
    default: 250,
    help: 'Googles kvote for nye dokumenter per dag: 250 (privat konto) eller 1 500 (Workspace)',
  }),
  funderOrgNumber: one({
    wizard: 'community',
    nb: 'Org.nr forvalter',
    en: 'Funder organisation number',
    type: text(false, (s) => s.replace(/\s/g, '')),
    default: '',
    help: 'Organisasjonsnummeret til den som forvalter tilskuddet (for 360Giving-eksporten)',
  }),
  grantIdPrefix: one({
    nb: '360Giving-prefiks',
    en: '360Giving prefix',
    type: text(true),
    default: '360G-tilskudd-agder',
    help: 'Prefiks for tilskudds-ID i 360Giving-eksporten',
  }),
  statusDueDates: one({
    nb: 'Statusfrister',
    en: 'Status due dates',
    type: daysOfYear,
    // A status was demanded by 1 November; half-yearly means 1 May too.
    default: [
      { day: 1, month: 5 },
      { day: 1, month: 11 },
    ],
    help: 'Frister for halvårsrapport hvert år (dag og måned), skilt med semikolon',
  }),
  finalReportMonths: one({
    nb: 'Frist sluttrapport (måneder)',
    en: 'Final report months',
    type: count(0),
    default: 2,
    help: 'Sluttrapporten skal leveres innen så mange måneder etter prosjektets slutt',
  }),
  emailReminders: one({
    nb: 'Påminnelser på e-post',
    en: 'Email reminders',
    type: yesNo,
    default: false,
    help: 'Send prosjektets kontakt påminnelse før og etter fristen',
  }),
  oldFormOpenDays: one({
    nb: 'Gammelt skjema åpent (dager)',
    en: 'Old form open (days)',
    type: count(0),
    default: 14,
    help: 'Når et skjema lages på nytt, tar det gamle imot svar så mange dager til (med en melding om det nye), så stenges det',
  }),
  remindDaysBefore: one({
    nb: 'Påminn dager før',
    en: 'Remind days before',
    type: count(0),
    default: 14,
    help: 'Første påminnelse så mange dager før fristen',
  }),
  reminderIntervalDays: one({
    nb: 'Purring hver (dager)',
    en: 'Reminder interval (days)',
    type: count(1),
    default: 7,
    help: 'Purring så ofte etter fristen',
  }),
  maxReminders: one({
    nb: 'Maks purringer',
    en: 'Max reminders',
    type: count(0),
    default: 3,
    help: 'Høyst så mange purringer (den siste med kopi til sekretariatet)',
  }),
  hospitalTrust: one({
    wizard: 'community',
    nb: 'Helseforetak',
    en: 'Hospital trust',
    type: text(true),
    default: 'Sørlandet sykehus HF',
    help: 'Helseforetaket som er part i helsefellesskapet (fullt navn, i skjema og dokumenter)',
  }),
  hospitalTrustShort: one({
    wizard: 'community',
    nb: 'Helseforetak kortnavn',
    en: 'Hospital trust short name',
    type: text(true),
    default: 'SSHF',
    help: 'Kortnavnet på helseforetaket (i tabeller, lister og meldinger)',
  }),
  // The board's cases the memo cites: the guidelines and the split key.
  guidelinesCase: one({
    nb: 'Sak retningslinjer',
    en: 'Guidelines case',
    type: text(false),
    default: '47-2024',
    help: 'Saksnummeret der utvalget vedtok retningslinjene (vedlegg og bakgrunn i saksfremstillingen)',
  }),
  keyCase: one({
    nb: 'Sak fordelingsnøkkel',
    en: 'Split key case',
    type: text(false),
    default: '18-2025',
    help: 'Saksnummeret der utvalget vedtok fordelingsnøkkelen (bakgrunn i saksfremstillingen)',
  }),
  economyTolerance: one({
    nb: 'Slingringsmonn økonomi',
    en: 'Economy tolerance',
    type: percent,
    // The economy light is green while the share paid is within 15 percentage points of the time elapsed.
    default: 0.15,
    help: 'Grønt økonomilys så lenge andel utbetalt er innenfor så mange prosentpoeng av andel tid gått',
  }),
  acceptanceDays: one({
    nb: 'Frist for aksept (dager)',
    en: 'Acceptance deadline (days)',
    type: count(1),
    default: 21,
    help: 'Mottakeren aksepterer tilsagnet innen så mange dager etter brevets dato',
  }),
  paymentTerms: one({
    nb: 'Utbetalingsvilkår',
    en: 'Payment terms',
    type: text(true),
    default:
      'Tilskuddet utbetales når samarbeidsavtalen er signert av partene og tilsagnet er akseptert. ' +
      'Siste del utbetales når sluttrapporten er godkjent.',
    help: 'Teksten om utbetaling i tilsagnsbrev og samarbeidsavtaler',
  }),
  appealText: one({
    nb: 'Klageadgang',
    en: 'Right of appeal',
    type: text(false),
    default: '',
    help:
      'Tekst om klage i avslag og reduserte tilsagn, når fellesskapet behandler dem som enkeltvedtak ' +
      '(forvaltningsloven §§ 24–28); tom: ingen klagetekst',
  }),
  refundDeadlineMonths: one({
    nb: 'Frist tilbakebetaling (måneder)',
    en: 'Refund deadline (months)',
    type: count(0),
    default: 3,
    help: 'Måneder etter prosjektslutt før ubrukte midler flagges for inndragning',
  }),
};

type Table = typeof SETTINGS;
type SettingKey = keyof Table;
type ValueOf<S> = S extends { default: infer T } ? T : never;

export type Settings = { [K in SettingKey]: ValueOf<Table[K]> };

const KEYS = Object.keys(SETTINGS) as SettingKey[];
const specOf = (k: string) => SETTINGS[k as SettingKey] as Setting;

/** Settings are plain data: numbers, text, yes/no, lists and records of them. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out as T;
  }
  return value;
}

export const DEFAULT_SETTINGS: Settings = (() => {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) out[k] = SETTINGS[k].default;
  return out as Settings;
})();

function schemaOf(spec: Setting): z.ZodMiniType {
  switch (spec.kind) {
    case 'one':
      return spec.type.schema;
    case 'each':
      return spec.schema;
    case 'parts': {
      const shape: Record<string, z.ZodMiniType> = {};
      for (const id of Object.keys(spec.rows)) shape[id] = spec.part.schema;
      return z.object(shape);
    }
  }
}

/** The settings as a whole (the safety net after reading: each row was checked on its own already). */
let schema: z.ZodMiniType | undefined;
const settingsSchema = () =>
  (schema ??= z.object(Object.fromEntries(KEYS.map((k) => [k, schemaOf(specOf(k))]))));

export const frameFor = (s: Settings, year: number): number => s.frames[String(year)] ?? s.defaultFrame;

/** One row of the `Innstillinger` sheet. */
export interface SettingRow {
  key: string;
  value: string | number | boolean;
  description: string;
}

/** The settings as sheet rows: the template's `Innstillinger` sheet and the documentation of its keys. */
export function settingsToRows(s: Settings): SettingRow[] {
  return KEYS.flatMap((k): SettingRow[] => {
    const spec = specOf(k);
    const value = s[k] as never;
    switch (spec.kind) {
      case 'one':
        return [{ key: spec.nb, value: spec.type.write(value), description: spec.help }];
      case 'each':
        return spec.entries(value).map(([name, part]) => ({
          key: `${spec.nb}${name}`,
          value: spec.part.write(part),
          description: spec.help(name),
        }));
      case 'parts':
        return Object.entries(spec.rows).map(([id, row]) => ({
          key: row.nb,
          value: spec.part.write((value as Record<string, unknown>)[id]),
          description: spec.help(id),
        }));
    }
  });
}

/**
 * Every name the `Innstillinger` sheet takes, with its «Forklaring»: one per setting, one per fixed part,
 * and the prefix followed by `…` for one-row-per-part settings (`Ramme …`, `Vekt: …`).
 */
export function settingNames(): Array<{ nb: string; en: string; aliases: readonly string[]; help: string }> {
  return KEYS.flatMap((k) => {
    const spec = specOf(k);
    switch (spec.kind) {
      case 'one':
        return [{ nb: spec.nb, en: spec.en, aliases: spec.aliases ?? [], help: spec.help }];
      case 'each':
        return [{ nb: `${spec.nb}…`, en: `${spec.en}…`, aliases: [], help: spec.help('…') }];
      case 'parts':
        return Object.entries(spec.rows).map(([id, row]) => ({ ...row, aliases: [], help: spec.help(id) }));
    }
  });
}

/** What a row's name refers to: a setting, and the part of it for one-row-per-part settings. */
interface Target {
  key: SettingKey;
  part: string;
}

/** Names read (normalised): exact names first, then the prefixes of one-row-per-part settings. */
function findSetting(name: string): Target | null {
  const norm = normalizeKey(name);
  for (const key of KEYS) {
    const spec = specOf(key);
    if (
      spec.kind === 'one' &&
      [spec.nb, spec.en, ...(spec.aliases ?? [])].some((n) => normalizeKey(n) === norm)
    )
      return { key, part: '' };
    if (spec.kind === 'parts') {
      const id = Object.keys(spec.rows).find((i) =>
        [spec.rows[i]!.nb, spec.rows[i]!.en].some((n) => normalizeKey(n) === norm),
      );
      if (id !== undefined) return { key, part: id };
    }
  }
  for (const key of KEYS) {
    const spec = specOf(key);
    if (spec.kind !== 'each') continue;
    for (const prefix of [spec.nb, spec.en].map((p) => `${normalizeKey(p)} `)) {
      const part = name.trim().slice(prefix.length).trim();
      if (norm.startsWith(prefix) && part !== '') return { key, part };
    }
  }
  return null;
}

/**
 * The row a product-written setting takes in `Innstillinger`: the index of the row that already names it
 * (any of its names; -1 when none) among `names`, and the name and «Forklaring» of a new row.
 */
export function settingRow(
  key: SettingKey,
  names: readonly unknown[],
): { index: number; name: string; help: string } {
  const spec = specOf(key);
  if (spec.kind !== 'one') throw new Error(`${key} is not a one-row setting`);
  const index = names.findIndex((n) => findSetting(cellText(n))?.key === key);
  return { index, name: spec.nb, help: spec.help };
}

/** Sets one row's value into the draft; false when the value is not one the setting takes. */
function apply(draft: Record<string, unknown>, { key, part }: Target, value: unknown): boolean {
  const spec = specOf(key);
  const type = spec.kind === 'one' ? spec.type : spec.part;
  const parsed = type.parse(value);
  if (parsed === null || !type.schema.safeParse(parsed).success) return false;
  if (spec.kind === 'one') draft[key] = parsed;
  else if (spec.kind === 'parts') (draft[key] as Record<string, unknown>)[part] = parsed;
  else if (spec.isPart && !spec.isPart(part)) return false;
  else spec.add(draft[key], part, parsed);
  return true;
}

/**
 * Settings from `Innstillinger` rows (`row` is the sheet row, for messages). Rows override the defaults;
 * a setting given one row per part (frames per year, criteria) replaces its default as a whole.
 */
export function parseSettings(rows: Array<{ key: unknown; value: unknown; row: number }>): Settings {
  const found: Array<{ target: Target; name: string; value: unknown; row: number }> = [];
  for (const { key, value, row } of rows) {
    const name = cellText(key);
    if (name === '') continue;
    const target = findSetting(name);
    if (!target) {
      throw tilskuddError(
        `Innstillinger rad ${row}: ukjent innstilling «${name}». Rett navnet eller slett raden.`,
        `Settings row ${row}: unknown setting "${name}". Fix the name or delete the row.`,
      );
    }
    found.push({ target, name, value, row });
  }
  const draft = copy(DEFAULT_SETTINGS) as Record<string, unknown>;
  for (const { target } of found) {
    const spec = specOf(target.key);
    const cleared = spec.kind === 'each' ? target.key : spec.kind === 'one' ? spec.clears : undefined;
    if (cleared !== undefined) {
      const each = specOf(cleared);
      if (each.kind === 'each') draft[cleared] = each.empty();
    }
  }
  for (const { target, name, value, row } of found) {
    // A blank value keeps the default (the template lists optional settings with no value).
    if (isBlank(value)) continue;
    if (!apply(draft, target, value)) {
      throw tilskuddError(
        `Innstillinger rad ${row}: «${name}» har en ugyldig verdi («${cellText(value)}»). Se kolonnen Forklaring.`,
        `Settings row ${row}: "${name}" has an invalid value ("${cellText(value)}"). See the Description column.`,
      );
    }
  }
  const checked = settingsSchema().safeParse(draft);
  if (!checked.success) {
    // Each row was checked on its own; this catches what only the whole shows (criteria all cleared).
    const path = checked.error.issues[0]!.path.join('.');
    throw tilskuddError(`Innstillinger: «${path}» er ugyldig.`, `Settings: "${path}" is invalid.`);
  }
  for (const key of KEYS) {
    const spec = specOf(key);
    const problem = spec.kind === 'parts' && spec.check ? spec.check(draft[key] as never) : null;
    if (problem) throw tilskuddError(problem.nb, problem.en);
  }
  return draft as Settings;
}

/** A field of the set-up wizard: one row of `Innstillinger`, named as the sheet names it. */
export interface WizardField {
  /** The row's name in `Innstillinger` (Norwegian), which is also the field's id. */
  name: string;
  en: string;
  help: string;
  group: WizardGroup;
  required: boolean;
}

/**
 * The wizard's fields, derived from the table (the entries flagged `wizard`), grouped in the table's order;
 * a setting with one row per part (the frame of each year) has a field per part `s` holds.
 */
export function wizardFields(s: Settings = DEFAULT_SETTINGS): WizardField[] {
  const fields = KEYS.flatMap((k): WizardField[] => {
    const spec = specOf(k);
    if (spec.kind === 'each' && spec.wizard) {
      const group = spec.wizard;
      return spec.entries(s[k] as never).map(([part]) => ({
        name: `${spec.nb}${part}`,
        en: `${spec.en}${part}`,
        help: spec.help(part),
        group,
        required: true,
      }));
    }
    if (spec.kind === 'one' && spec.wizard) {
      const blank = spec.type.parse('');
      const required = blank === null || !spec.type.schema.safeParse(blank).success;
      return [{ name: spec.nb, en: spec.en, help: spec.help, group: spec.wizard, required }];
    }
    if (spec.kind === 'parts' && spec.wizard) {
      const group = spec.wizard;
      return Object.entries(spec.rows).map(([id, row]) => ({
        name: row.nb,
        en: row.en,
        help: spec.help(id),
        group,
        required: true,
      }));
    }
    return [];
  });
  const order = Object.keys(WIZARD_GROUPS);
  return fields.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** The wizard's fields as the settings hold them now, written as the sheet writes them. */
export function wizardValues(s: Settings): Record<string, string> {
  const names = new Set(wizardFields(s).map((f) => f.name));
  const out: Record<string, string> = {};
  for (const row of settingsToRows(s)) if (names.has(row.key)) out[row.key] = String(row.value);
  return out;
}

/** Whether a row's name is one the wizard asks (a frame's part must be a year). */
function isWizardSetting({ key, part }: Target): boolean {
  const spec = specOf(key);
  if (!spec.wizard) return false;
  return spec.kind !== 'each' || !spec.isPart || spec.isPart(part);
}

/** Whether the wizard asks the row of this name. */
export const isWizardName = (name: string): boolean => {
  const target = findSetting(name);
  return target !== null && isWizardSetting(target);
};

function helpOf({ key, part }: Target): string {
  const spec = specOf(key);
  return spec.kind === 'one' ? spec.help : spec.help(part);
}

/**
 * One field as typed: the cell set-up would write, or why it cannot be (the same types the sheet's reader
 * uses, so a value the wizard accepts always reads back). A blank optional field is ''.
 */
export function checkWizardField(
  name: string,
  typed: unknown,
): { ok: true; cell: string | number | boolean } | { ok: false; reason: Reason } {
  const target = findSetting(name);
  const spec = target ? specOf(target.key) : null;
  if (!target || !spec || !isWizardSetting(target)) {
    return { ok: false, reason: { nb: `ukjent innstilling «${name}»`, en: `unknown setting "${name}"` } };
  }
  const type = spec.kind === 'one' ? spec.type : spec.part;
  const parsed = type.parse(isBlank(typed) ? '' : typed);
  if (parsed !== null && type.schema.safeParse(parsed).success) return { ok: true, cell: type.write(parsed) };
  const help = helpOf(target);
  return isBlank(typed)
    ? { ok: false, reason: { nb: `${name} må fylles ut (${help}).`, en: `${name} is required (${help}).` } }
    : {
        ok: false,
        reason: {
          nb: `${name}: «${cellText(typed)}» kan ikke leses (${help}).`,
          en: `${name}: "${cellText(typed)}" cannot be read (${help}).`,
        },
      };
}

/**
 * The whole wizard: every field checked, then the settings together (the keys adding up to 100 %), over
 * the rows the sheet has now. The rows to write are only those whose value changes.
 */
export function checkWizard(
  values: Record<string, string>,
  current: Array<{ key: unknown; value: unknown; row: number }>,
): { changes: Array<{ name: string; cell: string | number | boolean; help: string }>; problems: Reason[] } {
  const problems: Reason[] = [];
  const changes: Array<{ name: string; cell: string | number | boolean; help: string }> = [];
  for (const [name, typed] of Object.entries(values)) {
    const checked = checkWizardField(name, typed);
    if (!checked.ok) {
      problems.push(checked.reason);
      continue;
    }
    const target = findSetting(name)!;
    const field = { name, help: helpOf(target) };
    const existing = current.find((r) => {
      const t = findSetting(cellText(r.key));
      return t !== null && t.key === target.key && t.part === target.part;
    });
    const now = existing ? checkWizardField(field.name, existing.value) : null;
    if (now && now.ok && now.cell === checked.cell) continue;
    changes.push({ name: field.name, cell: checked.cell, help: field.help });
  }
  if (problems.length > 0) return { changes: [], problems };
  // The settings as they will read, so that a check over several rows refuses before anything is written.
  const same = (a: Target | null, b: Target | null) =>
    a !== null && b !== null && a.key === b.key && a.part === b.part;
  const next = current.filter(
    (r) => !changes.some((c) => same(findSetting(cellText(r.key)), findSetting(c.name))),
  );
  const last = current.reduce((m, r) => Math.max(m, r.row), 1);
  try {
    parseSettings([...next, ...changes.map((c, i) => ({ key: c.name, value: c.cell, row: last + 1 + i }))]);
  } catch (e) {
    if (e instanceof TilskuddError) return { changes: [], problems: [e.reason] };
    throw e;
  }
  return { changes, problems };
}
