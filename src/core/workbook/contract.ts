import { tilskuddError } from '../base/errors';
import { isBlank, likelyMatch, normalizeKey } from '../base/text';

/**
 * The workbook contract: sheet and header names are the product's interface. This one description
 * names the columns, drives reading by header (any order, case and spacing ignored, English aliases),
 * and builds the template, so the sheet, the CLI and the checks cannot drift apart.
 */
export type FieldKind =
  | 'id'
  | 'text'
  | 'longtext'
  | 'email'
  | 'money'
  | 'month'
  | 'date'
  | 'yesno'
  | 'category'
  | 'list'
  | 'status'
  | 'region'
  | 'allocationKind'
  | 'recommendation'
  | 'role'
  | 'statusLight'
  | 'reportType'
  | 'deadlineStatus'
  | 'paymentKind'
  | 'yesnoDate'
  | 'planLevel'
  | 'light';

export interface Field {
  key: string;
  header: string;
  en: string;
  aliases?: readonly string[];
  kind: FieldKind;
  /** Optional columns may be absent from the sheet; required ones stop the run when missing. */
  optional?: boolean;
}

export interface SheetSpec {
  name: string;
  en: string;
  fields: readonly Field[];
}

const f = <K extends string>(
  key: K,
  header: string,
  en: string,
  kind: FieldKind,
  extra: Partial<Field> = {},
): Field & { key: K } => ({ ...extra, key, header, en, kind });

export const APPLICATIONS = {
  name: 'Søknader',
  en: 'Applications',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case', 'Case no'] }),
    f('received', 'Mottatt', 'Received', 'date', { aliases: ['Tidsmerke', 'Timestamp', 'Mottatt dato'] }),
    f('title', 'Tittel', 'Title', 'text', { aliases: ['Prosjekttittel', 'Project title'] }),
    f('applicant', 'Søker', 'Applicant', 'text', { aliases: ['Prosjekteier', 'Project owner'] }),
    f('email', 'Kontakt e-post', 'Contact email', 'email', {
      aliases: ['E-post', 'Email', 'Contact e-mail'],
    }),
    f('category', 'Kategori', 'Category', 'category'),
    f('type', 'Type', 'Type', 'text', { aliases: ['Søknadstype', 'Application type'] }),
    f('municipalities', 'Kommuner', 'Municipalities', 'list', { aliases: ['Kommune', 'Municipality'] }),
    // Neutral headers (the trust's name is a setting); Agder's `SSHF` columns are still read.
    f('hospital', 'Helseforetak', 'Hospital trust', 'yesno', { aliases: ['SSHF', 'Hospital'] }),
    f('region', 'Region', 'Region', 'region'),
    f('priorityAreas', 'Prioriterte områder', 'Priority areas', 'list', { aliases: ['Områder'] }),
    f('need', 'Behov', 'Need', 'longtext'),
    f('knowledgeBase', 'Kunnskapsgrunnlag', 'Knowledge base', 'longtext'),
    f('innovation', 'Innovasjon', 'Innovation', 'longtext', {
      optional: true,
      aliases: ['Tjenesteinnovasjon'],
    }),
    f('benefitPlan', 'Gevinstrealisering', 'Benefit realisation', 'longtext', {
      aliases: ['Gevinster', 'Benefits'],
    }),
    f('from', 'Fra', 'From', 'month', { aliases: ['Start'] }),
    f('to', 'Til', 'To', 'month', { aliases: ['Slutt', 'End'] }),
    f('requested', 'Søkt beløp', 'Amount requested', 'money', { aliases: ['Søknadsbeløp', 'Requested'] }),
    f('ownMunicipality', 'Egenandel kommune', 'Own contribution municipality', 'money'),
    f('ownHospital', 'Egenandel helseforetak', 'Own contribution hospital', 'money', {
      aliases: ['Egenandel SSHF'],
    }),
    f('permanentCosts', 'Varige driftsutgifter', 'Permanent operating costs', 'yesno'),
    f('agreement', 'Enighet dokumentert', 'Agreement documented', 'yesno', { aliases: ['Enighet'] }),
    // Ja/Nei, or the date the written agreement was signed (payments before it are refused).
    f('contract', 'Samarbeidsavtale', 'Written agreement', 'yesnoDate', {
      aliases: ['Skriftlig avtale', 'Avtale'],
    }),
    f('status', 'Status', 'Status', 'status'),
    // The secretariat's recommendation for the memo: Innvilges, Delvis, Forprosjekt or Avslås.
    f('recommendation', 'Innstilling', 'Recommendation', 'recommendation', { optional: true }),
    f('recommendedAmount', 'Innstilt beløp', 'Recommended amount', 'money', { optional: true }),
    // Written by *Registrer vedtak*: the board's decision (reference), why, and who stood aside (§ 6).
    f('decision', 'Vedtak', 'Decision', 'text', { optional: true, aliases: ['Vedtaksref'] }),
    f('reason', 'Begrunnelse', 'Reason', 'longtext', { optional: true, aliases: ['Vedtaksbegrunnelse'] }),
    f('recused', 'Inhabil', 'Recused', 'text', { optional: true, aliases: ['Inhabile', 'Fratrådt'] }),
    // Written by *Registrer vedtak* when the board approves the closure: its reference («PS-sak 05-2026»).
    f('closure', 'Avslutningsvedtak', 'Closure decision', 'text', { optional: true }),
    f('orgNumber', 'Org.nr', 'Organisation number', 'text', {
      optional: true,
      aliases: ['Organisasjonsnummer'],
    }),
    // The case's number in the secretariat's archive (Noark, «2025/1234»): the letters' *Vår ref.*
    f('archiveCase', 'Arkivsaksnr', 'Archive case no.', 'text', {
      optional: true,
      aliases: ['Arkivsak', 'Arkivsaksnummer', 'Archive case'],
    }),
    // The officer handling this case, named in its letters (else the setting `Saksbehandler`).
    f('caseOfficer', 'Saksbehandler', 'Case officer', 'text', { optional: true }),
    // The region's council (RS) or working group that steers the project, when the guidelines give it one.
    f('steeringGroup', 'Styringsgruppe', 'Steering group', 'text', { optional: true }),
    // Written by the form intake: the key of the form response, so a replayed event is recognised.
    f('responseKey', 'Svar-ID', 'Response ID', 'id', { optional: true }),
    // Written by the form intake: answers to questions the form mapping does not know ("title: answer").
    f('otherAnswers', 'Andre svar', 'Other answers', 'longtext', {
      optional: true,
      aliases: ['Other responses'],
    }),
  ],
} as const satisfies SheetSpec;

export const BUDGET = {
  name: 'Budsjett',
  en: 'Budget',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('item', 'Post', 'Item', 'text', { aliases: ['Budsjettpost', 'Budget item'] }),
    f('amount', 'Beløp', 'Amount', 'money'),
  ],
} as const satisfies SheetSpec;

export const ALLOCATIONS = {
  name: 'Tildelinger',
  en: 'Allocations',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('decision', 'Vedtak', 'Decision', 'text', { aliases: ['Vedtaksnr', 'Decision ref'] }),
    f('date', 'Dato', 'Date', 'date', { aliases: ['Vedtaksdato', 'Decision date'] }),
    f('kind', 'Art', 'Kind', 'allocationKind', { aliases: ['Type'] }),
    f('category', 'Kategori', 'Category', 'category'),
    f('amount', 'Beløp', 'Amount', 'money'),
    f('from', 'Fra', 'From', 'month', { aliases: ['Start'] }),
    f('to', 'Til', 'To', 'month', { aliases: ['Slutt', 'End'] }),
    f('reportedSsu', 'Rapportert orienteringsorgan', 'Reported to board', 'date', {
      aliases: ['Rapportert SSU', 'Rapportert', 'Reported'],
    }),
    // The grant offer's acceptance (Ja/Nei or the day the recipient accepted it), on the ordinary
    // allocation the letter offers; payments before it are flagged (`acceptance-missing`).
    f('accepted', 'Akseptert', 'Accepted', 'yesnoDate', {
      optional: true,
      aliases: ['Aksept', 'Tilsagn akseptert', 'Acceptance'],
    }),
  ],
} as const satisfies SheetSpec;

/**
 * `Forslag` (written by the product when the memo is made): what the memo proposes to the deciding body,
 * one row per case, including proposals without an application (the secretariat's cost). The decision step
 * registers the board's decisions against these rows; the board case and the case id identify a row.
 */
export const PROPOSALS = {
  name: 'Forslag',
  en: 'Proposals',
  fields: [
    f('boardCase', 'Sak', 'Board case', 'id', { aliases: ['Styresak', 'Board case'] }),
    f('meeting', 'Møtedato', 'Meeting date', 'date', { aliases: ['Møte', 'Meeting'] }),
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('title', 'Tittel', 'Title', 'text'),
    f('category', 'Kategori', 'Category', 'category'),
    f('recommendation', 'Innstilling', 'Recommendation', 'recommendation'),
    f('amount', 'Beløp', 'Amount', 'money'),
    f('from', 'Fra', 'From', 'month', { aliases: ['Start'] }),
    f('to', 'Til', 'To', 'month', { aliases: ['Slutt', 'End'] }),
    f('reason', 'Begrunnelse', 'Reason', 'longtext', { optional: true }),
    f('made', 'Laget', 'Made', 'date', { aliases: ['Tid', 'Time'] }),
  ],
} as const satisfies SheetSpec;

/** Money paid to a project, and money paid back (optional sheet; the economy follow-up). */
export const PAYMENTS = {
  name: 'Utbetalinger',
  en: 'Payments',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('date', 'Dato', 'Date', 'date', { aliases: ['Utbetalingsdato', 'Payment date'] }),
    f('amount', 'Beløp', 'Amount', 'money'),
    f('kind', 'Art', 'Kind', 'paymentKind', { optional: true, aliases: ['Type'] }),
    f('item', 'Post', 'Item', 'text', { optional: true, aliases: ['Budsjettpost', 'Budget item'] }),
    f('voucher', 'Bilag', 'Voucher', 'text', {
      optional: true,
      aliases: ['Bilagsnr', 'Referanse', 'Reference'],
    }),
    f('note', 'Merknad', 'Note', 'longtext', { optional: true, aliases: ['Kommentar', 'Comment'] }),
  ],
} as const satisfies SheetSpec;

export const SETTINGS_SHEET = {
  name: 'Innstillinger',
  en: 'Settings',
  fields: [
    f('key', 'Innstilling', 'Setting', 'text'),
    f('value', 'Verdi', 'Value', 'text'),
    f('description', 'Forklaring', 'Description', 'longtext', { optional: true }),
  ],
} as const satisfies SheetSpec;

export const FINDINGS_SHEET = {
  name: 'Avvik',
  en: 'Findings',
  fields: [
    f('rule', 'Regel', 'Rule', 'text'),
    f('severity', 'Alvorlighet', 'Severity', 'text'),
    f('ref', 'Sak', 'Case', 'text'),
    f('message', 'Melding', 'Message', 'longtext'),
    f('cell', 'Celle', 'Cell', 'text'),
  ],
} as const satisfies SheetSpec;

export const MEMBERS_SHEET = {
  name: 'Medlemmer',
  en: 'Members',
  fields: [
    f('name', 'Navn', 'Name', 'text'),
    f('email', 'E-post', 'Email', 'email', { aliases: ['Epost', 'E-mail'] }),
    f('role', 'Rolle', 'Role', 'role'),
    f('organisation', 'Organisasjon', 'Organisation', 'text', { optional: true }),
    f('region', 'Region', 'Region', 'region', { optional: true }),
  ],
} as const satisfies SheetSpec;

export const LOG_SHEET = {
  name: 'Logg',
  en: 'Log',
  fields: [
    f('time', 'Tid', 'Time', 'date'),
    f('user', 'Bruker', 'User', 'email'),
    f('action', 'Handling', 'Action', 'text'),
    f('caseId', 'Sak', 'Case', 'id'),
    f('before', 'Før', 'Before', 'longtext'),
    f('after', 'Etter', 'After', 'longtext'),
  ],
} as const satisfies SheetSpec;

/** Scores and impartiality declarations from the assessment sidebar (one row per criterion). */
export const ASSESSMENTS = {
  name: 'Vurderinger',
  en: 'Assessments',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('assessor', 'Vurderer', 'Assessor', 'email', { aliases: ['Bruker', 'User'] }),
    f('criterion', 'Kriterium', 'Criterion', 'text'),
    f('score', 'Poeng', 'Score', 'text', { aliases: ['Svar', 'Answer'] }),
    f('comment', 'Kommentar', 'Comment', 'longtext'),
    f('impartiality', 'Habilitet', 'Impartiality', 'text'),
    f('time', 'Tid', 'Time', 'date'),
    // A keyed hash of the row, written by Tilskudd: a row typed by hand has none (src/gas/workbook/assessment-marks.ts).
    f('mark', 'Kontroll', 'Check', 'id', { optional: true }),
  ],
} as const satisfies SheetSpec;

/** The Google Docs the product wrote, so running again updates a document instead of making a second. */
export const DOCUMENTS_SHEET = {
  name: 'Dokumenter',
  en: 'Documents',
  fields: [
    f('key', 'Nøkkel', 'Key', 'id'),
    f('title', 'Tittel', 'Title', 'text'),
    f('url', 'Lenke', 'Link', 'text'),
    f('documentId', 'Dokument-ID', 'Document ID', 'id'),
    f('hash', 'Innholdssjekk', 'Content hash', 'id'),
    f('updated', 'Oppdatert', 'Updated', 'date'),
    // Where the document is archived (the archive's case/document number), typed by a person.
    f('archiveRef', 'Arkivref.', 'Archive ref.', 'text', { optional: true, aliases: ['Arkivref'] }),
  ],
} as const satisfies SheetSpec;

/**
 * The parties to each project's written agreement (*samarbeidsavtale*, optional sheet): one row per party,
 * each archiving the signed agreement in its own archive; the desk keeps the reference, not the archive.
 * `Signert` is Ja/Nei or the day that party signed.
 */
export const AGREEMENT_PARTIES = {
  name: 'Avtaleparter',
  en: 'Agreement parties',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('party', 'Part', 'Party', 'text'),
    f('orgNumber', 'Org.nr', 'Organisation number', 'text', {
      optional: true,
      aliases: ['Organisasjonsnummer'],
    }),
    f('archiveRef', 'Arkivref.', 'Archive ref.', 'text', { aliases: ['Arkivref', 'Archive ref'] }),
    f('signed', 'Signert', 'Signed', 'yesnoDate'),
  ],
} as const satisfies SheetSpec;

/**
 * The regions' input to the action plan's yearly review (optional sheet): one row per region and measure,
 * from the input form or typed in. `Vurdering` is the region's light for the measure.
 */
export const REGIONAL_INPUT = {
  name: 'Innspill',
  en: 'Regional input',
  fields: [
    f('region', 'Region', 'Region', 'region'),
    f('nr', 'Nr', 'No.', 'id', { aliases: ['Nummer', 'Number', 'Tiltak'] }),
    f('assessment', 'Vurdering', 'Assessment', 'light', { optional: true, aliases: ['Status'] }),
    f('comment', 'Kommentar', 'Comment', 'longtext'),
    f('date', 'Dato', 'Date', 'date', { optional: true }),
    f('submittedBy', 'Innsendt av', 'Submitted by', 'text', { optional: true, aliases: ['Sendt av'] }),
    // The form's code answer, replaced by the intake with its verdict (`REPORT_CHECKS`, as in `Statusrapporter`).
    f('check', 'Kontroll', 'Check', 'text', { optional: true }),
    // Written by the input form's intake: the response's key (registered once) and answers it does not place.
    f('responseKey', 'Svar-ID', 'Response ID', 'id', { optional: true }),
    f('otherAnswers', 'Andre svar', 'Other answers', 'longtext', { optional: true }),
  ],
} as const satisfies SheetSpec;

/**
 * Half-yearly and final status reports (issue 11): one row per report, from the status form or typed in.
 * `Frist` is the original due date the report answers; the three lights are Grønn, Gul or Rød.
 */
export const STATUS_REPORTS = {
  name: 'Statusrapporter',
  en: 'Status reports',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('due', 'Frist', 'Due date', 'date', { aliases: ['Due'] }),
    f('received', 'Mottatt', 'Received', 'date', { aliases: ['Tidsmerke', 'Timestamp'] }),
    f('type', 'Type', 'Type', 'reportType', { aliases: ['Rapporttype', 'Report type'] }),
    f('progress', 'Framdrift', 'Progress', 'statusLight', { aliases: ['Fremdrift'] }),
    f('economy', 'Økonomi', 'Economy', 'statusLight'),
    f('risk', 'Risiko', 'Risk', 'statusLight'),
    f('comment', 'Kommentar', 'Comment', 'longtext', { optional: true }),
    f('milestones', 'Milepæler', 'Milestones', 'longtext', { optional: true }),
    f('deviations', 'Avvik og tiltak', 'Deviations and actions', 'longtext', {
      optional: true,
      aliases: ['Avvik', 'Deviations'],
    }),
    f('dependencies', 'Avhengigheter', 'Dependencies', 'longtext', { optional: true }),
    f('spent', 'Forbruk hittil', 'Spent to date', 'money', { optional: true, aliases: ['Forbruk', 'Spent'] }),
    f('forecast', 'Prognose', 'Forecast', 'money', { optional: true }),
    f('benefits', 'Gevinster', 'Benefits', 'longtext', {
      optional: true,
      aliases: ['Indikatorer', 'Indicators'],
    }),
    f('changes', 'Endringsbehov', 'Change requests', 'longtext', { optional: true }),
    f('decisions', 'Beslutninger', 'Decisions needed', 'longtext', {
      optional: true,
      aliases: ['Beslutningsbehov', 'Decisions'],
    }),
    f('reportedBy', 'Rapportert av', 'Reported by', 'text', { optional: true }),
    f('responseKey', 'Svar-ID', 'Response ID', 'id', { optional: true }),
    // The status form's code answer, replaced by the intake with its verdict (`REPORT_CHECKS`, vocabulary.ts).
    f('check', 'Kontroll', 'Check', 'text', { optional: true }),
    // Final report only (Sluttrapport).
    f('goals', 'Måloppnåelse', 'Goal achievement', 'longtext', { optional: true }),
    f('learning', 'Læringspunkter', 'Learning points', 'longtext', {
      optional: true,
      aliases: ['Læring', 'Learning'],
    }),
    f('spread', 'Spredning', 'Potential for spread', 'longtext', { optional: true, aliases: ['Spread'] }),
    f('receiver', 'Mottaker i drift', 'Receiving unit', 'text', { optional: true }),
    f('benefitOwner', 'Gevinsteier', 'Benefit owner', 'text', { optional: true }),
    f('readyForOperations', 'Klar for drift', 'Ready for operations', 'yesno', { optional: true }),
    // Written by the status form's intake: answers the mapping does not know ("title: answer").
    f('otherAnswers', 'Andre svar', 'Other answers', 'longtext', { optional: true }),
  ],
} as const satisfies SheetSpec;

/**
 * One row per project and due date, written by the product (`Status`); a person fills `Utsatt til` (an
 * extension) and `Fritatt` (exempted). The original `Frist` never moves.
 */
export const DEADLINES = {
  name: 'Frister',
  en: 'Deadlines',
  fields: [
    f('caseId', 'Saksnr', 'Case ID', 'id', { aliases: ['Saksnummer', 'Case'] }),
    f('due', 'Frist', 'Due date', 'date', { aliases: ['Due'] }),
    f('type', 'Type', 'Type', 'reportType', { aliases: ['Rapporttype', 'Report type'] }),
    f('extendedTo', 'Utsatt til', 'Extended to', 'date', {
      optional: true,
      aliases: ['Utsatt', 'Extension'],
    }),
    f('exempt', 'Fritatt', 'Exempted', 'yesno', { optional: true, aliases: ['Exempt'] }),
    f('status', 'Status', 'Status', 'deadlineStatus', { optional: true }),
  ],
} as const satisfies SheetSpec;

/**
 * The action plan (handlingsplan): focus areas, main goals and measures in plan order, each a row. A
 * `Hovedmål` belongs to the `Fokusområde` above it, a `Tiltak` to the `Hovedmål` above it (src/core/plan/).
 */
export const ACTION_PLAN = {
  name: 'Handlingsplan',
  en: 'Action plan',
  fields: [
    f('nr', 'Nr', 'No.', 'id', { optional: true, aliases: ['Nummer', 'Number', 'No'] }),
    f('level', 'Nivå', 'Level', 'planLevel'),
    f('text', 'Tekst', 'Text', 'longtext', { aliases: ['Mål/tiltak', 'Goal/measure', 'Beskrivelse'] }),
    f('owner', 'Ansvarlig', 'Responsible', 'text', { optional: true, aliases: ['Owner', 'Ansvar'] }),
    f('organisation', 'Organisasjon', 'Organisation', 'text', { optional: true }),
    f('region', 'Region', 'Region', 'region', { optional: true }),
    f('due', 'Frist', 'Due', 'text', { optional: true, aliases: ['Deadline', 'Tidsfrist'] }),
    f('indicator', 'Indikator', 'Indicator', 'longtext', { optional: true, aliases: ['Indikatorer'] }),
    f('status', 'Status', 'Status', 'light', { aliases: ['Trafikklys', 'Light'] }),
    f('comment', 'Kommentar', 'Comment', 'longtext', { optional: true }),
    // The secretariat's assessment and proposed follow-up, printed in the annual review (optional: older
    // workbooks without the column still read, and the review says it is not registered).
    f('secretariatAssessment', 'Sekretariatets vurdering', "Secretariat's assessment", 'longtext', {
      optional: true,
      aliases: ['Vurdering sekretariatet', 'Sekretariatets vurderinger'],
    }),
    f('cases', 'Saker', 'Cases', 'list', { optional: true, aliases: ['Saksnr', 'Case IDs'] }),
    f('reviewed', 'Sist vurdert', 'Last reviewed', 'date', { optional: true }),
  ],
} as const satisfies SheetSpec;

/** Written by *Lagre vurdering*: a snapshot of every numbered row per review, for "what changed". */
export const PLAN_HISTORY = {
  name: 'Handlingsplan-historikk',
  en: 'Action plan history',
  fields: [
    f('date', 'Dato', 'Date', 'date'),
    f('nr', 'Nr', 'No.', 'id'),
    f('status', 'Status', 'Status', 'light'),
    f('comment', 'Kommentar', 'Comment', 'longtext'),
  ],
} as const satisfies SheetSpec;

export type FieldKey<S extends SheetSpec> = S['fields'][number]['key'];

/**
 * One data row of a sheet; `row` is the 1-based sheet row for messages. It keeps the sheet's own row
 * array and reads cells through the column map: no per-row object is built (10 000 rows, 23 columns).
 */
export class TableRow<K extends string> {
  constructor(
    readonly row: number,
    private readonly values: readonly unknown[],
    private readonly columns: Partial<Record<K, number>>,
  ) {}

  get(key: K): unknown {
    const col = this.columns[key];
    return col === undefined ? undefined : this.values[col];
  }

  /** The row's cells keyed by field. */
  get cells(): Record<K, unknown> {
    const out = {} as Record<K, unknown>;
    for (const key of Object.keys(this.columns) as K[]) out[key] = this.get(key);
    return out;
  }
}

export interface Table<K extends string> {
  /** 0-based column of each field present in the sheet. */
  columns: Partial<Record<K, number>>;
  /** The 1-based row holding the headers: 1, or lower when a title sits above them. */
  headerRow: number;
  rows: Array<TableRow<K>>;
}

/**
 * The check's marks for the colours in Google Sheets (core/check/highlight-marks.ts): hidden, written only
 * by the check, two columns per highlighted sheet, headed by that sheet.
 */
export const FINDING_COLOURS_SHEET = {
  name: 'Avviksfarger',
  en: 'Finding colours',
  fields: [],
} as const satisfies SheetSpec;

/** Finds each field's column in the header row; a missing required header stops with its name. */
export function mapHeaders<S extends SheetSpec>(
  spec: S,
  header: readonly unknown[],
): Partial<Record<FieldKey<S>, number>> {
  const byName = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalizeKey(String(cell ?? ''));
    if (key !== '' && !byName.has(key)) byName.set(key, i);
  });
  const columns: Partial<Record<string, number>> = {};
  const missing: string[] = [];
  for (const field of spec.fields as readonly Field[]) {
    const names = [field.header, field.en, ...(field.aliases ?? [])].map(normalizeKey);
    const col = names.map((n) => byName.get(n)).find((c) => c !== undefined);
    if (col !== undefined) columns[field.key] = col;
    else if (!field.optional) missing.push(field.header);
  }
  if (missing.length > 0) {
    const list = missing.map((m) => `«${m}»`).join(', ');
    // A renamed header is named as the likely original, from the headers no field took.
    const used = new Set(Object.values(columns));
    const spare = header.flatMap((cell, i) => {
      const text = String(cell ?? '').trim();
      return text !== '' && !used.has(i) ? [text] : [];
    });
    const guesses = missing.flatMap((m) => {
      const found = likelyMatch(m, spare);
      return found === undefined ? [] : [{ m, found }];
    });
    const nb = guesses
      .map((g) => ` Mente du «${g.found}» for «${g.m}»? Gi kolonnen navnet «${g.m}».`)
      .join('');
    const en = guesses
      .map((g) => ` Did you mean "${g.found}" for "${g.m}"? Name the column "${g.m}".`)
      .join('');
    throw tilskuddError(
      `Arket «${spec.name}» mangler ${missing.length === 1 ? 'kolonnen' : 'kolonnene'} ${list} i rad 1.${nb} Legg ${missing.length === 1 ? 'den' : 'dem'} til (Tilskudd › Sett opp arbeidsboka gjør det).`,
      `Sheet "${spec.name}" is missing the column${missing.length === 1 ? '' : 's'} ${list.replace(/[«»]/g, '"')} in row 1.${en} Add ${missing.length === 1 ? 'it' : 'them'} (Tilskudd › Set up workbook does it).`,
    );
  }
  return columns as Partial<Record<FieldKey<S>, number>>;
}

/** How far down a header row is looked for when a title (or a few) sits above it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row: the first row, or (when the first lacks required headers) the first of the next rows
 * that has them all, so a title above the table is no obstacle. Without one, the first row's error.
 */
function findHeader<S extends SheetSpec>(
  spec: S,
  values: readonly (readonly unknown[])[],
): { index: number; columns: Partial<Record<FieldKey<S>, number>> } {
  try {
    return { index: 0, columns: mapHeaders(spec, values[0] ?? []) };
  } catch (first) {
    for (let i = 1; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++) {
      try {
        return { index: i, columns: mapHeaders(spec, values[i]!) };
      } catch {
        // not this row either
      }
    }
    throw first;
  }
}

/** A sheet's values (header in the first row, or below a title) as keyed rows; blank rows are skipped. */
export function readTable<S extends SheetSpec>(
  spec: S,
  values: readonly (readonly unknown[])[],
): Table<FieldKey<S>> {
  const { index, columns } = findHeader(spec, values);
  const mapped = Object.values(columns) as number[];
  const rows: Array<TableRow<FieldKey<S>>> = [];
  for (let r = index + 1; r < values.length; r++) {
    const source = values[r]!;
    if (mapped.some((col) => !isBlank(source[col]))) rows.push(new TableRow(r + 1, source, columns));
  }
  return { columns, headerRow: index + 1, rows };
}

/** The spec's fields that `header` has no column for (by header, English name or alias), in spec order. */
export function missingFields(spec: SheetSpec, header: readonly unknown[]): Field[] {
  const present = new Set(header.map((h) => normalizeKey(String(h ?? ''))));
  return (spec.fields as readonly Field[]).filter(
    (f) => ![f.header, f.en, ...(f.aliases ?? [])].some((n) => present.has(normalizeKey(n))),
  );
}

/** 1 → A, 27 → AA: the column letter of A1 notation. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Finds a sheet by its Norwegian or English name, ignoring case and spaces. */
export function findSheetName(spec: SheetSpec, names: readonly string[]): string | undefined {
  const wanted = [spec.name, spec.en].map(normalizeKey);
  return names.find((n) => wanted.includes(normalizeKey(n)));
}

/**
 * A missing sheet: how to add it without losing anything (never "make a new workbook", which would
 * replace the user's data).
 */
export function missingSheet(spec: SheetSpec, names: readonly string[] = []): Error {
  const headers = spec.fields.filter((f) => !f.optional);
  // A renamed sheet («Soknader», «Søknad») is named, so the fix is a rename, not a new sheet.
  const guess = likelyMatch(spec.name, names) ?? likelyMatch(spec.en, names);
  if (guess !== undefined)
    return tilskuddError(
      `Fant ikke arket «${spec.name}». Mente du «${guess}»? Gi det arket navnet «${spec.name}» (dataene blir som de er), og prøv igjen.`,
      `Found no sheet "${spec.name}". Did you mean "${guess}"? Rename that sheet to "${spec.name}" (its data stays as it is) and try again.`,
    );
  return tilskuddError(
    `Arbeidsboka mangler arket «${spec.name}». Legg til et ark med det navnet og disse overskriftene i rad 1: ${headers.map((f) => f.header).join(', ')}. De andre arkene og dataene dine blir som de er. I Google Sheets gjør Tilskudd › Sett opp arbeidsboka det uten å endre noe annet; offline lager «tilskudd init mal.xlsx» en mal i en ny fil som du kan kopiere arket fra.`,
    `The workbook has no sheet "${spec.name}". Add a sheet of that name with these headers in row 1: ${headers.map((f) => f.en).join(', ')}. Your other sheets and data stay as they are. In Google Sheets, Tilskudd › Set up workbook does it without changing anything else; offline, "tilskudd init template.xlsx" writes a template to a new file you can copy the sheet from.`,
  );
}
