import JSZip from 'jszip';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { cli, workDir } from './helpers';
import { buildWorkbook } from '../../src/cli/xlsx';
import type { CheckJson } from '../../src/cli/report';
import { ALLOCATIONS, APPLICATIONS } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { exampleWorkbook } from '../../src/example/agder';

// Nothing a user has is overwritten; every unreadable input is exit 2 with words; letters hold back
// what the check flags in the grant's own data.
const { tmp } = workDir('tilskudd-safety-');

type Values = Record<string, unknown[][]>;

async function workbook(edit: (v: Values) => void = () => {}): Promise<string> {
  const v = exampleWorkbook();
  edit(v);
  const file = tmp('wb.xlsx');
  await buildWorkbook(v, DEFAULT_SETTINGS).xlsx.writeFile(file);
  return file;
}

function set(v: Values, sheet: string, row: number, header: string, value: unknown): void {
  const c = v[sheet]![0]!.indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  v[sheet]![row - 1]![c] = value;
}

/** Appends a row by header. */
function add(v: Values, sheet: string, cells: Record<string, unknown>): void {
  v[sheet]!.push(v[sheet]![0]!.map((h) => cells[String(h)] ?? ''));
}

/** The CLI, or 'never finished' when its promise does not settle (the old 0-byte bug). */
const settled = (...argv: string[]) =>
  Promise.race([
    cli(...argv),
    new Promise<'never finished'>((done) => setTimeout(() => done('never finished'), 15_000).unref()),
  ]);

describe('no output onto an input, whatever its spelling', () => {
  const spellings: Array<[string, (file: string) => string]> = [
    ['the same path', (f) => f],
    ['a relative path', (f) => relative(process.cwd(), f)],
    ['./ and ..', (f) => join(f, '..', '.', f.split('/').pop()!)],
    [
      'a symbolic link',
      (f) => {
        const link = tmp('link.xlsx');
        symlinkSync(f, link);
        return link;
      },
    ],
    [
      'a hard link',
      (f) => {
        const link = tmp('hard.xlsx');
        linkSync(f, link);
        return link;
      },
    ],
  ];
  it.each(spellings)(
    'export --out onto the input through %s: exit 2, the workbook untouched',
    async (_, spell) => {
      const file = await workbook();
      const before = readFileSync(file);
      const out = spell(file);
      const r = await cli('export', file, '--format', 'economy', '--out', out, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--out «${out}» er innfila «${file}»`);
      expect(r.err).toMatch(/skriver aldri over arbeidsboka den leser/);
      expect(readFileSync(file).equals(before)).toBe(true);
    },
  );

  it('check --write, memo, publish and report refuse their input too', async () => {
    const file = await workbook();
    const before = readFileSync(file);
    for (const argv of [
      ['check', file, '--write', file],
      ['memo', file, '--out', file],
      ['publish', file, '--format', 'overview', '--out', file],
      ['report', file, '--kind', 'status', '--out', file],
    ]) {
      const r = await cli(...argv, '--force');
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toMatch(/er innfila/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('an existing output is replaced only with --force', () => {
  it.each([
    ['memo', ['--meeting', '2025-05-09'], 'sak.md'],
    ['publish', ['--format', '360giving'], 'g.csv'],
    ['export', ['--format', 'economy'], 'e.csv'],
    ['report', ['--kind', 'status', '--date', '2026-05-15'], 's.md'],
  ])('%s: exit 2 and the file kept, then --force replaces it', async (command, options, name) => {
    const file = await workbook();
    const out = tmp(name);
    writeFileSync(out, 'mine');
    const r = await cli(command, file, ...options, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `«${out}» finnes allerede, og Tilskudd erstatter ikke en fil uten at du ber om det. Velg et nytt filnavn med --out, eller legg til --force for å erstatte fila.`,
    );
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = await cli(command, file, ...options, '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe('mine');
  });

  it('check --write onto an earlier copy needs --force', async () => {
    const file = await workbook();
    const out = tmp('kontrollert.xlsx');
    expect((await cli('check', file, '--write', out)).code).toBe(1);
    const again = await cli('check', file, '--write', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/finnes allerede.*--write.*--force/);
    expect((await cli('check', file, '--write', out, '--force')).code).toBe(1);
  });

  it('letters refuse an existing letter, and two case ids that clean to one file name', async () => {
    const file = await workbook();
    const out = tmp('brev');
    expect((await cli('letters', file, '--out', out)).code).toBe(0);
    const again = await cli('letters', file, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/tildelingsbrev-2025-05-001\.docx» finnes allerede/);
    expect((await cli('letters', file, '--out', out, '--force')).code).toBe(0);

    const twins = await workbook((v) => {
      for (const id of ['X/1', 'X 1']) {
        add(v, APPLICATIONS.name, {
          ...Object.fromEntries(v[APPLICATIONS.name]![0]!.map((h, i) => [h, v[APPLICATIONS.name]![1]![i]])),
          Saksnr: id,
        });
        add(v, ALLOCATIONS.name, {
          Saksnr: id,
          Vedtak: 'SSU 20-2025',
          Dato: new Date(Date.UTC(2025, 4, 9)),
          Art: 'Ordinær',
          Kategori: 'Innovasjon/prosjekt',
          Beløp: 100_000,
        });
      }
    });
    const dir = tmp('tvillinger');
    const r = await cli('letters', twins, '--out', dir, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'To brev ville fått samme filnavn «tildelingsbrev-X_1.docx»: sak «X 1» og sak «X/1». Ingen brev er skrevet.',
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('--help says so', async () => {
    for (const command of ['check', 'memo', 'letters', 'publish', 'export', 'report']) {
      const r = await cli(command, '--help');
      expect(r.out).toMatch(/\[--force\]/);
      expect(r.out).toMatch(/skriver aldri over innfila/);
    }
  });
});

describe('every unreadable input is exit 2 with what it is and how to save it as .xlsx', () => {
  const commands = (file: string) => [
    ['check', file],
    ['check', file, '--json'],
    ['memo', file, '--out', tmp('m.docx')],
    ['publish', file, '--format', '360giving', '--out', tmp('p.csv')],
    ['export', file, '--format', 'economy', '--out', tmp('e.csv')],
  ];

  it('an empty (0-byte) .xlsx ends with exit 2 (it used to end without an exit code, so 0)', async () => {
    const file = tmp('tom.xlsx');
    writeFileSync(file, '');
    for (const argv of commands(file)) {
      const r = await settled(...argv);
      expect(r).not.toBe('never finished');
      if (r === 'never finished') return;
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `«${file}» er tom (0 byte): den ble kanskje ikke lagret ferdig, eller kopieringen stoppet. Åpne originalen i Excel, lagre den som «Excel-arbeidsbok (.xlsx)», og prøv igjen.`,
      );
    }
  });

  it.each([
    [
      'avkortet.xlsx',
      async () => readFileSync(await workbook()).subarray(0, 3000),
      /er ufullstendig \(avkortet\)/,
    ],
    ['tekst.xlsx', async () => Buffer.from('bare tekst\n'), /er en tekstfil \(CSV eller lignende\)/],
    [
      'data.csv',
      async () => Buffer.from('Saksnr;Tittel\n2025-05-001;A\n'),
      /er en tekstfil \(CSV eller lignende\)/,
    ],
    [
      'gammel.xls',
      async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /er en eldre Excel-fil \(\.xls\)/,
    ],
    [
      'regneark.ods',
      async () => {
        const zip = new JSZip();
        zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
        zip.file('content.xml', '<office:document-content/>');
        return zip.generateAsync({ type: 'nodebuffer' });
      },
      /er et OpenDocument-regneark \(\.ods\)/,
    ],
    [
      'zip.xlsx',
      async () => new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' }),
      /er en zip-fil, men ikke en Excel-arbeidsbok/,
    ],
  ])('%s', async (name, bytes, what) => {
    const file = tmp(name);
    writeFileSync(file, await bytes());
    for (const argv of commands(file)) {
      const r = await settled(...argv);
      if (r === 'never finished') throw new Error(`${argv.join(' ')} never finished`);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(what);
      expect(r.err).toContain(`«${file}»`);
      if (!/avkortet/.test(name)) expect(r.err).toMatch(/Lagre som › «Excel-arbeidsbok \(\.xlsx\)»/);
    }
  });

  it('a folder as input is named as a folder, with no file name made up inside it', async () => {
    const folder = tmp('mappe.xlsx');
    mkdirSync(folder);
    const r = await cli('memo', folder, '--out', tmp('m.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `«${folder}» er en mappe, ikke en arbeidsbok. Oppgi selve .xlsx-fila, ikke mappa den ligger i.`,
    );
  });

  it.each(['Soknader', 'Søknad'])('a sheet renamed «%s» is named as the likely «Søknader»', async (name) => {
    const file = await workbook((v) => {
      v[name] = v[APPLICATIONS.name]!;
      delete v[APPLICATIONS.name];
    });
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^Fant ikke arket «Søknader»\\. Mente du «${name}»\\?`));
  });

  it('a renamed header is named as the likely one', async () => {
    const file = await workbook((v) => set(v, APPLICATIONS.name, 1, 'Tittel', 'Titel'));
    const r = await cli('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/mangler kolonnen «Tittel» i rad 1\. Mente du «Titel» for «Tittel»\?/);
  });

  it("an option without its value shows that option's own kind of value", async () => {
    const file = await workbook();
    expect((await cli('check', file, '--year')).err).toMatch(
      /^Valget --year trenger en verdi, f\.eks\. --year 2025\./,
    );
    expect((await cli('check', file, '--date')).err).toMatch(/f\.eks\. --date 2025-05-09\./);
    expect((await cli('memo', file, '--out')).err).toMatch(/f\.eks\. --out SAK\.docx\./);
    expect((await cli('report', file, '--kind')).err).toMatch(/f\.eks\. --kind plan\./);
    expect((await cli('check', file, '--lang')).err).toMatch(/f\.eks\. --lang nb\./);
  });
});

describe('the totals say what they leave out', () => {
  it('a grant whose amount or period cannot be read is named under the totals, once; none: no line', async () => {
    const file = await workbook((v) => {
      set(v, ALLOCATIONS.name, 3, 'Beløp', 'mange penger');
      set(v, ALLOCATIONS.name, 5, 'Fra', 'snart');
    });
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    const line =
      '2 tildelinger (sak 2025-05-002, 2025-05-001) er holdt utenfor summene fordi beløpet eller perioden ikke kan leses. Rett feilene i Tildelinger, så telles de med.';
    expect(r.out.split('\n').filter((l) => l === line)).toHaveLength(1);
    // Under the year's totals, before the findings.
    expect(r.out.indexOf(line)).toBeGreaterThan(r.out.indexOf('Tildelt'));
    expect(r.out.indexOf(line)).toBeLessThan(r.out.indexOf('Feil ('));
    const en = await cli('check', file, '--lang', 'en');
    expect(en.out).toContain('2 allocations (case 2025-05-002, 2025-05-001) are left out of the totals');
    expect((await cli('check', await workbook())).out).not.toMatch(/holdt utenfor summene/);
  });

  it('check --json carries the same: each row left out with its case and rules, and the sentence', async () => {
    const file = await workbook((v) => {
      set(v, ALLOCATIONS.name, 3, 'Beløp', 'mange penger');
      set(v, ALLOCATIONS.name, 5, 'Fra', 'snart');
    });
    const r = await cli('check', file, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.leftOutOfTotals.allocations).toEqual([
      { row: 3, caseId: '2025-05-002', rules: ['amount-invalid'] },
      { row: 5, caseId: '2025-05-001', rules: ['period-invalid'] },
    ]);
    expect(json.leftOutOfTotals.message).toMatch(
      /^2 tildelinger \(sak 2025-05-002, 2025-05-001\) er holdt utenfor/,
    );
    const none = JSON.parse((await cli('check', await workbook(), '--json')).out) as CheckJson;
    expect(none.leftOutOfTotals).toEqual({ allocations: [], message: '' });
  });
});

describe("letters hold back what the check flags in the grant's own data", () => {
  it('a blank decision date: that grant gets no letter, is named, and the command exits 1', async () => {
    const file = await workbook((v) => set(v, ALLOCATIONS.name, 3, 'Dato', ''));
    const out = tmp('brev');
    const r = await cli('letters', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^Holdt utenfor \(rett feilen og kjør på nytt\): Tildelinger rad 3, sak 2025-05-002:\n {4}\[date-invalid\]/,
    );
    expect(readdirSync(out).sort()).toEqual([
      'tildelingsbrev-2025-05-001.docx',
      'tilleggsbevilling-2025-05-001-1.docx',
    ]);
  });

  it('a case id two applications share: no letter with a title that may be the wrong one', async () => {
    const file = await workbook((v) => {
      const row = [...v[APPLICATIONS.name]![2]!];
      v[APPLICATIONS.name]!.push(row);
      set(v, APPLICATIONS.name, 4, 'Saksnr', '2025-05-001');
      set(v, APPLICATIONS.name, 4, 'Tittel', 'Et annet prosjekt');
    });
    const out = tmp('brev');
    const r = await cli('letters', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Tildelinger rad 2, sak 2025-05-001:\n {4}\[case-id-invalid\]/);
    expect(readdirSync(out)).toEqual(['tildelingsbrev-2025-05-002.docx']);
  });

  it('findings on the application itself never hold a decided grant back', async () => {
    const file = await workbook();
    const check = await cli('check', file, '--json');
    const errors = (JSON.parse(check.out) as { findings: Array<{ severity: string; ref: string }> }).findings;
    expect(errors.some((f) => f.severity === 'error' && f.ref.startsWith('2025-05-00'))).toBe(true);
    const out = tmp('brev');
    const r = await cli('letters', file, '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'tildelingsbrev-2025-05-001.docx',
      'tildelingsbrev-2025-05-002.docx',
      'tilleggsbevilling-2025-05-001-1.docx',
    ]);
  });

  it('memo, export and report name the same grants and exit 1', async () => {
    const file = await workbook((v) => set(v, ALLOCATIONS.name, 3, 'Dato', ''));
    for (const argv of [
      ['memo', file, '--out', tmp('m.md'), '--meeting', '2025-05-09'],
      ['export', file, '--format', 'economy', '--out', tmp('e.csv')],
      ['report', file, '--kind', 'status', '--date', '2026-05-15', '--out', tmp('s.md')],
    ]) {
      const r = await cli(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 1]);
      expect(r.err).toMatch(
        /Talt med slik arket viser den, men har feil .*Tildelinger rad 3, sak 2025-05-002/,
      );
    }
  });
});
