import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { PAGES, type Page } from '../../src/seam/api';
import { deskWith } from '../gas/desk-helpers';
import { demoWorkbook } from './fixtures';
import { assertPlain, shimSource } from './shim';

/**
 * `npm run preview`: the built sidebars on localhost against the example workbook, with google.script.run
 * answered by the real bundle in the sandbox (in-memory fakes), so a person can try them without a Google
 * account. Changes live in memory until the server stops.
 */
const port = Number(process.env.PORT ?? 8765);
const sb = deskWith(demoWorkbook());
const build = resolve(__dirname, '../../build');
const shim = `<script>${shimSource('fetch')}</script>`;

function page(name: Page): string {
  const html = readFileSync(resolve(build, `${name}.html`), 'utf8');
  return html.replace('<head>', `<head>\n${shim}`);
}

const index = `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Tilskudd – forhåndsvisning</title>
<style>body{font:13px system-ui,sans-serif;margin:16px;background:#f1f3f4;color:#202124}
.row{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}
figure{margin:0}figcaption{font-weight:500;margin:0 0 8px}
iframe{border:1px solid #dadce0;background:#fff;border-radius:8px}</style></head><body>
<h1 style="font-size:18px;font-weight:500">Tilskudd – sidepaneler mot eksempelarbeidsboka</h1>
<p>Svarene kommer fra den bygde Apps Script-pakken i sandkassen (ingen Google-konto). Endringer lever i minnet til serveren stoppes.</p>
<div class="row">${(Object.keys(PAGES) as Page[])
  .map((name) => {
    const dialog = PAGES[name].kind === 'dialog';
    return `<figure><figcaption>${name}</figcaption><iframe title="${name}" src="/${name}" width="${dialog ? 480 : 300}" height="${dialog ? 660 : 800}"></iframe></figure>`;
  })
  .join('')}</div></body></html>`;

createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'POST' && url.startsWith('/rpc/')) {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      try {
        const result = sb.call(decodeURIComponent(url.slice(5)), ...(JSON.parse(body) as unknown[]));
        assertPlain(result);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (e) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : String(e));
      }
    });
    return;
  }
  const name = url.slice(1) as Page;
  if (name in PAGES) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(name));
  } else if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(index);
  } else {
    res.writeHead(404).end();
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`Tilskudd preview: http://localhost:${port}/  (Ctrl+C to stop)`);
});
