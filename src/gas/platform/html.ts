import { PAGES, type Page } from '../../seam/api';
import type { Lang } from '../../core/base/result';
/** Text for HTML built on the server (dialogs with links): every value escaped, nothing inserted raw. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
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
