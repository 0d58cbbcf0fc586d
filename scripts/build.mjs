// Builds the Apps Script bundle (build/Code.js + appsscript.json, clasp's rootDir) and the Node CLI (dist/cli.js).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { buildUi } from './build-ui.mjs';

const GLOBAL = '__tilskudd';

/**
 * What the bundle knows about itself, as constants (no work at load): the version (package.json), the
 * day it was built (UTC; `SOURCE_DATE_EPOCH` pins it for a reproducible build) and the newest section of
 * CHANGELOG.md. `TILSKUDD_ADDON=1` builds the editor add-on's menu (`createAddonMenu`, docs/install.md).
 */
export function buildInfo(env = process.env) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const epoch = env.SOURCE_DATE_EPOCH ? Number(env.SOURCE_DATE_EPOCH) * 1000 : Date.now();
  const built = new Date(epoch).toISOString().slice(0, 10);
  const [, newest = ''] = readFileSync('CHANGELOG.md', 'utf8').split(/^## .*$/m);
  const news = newest
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
  return {
    __TILSKUDD_VERSION__: JSON.stringify(version),
    __TILSKUDD_BUILT__: JSON.stringify(built),
    __TILSKUDD_NEWS__: JSON.stringify(news),
    __TILSKUDD_ADDON__: JSON.stringify(env.TILSKUDD_ADDON === '1'),
  };
}

/**
 * Apps Script only sees top-level function declarations, and esbuild drops JSDoc. So for every function
 * exported from the entry, append its JSDoc (keeping @customfunction) and a stub with the real parameter
 * names that delegates into the bundle. Only functions are stubbed, never classes or constants.
 */
export function stubsFor(entryFile) {
  const source = ts.createSourceFile(
    entryFile,
    readFileSync(entryFile, 'utf8'),
    ts.ScriptTarget.ES2020,
    true,
  );
  const stubs = [];
  for (const node of source.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const name = node.name.text;
    const params = node.parameters.map((p) => p.name.getText(source));
    const jsdoc = ts
      .getJSDocCommentsAndTags(node)
      .filter(ts.isJSDoc)
      .map((d) => d.getText(source))
      .join('\n');
    const args = params.join(', ');
    stubs.push(`${jsdoc}\nfunction ${name}(${args}) {\n  return ${GLOBAL}.${name}(${args});\n}`);
  }
  return stubs.join('\n\n');
}

async function buildAppsScript() {
  rmSync('build', { recursive: true, force: true });
  mkdirSync('build', { recursive: true });
  const result = await build({
    entryPoints: ['src/main.ts'],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    define: buildInfo(),
    // Minified inside the IIFE (every custom-function cell parses the whole file); the top-level stubs
    // appended below keep their names, parameters and JSDoc, which is all Sheets and clasp need.
    minifySyntax: true,
    minifyWhitespace: true,
    minifyIdentifiers: true,
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  writeFileSync('build/Code.js', `${code}\n${stubsFor('src/main.ts')}\n`);
  copyFileSync('appsscript.json', 'build/appsscript.json');
  await buildUi('build');
}

async function buildCli() {
  mkdirSync('dist', { recursive: true });
  await build({
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync('dist/cli.js', 0o755);
}

await Promise.all([buildAppsScript(), buildCli()]);
