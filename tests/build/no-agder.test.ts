import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * No text the product shows is hard-wired to one community: Agder, its hospital trust, its regional
 * health authority or its board are settings (`src/core/workbook/settings.ts`, whose defaults are
 * Agder's) or the example workbook (`src/example`). Comments may name them; the names earlier
 * workbooks and forms used are kept as aliases so they still read.
 */
const ROOT = join(__dirname, '..', '..', 'src');
const WORDS = /Agder|SSHF|Sørlandet|Helse Sør-Øst|\bSSUs?\b/;
const SKIP = ['example', join('core', 'workbook', 'settings.ts')];
/** A line that keeps an old name readable: a header alias, a former form title, the old override name. */
const KEEPS_OLD_NAME = /aliases|formerTitles|BOARD_RANK_NAMES/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.some((s) => relative(ROOT, path) === s)) return [];
    return statSync(path).isDirectory() ? files(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** The code without its comments (line and block), line by line. */
const codeLines = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''))
    .split('\n')
    .map((l) => l.replace(/(^|[^:'"`])\/\/.*$/, '$1'));

describe('nothing hard-wired to Agder', () => {
  it('has no community name in the code outside the settings, the example and old names kept as aliases', () => {
    const hits: string[] = [];
    for (const path of files(ROOT)) {
      const lines = codeLines(readFileSync(path, 'utf8'));
      lines.forEach((line, i) => {
        if (!WORDS.test(line)) return;
        const alias = KEEPS_OLD_NAME.test(line) || KEEPS_OLD_NAME.test(lines[i - 1] ?? '');
        if (!alias) hits.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('finds a planted name (the check can fail)', () => {
    const line = codeLines("const x = 'Registrer SSUs rangering'; // SSU")[0]!;
    expect(WORDS.test(line)).toBe(true);
    expect(codeLines('// Sørlandet sykehus HF\n/** SSHF */')).toEqual(['', '']);
  });
});
