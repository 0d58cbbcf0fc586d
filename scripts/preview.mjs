// `npm run preview`: serves the built sidebars on localhost against the example workbook (see
// tests/ui/preview-server.ts). The server is bundled with esbuild so it runs on plain Node.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

mkdirSync('node_modules/.cache/tilskudd', { recursive: true });
await build({
  entryPoints: ['tests/ui/preview-server.ts'],
  outfile: 'node_modules/.cache/tilskudd/preview-server.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import('../node_modules/.cache/tilskudd/preview-server.cjs');
