import JSZip from 'jszip';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { buildWorkbook } from '../../src/cli/xlsx';
import { docsRequests } from '../../src/core/documents/docs-requests';
import { buildLetter, grants } from '../../src/core/documents/letter';
import { buildBoardStatus } from '../../src/core/documents/follow-up/board-status';
import { buildAnnualReport } from '../../src/core/documents/follow-up/annual-report';
import { buildMemo } from '../../src/core/documents/memo';
import { buildOverview } from '../../src/core/documents/overview';
import { toMarkdown } from '../../src/core/documents/text';
import { APPLICATION_FORM, questionTitle } from '../../src/core/intake/application-form';
import { mapSubmission } from '../../src/core/intake/intake';
import { checkWorkbook } from '../../src/core/check/check';
import { readPortfolio } from '../../src/core/portfolio/records';
import { AGDER_WORDS, innlandetWorkbook } from '../fixtures/innlandet';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Nothing hard-wired to Agder: a made-up Helsefellesskapet Innlandet (its own hospital trust, regions,
 * frame, key and board) runs the check, the memo, the letters, the overview, the 360Giving export and
 * the application form, and no text it writes says Agder, SSHF or Sørlandet.
 */
const values = innlandetWorkbook();
const settings = readPortfolio(values).settings;
const TODAY = new Date(Date.UTC(2026, 11, 1));
const result = checkWorkbook(values, { today: TODAY });

const dir = mkdtempSync(join(tmpdir(), 'tilskudd-innlandet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, text: [...out, ...err].join('\n') };
}

/** Every file under `root`, recursively. */
const files = (root: string): string[] =>
  readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

/** The text of a file as a reader (or Word, or Excel) would find it: every XML part of a zip, or the file. */
async function contentOf(path: string): Promise<string> {
  const buffer = readFileSync(path);
  if (buffer.subarray(0, 2).toString() !== 'PK') return buffer.toString('utf8');
  const zip = await JSZip.loadAsync(buffer);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('another health community: Helsefellesskapet Innlandet', () => {
  it('reads its settings: its own trust, board and frame', () => {
    expect(settings.community).toBe('Helsefellesskapet Innlandet');
    expect(settings.hospitalTrust).toBe('Sykehuset Innlandet HF');
    expect(settings.hospitalTrustShort).toBe('SI');
    expect(settings.defaultFrame).toBe(6_400_000);
  });

  it('writes rule messages and facts that name its trust, never Agder', () => {
    const rules = new Set(result.findings.map((f) => f.rule));
    // The rules whose texts name the hospital trust did fire.
    for (const rule of [
      'parties-missing',
      'agreement-missing',
      'own-contribution-missing',
      'budget-incomplete',
    ])
      expect(rules).toContain(rule);
    const texts = result.findings.flatMap((f) => [f.message.nb, f.message.en, f.fact.nb, f.fact.en]);
    expect(texts.filter((t) => AGDER_WORDS.test(t))).toEqual([]);
    expect(texts.join('\n')).toContain('SI er ikke part i søknaden.');
  });

  it('builds memo, letters and overview, in both languages, without Agder', () => {
    for (const lang of ['nb', 'en'] as const) {
      const docs = [
        buildMemo(result, { meetingDate: '2026-04-15', cases: ['2026-03-001', '2026-03-002'], lang }),
        ...grants(result).map((g) => buildLetter(result, g, { lang })),
        buildOverview(result, 2026, lang),
      ];
      for (const doc of docs) {
        const text = `${toMarkdown(doc)}\n${JSON.stringify(docsRequests(doc))}`;
        expect(text).not.toMatch(AGDER_WORDS);
      }
    }
    const memo = toMarkdown(
      buildMemo(result, { meetingDate: '2026-04-15', cases: ['2026-03-001', '2026-03-002'] }),
    );
    expect(memo).toContain('Hamar, Stange, Løten, SI');
    expect(memo).toContain('(sak 12-2025)');
  });

  it('builds the board status and the annual report from its own settings, in both languages', () => {
    for (const lang of ['nb', 'en'] as const) {
      const docs = [
        buildBoardStatus(result, { date: day('2026-12-01'), caseNumber: '09-2026', lang }),
        buildAnnualReport(result, { year: 2026, date: day('2027-01-15'), lang }),
      ];
      for (const doc of docs) {
        const text = `${toMarkdown(doc)}\n${JSON.stringify(docsRequests(doc))}`;
        expect(text).not.toMatch(AGDER_WORDS);
      }
    }
    const status = buildBoardStatus(result, { date: day('2026-12-01'), caseNumber: '09-2026' });
    expect(status.title).toBe('Statusrapport til porteføljestyret per 01.12.2026');
    const header = status.blocks[0]!;
    expect(header.type === 'table' && header.rows[0]).toEqual([
      'Råd/utvalg',
      'Porteføljestyret – Helsefellesskapet Innlandet',
    ]);
    expect(toMarkdown(status)).toContain(
      'Porteføljestyret tar statusrapporten for prosjektene per 01.12.2026',
    );
    const annual = buildAnnualReport(result, { year: 2026, date: day('2027-01-15') });
    const head = annual.blocks[0]!;
    expect(head.type === 'table' && head.rows.slice(0, 2)).toEqual([
      [
        'Fra',
        'Sykehuset Innlandet HF, som forvalter tilskuddet, utarbeidet av sekretariatet for Helsefellesskapet Innlandet',
      ],
      ['Til', 'Helse Midt-Norge RHF'],
    ]);
  });

  it('asks its own trust in the application form, and maps the answers back', () => {
    const texts = APPLICATION_FORM.flatMap((s) => [
      s.title.nb,
      s.title.en,
      s.help?.nb ?? '',
      s.help?.en ?? '',
      ...s.questions.flatMap((q) => [
        ...Object.values(questionTitle(q, settings)),
        q.help?.nb ?? '',
        q.help?.en ?? '',
        ...(q.choices?.(settings) ?? []),
      ]),
    ]);
    expect(texts.filter((t) => AGDER_WORDS.test(t))).toEqual([]);
    expect(texts).toContain('Deltar Sykehuset Innlandet HF (SI)?');
    const mapped = mapSubmission(
      { 'Deltar Sykehuset Innlandet HF (SI)?': ['Ja'], 'Egenandel SI (kr)': ['50000'] },
      settings,
    );
    expect(mapped.unmatched).toEqual([]);
    expect(mapped.cells.hospital).toBeDefined();
    expect(mapped.cells.ownHospital).toBe(50_000);
  });

  it('writes no Agder into any file the CLI makes from its workbook', async () => {
    const book = join(dir, 'innlandet.xlsx');
    await buildWorkbook(values, settings).xlsx.writeFile(book);
    const outputs = join(dir, 'ut');
    const runs = await Promise.all([
      cli('check', book, '--date', '2026-12-01', '--write', join(outputs, 'kontrollert.xlsx')),
      cli('check', book, '--date', '2026-12-01', '--json', '--lang', 'en'),
      cli('memo', book, '--out', join(outputs, 'memo.docx'), '--meeting', '2026-04-15', '--case', '05-2026'),
      cli('memo', book, '--out', join(outputs, 'memo.md'), '--meeting', '2026-04-15', '--lang', 'en'),
      cli('letters', book, '--out', join(outputs, 'brev')),
      cli('publish', book, '--format', 'overview', '--year', '2026', '--out', join(outputs, 'oversikt.docx')),
      cli('publish', book, '--format', '360giving', '--out', join(outputs, 'tildelinger.csv')),
      cli('publish', book, '--format', '360giving', '--out', join(outputs, 'tildelinger.json')),
      cli('publish', book, '--format', 'overview', '--year', '2026', '--out', join(outputs, 'oversikt.csv')),
      cli(
        'export',
        book,
        '--format',
        'economy',
        '--out',
        join(outputs, 'okonomi.csv'),
        '--date',
        '2026-12-01',
      ),
      cli(
        'report',
        book,
        '--kind',
        'status',
        '--date',
        '2026-12-01',
        '--case',
        '09-2026',
        '--out',
        join(outputs, 'status.docx'),
      ),
      cli(
        'report',
        book,
        '--kind',
        'annual',
        '--year',
        '2026',
        '--date',
        '2027-01-15',
        '--out',
        join(outputs, 'aarlig.docx'),
      ),
      cli('report', book, '--kind', 'plan', '--date', '2026-12-01', '--out', join(outputs, 'plan.md')),
    ]);
    for (const r of runs) expect(r.text).not.toMatch(AGDER_WORDS);
    const written = files(outputs);
    expect(written.length).toBeGreaterThanOrEqual(7);
    for (const path of [book, ...written]) {
      const content = await contentOf(path);
      expect(content.length).toBeGreaterThan(0);
      expect([path, content.match(AGDER_WORDS)?.[0] ?? null]).toEqual([path, null]);
    }
  });
});
