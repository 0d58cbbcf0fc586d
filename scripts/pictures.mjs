// `npm run pictures`: writes docs/images/sidebar-findings.png and docs/images/memo-page-1.png (see
// tests/ui/pictures.ts). Needs Chromium, LibreOffice (soffice) and pdftoppm.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['tests/ui/pictures.ts'],
  outfile: 'dist/pictures.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // Paths are relative to the source folder (tests/ui, tests/gas: the same depth), not to the bundle's.
  define: { __dirname: JSON.stringify(resolve('tests/ui')) },
});
await import(pathToFileURL(resolve('dist/pictures.cjs')).href);
