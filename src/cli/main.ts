import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkWorkbook } from '../core/rules/check';
import { parseDay } from '../core/parse/period';
import { buildLetter, grants } from '../core/documents/letter';
import { buildMemo } from '../core/documents/memo';
import { buildOverview } from '../core/documents/overview';
import { grants360, toCsv, toPackageJson } from '../core/documents/giving360';
import type { DocModel } from '../core/documents/model';
import { toMarkdown } from '../core/documents/text';
import { toDocx } from './docx';
import { buildPlanReview } from '../core/plan/review';
import { readPlanHistory } from '../core/plan/records';
import type { CheckResult } from '../core/rules/check';
import type { WorkbookValues } from '../core/workbook/records';
import { TilskuddError } from '../core/base/errors';
import type { Lang } from '../core/base/result';
import { DEFAULT_SETTINGS } from '../core/workbook/settings';
import { emptyWorkbook, exampleWorkbook } from '../example/agder';
import { humanReport, toJson } from './report';
import { annotate, buildWorkbook, loadWorkbook, workbookValues, writePlanNumbers } from './xlsx';

/** The `tilskudd` command line: the same engine as the sheet, on an exported .xlsx. */

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

const USAGE = `Bruk:
  tilskudd check FIL.xlsx [--json] [--year ÅÅÅÅ] [--date ÅÅÅÅ-MM-DD] [--lang nb|en] [--write UT.xlsx]
  tilskudd init FIL.xlsx [--example]
  tilskudd memo FIL.xlsx --out SAK.docx [--meeting ÅÅÅÅ-MM-DD] [--case 18-2025] [--cases ID,ID] [--lang nb|en]
  tilskudd letters FIL.xlsx --out MAPPE [--date ÅÅÅÅ-MM-DD] [--lang nb|en]
  tilskudd publish FIL.xlsx --format 360giving|overview --out FIL.csv|FIL.json|FIL.docx [--year ÅÅÅÅ] [--date ÅÅÅÅ-MM-DD]
  tilskudd report FIL.xlsx --kind plan --out FIL.docx|FIL.md [--date ÅÅÅÅ-MM-DD] [--lang nb|en]

check   kontrollerer arbeidsboka mot reglene og skriver rammen per budsjettår.
        Avslutter med 0 uten feil, 1 med feil, 2 når fila ikke kan brukes.
init    lager en tom mal med alle ark, kolonner, nedtrekkslister og standardinnstillinger;
        med --example: eksempelet fra SSU-sak 18-2025.
memo    skriver saksfremstillingen til SSU-møtet (.docx, eller .md med --out FIL.md).
letters skriver ett tildelingsbrev per prosjekt med ordinær tildeling.
publish skriver den offentlige oversikten (overview) eller 360Giving-eksporten (CSV eller JSON).
report  skriver en rapport: plan = årlig gjennomgang av handlingsplanen.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'init':
        return await init(rest, io);
      case 'memo':
        return await memo(rest, io);
      case 'letters':
        return await letters(rest, io);
      case 'publish':
        return await publish(rest, io);
      case 'report':
        return await report(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? EXIT.unusable : EXIT.ok;
      default:
        io.err(`Ukjent kommando «${command}».\n\n${USAGE}`);
        return EXIT.unusable;
    }
  } catch (e) {
    if (e instanceof TilskuddError) {
      io.err(e.message);
      return EXIT.unusable;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${e.message}\n\n${USAGE}`);
      return EXIT.unusable;
    }
    io.err(`Uventet feil: ${(e as Error).message ?? String(e)}`);
    return EXIT.unusable;
  }
}

function usageError(nb: string): TilskuddError {
  return new TilskuddError({ nb: `${nb}\n\n${USAGE}`, en: nb });
}

async function check(args: string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      year: { type: 'string' },
      date: { type: 'string' },
      lang: { type: 'string' },
      write: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usageError('Oppgi én arbeidsbok (.xlsx) å kontrollere.');
  const lang = langOption(opts.lang);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !/^\d{4}$/.test(opts.year!))
    throw usageError(`--year må være et årstall, ikke «${opts.year}».`);

  const wb = await loadWorkbook(file);
  const result = checkWorkbook(workbookValues(wb), {
    years: year === undefined ? [] : [year],
    today: todayOption(opts.date),
  });
  const years = [...result.ledger.years.values()].filter((y) => year === undefined || y.year === year);
  // With --year, findings about other budget years are left out; findings about cases are kept.
  const findings = result.findings.filter(
    (f) => year === undefined || !/^\d{4}$/.test(f.ref) || f.ref === String(year),
  );

  if (opts.write) {
    // The copy carries the numbers the plan's findings name.
    writePlanNumbers(wb, result.portfolio);
    annotate(wb, result.portfolio, findings, lang);
    mkdirSync(dirname(opts.write), { recursive: true });
    await wb.xlsx.writeFile(opts.write);
  }
  io.out(
    opts.json
      ? JSON.stringify(toJson(findings, years, lang), null, 2)
      : humanReport(file, result, years, findings, lang),
  );
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

async function init(args: string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { example: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usageError('Oppgi filnavnet til den nye arbeidsboka (.xlsx).');
  const wb = buildWorkbook(opts.example ? exampleWorkbook() : emptyWorkbook(), DEFAULT_SETTINGS);
  mkdirSync(dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  io.out(opts.example ? `Skrev eksempelarbeidsboka ${file}.` : `Skrev malen ${file}.`);
  return EXIT.ok;
}

function langOption(value: string | undefined): Lang {
  const lang = (value ?? 'nb') as Lang;
  if (lang !== 'nb' && lang !== 'en') throw usageError(`--lang må være nb eller en, ikke «${value}».`);
  return lang;
}

async function memo(args: string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      meeting: { type: 'string' },
      case: { type: 'string' },
      cases: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !opts.out) throw usageError('Oppgi arbeidsboka og --out FIL.docx.');
  const meeting = isoDate(opts.meeting, '--meeting');
  const result = checkWorkbook(workbookValues(await loadWorkbook(file)), { today: todayOption(undefined) });
  const doc = buildMemo(result, {
    meetingDate: meeting,
    caseNumber: opts.case,
    cases: opts.cases
      ?.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    lang: langOption(opts.lang),
  });
  await writeDocument(opts.out, doc);
  io.out(`Skrev saksfremstillingen ${opts.out}.`);
  return EXIT.ok;
}

async function letters(args: string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, date: { type: 'string' }, lang: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !opts.out) throw usageError('Oppgi arbeidsboka og --out MAPPE.');
  // Without --date each letter is dated by its decision.
  const date = opts.date === undefined ? undefined : isoDate(opts.date, '--date');
  const lang = langOption(opts.lang);
  const result = checkWorkbook(workbookValues(await loadWorkbook(file)), { today: todayOption(opts.date) });
  const all = grants(result);
  for (const grant of all) {
    const name = `tildelingsbrev-${grant.application.caseId.replace(/[^\w.-]+/g, '_')}.docx`;
    await writeDocument(join(opts.out, name), buildLetter(result, grant, { date, lang }));
  }
  io.out(`Skrev ${all.length} tildelingsbrev i ${opts.out}.`);
  return EXIT.ok;
}

async function publish(args: string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      year: { type: 'string' },
      date: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !opts.out) throw usageError('Oppgi arbeidsboka og --out FIL.');
  const result = checkWorkbook(workbookValues(await loadWorkbook(file)), { today: todayOption(opts.date) });
  mkdirSync(dirname(opts.out), { recursive: true });
  if (opts.format === '360giving') {
    const grants = grants360(result);
    if (opts.out.endsWith('.json')) writeFileSync(opts.out, toPackageJson(grants));
    else if (opts.out.endsWith('.csv')) writeFileSync(opts.out, toCsv(grants));
    else throw usageError('360Giving skrives som .csv eller .json.');
    io.out(`Skrev ${grants.length} tilskudd i 360Giving-format til ${opts.out}.`);
    return EXIT.ok;
  }
  if (opts.format === 'overview') {
    const year = opts.year === undefined ? new Date().getFullYear() : Number(opts.year);
    if (!/^\d{4}$/.test(String(year))) throw usageError(`--year må være et årstall, ikke «${opts.year}».`);
    await writeDocument(opts.out, buildOverview(result, year, langOption(opts.lang)));
    io.out(`Skrev oversikten over tildelinger ${year} til ${opts.out}.`);
    return EXIT.ok;
  }
  throw usageError(`--format må være 360giving eller overview, ikke «${opts.format ?? ''}».`);
}

/** What a report is made from: the checked workbook, its raw values (for sheets such as history), the day. */
interface ReportInput {
  result: CheckResult;
  values: WorkbookValues;
  today: Date;
  lang: Lang;
}

/** The kinds of `tilskudd report`: one line each, the document model and what the CLI says it wrote. */
const REPORT_KINDS: Record<string, { build: (input: ReportInput) => DocModel; done: { nb: string } }> = {
  plan: {
    build: ({ result, values, today, lang }) =>
      buildPlanReview(result, readPlanHistory(values), { date: today, lang }),
    done: { nb: 'den årlige gjennomgangen av handlingsplanen' },
  },
};

async function report(args: string[], io: Io): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !opts.out) throw usageError('Oppgi arbeidsboka og --out FIL.docx.');
  const kind = REPORT_KINDS[opts.kind ?? ''];
  if (!kind)
    throw usageError(
      `--kind må være ${Object.keys(REPORT_KINDS).join(' eller ')}, ikke «${opts.kind ?? ''}».`,
    );
  const today = todayOption(opts.date);
  const values = workbookValues(await loadWorkbook(file));
  const result = checkWorkbook(values, { today });
  await writeDocument(opts.out, kind.build({ result, values, today, lang: langOption(opts.lang) }));
  io.out(`Skrev ${kind.done.nb} til ${opts.out}.`);
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
  if (!day.ok) throw usageError(`--date må være en dato som 2025-05-09, ikke «${value}».`);
  return day.value;
}

function isoDate(value: string | undefined, option: string): string {
  const date = value ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseDay(date).ok) {
    throw usageError(`${option} må være en dato som 2025-05-09, ikke «${date}».`);
  }
  return date;
}

/** .docx by default; .md writes Markdown (previews, diffs). */
async function writeDocument(path: string, doc: DocModel): Promise<void> {
  if (!/\.(docx|md)$/i.test(path))
    throw usageError(`Dokumenter skrives som .docx eller .md, ikke «${path}».`);
  mkdirSync(dirname(path), { recursive: true });
  if (path.endsWith('.md')) writeFileSync(path, toMarkdown(doc));
  else writeFileSync(path, await toDocx(doc));
}
