import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkWorkbook, type CheckOptions, type CheckResult } from '../core/check/check';
import { parseDay } from '../core/parse/period';
import {
  buildLetter,
  buildRejectionLetter,
  buildSupplementLetter,
  letterGrants,
  rejectionDate,
  rejections,
  supplementLetters,
} from '../core/documents/letter';
import { buildMemo, type MemoOptions } from '../core/documents/memo';
import { plannedValues, planProposalSheet, proposalCells } from '../core/documents/proposal-record';
import { findSheetName, PROPOSALS } from '../core/workbook/contract';
import { buildOverview, overviewRows } from '../core/documents/overview';
import { grants360, toCsv, toPackageJson } from '../core/documents/giving360';
import { toSpreadsheetCsv } from '../core/base/csv';
import { heldBack, publication, withheldText, type Withheld } from '../core/documents/publication';
import type { DocModel } from '../core/documents/model';
import { toMarkdown } from '../core/documents/text';
import { toDocx } from './docx';
import { toHtml } from '../core/documents/html';
import type { WorkbookValues } from '../core/portfolio/records';
import { TilskuddError } from '../core/base/errors';
import type { Lang, Reason } from '../core/base/result';
import { DEFAULT_SETTINGS } from '../core/workbook/settings';
import { emptyWorkbook, exampleWorkbook } from '../example/agder';
import { writeEconomy } from './export';
import { decide } from '../core/decisions/decide';
import { decisionsFromOptions, recusedFromOptions, writeDecisions } from './decide';
import { humanReport, leftOutJson, toJson, withFollowUp } from './report';
import { REPORT_KINDS, reportKindsHelp } from './report-kinds';
import {
  annotate,
  buildWorkbook,
  loadWorkbook,
  makeXmlSafe,
  readValues,
  replaceSheetValues,
  writePlanNumbers,
} from './xlsx';
import { fileErrorMessage, optionErrorMessage } from './errors';
import type ExcelJS from 'exceljs';

/** The `tilskudd` command line: the same engine as the sheet, on an exported .xlsx. */

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

// `decide`'s options are `multiple`: their values are arrays.
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Context {
  opts: Values;
  positionals: string[];
  lang: Lang;
  io: Io;
}

/**
 * One command of the CLI. The table below is the whole interface: parsing, `--help`, `--lang`, the
 * usage text and the error messages come from it, so a new command gets them by adding an entry.
 */
interface Command {
  /** The synopsis after `tilskudd ` (the first line of its help and of the usage). */
  usage: Reason;
  /** What it does and its options, for `tilskudd COMMAND --help`. */
  help: Reason;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: Context): Promise<number>;
}

/** Options every command takes. */
const COMMON: Command['options'] = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

const COMMANDS: Record<string, Command> = {
  check: {
    usage: {
      nb: 'check FIL.xlsx [--json] [--year ÅÅÅÅ] [--date ÅÅÅÅ-MM-DD] [--write UT.xlsx]',
      en: 'check FILE.xlsx [--json] [--year YYYY] [--date YYYY-MM-DD] [--write OUT.xlsx]',
    },
    help: {
      nb: `Kontrollerer arbeidsboka mot reglene og skriver rammen per budsjettår.
Avslutter med 0 uten feil, 1 med feil, 2 når fila ikke kan brukes.
  --json          maskinlesbart resultat (tall uavrundet)
  --year ÅÅÅÅ     bare dette budsjettåret (et år uten tildelinger tas med på sin ramme)
  --date DATO     dagen datoavhengige regler regner fra (standard: i dag)
  --write UT.xlsx en kopi med arket «Avvik» og markerte celler (aldri over innfila)`,
      en: `Checks the workbook against the rules and prints the frame per budget year.
Exits 0 without errors, 1 with errors, 2 when the file cannot be used.
  --json          machine-readable result (figures unrounded)
  --year YYYY     only this budget year (a year without allocations is shown at its frame)
  --date DATE     the day date-dependent rules judge by (default: today)
  --write OUT.xlsx a copy with the "Avvik" sheet and highlighted cells (never over the input)`,
    },
    options: {
      json: { type: 'boolean' },
      year: { type: 'string' },
      date: { type: 'string' },
      write: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: check,
  },
  init: {
    usage: { nb: 'init FIL.xlsx [--example] [--force]', en: 'init FILE.xlsx [--example] [--force]' },
    help: {
      nb: `Lager en tom mal med alle ark, kolonner, nedtrekkslister og standardinnstillinger.
  --example  eksempelarbeidsboka (sak 18-2025)
  --force    erstatt fila om den finnes (uten: avslutter med 2 og lar den være)`,
      en: `Writes an empty template with every sheet, column, dropdown and default setting.
  --example  the example workbook (case 18-2025)
  --force    replace the file if it exists (without: exits 2 and leaves it alone)`,
    },
    options: { example: { type: 'boolean' }, force: { type: 'boolean' } },
    run: init,
  },
  memo: {
    usage: {
      nb: 'memo FIL.xlsx --out SAK.docx [--meeting ÅÅÅÅ-MM-DD] [--case 18-2025] [--cases ID,ID] [--record KOPI.xlsx]',
      en: 'memo FILE.xlsx --out CASE.docx [--meeting YYYY-MM-DD] [--case 18-2025] [--cases ID,ID] [--record COPY.xlsx]',
    },
    help: {
      nb: `Skriver saksfremstillingen til møtet i beslutningsorganet (.docx, eller Markdown med --out FIL.md).
  --meeting DATO  møtedatoen (standard: i dag)
  --case NR       saksnummeret i møtet
  --cases ID,ID   bare disse søknadene
  --record KOPI   skriver en kopi av arbeidsboka med forslaget i arket «Forslag» (innfila endres aldri)`,
      en: `Writes the decision memo for the deciding body's meeting (.docx, or Markdown with --out FILE.md).
  --meeting DATE  the meeting date (default: today)
  --case NO       the case number in the meeting
  --cases ID,ID   only these applications
  --record COPY   writes a copy of the workbook with the proposal in the "Forslag" sheet (never the input)`,
    },
    options: {
      out: { type: 'string' },
      meeting: { type: 'string' },
      case: { type: 'string' },
      cases: { type: 'string' },
      record: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: memo,
  },
  letters: {
    usage: {
      nb: 'letters FIL.xlsx --out MAPPE [--date ÅÅÅÅ-MM-DD]',
      en: 'letters FILE.xlsx --out FOLDER [--date YYYY-MM-DD]',
    },
    help: {
      nb: `Skriver ett tildelingsbrev (.docx) per prosjekt med ordinær tildeling i MAPPE.
  --date DATO  brevenes dato (standard: vedtaksdatoen)`,
      en: `Writes one award letter (.docx) per project with an ordinary allocation into FOLDER.
  --date DATE  the letters' date (default: the decision date)`,
    },
    options: { out: { type: 'string' }, date: { type: 'string' }, force: { type: 'boolean' } },
    run: letters,
  },
  publish: {
    usage: {
      nb: 'publish FIL.xlsx --format 360giving|overview --out FIL.csv|FIL.json|FIL.docx|FIL.md [--year ÅÅÅÅ] [--date ÅÅÅÅ-MM-DD]',
      en: 'publish FILE.xlsx --format 360giving|overview --out FILE.csv|FILE.json|FILE.docx|FILE.md [--year YYYY] [--date YYYY-MM-DD]',
    },
    help: {
      nb: `Skriver den offentlige oversikten (overview, .docx/.md, eller tabellen som .csv med semikolon for norsk Excel) eller 360Giving-eksporten (.csv/.json, kommadelt UTF-8 som standarden sier).
Begge tar med de samme tildelingene; en tildeling med feil holdes utenfor og nevnes (avslutter med 1).
  --year ÅÅÅÅ  budsjettåret (oversikten: standard i år; 360Giving: standard alle år)`,
      en: `Writes the public overview (overview, .docx/.md, or its table as .csv with semicolons for Norwegian Excel) or the 360Giving export (.csv/.json, comma-separated UTF-8 as the standard says).
Both hold the same allocations; one with errors is left out and named (exit 1).
  --year YYYY  the budget year (overview: default this year; 360Giving: default all years)`,
    },
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      year: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: publish,
  },
  export: {
    usage: {
      nb: 'export FIL.xlsx --format economy --out FIL.xlsx|FIL.csv [--year ÅÅÅÅ] [--date ÅÅÅÅ-MM-DD]',
      en: 'export FILE.xlsx --format economy --out FILE.xlsx|FILE.csv [--year YYYY] [--date YYYY-MM-DD]',
    },
    help: {
      nb: `Skriver økonomien per prosjekt og budsjettår (tildelt, utbetalt, gjenstår, lys) og en sum per år,
for controller og årlig rapportering.
  --year ÅÅÅÅ  bare dette budsjettåret
  --date DATO  dagen lyset regnes fra (standard: i dag)`,
      en: `Writes the economy per project and budget year (allocated, paid, remaining, light) and a total
per year, for the controller and the annual reporting.
  --year YYYY  only this budget year
  --date DATE  the day the light is judged by (default: today)`,
    },
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      year: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: exportEconomy,
  },
  decide: {
    usage: {
      nb: 'decide FIL.xlsx --case 04-2026 --meeting ÅÅÅÅ-MM-DD --out UT.xlsx [--change SAKSNR=BELØP[:FRA-TIL]]… [--preproject SAKSNR=BELØP[:FRA-TIL]]… [--reject SAKSNR --reason TEKST]… [--postpone SAKSNR]… [--only SAKSNR,…] [--approve-closure SAKSNR]… [--extend SAKSNR=ÅÅÅÅ-MM]… [--withdraw SAKSNR[=BELØP]]… [--inhabil SAKSNR=NAVN]…',
      en: 'decide FILE.xlsx --case 04-2026 --meeting YYYY-MM-DD --out OUT.xlsx [--change CASE=AMOUNT[:FROM-TO]]… [--preproject CASE=AMOUNT[:FROM-TO]]… [--reject CASE --reason TEXT]… [--postpone CASE]… [--only CASE,…] [--approve-closure CASE]… [--extend CASE=YYYY-MM]… [--withdraw CASE[=AMOUNT]]… [--inhabil CASE=NAME]…',
    },
    help: {
      nb: `Registrerer vedtakene i en sak for beslutningsorganet i en kopi av arbeidsboka: rader i «Tildelinger»,
søknadens «Status», «Vedtak» og «Begrunnelse», og en linje i «Logg» per sak. Forslagene er sakens rader i
«Forslag» (fra saksfremstillingen), ellers søknadenes «Innstilling»/«Innstilt beløp». En sak som ikke nevnes,
vedtas som innstilt (med --only: står urørt). Samme sak registrert igjen legger ikke til noe; et annet vedtak i en registrert sak avvises.
En feil i vedtakets egne data (saksnr, dato, beløp, kategori, periode) stopper alt (avslutter med 1); funn om
selve søknaden vises, men stopper ikke.
  --case NR                     saken i møtet (vedtaksreferansen blir kortnavnet og saken, f.eks. «PS-sak 04-2026»)
  --meeting DATO                møtedatoen (vedtaksdatoen)
  --change SAKSNR=BELØP[:FRA-TIL]   endret beløp, og eventuelt periode (f.eks. 2026-08-2027-07)
  --preproject SAKSNR=BELØP     forprosjekt med dette beløpet
  --reject SAKSNR --reason TEKST    avslag med begrunnelse
  --postpone SAKSNR             saken utsettes
  --only SAKSNR,…               bare disse (og sakene nevnt over) er behandlet; de andre forslagene står
                                urørt og kan vedtas i en senere sak
Vedtak om innvilgede prosjekter i samme sak (en sak med bare slike vedtak vedtar ingen innstillinger,
med mindre saksfremstillingen laget forslag for den):
  --approve-closure SAKSNR      avslutningen godkjennes: «Status» Avsluttet, «Avslutningsvedtak» = referansen
  --extend SAKSNR=ÅÅÅÅ-MM       perioden forlenges til denne måneden (en rad Forlengelse i «Tildelinger»)
  --withdraw SAKSNR[=BELØP]     ubrukte midler inndras, alt eller beløpet (rader Inndragning i «Tildelinger»)
  --inhabil SAKSNR=NAVN         medlem som fratrådte som inhabil (forvaltningsloven § 6)`,
      en: `Registers the deciding body's decisions in a case in a copy of the workbook: rows in "Tildelinger", the
application's "Status", "Vedtak" and "Begrunnelse", and a "Logg" line per case. The proposals are the case's rows
in "Forslag" (from the memo), otherwise the applications' "Innstilling"/"Innstilt beløp". A case not named is
decided as recommended (with --only: left untouched). The same case registered again adds nothing; another decision in a registered case is
refused. An error in the decision's own data (case id, date, amount, category, period) stops everything (exit
1); findings on the application itself are shown but do not stop it.
  --case NO                     the case in the meeting (the reference is the short name and the case, e.g. "PS-sak 04-2026")
  --meeting DATE                the meeting date (the decision date)
  --change CASE=AMOUNT[:FROM-TO]  a changed amount, and optionally period (e.g. 2026-08-2027-07)
  --preproject CASE=AMOUNT      a pre-project of this amount
  --reject CASE --reason TEXT   a rejection with its reason
  --postpone CASE               the case is postponed
  --only CASE,…                 only these (and the cases named above) were decided; the other proposals
                                are left untouched for a later case
Decisions on granted projects in the same case (a case with only these decides no recommendations, unless the
memo made proposals for it):
  --approve-closure CASE        the closure is approved: "Status" Avsluttet, "Avslutningsvedtak" = the reference
  --extend CASE=YYYY-MM         the period is extended to this month (a Forlengelse row in "Tildelinger")
  --withdraw CASE[=AMOUNT]      unused money is withdrawn, all or the amount (Inndragning rows in "Tildelinger")
  --inhabil CASE=NAME           a member who stood aside as disqualified (Public Administration Act § 6)`,
    },
    options: {
      case: { type: 'string' },
      meeting: { type: 'string' },
      out: { type: 'string' },
      change: { type: 'string', multiple: true },
      preproject: { type: 'string', multiple: true },
      reject: { type: 'string', multiple: true },
      reason: { type: 'string', multiple: true },
      postpone: { type: 'string', multiple: true },
      'approve-closure': { type: 'string', multiple: true },
      extend: { type: 'string', multiple: true },
      withdraw: { type: 'string', multiple: true },
      inhabil: { type: 'string', multiple: true },
      only: { type: 'string', multiple: true },
      force: { type: 'boolean' },
    },
    run: decideCommand,
  },
  report: {
    usage: {
      nb: `report FIL.xlsx --kind ${Object.keys(REPORT_KINDS).join('|')} --out FIL.docx|FIL.md|FIL.html [--date ÅÅÅÅ-MM-DD] [--year ÅÅÅÅ] [--meeting ÅÅÅÅ-MM-DD] [--case SAKSNR|04-2026] [--region NAVN]`,
      en: `report FILE.xlsx --kind ${Object.keys(REPORT_KINDS).join('|')} --out FILE.docx|FILE.md|FILE.html [--date YYYY-MM-DD] [--year YYYY] [--meeting YYYY-MM-DD] [--case CASEID|04-2026] [--region NAME]`,
    },
    help: {
      nb: `Skriver en rapport (.docx, eller Markdown med --out FIL.md).
${reportKindsHelp('nb')}
  --date DATO     dagen rapporten gjelder (standard: i dag)
  --year ÅÅÅÅ     budsjettåret (annual)
  --meeting DATO  møtedatoen i saksfremlegget (plan, status; standard: --date)
  --case NR       møtets sak (plan, status, decisions) eller prosjektets saksnr (agreement)
  --region R      regionen (region)
Før årlig melding skrives, lister kommandoen det som mangler i prosjektenes rapporter.`,
      en: `Writes a report (.docx, or Markdown with --out FILE.md).
${reportKindsHelp('en')}
  --date DATE     the day the report is for (default: today)
  --year YYYY     the budget year (annual)
  --meeting DATE  the meeting date in the board case (plan, status; default: --date)
  --case NO       the meeting's case (plan, status, decisions) or the project's case id (agreement)
  --region R      the region (region)
Before the annual report is written, the command lists what the projects' reports are missing.`,
    },
    options: {
      kind: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      year: { type: 'string' },
      meeting: { type: 'string' },
      case: { type: 'string' },
      region: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: report,
  },
};

const PROGRAM = 'tilskudd';

/** The commands, in the order of the usage text. */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/** The synopsis, with `[--force]` for every command that can replace a file. */
const synopsis = (c: Command, lang: Lang) =>
  c.options.force && !c.usage[lang].includes('--force') ? `${c.usage[lang]} [--force]` : c.usage[lang];

/** What every command that writes promises (its `--help`). */
const SAFETY: Reason = {
  nb: `  --force         erstatt en utfil som finnes allerede

Tilskudd skriver aldri over innfila (heller ikke gjennom en lenke eller en annen skrivemåte av stien),
erstatter en fil som finnes bare med --force, og skriver aldri to utfiler med samme navn. I stedet
avslutter den med 2, sier hvilken fil det gjelder, og lar filene være.`,
  en: `  --force         replace an output file that already exists

Tilskudd never writes over its input (nor through a link or another spelling of the path), replaces an
existing file only with --force, and never writes two outputs with the same name. Instead it exits 2,
names the file, and leaves the files alone.`,
};

/** A value for `option` as the command's synopsis shows it (`--year 2025`), for "needs a value". */
function valueExample(c: Command, option: string, lang: Lang): string | undefined {
  if (option === '--lang') return 'nb';
  const shown = new RegExp(`${option} ([^\\s\\]]+)`).exec(c.usage[lang])?.[1];
  return shown
    ?.split('|')[0]!
    .replace(/ÅÅÅÅ-MM-DD|YYYY-MM-DD/, '2025-05-09')
    .replace(/ÅÅÅÅ|YYYY/, '2025');
}

function usage(lang: Lang): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${PROGRAM} ${synopsis(c, lang)}`);
  return lang === 'nb'
    ? `Bruk:\n${lines.join('\n')}\n\nFelles valg: --lang nb|en (språk), --help (hjelp for kommandoen, f.eks. «${PROGRAM} check --help»).`
    : `Usage:\n${lines.join('\n')}\n\nCommon options: --lang nb|en (language), --help (help on a command, e.g. "${PROGRAM} check --help").`;
}

function commandHelp(name: string, lang: Lang): string {
  const c = COMMANDS[name]!;
  const common =
    lang === 'nb' ? '  --lang nb|en    språk (standard nb)' : '  --lang nb|en    language (default nb)';
  const safety = c.options.force && name !== 'init' ? `\n${SAFETY[lang]}` : '';
  return `${lang === 'nb' ? 'Bruk' : 'Usage'}: ${PROGRAM} ${synopsis(c, lang)} [--lang nb|en]\n\n${c.help[lang]}\n${common}${safety}`;
}

/** A wrong or missing argument: the message, then the command's usage line and where to read more. */
class UsageError extends TilskuddError {}

function usageError(nb: string, en: string): UsageError {
  return new UsageError({ nb, en });
}

/** `--lang` as far as it can be read before parsing, so even errors about the arguments follow it. */
function requestedLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'nb';
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  let lang = requestedLang(argv);
  if (name === undefined) {
    io.err(usage(lang));
    return EXIT.unusable;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(rest[0] && COMMANDS[rest[0]] ? commandHelp(rest[0], lang) : usage(lang));
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(
      lang === 'nb'
        ? `Ukjent kommando «${name}».\n\n${usage(lang)}`
        : `Unknown command "${name}".\n\n${usage(lang)}`,
    );
    return EXIT.unusable;
  }
  const options = { ...command.options, ...COMMON };
  try {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
    if (values.help) {
      io.out(commandHelp(name, lang));
      return EXIT.ok;
    }
    lang = langOption(values.lang as string | undefined);
    return await command.run({ opts: values, positionals, lang, io });
  } catch (e) {
    const see = lang === 'nb' ? `Se «${PROGRAM} ${name} --help».` : `See "${PROGRAM} ${name} --help".`;
    const withUsage = (message: string) =>
      `${message}\n\n${lang === 'nb' ? 'Bruk' : 'Usage'}: ${PROGRAM} ${synopsis(command, lang)}\n${see}`;
    if (e instanceof UsageError) io.err(withUsage(e.reason[lang]));
    else if (e instanceof TilskuddError) io.err(e.reason[lang]);
    else {
      const message = optionErrorMessage(e, Object.keys(options), lang, (o) =>
        valueExample(command, o, lang),
      );
      if (message !== null) io.err(withUsage(message));
      else io.err(fileErrorMessage(e, lang) ?? unexpected(e, lang));
    }
    return EXIT.unusable;
  }
}

const unexpected = (e: unknown, lang: Lang) =>
  `${lang === 'nb' ? 'Uventet feil' : 'Unexpected error'}: ${(e as Error)?.message ?? String(e)}`;

const text = (v: Values[string]): string | undefined => (typeof v === 'string' ? v : undefined);

/** The one workbook a command reads. */
function inputFile(ctx: Context, what: Reason): string {
  const [file, ...more] = ctx.positionals;
  if (!file || more.length > 0) throw usageError(what.nb, what.en);
  return file;
}

/** `--out`, checked by `safeOutput` against the input `file` (letters check each letter's file instead). */
function requiredOut(ctx: Context, example: string, file?: string): string {
  const out = text(ctx.opts.out);
  if (out === undefined) {
    throw usageError(
      `Oppgi hvor det skal skrives: --out ${example}.`,
      `Say where to write: --out ${example}.`,
    );
  }
  return file === undefined ? out : safeOutput(ctx, out, file, '--out', example);
}

const say = (ctx: Context, nb: string, en: string) => ctx.io.out(ctx.lang === 'nb' ? nb : en);

/**
 * Reads and checks a workbook; what the reader had to work around (a title above the headers) is said on
 * stderr, so stdout stays the report or the JSON.
 */
function readChecked(ctx: Context, values: WorkbookValues, options: CheckOptions): CheckResult {
  const result = checkWorkbook(values, options);
  for (const note of result.portfolio.notes ?? [])
    ctx.io.err(`${ctx.lang === 'nb' ? 'Merk' : 'Note'}: ${note[ctx.lang]}`);
  return result;
}

/**
 * The same file: the same real path (another spelling, `./`, a symbolic link) or, both existing, the same
 * device and inode (a hard link).
 */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  if (real(a) === real(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/**
 * Where a command may write `out` (given with `option`): never onto its input, never onto a folder, and
 * onto an existing file only with --force. Checked before anything is read or written; the refusal names
 * the file and what to do (exit 2).
 */
function safeOutput(ctx: Context, out: string, input: string, option: string, example: string): string {
  if (sameFile(out, input))
    throw new TilskuddError({
      nb: `${option} «${out}» er innfila «${input}» (samme fil, også gjennom en lenke eller en annen skrivemåte av stien). Tilskudd skriver aldri over arbeidsboka den leser. Oppgi en ny fil med ${option}.`,
      en: `${option} "${out}" is the input "${input}" (the same file, also through a link or another spelling of the path). Tilskudd never writes over the workbook it reads. Give a new file with ${option}.`,
    });
  if (existsSync(out) && statSync(out).isDirectory())
    throw new TilskuddError({
      nb: `${option} «${out}» er en mappe, men her trengs en fil. Oppgi en fil i mappa, f.eks. ${option} ${join(out, example)}.`,
      en: `${option} "${out}" is a folder, but a file is needed here. Give a file in the folder, e.g. ${option} ${join(out, example)}.`,
    });
  if (existsSync(out) && ctx.opts.force !== true)
    throw new TilskuddError({
      nb: `«${out}» finnes allerede, og Tilskudd erstatter ikke en fil uten at du ber om det. Velg et nytt filnavn med ${option}, eller legg til --force for å erstatte fila.`,
      en: `"${out}" already exists, and Tilskudd does not replace a file unless asked. Choose a new file name with ${option}, or add --force to replace the file.`,
    });
  return out;
}

async function check(ctx: Context): Promise<number> {
  const { opts } = ctx;
  const file = inputFile(ctx, {
    nb: 'Oppgi én arbeidsbok (.xlsx) å kontrollere.',
    en: 'Give one workbook (.xlsx) to check.',
  });
  const year = yearOption(text(opts.year));
  const write = text(opts.write);
  if (write !== undefined) safeOutput(ctx, write, file, '--write', 'kontrollert.xlsx');

  const { report, failed, wb } = await checked(ctx, file, year, write);
  if (wb !== undefined && write !== undefined) {
    mkdirSync(dirname(write), { recursive: true });
    await wb.xlsx.writeFile(write);
  }
  ctx.io.out(report);
  return failed ? EXIT.findings : EXIT.ok;
}

/**
 * The check's report (JSON or text) and whether it found errors; with `write`, the workbook annotated for
 * the copy. Without --write the values are streamed; with it exceljs loads the whole workbook (styles,
 * notes) and the check reads its values from that, so the file is parsed once. Nothing of the check is
 * kept once this returns, so exceljs's writing of 10 000 applications has the memory (`npm run bench`).
 */
async function checked(
  ctx: Context,
  file: string,
  year: number | undefined,
  write: string | undefined,
): Promise<{ report: string; failed: boolean; wb?: ExcelJS.Workbook }> {
  const { opts, lang } = ctx;
  const today = todayOption(text(opts.date));
  const result = readChecked(ctx, await readValues(file), {
    years: year === undefined ? [] : [year],
    today,
  });
  const wb = write === undefined ? undefined : await loadWorkbook(file);
  const years = [...result.ledger.years.values()].filter((y) => year === undefined || y.year === year);
  // With --year, findings about other budget years are left out; findings about cases are kept.
  const findings = result.findings.filter(
    (f) => year === undefined || !/^\d{4}$/.test(f.ref) || f.ref === String(year),
  );

  if (wb !== undefined && write !== undefined) {
    // The copy carries the numbers the plan's findings name.
    writePlanNumbers(wb, result.portfolio);
    annotate(wb, result.portfolio, findings, lang);
    reportXmlSafe(ctx, makeXmlSafe(wb), write);
  }
  const report = opts.json
    ? JSON.stringify(
        withFollowUp(toJson(findings, years, lang, result.economy, leftOutJson(result, lang)), result, today),
        null,
        2,
      )
    : humanReport(file, result, years, findings, lang);
  return { report, failed: findings.some((f) => f.severity === 'error'), wb };
}

/** Characters an .xlsx cannot hold were left out of the copy: say where, on stderr (stdout is the report). */
function reportXmlSafe(ctx: Context, cells: string[], file: string): void {
  if (cells.length === 0) return;
  const list = cells.slice(0, 10).join(', ') + (cells.length > 10 ? ', …' : '');
  ctx.io.err(
    ctx.lang === 'nb'
      ? `Merk: ${cells.length} celler hadde tegn som .xlsx-formatet ikke kan lagre (kontrolltegn); de er utelatt i ${file}: ${list}.`
      : `Note: ${cells.length} cells had characters the .xlsx format cannot hold (control characters); they are left out of ${file}: ${list}.`,
  );
}

async function init(ctx: Context): Promise<number> {
  const file = inputFile(ctx, {
    nb: 'Oppgi filnavnet til den nye arbeidsboka (.xlsx).',
    en: 'Give the file name of the new workbook (.xlsx).',
  });
  if (existsSync(file) && !ctx.opts.force) {
    throw new TilskuddError({
      nb: `«${file}» finnes allerede, og Tilskudd skriver ikke over en arbeidsbok. Velg et nytt filnavn, eller bruk --force for å erstatte fila.`,
      en: `"${file}" already exists, and Tilskudd does not overwrite a workbook. Choose a new file name, or use --force to replace the file.`,
    });
  }
  const example = ctx.opts.example === true;
  const wb = buildWorkbook(example ? exampleWorkbook() : emptyWorkbook(), DEFAULT_SETTINGS);
  mkdirSync(dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  if (example) say(ctx, `Skrev eksempelarbeidsboka ${file}.`, `Wrote the example workbook ${file}.`);
  else say(ctx, `Skrev malen ${file}.`, `Wrote the template ${file}.`);
  return EXIT.ok;
}

function langOption(value: string | undefined): Lang {
  const lang = (value ?? 'nb') as Lang;
  if (lang !== 'nb' && lang !== 'en')
    throw usageError(
      `--lang må være nb eller en, ikke «${value}».`,
      `--lang must be nb or en, not "${value}".`,
    );
  return lang;
}

function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value))
    throw usageError(`--year må være et årstall, ikke «${value}».`, `--year must be a year, not "${value}".`);
  return Number(value);
}

async function memo(ctx: Context): Promise<number> {
  const file = inputFile(ctx, {
    nb: 'Oppgi arbeidsboka og --out FIL.docx.',
    en: 'Give the workbook and --out FILE.docx.',
  });
  const out = requiredOut(ctx, 'SAK.docx', file);
  const record = text(ctx.opts.record);
  if (record !== undefined) {
    safeOutput(ctx, record, file, '--record', 'med-forslag.xlsx');
    if (sameFile(record, out))
      throw usageError('--record og --out må være to ulike filer.', '--record and --out must be two files.');
  }
  const meeting = isoDate(text(ctx.opts.meeting), '--meeting');
  const values = await readValues(file);
  const result = readChecked(ctx, values, { today: todayOption(undefined) });
  const options: MemoOptions = {
    meetingDate: meeting,
    caseNumber: text(ctx.opts.case),
    cases: text(ctx.opts.cases)
      ?.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    lang: ctx.lang,
  };
  // The record is planned before anything is written: a refused record writes no memo either.
  const current = values[findSheetName(PROPOSALS, Object.keys(values)) ?? ''];
  const plan =
    record === undefined
      ? undefined
      : planProposalSheet(
          result,
          current,
          options.caseNumber ?? '',
          proposalCells(result, options, new Date()),
        );
  if (plan && !plan.ok) throw plan.error;
  await writeDocument(out, buildMemo(result, options), ctx.lang);
  say(ctx, `Skrev saksfremstillingen ${out}.`, `Wrote the decision memo ${out}.`);
  if (record !== undefined && plan?.ok) {
    const wb = await loadWorkbook(file);
    replaceSheetValues(
      wb,
      findSheetName(
        PROPOSALS,
        wb.worksheets.map((w) => w.name),
      ) ?? PROPOSALS.name,
      plannedValues(current, plan),
    );
    mkdirSync(dirname(record), { recursive: true });
    await wb.xlsx.writeFile(record);
    say(
      ctx,
      plan.changed
        ? `Skrev ${record} med ${plan.after} forslag for sak ${options.caseNumber ?? ''} i arket «Forslag» (før: ${plan.before}).`
        : `Skrev ${record}: forslaget for sak ${options.caseNumber ?? ''} står allerede slik i arket «Forslag».`,
      plan.changed
        ? `Wrote ${record} with ${plan.after} proposals for case ${options.caseNumber ?? ''} in the "Forslag" sheet (before: ${plan.before}).`
        : `Wrote ${record}: the proposal for case ${options.caseNumber ?? ''} already stands so in the "Forslag" sheet.`,
    );
  }
  return tellWithheld(ctx, heldBack(result), false);
}

async function letters(ctx: Context): Promise<number> {
  const file = inputFile(ctx, {
    nb: 'Oppgi arbeidsboka og --out MAPPE.',
    en: 'Give the workbook and --out FOLDER.',
  });
  const out = requiredOut(ctx, 'MAPPE');
  // Without --date each letter is dated by its decision (a rejection by its board case's allocations, else today).
  const given = text(ctx.opts.date);
  const date = given === undefined ? undefined : isoDate(given, '--date');
  const today = todayOption(given);
  const result = readChecked(ctx, await readValues(file), { today });
  const { grants, withheld } = letterGrants(result);
  const clean = (id: string) => id.replace(/[^\w.-]+/g, '_');
  // One letter per grant offer, per supplementary grant and per rejection.
  const items = [
    ...grants.map((g) => ({
      id: g.application.caseId,
      name: `tildelingsbrev-${clean(g.application.caseId)}.docx`,
      build: () => buildLetter(result, g, { date, lang: ctx.lang }),
    })),
    ...supplementLetters(result).map((sup) => ({
      id: sup.application.caseId,
      name: `tilleggsbevilling-${clean(sup.application.caseId)}-${sup.n}.docx`,
      build: () => buildSupplementLetter(result, sup, { date, lang: ctx.lang }),
    })),
    ...rejections(result).map((app) => ({
      id: app.caseId,
      name: `avslag-${clean(app.caseId)}.docx`,
      build: () =>
        buildRejectionLetter(result, app, {
          date: date ?? (rejectionDate(result, app) || today.toISOString().slice(0, 10)),
          lang: ctx.lang,
        }),
    })),
  ];
  // Every letter's file is checked before the first is written: two case ids that clean to one name
  // (also by case alone, as Windows and macOS compare names) would write one letter over the other.
  const files = new Map<string, string>();
  for (const { id, name } of items) {
    const other = files.get(name.toLowerCase());
    if (other !== undefined)
      throw new TilskuddError({
        nb: `To brev ville fått samme filnavn «${name}»: sak «${other}» og sak «${id}». Ingen brev er skrevet. Gi sakene saksnumre som skiller seg i bokstaver eller tall, ikke bare i tegn som / og mellomrom (arket «Søknader», kolonnen «Saksnr»).`,
        en: `Two letters would get the same file name "${name}": case "${other}" and case "${id}". No letter was written. Give the cases ids that differ in letters or digits, not only in characters such as / and spaces (sheet "Søknader", column "Saksnr").`,
      });
    files.set(name.toLowerCase(), id);
    safeOutput(ctx, join(out, name), file, '--out', 'MAPPE');
  }
  for (const item of items) await writeDocument(join(out, item.name), item.build(), ctx.lang);
  say(
    ctx,
    `Skrev ${items.length} brev i ${out} (${grants.length} tilsagn).`,
    `Wrote ${items.length} letters in ${out} (${grants.length} grant offers).`,
  );
  return tellWithheld(ctx, withheld);
}

/**
 * Names each grant held back from a document (see `heldBack`) on stderr with its errors; exit 1 when
 * any is, so a script notices.
 */
function tellWithheld(ctx: Context, withheld: Withheld[], leftOut = true): number {
  const { lang } = ctx;
  for (const w of withheld) {
    const { where, errors } = withheldText(w, lang);
    const what = leftOut
      ? { nb: 'Holdt utenfor', en: 'Left out' }
      : {
          nb: 'Talt med slik arket viser den, men har feil',
          en: 'Counted as the sheet holds it, but with errors',
        };
    ctx.io.err(
      lang === 'nb'
        ? `${what.nb} (rett feilen og kjør på nytt): ${where}:\n    ${errors.join('\n    ')}`
        : `${what.en} (correct the error and run again): ${where}:\n    ${errors.join('\n    ')}`,
    );
  }
  return withheld.length > 0 ? EXIT.findings : EXIT.ok;
}

async function publish(ctx: Context): Promise<number> {
  const { opts, lang } = ctx;
  const file = inputFile(ctx, {
    nb: 'Oppgi arbeidsboka og --out FIL.',
    en: 'Give the workbook and --out FILE.',
  });
  const out = requiredOut(ctx, 'FIL.csv', file);
  const format = text(opts.format);
  if (format !== '360giving' && format !== 'overview') {
    throw usageError(
      `--format må være 360giving eller overview, ikke «${format ?? ''}».`,
      `--format must be 360giving or overview, not "${format ?? ''}".`,
    );
  }
  if (format === '360giving' && !/\.(csv|json)$/i.test(out))
    throw usageError('360Giving skrives som .csv eller .json.', '360Giving is written as .csv or .json.');
  const year = yearOption(text(opts.year)) ?? (format === 'overview' ? new Date().getFullYear() : undefined);
  const { withheld, overview } = await published(ctx, file, format, out, year);
  if (overview !== undefined) {
    await writeDocument(out, overview, lang);
    say(
      ctx,
      `Skrev oversikten over tildelinger ${year} til ${out}.`,
      `Wrote the overview of allocations ${year} to ${out}.`,
    );
  }
  return tellWithheld(ctx, withheld);
}

/**
 * Reads and checks the workbook and writes the 360Giving export or the overview's table; the overview as a
 * document is returned, to be rendered once this function's values and check are garbage (the .docx of
 * 10 000 applications needs the memory, see `npm run bench`).
 */
async function published(
  ctx: Context,
  file: string,
  format: '360giving' | 'overview',
  out: string,
  year: number | undefined,
): Promise<{ withheld: Withheld[]; overview?: DocModel }> {
  const { opts, lang } = ctx;
  const result = readChecked(ctx, await readValues(file), { today: todayOption(text(opts.date)) });
  const { withheld } = publication(result, year);
  if (format === '360giving') {
    const grants = grants360(result, year);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, /\.json$/i.test(out) ? toPackageJson(grants) : toCsv(grants));
    say(
      ctx,
      `Skrev ${grants.length} tilskudd i 360Giving-format til ${out}.`,
      `Wrote ${grants.length} grants in 360Giving format to ${out}.`,
    );
    return { withheld };
  }
  if (/\.csv$/i.test(out)) {
    // The overview's table of allocations with the amounts as numbers, for a spreadsheet in Norwegian settings.
    const { header, rows } = overviewRows(result, year!, lang);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, toSpreadsheetCsv([header, ...rows]));
    say(
      ctx,
      `Skrev oversikten over tildelinger ${year} til ${out}.`,
      `Wrote the overview of allocations ${year} to ${out}.`,
    );
    return { withheld };
  }
  return { withheld, overview: buildOverview(result, year!, lang) };
}

async function exportEconomy(ctx: Context): Promise<number> {
  const { opts, lang } = ctx;
  const file = inputFile(ctx, {
    nb: 'Oppgi arbeidsboka og --out FIL.',
    en: 'Give the workbook and --out FILE.',
  });
  const out = requiredOut(ctx, 'FIL.xlsx', file);
  const format = text(opts.format);
  if (format !== 'economy') {
    throw usageError(
      `--format må være economy, ikke «${format ?? ''}».`,
      `--format must be economy, not "${format ?? ''}".`,
    );
  }
  if (!/\.(csv|xlsx)$/i.test(out))
    throw usageError('Økonomien skrives som .xlsx eller .csv.', 'The economy is written as .xlsx or .csv.');
  const year = yearOption(text(opts.year));
  const asOf = todayOption(text(opts.date));
  const result = readChecked(ctx, await readValues(file), { today: asOf });
  const rows = await writeEconomy(result, out, lang, asOf, year);
  say(ctx, `Skrev økonomien (${rows} rader) til ${out}.`, `Wrote the economy (${rows} rows) to ${out}.`);
  return tellWithheld(ctx, publication(result, year).withheld, false);
}

async function report(ctx: Context): Promise<number> {
  const file = inputFile(ctx, { nb: 'Oppgi én arbeidsbok (.xlsx).', en: 'Give one workbook (.xlsx).' });
  const out = requiredOut(ctx, 'FIL.docx', file);
  const asked = text(ctx.opts.kind) ?? '';
  const kind = REPORT_KINDS[asked];
  if (!kind) {
    const kinds = Object.keys(REPORT_KINDS);
    throw usageError(
      `--kind må være ${kinds.join(', ')}, ikke «${asked}».`,
      `--kind must be ${kinds.join(', ')}, not "${asked}".`,
    );
  }
  const options = {
    date: todayOption(text(ctx.opts.date)),
    year: yearOption(text(ctx.opts.year)),
    boardCase: text(ctx.opts.case),
    case: text(ctx.opts.case),
    region: text(ctx.opts.region),
    meeting: ctx.opts.meeting === undefined ? undefined : isoDate(text(ctx.opts.meeting), '--meeting'),
    lang: ctx.lang,
  };
  const missing = kind.needs?.(options);
  if (missing) throw usageError(missing.nb, missing.en);
  const values = await readValues(file);
  const result = readChecked(ctx, values, { today: options.date });
  const gaps = kind.gaps?.({ ...options, result, values }) ?? [];
  if (gaps.length > 0)
    say(
      ctx,
      `Mangler i grunnlaget (be prosjektene om dem):\n${gaps.map((g) => `  ${g}`).join('\n')}`,
      `Missing in the basis (ask the projects for them):\n${gaps.map((g) => `  ${g}`).join('\n')}`,
    );
  await writeDocument(out, kind.build({ ...options, result, values }), ctx.lang);
  const done = kind.done(out, options);
  say(ctx, done.nb, done.en);
  return tellWithheld(ctx, heldBack(result), false);
}

/**
 * `decide`: the board's decisions written into a copy of the workbook, all or nothing. Held back (exit 1,
 * nothing written) by an error in a decision's own data or a conflict with what is registered.
 */
async function decideCommand(ctx: Context): Promise<number> {
  const { lang } = ctx;
  const file = inputFile(ctx, {
    nb: 'Oppgi arbeidsboka, --case, --meeting og --out UT.xlsx.',
    en: 'Give the workbook, --case, --meeting and --out OUT.xlsx.',
  });
  const out = requiredOut(ctx, 'vedtak.xlsx', file);
  if (!/\.xlsx$/i.test(out))
    throw usageError(
      'Vedtakene skrives i en kopi av arbeidsboka: --out UT.xlsx.',
      'The decisions are written into a copy of the workbook: --out OUT.xlsx.',
    );
  const boardCase = text(ctx.opts.case)?.trim();
  if (!boardCase)
    throw usageError('Oppgi saken i møtet: --case 04-2026.', 'Give the case in the meeting: --case 04-2026.');
  if (text(ctx.opts.meeting) === undefined)
    throw usageError(
      'Oppgi møtedatoen: --meeting 2026-05-20.',
      'Give the meeting date: --meeting 2026-05-20.',
    );
  const meeting = todayOption(isoDate(text(ctx.opts.meeting), '--meeting'));
  const decisions = decisionsFromOptions(ctx.opts);
  const recused = recusedFromOptions(ctx.opts);
  const values = await readValues(file);
  const result = readChecked(ctx, values, { today: meeting });
  const w = decide(result.portfolio, values, decisions, {
    boardCase,
    meeting,
    recused,
    ...(ctx.opts.only !== undefined ? { onlyNamed: true } : {}),
  });
  const note = (nb: string, en: string) => ctx.io.err(lang === 'nb' ? nb : en);
  if (!w.fromMemo && ctx.opts.only === undefined && w.outcomes.length > 0)
    note(
      `Merk: ${w.ref} har ingen rader i «Forslag»; forslagene er søknadenes «Innstilling», og alle er vedtatt (${w.outcomes.map((o) => o.proposal.caseId).join(', ')}). Behandlet styret bare noen av dem, bruk --only SAKSNR,…`,
      `Note: ${w.ref} has no rows in "Forslag"; the proposals are the applications' "Innstilling", and all are decided (${w.outcomes.map((o) => o.proposal.caseId).join(', ')}). If the board decided only some of them, use --only CASE,…`,
    );
  if (w.left.length > 0)
    note(
      `Ikke behandlet i ${w.ref} (venter på et senere vedtak): ${w.left.join(', ')}.`,
      `Not decided in ${w.ref} (waiting for a later decision): ${w.left.join(', ')}.`,
    );
  for (const f of w.notes) ctx.io.err(`${lang === 'nb' ? 'Merk' : 'Note'} [${f.rule}] ${f.message[lang]}`);
  for (const r of w.refused) ctx.io.err(r[lang]);
  const held = tellWithheld(ctx, w.held);
  if (w.refused.length > 0 || held !== EXIT.ok) {
    say(ctx, `Ingen vedtak er skrevet (${w.ref}).`, `No decision was written (${w.ref}).`);
    return EXIT.findings;
  }
  if (w.log.length === 0) {
    say(
      ctx,
      `${w.ref} er allerede registrert slik (${w.already.join(', ')}); ingenting er lagt til, og ${out} er ikke skrevet.`,
      `${w.ref} is already registered so (${w.already.join(', ')}); nothing was added, and ${out} was not written.`,
    );
    return EXIT.ok;
  }
  const wb = await loadWorkbook(file);
  writeDecisions(wb, result.portfolio, w, 'tilskudd decide');
  mkdirSync(dirname(out), { recursive: true });
  await wb.xlsx.writeFile(out);
  for (const l of w.log) ctx.io.out(`${l.caseId}: ${l.after}`);
  for (const r of w.remarks) ctx.io.err(`${lang === 'nb' ? 'Merk' : 'Note'}: ${r[lang]}`);
  say(
    ctx,
    `Skrev ${w.log.length} vedtak i ${w.ref} (${w.allocations.length} tildelinger) til ${out}.`,
    `Wrote ${w.log.length} decisions in ${w.ref} (${w.allocations.length} allocations) to ${out}.`,
  );
  return EXIT.ok;
}

/** Today on this machine's calendar, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day date-dependent rules judge by: `--date`, by default today, so a result can be reproduced. */
function todayOption(value: string | undefined): Date {
  const day = parseDay(isoDate(value, '--date'));
  if (!day.ok) throw badDate('--date', value ?? '');
  return day.value;
}

const badDate = (option: string, value: string) =>
  usageError(
    `${option} må være en dato som 2025-05-09, ikke «${value}».`,
    `${option} must be a date like 2025-05-09, not "${value}".`,
  );

function isoDate(value: string | undefined, option: string): string {
  const date = value ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseDay(date).ok) throw badDate(option, date);
  return date;
}

/** A document as .docx (in the command's language, `--lang`), Markdown (previews, diffs) or a web page (.html). */
async function writeDocument(path: string, doc: DocModel, lang: Lang): Promise<void> {
  if (!/\.(docx|md|html)$/i.test(path))
    throw usageError(
      `Dokumenter skrives som .docx, .md eller .html, ikke «${path}».`,
      `Documents are written as .docx, .md or .html, not "${path}".`,
    );
  mkdirSync(dirname(path), { recursive: true });
  if (path.endsWith('.md')) writeFileSync(path, toMarkdown(doc));
  else if (/\.html$/i.test(path)) writeFileSync(path, toHtml(doc));
  else writeFileSync(path, await toDocx(doc, lang));
}
