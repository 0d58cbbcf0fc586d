import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkWorkbook } from '../core/check';
import { TilskuddError } from '../core/errors';
import type { Lang } from '../core/result';
import { DEFAULT_SETTINGS } from '../core/settings';
import { emptyWorkbook, exampleWorkbook } from '../example/agder';
import { humanReport, toJson } from './report';
import { annotate, buildWorkbook, loadWorkbook, workbookValues } from './xlsx';

/** The `tilskudd` command line: the same engine as the sheet, on an exported .xlsx. */

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

const USAGE = `Bruk:
  tilskudd check FIL.xlsx [--json] [--year ÅÅÅÅ] [--lang nb|en] [--write UT.xlsx]
  tilskudd init FIL.xlsx [--example]

check   kontrollerer arbeidsboka mot reglene og skriver rammen per budsjettår.
        Avslutter med 0 uten feil, 1 med feil, 2 når fila ikke kan brukes.
init    lager en tom mal med alle ark, kolonner, nedtrekkslister og standardinnstillinger;
        med --example: eksempelet fra SSU-sak 18-2025.`;

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
      lang: { type: 'string' },
      write: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw usageError('Oppgi én arbeidsbok (.xlsx) å kontrollere.');
  const lang = (opts.lang ?? 'nb') as Lang;
  if (lang !== 'nb' && lang !== 'en') throw usageError(`--lang må være nb eller en, ikke «${opts.lang}».`);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !/^\d{4}$/.test(opts.year!))
    throw usageError(`--year må være et årstall, ikke «${opts.year}».`);

  const wb = await loadWorkbook(file);
  const result = checkWorkbook(workbookValues(wb), year === undefined ? [] : [year]);
  const years = [...result.ledger.years.values()].filter((y) => year === undefined || y.year === year);
  // With --year, findings about other budget years are left out; findings about cases are kept.
  const findings = result.findings.filter(
    (f) => year === undefined || !/^\d{4}$/.test(f.ref) || f.ref === String(year),
  );

  if (opts.write) {
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
