// Builds each sidebar/dialog (src/ui/<entry>.ts + src/ui/styles.css) into ONE self-contained
// build/<Page>.html, served by HtmlService.createHtmlOutputFromFile (no templates, no external scripts).
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';

export const UI_PAGES = {
  Assessment: 'src/ui/assessment.ts',
  Dashboard: 'src/ui/dashboard.ts',
  Findings: 'src/ui/findings.ts',
  Supplement: 'src/ui/supplement.ts',
  FollowUp: 'src/ui/follow-up.ts',
  Payment: 'src/ui/payment.ts',
  Plan: 'src/ui/plan.ts',
  Setup: 'src/ui/setup.ts',
  Decisions: 'src/ui/decisions.ts',
};

/** `<?` would be read as a scriptlet if the file were ever served as a template; `</script` ends the tag. */
export function checkHtml(name, html) {
  if (html.includes('<?')) throw new Error(`build/${name}.html contains "<?"`);
  const scripts = html.split('<script>').length - 1;
  if (scripts !== 1) throw new Error(`build/${name}.html must have exactly one inline script`);
  if (/<script[^>]*\ssrc=|<link[^>]*stylesheet/i.test(html))
    throw new Error(`build/${name}.html loads external code`);
}

/** The pages' titles from `src/seam/api.ts`, the same constant the server's `setTitle` reads. */
async function pageTitles() {
  const api = await build({
    entryPoints: ['src/seam/api.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const source = Buffer.from(api.outputFiles[0].text).toString('base64');
  const { PAGES } = await import(`data:text/javascript;base64,${source}`);
  return Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, page.title.nb]));
}

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function buildUi(outDir = 'build') {
  const titles = await pageTitles();
  const css = (
    await build({
      entryPoints: ['src/ui/styles.css'],
      bundle: true,
      minify: true,
      write: false,
      logLevel: 'warning',
    })
  ).outputFiles[0].text;
  const sizes = {};
  await Promise.all(
    Object.entries(UI_PAGES).map(async ([name, entry]) => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        target: 'es2020',
        platform: 'browser',
        minify: true,
        legalComments: 'none',
        write: false,
        logLevel: 'warning',
        charset: 'utf8',
      });
      // Inside an inline script, "</script" and "<!--" must not appear literally; "<?" is refused above.
      const js = result.outputFiles[0].text
        .replace(/<\/(script)/gi, '<\\/$1')
        .replace(/<!--/g, '<\\!--')
        .replace(/<\?/g, '<\\?');
      const html = `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(titles[name])}</title>
<base target="_top">
<style>${css.replace(/<\//g, '<\\/')}</style>
</head>
<body>
<main id="app"></main>
<script>${js}</script>
</body>
</html>
`;
      checkHtml(name, html);
      writeFileSync(`${outDir}/${name}.html`, html);
      sizes[name] = html.length;
    }),
  );
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await buildUi();
  for (const [name, bytes] of Object.entries(sizes))
    console.log(`build/${name}.html ${(bytes / 1024).toFixed(1)} KB`);
}
