import type { PlanNode, PlanView } from '../seam/api';
import { countOf } from '../core/base/text';
import { app, liveSummary, load, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call } from './lib/run';

/**
 * Handlingsplan: the action plan as a tree (focus areas, main goals, measures) with lights and counts per
 * focus area; filters by responsible, organisation, region and light; a click selects the row in the sheet.
 * Each measure shows the grant projects that carry it, with their status.
 */
type Light = NonNullable<PlanNode['light']>;
const root = app();
const list = h('div', { id: 'list' });
// The filter's effect in one short live line; the tree itself is no live region.
const summary = liveSummary({ id: 'shown' });
const message = h('div');
let view: PlanView | null = null;
const filter = { owner: '', organisation: '', region: '', light: '' };

const LIGHT: Record<Light, () => string> = {
  green: () => t('Grønn', 'Green'),
  yellow: () => t('Gul', 'Yellow'),
  red: () => t('Rød', 'Red'),
  waiting: () => t('Venter', 'Waiting'),
};
const ORDER: Light[] = ['green', 'yellow', 'red', 'waiting'];
/** "1 grønn", "4 røde": the count takes the adjective's plural, as in the plan's annual review. */
const COUNTED: Record<Light, () => [string, string]> = {
  green: () => [t('grønn', 'green'), t('grønne', 'green')],
  yellow: () => [t('gul', 'yellow'), t('gule', 'yellow')],
  red: () => [t('rød', 'red'), t('røde', 'red')],
  waiting: () => [t('venter', 'waiting'), t('venter', 'waiting')],
};

const matches = (m: PlanNode) =>
  (filter.owner === '' || m.owner === filter.owner) &&
  (filter.organisation === '' || m.organisation === filter.organisation) &&
  (filter.region === '' || m.region === filter.region) &&
  (filter.light === '' || (m.light ?? 'none') === filter.light);

/** A light as a coloured dot and its word, so it reads without colour too. */
const lamp = (light: PlanNode['light'], status: string) =>
  h(
    'span',
    { class: `lamp ${light ?? 'none'}` },
    light ? LIGHT[light]() : status || t('Ingen status', 'No status'),
  );

function counts(measures: PlanNode[]): HTMLElement {
  return h(
    'div',
    { class: 'chips' },
    ...ORDER.filter((l) => measures.some((m) => m.light === l)).map((l) =>
      h(
        'span',
        { class: `lamp ${l}` },
        countOf(measures.filter((m) => m.light === l).length, ...COUNTED[l]()),
      ),
    ),
  );
}

async function select(row: number): Promise<void> {
  if (!view) return;
  const done = await load(message, call('findingsSelect', { sheet: view.sheet, a1: `${row}:${row}` }));
  if (done !== null || message.childElementCount === 0) mount(message);
}

function measure(m: PlanNode): HTMLElement {
  const who = [m.owner, m.organisation, m.region].filter((x) => x !== '').join(' · ');
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: `measure ${m.light ?? 'none'}`, onclick: () => void select(m.row) },
      h('span', { class: 'measure-head' }, h('b', {}, m.number), ' ', m.text),
      h(
        'span',
        { class: 'measure-meta' },
        lamp(m.light, m.status),
        who ? ` ${who}` : '',
        m.due ? ` · ${t('frist', 'due')} ${m.due}` : '',
      ),
      m.comment ? h('span', { class: 'measure-comment' }, m.comment) : null,
      ...m.findings.map((f) => h('span', { class: 'measure-finding' }, `⚠ ${f}`)),
    ),
    m.cases.length > 0
      ? h(
          'ul',
          { class: 'plain cases', 'aria-label': t('Prosjekter', 'Projects') },
          ...m.cases.map((c) =>
            h(
              'li',
              {},
              c.known
                ? `${t('Sak', 'Case')} ${c.caseId}: ${c.title} (${c.status || t('uten status', 'no status')}${c.economy ? `, ${t('økonomi', 'economy')} ${c.economy}` : ''})`
                : `${t('Sak', 'Case')} ${c.caseId}: ${t('finnes ikke i Søknader', 'not in Søknader')}`,
            ),
          ),
        )
      : null,
  );
}

function render(): void {
  if (!view) return;
  const items = view.items;
  if (items.length === 0) {
    mount(list, h('div', { class: 'empty' }, t('Handlingsplanen er tom.', 'The action plan is empty.')));
    return;
  }
  const filtering = Object.values(filter).some((v) => v !== '');
  const sections: HTMLElement[] = [];
  let shown = 0;
  items.forEach((focus, i) => {
    if (focus.level !== 1) return;
    const end = items.findIndex((x, j) => j > i && x.level === 1);
    const block = items.slice(i + 1, end < 0 ? items.length : end);
    const goals: HTMLElement[] = [];
    block.forEach((goal, g) => {
      if (goal.level !== 2) return;
      const next = block.findIndex((x, j) => j > g && x.level === 2);
      const measures = block
        .slice(g + 1, next < 0 ? block.length : next)
        .filter((m) => m.level === 3 && matches(m));
      if (filtering && measures.length === 0) return;
      shown += measures.length;
      goals.push(
        h(
          'div',
          { class: 'goal' },
          h(
            'h3',
            {},
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => void select(goal.row) },
              `${goal.number} ${goal.text}`,
            ),
          ),
          h('ul', { class: 'plain' }, ...measures.map(measure)),
        ),
      );
    });
    if (filtering && goals.length === 0) return;
    const all = block.filter((m) => m.level === 3 && matches(m));
    sections.push(
      h(
        'section',
        { class: 'card', 'aria-label': `${t('Fokusområde', 'Focus area')} ${focus.number}` },
        h(
          'h2',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => void select(focus.row) },
            `${focus.number} ${focus.text}`,
          ),
        ),
        counts(all),
        ...goals,
      ),
    );
  });
  const total = items.filter((m) => m.level === 3).length;
  const all = countOf(total, t('tiltak', 'measure'), t('tiltak', 'measures'));
  summary.textContent = filtering
    ? t(`Viser ${shown} av ${all}.`, `Showing ${shown} of ${all}.`)
    : t(`Viser alle ${all}.`, `Showing all ${all}.`);
  if (filtering && shown === 0) {
    mount(
      list,
      h('div', { class: 'empty' }, t('Ingen tiltak passer filteret.', 'No measure matches the filter.')),
    );
    return;
  }
  mount(list, ...sections);
}

function choice(label: string, key: keyof typeof filter, options: Array<[string, string]>): HTMLElement {
  const id = uid();
  const select = h(
    'select',
    { id },
    h('option', { value: '' }, t('Alle', 'All')),
    ...options.map(([value, text]) => h('option', { value }, text)),
  );
  select.addEventListener('change', () => {
    filter[key] = select.value;
    render();
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

function shell(): void {
  if (!view) return;
  const measures = view.items.filter((i) => i.level === 3);
  const distinct = (pick: (m: PlanNode) => string) =>
    [...new Set(measures.map(pick).filter((x) => x !== ''))]
      .sort((a, b) => a.localeCompare(b, 'nb'))
      .map((x): [string, string] => [x, x]);
  mount(
    root,
    h('div', { class: 'row-between' }, h('h1', {}, t('Handlingsplan', 'Action plan')), counts(measures)),
    h(
      'p',
      { class: 'hint' },
      t('Klikk et mål eller tiltak for å gå til raden.', 'Click a goal or measure to go to its row.'),
    ),
    h(
      'div',
      { class: 'filters', role: 'search' },
      choice(
        t('Ansvarlig', 'Responsible'),
        'owner',
        distinct((m) => m.owner),
      ),
      choice(
        t('Organisasjon', 'Organisation'),
        'organisation',
        distinct((m) => m.organisation),
      ),
      choice(
        t('Region', 'Region'),
        'region',
        distinct((m) => m.region),
      ),
      choice(t('Status', 'Status'), 'light', [
        ...ORDER.map((l): [string, string] => [l, LIGHT[l]()]),
        ['none', t('Uten status', 'No status')],
      ]),
    ),
    summary,
    message,
    list,
  );
  render();
}

async function start(): Promise<void> {
  mount(root, spinner('Laster handlingsplanen …'));
  view = await load(root, call('planLoad'));
  if (!view) return;
  setLang(view.lang, 'Plan');
  shell();
}

void start();
