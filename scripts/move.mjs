// Moves source files and rewrites every relative import to them and from them (src, tests, scripts), so
// a move changes only import lines and git still sees a rename.
//   node scripts/move.mjs old.ts new.ts [old2.ts new2.ts …]   (or one "old new" pair per line on stdin)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOTS = ['src', 'tests', 'scripts'];
const CODE = /\.(ts|mts|cts|mjs|cjs|js)$/;
// from '…', import('…'), require('…'), jest.mock('…'), import '…'
const SPEC =
  /(\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bjest\.mock\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\2/gm;

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return CODE.test(e.name) || e.name.endsWith('.css') ? [p] : [];
  });
}

function pairsFromArgs() {
  let words = process.argv.slice(2);
  if (words.length === 0) words = readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
  if (words.length % 2) throw new Error('give old and new paths in pairs');
  const pairs = [];
  for (let i = 0; i < words.length; i += 2)
    pairs.push([path.normalize(words[i]), path.normalize(words[i + 1])]);
  return pairs;
}

const pairs = pairsFromArgs();
const moved = new Map(pairs);
for (const [from, to] of pairs) {
  if (!existsSync(from)) throw new Error(`no such file: ${from}`);
  if (existsSync(to)) throw new Error(`already exists: ${to}`);
}
const all = ROOTS.flatMap(files);
const known = new Set(all);
const after = (f) => moved.get(f) ?? f;

/** The file a specifier names, as the import resolves it today, and how it was written. */
function resolve(fromFile, spec) {
  const base = path.normalize(path.join(path.dirname(fromFile), spec));
  for (const [file, style] of [
    [base, 'exact'],
    [`${base}.ts`, 'bare'],
    [base.replace(/\.js$/, '.ts'), 'js'],
    [path.join(base, 'index.ts'), 'dir'],
  ]) {
    if (known.has(file) && (style !== 'exact' || statSync(file).isFile())) return { file, style };
  }
  return null;
}

function specifier(fromFile, target, style) {
  let rel = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (style === 'bare') return rel.replace(/\.ts$/, '');
  if (style === 'js') return rel.replace(/\.ts$/, '.js');
  if (style === 'dir')
    return rel.endsWith('/index.ts') ? rel.slice(0, -'/index.ts'.length) || '.' : rel.replace(/\.ts$/, '');
  return rel;
}

let rewritten = 0;
for (const file of all) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SPEC, (whole, lead, quote, spec) => {
    const hit = resolve(file, spec);
    if (!hit) return whole;
    if (!moved.has(file) && !moved.has(hit.file)) return whole;
    const fresh = specifier(after(file), after(hit.file), hit.style);
    return fresh === spec ? whole : `${lead}${quote}${fresh}${quote}`;
  });
  if (next !== text) {
    writeFileSync(file, next);
    rewritten++;
  }
}
for (const [from, to] of pairs) {
  mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to]);
}
console.log(`moved ${pairs.length} file(s), rewrote imports in ${rewritten}`);
