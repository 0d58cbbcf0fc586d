import type { Severity } from '../core/engine/findings';
import { countOf } from '../core/base/text';
import type { FindingView, FindingsView } from '../seam/api';
import { app, liveSummary, load, outcome, setLang, spinner, t, currentLang } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call } from './lib/run';
import { RULE_TITLES } from './rule-titles';

/** Avvik: the findings grouped by severity and rule, filterable; a click selects the cell or row. */
const root = app();
const list = h('div', { id: 'list' });
// The filter's effect is told in one short line; the list itself is no live region.
const summary = liveSummary({ id: 'shown' });
const message = h('div');
let view: FindingsView | null = null;
const filter = { text: '', severity: 'all' as Severity | 'all' };

const ruleTitle = (rule: string) => RULE_TITLES[rule]?.[currentLang()] ?? rule;

const findingCount = (n: number) => countOf(n, t('avvik', 'finding'), t('avvik', 'findings'));

const SEVERITY: Record<Severity, () => string> = {
  error: () => t('Feil', 'Errors'),
  warning: () => t('Advarsler', 'Warnings'),
  info: () => t('Til orientering', 'For information'),
};

function render(): void {
  if (!view) return;
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
  const groups: HTMLElement[] = [];
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const ofSeverity = shown.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    groups.push(h('h2', {}, `${SEVERITY[severity]()} (${ofSeverity.length})`));
    const rules = [...new Set(ofSeverity.map((f) => f.rule))];
    for (const rule of rules) {
      const items = ofSeverity.filter((f) => f.rule === rule);
      groups.push(
        h(
          'section',
          { 'aria-label': ruleTitle(rule) },
          h(
            'div',
            { class: 'group-head' },
            h('div', {}, h('h3', {}, ruleTitle(rule)), h('code', { class: 'rule-id' }, rule)),
            h('span', { class: `chip ${severity}` }, items.length),
          ),
          h('ul', { class: 'plain' }, ...items.map((f) => h('li', {}, item(f)))),
        ),
      );
    }
  }
  mount(list, ...groups);
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
  search.addEventListener('input', () => {
    filter.text = search.value;
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
    render();
  });
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
