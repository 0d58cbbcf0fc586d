import { PAGES, type Page } from '../../seam/api';
import type { Lang } from '../../core/base/result';
/** Text for HTML built on the server (dialogs with links): every value escaped, nothing inserted raw. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * A dialog built on the server as a whole document: its language and title (what a screen reader announces
 * first), a viewport so it reflows when narrow or zoomed, and `body` (already escaped by the caller).
 */
export function htmlDocument(title: string, lang: Lang, style: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>`
  );
}

/** Shows a built page (`build/<page>.html`) as a sidebar or a dialog, titled in the user's language. */
export function showPage(page: Page, lang: Lang): void {
  const title = PAGES[page].title[lang];
  const output = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  const ui = SpreadsheetApp.getUi();
  if (PAGES[page].kind === 'dialog') ui.showModalDialog(output.setWidth(480).setHeight(660), title);
  else ui.showSidebar(output);
}
