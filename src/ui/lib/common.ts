import { formatMoney } from '../../core/parse/money';
import type { Lang } from '../../core/base/result';
import { PAGES, type Page, type Result } from '../../seam/api';
import { h, mount, uid } from './dom';

/** The UI language, from the first answer of the server (the spreadsheet's locale). */
let lang: Lang = 'nb';
/** Sets the language and the page's title in it (the build wrote the Norwegian one). */
export const setLang = (l: Lang, page: Page) => {
  lang = l;
  document.documentElement.lang = l === 'nb' ? 'nb' : 'en';
  document.title = PAGES[page].title[l];
};
export const t = (nb: string, en: string) => (lang === 'nb' ? nb : en);
export const currentLang = () => lang;

export const money = (n: number) => formatMoney(Math.round(n));
export const percent = (x: number) =>
  `${(Math.round(x * 1000) / 10).toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB')} %`;
export const decimal = (x: number) =>
  x.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A message banner (role=alert for errors, status otherwise). */
export function banner(kind: 'error' | 'info' | 'success' | 'warning', text: string): HTMLElement {
  return h('div', { class: `banner banner-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/**
 * The outcome of an action (Kontroller på nytt, Lagre, Registrer): shown in `where` and focused, so
 * keyboard and screen reader users land on it and hear it once (it is no live region: focus reads it).
 */
export function outcome(where: HTMLElement, kind: 'info' | 'success' | 'warning', text: string): void {
  const note = banner(kind, text);
  note.removeAttribute('role');
  note.tabIndex = -1;
  note.classList.add('outcome');
  mount(where, note);
  note.focus();
}

/**
 * A short live summary ("Viser 12 av 40 avvik"): one persistent polite region per page whose text changes,
 * instead of whole lists as live regions.
 */
export function liveSummary(attrs: { class?: string; id?: string } = {}): HTMLElement {
  return h('p', { role: 'status', 'aria-atomic': 'true', class: 'hint', ...attrs });
}

export function spinner(text: string): HTMLElement {
  return h(
    'div',
    { class: 'loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spin' }),
    text,
  );
}

/** Runs a call, shows a refusal or failure in `where`, and returns the value or null. */
export async function load<T>(where: HTMLElement, work: Promise<Result<T>>): Promise<T | null> {
  try {
    const result = await work;
    if (result.ok) return result.value;
    mount(where, banner('error', result.error));
  } catch (e) {
    mount(
      where,
      banner(
        'error',
        `${t('Noe gikk galt', 'Something went wrong')}: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
  return null;
}

/**
 * «Registrer likevel»: the server refuses the same money registration within ten minutes as a repeat;
 * ticking this says it is a new one. Returns the field and a reader of its state.
 */
export function repeatBox(): { field: HTMLElement; confirmed: () => boolean } {
  const id = uid();
  const box = h('input', { type: 'checkbox', id, name: 'confirmed' }) as HTMLInputElement;
  const field = h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: id },
      box,
      ' ',
      t('Registrer likevel (ikke en gjentakelse)', 'Register anyway (not a repeat)'),
    ),
  );
  return { field, confirmed: () => box.checked };
}

export function app(): HTMLElement {
  return document.getElementById('app')!;
}
