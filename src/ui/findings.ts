import type { Severity } from '../core/engine/findings';
import { countOf } from '../core/base/text';
import { boundsOf } from '../core/workbook/a1';
import { aboutRange, type Address } from '../core/portfolio/address';
import type { FindingView, FindingsView } from '../seam/api';
import { app, liveSummary, load, outcome, setLang, spinner, t, currentLang } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call } from './lib/run';
import { RULE_TITLES } from './rule-titles';

/**
 * Avvik: the findings grouped by severity and rule, filterable; a click selects the cell or row. «Avvik i
 * valgt celle» shows only the findings about the range selected in the sheet: why a cell is coloured, now
 * that the check's colours come from rules and carry no note.
 */
const root = app();
const list = h('div', { id: 'list' });
// The filter's effect is told in one short line; the list itself is no live region.
const summary = liveSummary({ id: 'shown' });
const message = h('div');
let view: FindingsView | null = null;
const filter = { text: '', severity: 'all' as Severity | 'all' };
/** The selected range whose findings are shown instead of the filtered list (null: the whole list). */
let selected: Address | null = null;
const cellButton = h('button', { type: 'button', id: 'at-cell', onclick: () => void showSelected() });

const ruleTitle = (rule: string) => RULE_TITLES[rule]?.[currentLang()] ?? rule;

const findingCount = (n: number) => countOf(n, t('avvik', 'finding'), t('avvik', 'findings'));

const SEVERITY: Record<Severity, () => string> = {
  error: () => t('Feil', 'Errors'),
  warning: () => t('Advarsler', 'Warnings'),
  info: () => t('Til orientering', 'For information'),
};

function render(): void {
  if (!view) return;
  if (selected) return renderSelected(view, selected);
  const needle = filter.text.trim().toLowerCase();
  const shown = view.findings.filter(
    (f) =>
      (filter.severity === 'all' || f.severity === filter.severity) &&
      (needle === '' || `${f.rule} ${f.ref} ${f.message}`.toLowerCase().includes(needle)),
  );
  summary.textContent =
    shown.length === view.findings.length
      ? t(`Viser alle ${findingCount(shown.length)}.`, `Showing all ${findingCount(shown.length)}.`)
      : t(
          `Viser ${shown.length} av ${findingCount(view.findings.length)}.`,
          `Showing ${shown.length} of ${findingCount(view.findings.length)}.`,
        );
  if (view.findings.length === 0) {
    summary.textContent = '';
    mount(list, h('div', { class: 'empty' }, t('Ingen avvik. Porteføljen følger reglene.', 'No findings.')));
    return;
  }
  if (shown.length === 0) {
    mount(
      list,
      h('div', { class: 'empty' }, t('Ingen avvik passer filteret.', 'No findings match the filter.')),
    );
    return;
  }
  mount(list, ...groups(shown, 2));
}

/** The findings by severity, then rule; headings from `level` (under the selection's heading: one down). */
function groups(shown: readonly FindingView[], level: 2 | 3): HTMLElement[] {
  const out: HTMLElement[] = [];
  const [severityTag, ruleTag] = level === 2 ? (['h2', 'h3'] as const) : (['h3', 'h4'] as const);
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const ofSeverity = shown.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    out.push(h(severityTag, {}, `${SEVERITY[severity]()} (${ofSeverity.length})`));
    const rules = [...new Set(ofSeverity.map((f) => f.rule))];
    for (const rule of rules) {
      const items = ofSeverity.filter((f) => f.rule === rule);
      out.push(
        h(
          'section',
          { 'aria-label': ruleTitle(rule) },
          h(
            'div',
            { class: 'group-head' },
            h('div', {}, h(ruleTag, {}, ruleTitle(rule)), h('code', { class: 'rule-id' }, rule)),
            h('span', { class: `chip ${severity}` }, items.length),
          ),
          h('ul', { class: 'plain' }, ...items.map((f) => h('li', {}, item(f)))),
        ),
      );
    }
  }
  return out;
}

/**
 * The findings about a selected range (any of a finding's cells in it), under a heading that takes focus;
 * the live summary says the outcome once. The filters are for the whole list and do not apply here.
 */
function renderSelected(v: FindingsView, at: Address): void {
  const where = `${at.sheet}!${at.a1}`;
  const bounds = boundsOf(at.a1);
  const cell = bounds !== null && bounds.top === bounds.bottom && bounds.left === bounds.right;
  const read = v.sheets.includes(at.sheet);
  const shown = read ? aboutRange(v.findings, at) : [];
  const [nb, en] = cell ? ['Cellen', 'The cell'] : ['Området', 'The range'];
  summary.textContent = !read
    ? t(
        `Kontrollen leser ikke arket «${at.sheet}», så ${where} har ingen avvik.`,
        `The check does not read the sheet "${at.sheet}", so ${where} has no findings.`,
      )
    : shown.length === 0
      ? t(
          `${nb} ${where} har ingen avvik fra siste kontroll.`,
          `${en} ${where} has no findings from the last check.`,
        )
      : t(
          `${nb} ${where} har ${findingCount(shown.length)} fra siste kontroll.`,
          `${en} ${where} has ${findingCount(shown.length)} from the last check.`,
        );
  const back = h(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: () => {
        selected = null;
        render();
        cellButton.focus();
      },
    },
    t('Vis alle avvik', 'Show all findings'),
  );
  mount(
    list,
    h(
      'div',
      { class: 'row-between at-head' },
      h('h2', { id: 'at-heading', tabindex: -1 }, `${t('Avvik i', 'Findings in')} ${where}`),
      back,
    ),
    // A colour with no finding behind it is left from an earlier check.
    read && shown.length === 0
      ? h(
          'p',
          { class: 'hint' },
          t(
            'Er cellen likevel farget, er fargen fra en eldre kontroll: trykk Kontroller på nytt.',
            'If the cell is still coloured, the colour is from an earlier check: press Check again.',
          ),
        )
      : null,
    ...groups(shown, 3),
  );
}

/** «Avvik i valgt celle»: asks the sheet for the selection, then shows its findings and focuses their heading. */
async function showSelected(): Promise<void> {
  cellButton.disabled = true;
  mount(message);
  const at = await load(message, call('findingsSelection'));
  cellButton.disabled = false;
  if (at === null) {
    // No answer (the refusal is in `message`), or Sheets has no selection.
    if (message.childElementCount === 0)
      outcome(message, 'info', t('Velg en celle i arket først.', 'Select a cell in the sheet first.'));
    return;
  }
  selected = at;
  render();
  document.getElementById('at-heading')?.focus();
}

function item(f: FindingView): HTMLElement {
  const where = f.target ? `${f.target.sheet}!${f.target.a1}` : '';
  const button = h(
    'button',
    {
      type: 'button',
      class: `finding ${f.severity}`,
      disabled: f.target === null,
      onclick: async () => {
        if (!f.target) return;
        const done = await load(message, call('findingsSelect', f.target));
        if (done !== null || message.childElementCount === 0) mount(message);
      },
    },
    h('span', { class: 'visually-hidden' }, `${SEVERITY[f.severity]()}: `),
    f.message,
    where ? h('span', { class: 'where' }, `${t('Gå til', 'Go to')} ${where}`) : null,
  );
  return button;
}

function counts(): HTMLElement {
  const errors = view?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const warnings = view?.findings.filter((f) => f.severity === 'warning').length ?? 0;
  return h(
    'div',
    { class: 'chips' },
    h('span', { class: `chip ${errors ? 'error' : 'ok'}` }, errorCount(errors)),
    h('span', { class: `chip ${warnings ? 'warning' : 'ok'}` }, warningCount(warnings)),
  );
}

const errorCount = (n: number) => countOf(n, t('feil', 'error'), t('feil', 'errors'));
const warningCount = (n: number) => countOf(n, t('advarsel', 'warning'), t('advarsler', 'warnings'));

function shell(): void {
  const searchId = uid();
  const severityId = uid();
  const recheck = h(
    'button',
    { type: 'button', class: 'primary', id: 'recheck' },
    t('Kontroller på nytt', 'Check again'),
  );
  const checked = h('span', { class: 'grow' });
  recheck.addEventListener('click', async () => {
    recheck.setAttribute('disabled', '');
    mount(message, spinner(t('Kontrollerer porteføljen …', 'Checking the portfolio …')));
    const fresh = await load(message, call('findingsRecheck'));
    recheck.removeAttribute('disabled');
    if (!fresh) return;
    view = fresh;
    const errors = errorCount(fresh.findings.filter((f) => f.severity === 'error').length);
    const warnings = warningCount(fresh.findings.filter((f) => f.severity === 'warning').length);
    mount(head, h('h1', {}, t('Avvik', 'Findings')), counts());
    mount(checked, stamp());
    render();
    outcome(
      message,
      'success',
      t(
        `Kontrollert: ${errors}, ${warnings}. Avvik-arket og markeringene er oppdatert.`,
        `Checked: ${errors}, ${warnings}. The Avvik sheet and highlights are updated.`,
      ),
    );
  });
  const search = h('input', {
    type: 'search',
    id: searchId,
    placeholder: t('Regel, sak eller tekst', 'Rule, case or text'),
  });
  // A filter is for the whole list: changing one leaves the selection's findings.
  search.addEventListener('input', () => {
    filter.text = search.value;
    selected = null;
    render();
  });
  const severity = h(
    'select',
    { id: severityId },
    h('option', { value: 'all' }, t('Alle', 'All')),
    h('option', { value: 'error' }, SEVERITY.error()),
    h('option', { value: 'warning' }, SEVERITY.warning()),
    h('option', { value: 'info' }, SEVERITY.info()),
  );
  severity.addEventListener('change', () => {
    filter.severity = severity.value as Severity | 'all';
    selected = null;
    render();
  });
  cellButton.textContent = t('Avvik i valgt celle', 'Findings in the selected cell');
  const head = h('div', { class: 'row-between' }, h('h1', {}, t('Avvik', 'Findings')), counts());
  mount(checked, stamp());
  mount(
    root,
    head,
    h(
      'p',
      { class: 'hint' },
      t('Klikk et avvik for å gå til cellen eller raden.', 'Click a finding to go to its cell or row.'),
    ),
    h(
      'div',
      { class: 'filters', role: 'search' },
      h('div', { class: 'field' }, h('label', { for: searchId }, t('Søk', 'Search')), search),
      h('div', { class: 'field' }, h('label', { for: severityId }, t('Alvorlighet', 'Severity')), severity),
    ),
    h('div', { class: 'at-cell' }, cellButton),
    summary,
    message,
    list,
    h('div', { class: 'footer' }, checked, recheck),
  );
  render();
}

function stamp(): string {
  if (!view) return '';
  const time = new Date(view.checkedAt).toLocaleTimeString(view.lang === 'nb' ? 'nb-NO' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${t('Sist kontrollert', 'Last checked')} ${time}`;
}

async function start(): Promise<void> {
  mount(root, spinner('Laster avvik …'));
  view = await load(root, call('findingsLoad'));
  if (!view) return;
  setLang(view.lang, 'Findings');
  shell();
}

void start();
