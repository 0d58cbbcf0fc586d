import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, workDir } from './helpers';
import { COMMAND_NAMES } from '../../src/cli/main';
import { fileErrorMessage } from '../../src/cli/errors';
import { buildWorkbook, loadWorkbook, readValues, workbookValues } from '../../src/cli/xlsx';
import { ALLOCATIONS, APPLICATIONS } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';

// What a new user found offline: nothing overwritten by surprise, exports that agree with the
// check, output that opens, and clear words for every predictable mistake.
const { dir, tmp } = workDir('tilskudd-offline-');

type Values = Record<string, unknown[][]>;

async function workbook(edit: (v: Values) => void = () => {}, name = 'wb.xlsx'): Promise<string> {
  const v = exampleWorkbook();
  edit(v);
  const file = tmp(name);
  await buildWorkbook(v, DEFAULT_SETTINGS).xlsx.writeFile(file);
  return file;
}

function set(v: Values, sheet: string, row: number, header: string, value: unknown): void {
  const c = v[sheet]![0]!.indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  v[sheet]![row - 1]![c] = value;
}

/** Appends an allocation row by header. */
function allocate(v: Values, cells: Record<string, unknown>): number {
  const sheet = v[ALLOCATIONS.name]!;
  sheet.push(sheet[0]!.map((h) => cells[String(h)] ?? ''));
  return sheet.length;
}

/** Every XML part of an .xlsx or .docx, to look for characters XML 1.0 cannot hold. */
async function xmlParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  return Promise.all(names.map((n) => zip.file(n)!.async('string')));
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/**
 * A workbook whose cell text holds characters XML cannot carry, as Excel stores them (`_x000B_`,
 * `_xFFFE_` escapes in the shared strings): exceljs reads them back as the raw characters.
 */
async function withEscapedText(sheet: string, row: number, header: string, escaped: string): Promise<string> {
  const file = await workbook((v) => set(v, sheet, row, header, 'PLATZHALTER'));
  const zip = await JSZip.loadAsync(readFileSync(file));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  expect(strings).toContain('PLATZHALTER');
  zip.file('xl/sharedStrings.xml', strings.replace('PLATZHALTER', escaped));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('nothing a user has is overwritten by surprise', () => {
  it('init refuses an existing file (exit 2, file untouched); --force replaces it', async () => {
    const file = tmp('mine.xlsx');
    writeFileSync(file, 'mine');
    const r = await cli('init', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/finnes allerede/);
    expect(r.err).toMatch(/--force/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const forced = await cli('init', file, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('check refuses --write onto its input, however the path is spelled (exit 2, file untouched)', async () => {
    const file = await workbook();
    const before = readFileSync(file);
    for (const target of [file, join(dir, '..', dir.split('/').pop()!, file.split('/').pop()!)]) {
      const r = await cli('check', file, '--write', target);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/skriver aldri over arbeidsboka/);
      expect(r.out).toBe('');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('the missing-sheet message says how to add the sheet and keep the data, in either language', async () => {
    const file = await workbook((v) => delete v[ALLOCATIONS.name]);
    const nb = await cli('check', file);
    expect(nb.code).toBe(2);
    expect(nb.err).toMatch(
      /Legg til et ark med det navnet og disse overskriftene i rad 1: Saksnr, Vedtak, Dato/,
    );
    expect(nb.err).toMatch(/dataene dine blir som de er/);
    expect(nb.err).toMatch(/en mal i en ny fil/);
    const en = await cli('check', file, '--lang', 'en');
    expect(en.err).toMatch(/Add a sheet of that name .* Your other sheets and data stay as they are/);
  });
});

describe('exports agree with the check', () => {
  /** A supplement to a mistyped case id: `supplement-without-grant`, an error on its row. */
  const mistyped = (v: Values) =>
    allocate(v, {
      Saksnr: '2025-05-0O1',
      Vedtak: 'Sekretariatet',
      Dato: '2025-10-20',
      Art: 'Tilleggsbevilling',
      Kategori: 'Innovasjon/prosjekt',
      Beløp: 54_321,
    });

  it('publish leaves out every allocation with an error, names it on stderr and exits 1', async () => {
    let row = 0;
    const file = await workbook((v) => (row = mistyped(v)));
    const check = JSON.parse((await cli('check', file, '--json')).out) as {
      findings: Array<{ severity: string; ref: string }>;
    };
    expect(check.findings.some((f) => f.severity === 'error' && f.ref === '2025-05-0O1')).toBe(true);

    const csv = tmp('g.csv');
    const r = await cli('publish', file, '--format', '360giving', '--out', csv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Tildelinger rad ${row}, sak 2025-05-0O1`);
    expect(readFileSync(csv, 'utf8')).not.toContain('54321');
    expect(r.out).toMatch(/Skrev 3 tilskudd/);

    const overview = tmp('o.md');
    const o = await cli('publish', file, '--format', 'overview', '--year', '2025', '--out', overview);
    expect(o.code).toBe(1);
    expect(o.err).toContain(`Tildelinger rad ${row}`);
    expect(readFileSync(overview, 'utf8')).not.toContain('54\u00a0321');
  });

  it('the overview and the 360Giving export hold exactly the same grants', async () => {
    const file = await workbook((v) => {
      mistyped(v);
      // An unreadable decision date is an error too: withheld from both, not from one only.
      allocate(v, { Saksnr: '2025-05-002', Vedtak: 'SSU 30-2025', Dato: 'snart', Art: 'Ordinær', Beløp: 1 });
      set(v, APPLICATIONS.name, 2, 'Tittel', 'Agdermodellen');
    });
    const json = tmp('g.json');
    await cli('publish', file, '--format', '360giving', '--year', '2025', '--out', json);
    const grants = (
      JSON.parse(readFileSync(json, 'utf8')) as { grants: Array<{ title: string; amountAwarded: number }> }
    ).grants;
    const overview = tmp('o.md');
    await cli('publish', file, '--format', 'overview', '--year', '2025', '--out', overview);
    const md = readFileSync(overview, 'utf8');
    const listed = md
      .split('\n')
      .filter((l) => l.startsWith('| ') && !/Prosjekt|---|Kategori|Rammen/.test(l))
      .filter((l) => !/^\| (Innovasjon\/prosjekt|Administrasjon|Samdrift\/tiltak) \|/.test(l))
      .map((l) => l.split('|')[1]!.trim());
    // The overview shows the secretariat's own cost too; 360Giving does not publish it as a grant.
    expect(new Set(listed)).toEqual(new Set([...grants.map((g) => g.title), 'SSU 18-2025 (sekretariat)']));
    expect(grants.some((g) => g.amountAwarded === 1)).toBe(false);
  });
});

describe('output that opens', () => {
  it('a vertical tab (Word line break) in a title gives a .docx with only XML characters', async () => {
    const file = await withEscapedText(APPLICATIONS.name, 2, 'Tittel', 'Agdermodellen_x000B_del 2_x0001_');
    const out = tmp('memo.docx');
    const r = await cli('memo', file, '--out', out, '--meeting', '2025-05-09', '--cases', '2025-05-001');
    expect(r.code).toBe(0);
    const parts = await xmlParts(out);
    expect(parts.filter((x) => NOT_XML.test(x))).toEqual([]);
    expect(parts.join('')).toContain('del 2');
  });

  it('check --write with U+FFFE in a cell writes a readable copy and says which cell it cleaned', async () => {
    const file = await withEscapedText(APPLICATIONS.name, 3, 'Tittel', 'Skrøpelige_xFFFE_ eldre_x0000_');
    const out = tmp('checked.xlsx');
    const r = await cli('check', file, '--write', out);
    expect(r.code).toBe(1);
    const col = APPLICATIONS.fields.findIndex((f) => f.header === 'Tittel');
    const address = `${String.fromCharCode(65 + col)}3`;
    expect(r.err).toMatch(new RegExp(`1 celler .*Søknader!${address}`));
    expect((await xmlParts(out)).filter((x) => NOT_XML.test(x))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Søknader')!.getCell(address).value).toBe('Skrøpelige eldre');
  });
});

describe('clear messages for predictable mistakes', () => {
  it('a folder as --write (EISDIR) and a file as letters --out (EEXIST) are named in words', async () => {
    const file = await workbook();
    const folder = tmp('mappe');
    mkdirSync(folder);
    const a = await cli('check', file, '--write', folder);
    expect(a.code).toBe(2);
    expect(a.err).toBe(
      `--write «${folder}» er en mappe, men her trengs en fil. Oppgi en fil i mappa, f.eks. --write ${folder}/kontrollert.xlsx.`,
    );
    const notFolder = tmp('brev.txt');
    writeFileSync(notFolder, '');
    const b = await cli('letters', file, '--out', notFolder, '--lang', 'en');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/already exists as a file, but a folder is needed/);
    const c = await cli('check', folder);
    expect(c.err).toBe(
      `«${folder}» er en mappe, ikke en arbeidsbok. Oppgi selve .xlsx-fila, ikke mappa den ligger i.`,
    );
    expect(`${a.err}${b.err}${c.err}`).not.toMatch(/Uventet|Unexpected|EISDIR|EEXIST/);
  });

  it.each(['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EBUSY'])(
    '%s has a Norwegian and an English message naming the path',
    (code) => {
      const e = Object.assign(new Error(code), { code, path: '/x/y.xlsx' });
      expect(fileErrorMessage(e, 'nb')).toContain('«/x/y.xlsx»');
      expect(fileErrorMessage(e, 'en')).toContain('"/x/y.xlsx"');
    },
  );

  it('an unknown option is named with a suggestion and the usage, on stderr, in the asked language', async () => {
    const r = await cli('check', 'x.xlsx', '--yaer', '2025');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Ukjent valg «--yaer»\. Mente du --year\?/);
    expect(r.err).toContain('Bruk: tilskudd check FIL.xlsx');
    expect(r.err).not.toMatch(/Unknown option|To specify a positional/);
    const en = await cli('publish', 'x.xlsx', '--lang', 'en', '--fromat', 'overview');
    expect(en.err).toMatch(/^Unknown option "--fromat"\. Did you mean --format\?/);
    const missing = await cli('memo', 'x.xlsx', '--out');
    expect(missing.err).toMatch(/Valget --out trenger en verdi/);
  });

  it.each(COMMAND_NAMES)('tilskudd %s --help prints its usage and options (exit 0)', async (name) => {
    for (const [flag, lang, word] of [
      ['--help', 'nb', 'Bruk'],
      ['-h', 'en', 'Usage'],
    ] as const) {
      const r = await cli(name, flag, '--lang', lang);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^${word}: tilskudd ${name} `));
      expect(r.out).toContain('--lang nb|en');
      expect(r.err).toBe('');
    }
  });

  it('tilskudd alone prints the usage on stderr and exits 2; help prints it on stdout', async () => {
    const r = await cli();
    expect([r.code, r.out]).toEqual([2, '']);
    for (const name of COMMAND_NAMES) expect(r.err).toContain(`tilskudd ${name} `);
    const help = await cli('help');
    expect([help.code, help.err]).toEqual([0, '']);
    expect(help.out).toContain('Bruk:');
  });

  it("the CLI's own status lines and errors follow --lang", async () => {
    const file = tmp('en.xlsx');
    expect((await cli('init', file, '--lang', 'en')).out).toBe(`Wrote the template ${file}.`);
    expect((await cli('init', file, '--lang', 'en')).err).toMatch(/already exists/);
    const memo = tmp('memo.md');
    expect((await cli('memo', file, '--out', memo, '--lang', 'en')).out).toBe(
      `Wrote the decision memo ${memo}.`,
    );
    expect((await cli('check', tmp('none.xlsx'), '--lang', 'en')).err).toMatch(/does not exist/);
  });
});

describe('check output', () => {
  it('--json gives shares unrounded', async () => {
    const json = JSON.parse((await cli('check', await workbook(), '--json')).out) as {
      years: Record<string, { categories: Record<string, { share: number }> }>;
    };
    expect(json.years['2025']!.categories['administration']!.share).toBe(939_829 / 9_160_000);
  });

  it('the human report keeps columns apart at any amount', async () => {
    const file = await workbook((v) => {
      set(v, ALLOCATIONS.name, 2, 'Beløp', 1_000_000_000);
      v['Innstillinger']!.find((r) => r[0] === 'Ramme')![1] = 100_000_000_000;
    });
    const out = (await cli('check', file)).out;
    const table = out.split('\n').filter((l) => /^ {2}(Kategori|Innovasjon|Administrasjon|Samdrift)/.test(l));
    expect(table.length).toBeGreaterThanOrEqual(4);
    expect(out).toContain('15\u00a0000\u00a0000\u00a0000\u00a0kr');
    // Columns are separated by at least two ordinary spaces (amounts group with NBSPs).
    for (const line of table) expect(line.trim().split(/ {2,}/).length).toBeGreaterThanOrEqual(5);
  });
});

describe('every cell the product reads is understood or flagged', () => {
  it('finds the header row below a title, says so on stderr, and points at the right rows', async () => {
    const file = await workbook((v) => {
      v[APPLICATIONS.name]!.unshift(['Søknader våren 2025 (eksportert fra Sheets)'], []);
    });
    const r = await cli('check', file, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Merk: Arket «Søknader» har overskriftene i rad 3; rad 1–2 er lest som tittel og ikke som data.',
    );
    const json = JSON.parse(r.out) as { findings: Array<{ rule: string; message: string }> };
    expect(json.findings.some((f) => /mangler kolonne/.test(f.message))).toBe(false);
    // The first application is now in sheet row 4.
    const contract = json.findings.find((f) => f.rule === 'contract-missing')!;
    expect(contract.message).toContain('Søknader rad 4');
  });

  it('names a formula cell without a cached value as such (not as a missing amount)', async () => {
    const file = await workbook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const col = APPLICATIONS.fields.findIndex((f) => f.header === 'Søkt beløp') + 1;
    wb.getWorksheet('Søknader')!.getCell(2, col).value = {
      formula: 'SUM(Budsjett!C2:C3)',
    } as ExcelJS.CellValue;
    const formula = tmp('formula.xlsx');
    await wb.xlsx.writeFile(formula);
    const r = await cli('check', formula, '--json');
    const json = JSON.parse(r.out) as { findings: Array<{ rule: string; message: string }> };
    const f = json.findings.find((x) => x.rule === 'amount-invalid')!;
    expect(f.message).toContain('formelen «=SUM(Budsjett!C2:C3)»');
    expect(f.message).toContain('ikke lagret verdien');
    expect(json.findings.map((x) => x.message).join('\n')).not.toMatch(/mangler beløp/);
  });

  it('an unreadable Dato is an error named in the report and keeps the grant out of both exports', async () => {
    let row = 0;
    const file = await workbook((v) => {
      row = allocate(v, {
        Saksnr: '2025-05-001',
        Vedtak: 'Sekretariatet',
        Dato: 'medio oktober',
        Art: 'Tilleggsbevilling',
        Beløp: 12_345,
      });
    });
    const r = await cli('check', file);
    expect(r.out).toContain(
      `[date-invalid] Sak 2025-05-001 (Tildelinger rad ${row}, «Dato»): «medio oktober» er ikke en dato.`,
    );
    const csv = tmp('g.csv');
    const p = await cli('publish', file, '--format', '360giving', '--out', csv);
    expect(p.code).toBe(1);
    expect(p.err).toContain('[date-invalid]');
  });
});

describe('reading values without the whole workbook', () => {
  /** Rows without their trailing blanks: the full reader pads to the sheet's width, the stream does not. */
  const trimmed = (v: Record<string, readonly (readonly unknown[])[]>) =>
    Object.fromEntries(
      Object.entries(v).map(([name, rows]) => {
        const out = rows.map((r) => {
          const row = [...r].map((c) => (c === undefined ? '' : c));
          while (row.length > 0 && row[row.length - 1] === '') row.pop();
          return row;
        });
        while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
        return [name, out];
      }),
    );

  it('streams the same values the full reader sees, in Excel order and (by falling back) in any other', async () => {
    const file = await workbook((v) => {
      v[APPLICATIONS.name]!.splice(2, 0, []); // an empty row between two applications
    });
    const full = workbookValues(await loadWorkbook(file));
    expect(trimmed(await readValues(file))).toEqual(trimmed(full));
    // JSZip writes the parts in another order: the stream cannot start, the whole-file reader takes over.
    const reordered = await withEscapedText(APPLICATIONS.name, 2, 'Tittel', 'Agdermodellen');
    const fullReordered = workbookValues(await loadWorkbook(reordered));
    expect(trimmed(await readValues(reordered))).toEqual(trimmed(fullReordered));
  });
});
