// Builds the Apps Script bundle (build/Code.js + appsscript.json, clasp's rootDir) and the Node CLI (dist/cli.js).
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { buildUi } from './build-ui.mjs';

const GLOBAL = '__tilskudd';

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
