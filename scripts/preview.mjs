// `npm run preview`: serves the built sidebars on localhost against the example workbook (see
// tests/ui/preview-server.ts). The server is bundled with esbuild so it runs on plain Node.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['tests/ui/preview-server.ts'],
  outfile: 'dist/preview-server.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // The server and the sandbox find build/ relative to their own source folder (tests/ui, tests/gas:
  // the same depth), not to the bundle's.
  define: { __dirname: JSON.stringify(resolve('tests/ui')) },
});
await import(pathToFileURL(resolve('dist/preview-server.cjs')).href);
