import { matches, type Filter, type Light, type ProjectView } from '../core/follow-up/overview';
import type { FollowUpView } from '../seam/api';
import { countOf } from '../core/base/text';
import { app, liveSummary, load, money, percent, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call } from './lib/run';

/**
 * Oppfølging: per project the three lights of the latest status report and the overall one, the economy
 * bar (paid against allocated, with the share of the period gone), the next due date and overdue reports;
 * filtered by region and light; a click selects the project's row in Søknader. Lights carry their word, so
 * they read without colour.
 */
const root = app();
const list = h('div', { id: 'list' });
// The filter's effect in one short live line; the cards themselves are no live region.
const summary = liveSummary({ id: 'shown' });
const message = h('div');
let view: FollowUpView | null = null;
const filter: Filter = { region: '', light: 'all' };

const LIGHT: Record<Light, () => string> = {
  green: () => t('Grønn', 'Green'),
  yellow: () => t('Gul', 'Yellow'),
  red: () => t('Rød', 'Red'),
};
const KIND = {
  halfYear: () => t('halvårsrapport', 'half-yearly report'),
  final: () => t('sluttrapport', 'final report'),
};

const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function light(l: Light | null, label?: string): HTMLElement {
  const word = l ? LIGHT[l]() : label ? '–' : t('Ingen rapport', 'No report');
  return h(
    'span',
    { class: `light ${l ?? 'none'}` },
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    label ? h('span', { class: 'light-label' }, `${label}: `) : null,
    word,
  );
}

function economy(p: ProjectView): HTMLElement | null {
  const e = p.economy;
  if (!e) return null;
  const used = Math.min(Math.max(e.usedShare, 0), 1);
  const elapsed = Math.min(Math.max(e.elapsedShare, 0), 1);
  return h(
    'div',
    { class: 'economy' },
    h(
      'div',
      {
        class: `meter${e.light === 'red' ? ' over' : ''}`,
        role: 'img',
        'aria-label': t(
          `Brukt ${percent(e.usedShare)} av tildelt, ${percent(e.elapsedShare)} av perioden gått`,
          `Used ${percent(e.usedShare)} of the allocation, ${percent(e.elapsedShare)} of the period gone`,
        ),
      },
      h('span', { style: `width:${(used * 100).toFixed(1)}%` }),
      h('i', { class: 'elapsed', style: `left:${(elapsed * 100).toFixed(1)}%` }),
    ),
    h(
      'div',
      { class: 'hint' },
      t(
        `Utbetalt ${money(e.paid)} av ${money(e.allocated)} (${percent(e.usedShare)}); ${percent(e.elapsedShare)} av perioden gått`,
        `Paid ${money(e.paid)} of ${money(e.allocated)} (${percent(e.usedShare)}); ${percent(e.elapsedShare)} of the period gone`,
      ),
      e.light ? h('span', {}, ' · ', light(e.light, t('beregnet', 'derived'))) : null,
    ),
  );
}

function card(p: ProjectView): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: `project ${p.lights.overall ?? 'none'}`,
      'data-case': p.caseId,
      onclick: async () => {
        const done = await load(message, call('followUpSelect', p.caseId));
        if (done !== null || message.childElementCount === 0) mount(message);
      },
    },
    h(
      'span',
      { class: 'project-head' },
      light(p.lights.overall),
      h('span', { class: 'project-title' }, p.title),
    ),
    h('span', { class: 'hint' }, [p.caseId, p.region, p.status].filter((x) => x !== '').join(' · ')),
    p.lastReport === null
      ? h('span', { class: 'hint' }, t('Ingen statusrapport ennå.', 'No status report yet.'))
      : h(
          'span',
          { class: 'lights' },
          light(p.lights.progress, t('Framdrift', 'Progress')),
          light(p.lights.economy, t('Økonomi', 'Economy')),
          light(p.lights.risk, t('Risiko', 'Risk')),
        ),
    economy(p),
    h(
      'span',
      { class: 'due' },
      p.nextDue
        ? `${t('Neste frist', 'Next due')}: ${day(p.nextDue.deadline)} (${KIND[p.nextDue.type]()})`
        : t('Ingen flere frister', 'No more due dates'),
      p.lastReport ? ` · ${t('Siste rapport', 'Last report')} ${day(p.lastReport)}` : '',
    ),
    ...p.overdue.map((o) =>
      h(
        'span',
        { class: 'overdue' },
        `${t('Forfalt', 'Overdue')}: ${KIND[o.type]()} ${day(o.deadline)}${o.deadline !== o.due ? ` (${t('utsatt fra', 'extended from')} ${day(o.due)})` : ''}`,
      ),
    ),
  );
}

function render(): void {
  if (!view) return;
  if (view.projects.length === 0) {
    mount(
      list,
      h('div', { class: 'empty' }, t('Ingen prosjekter å følge opp ennå.', 'No projects to follow up yet.')),
    );
    return;
  }
  const shown = view.projects.filter((p) => matches(p, filter));
  const all = countOf(view.projects.length, t('prosjekt', 'project'), t('prosjekter', 'projects'));
  summary.textContent =
    shown.length === view.projects.length
      ? t(`Viser alle ${all}.`, `Showing all ${all}.`)
      : t(`Viser ${shown.length} av ${all}.`, `Showing ${shown.length} of ${all}.`);
  mount(
    list,
    shown.length === 0
      ? h('div', { class: 'empty' }, t('Ingen prosjekter passer filteret.', 'No projects match the filter.'))
      : h('ul', { class: 'plain' }, ...shown.map((p) => h('li', {}, card(p)))),
  );
}

function counts(v: FollowUpView): HTMLElement {
  const by = (l: Light | null) => v.projects.filter((p) => p.lights.overall === l).length;
  const overdue = v.projects.reduce((n, p) => n + p.overdue.length, 0);
  return h(
    'div',
    { class: 'chips' },
    h('span', { class: 'chip error' }, countOf(by('red'), t('rød', 'red'), t('røde', 'red'))),
    h('span', { class: 'chip warning' }, countOf(by('yellow'), t('gul', 'yellow'), t('gule', 'yellow'))),
    h('span', { class: 'chip ok' }, countOf(by('green'), t('grønn', 'green'), t('grønne', 'green'))),
    h('span', { class: 'chip' }, `${by(null)} ${t('uten rapport', 'without report')}`),
    h(
      'span',
      { class: `chip ${overdue ? 'error' : 'ok'}` },
      countOf(overdue, t('forfalt rapport', 'overdue report'), t('forfalte rapporter', 'overdue reports')),
    ),
  );
}

function shell(v: FollowUpView): void {
  const regionId = uid();
  const lightId = uid();
  const region = h(
    'select',
    { id: regionId },
    h('option', { value: '' }, t('Alle', 'All')),
    ...v.regions.map((r) => h('option', { value: r }, r)),
  );
  region.addEventListener('change', () => {
    filter.region = region.value;
    render();
  });
  const lights = h(
    'select',
    { id: lightId },
    h('option', { value: 'all' }, t('Alle', 'All')),
    h('option', { value: 'red' }, LIGHT.red()),
    h('option', { value: 'yellow' }, LIGHT.yellow()),
    h('option', { value: 'green' }, LIGHT.green()),
    h('option', { value: 'none' }, t('Uten rapport', 'Without report')),
  );
  lights.addEventListener('change', () => {
    filter.light = lights.value as Filter['light'];
    render();
  });
  mount(
    root,
    h('div', { class: 'row-between' }, h('h1', {}, t('Oppfølging', 'Follow-up'))),
    counts(v),
    h(
      'p',
      { class: 'hint' },
      t(
        `Lys fra siste statusrapport; samlet lys er det verste av de tre. Frister per ${day(v.today)}. Klikk et prosjekt for å gå til raden.`,
        `Lights from the latest status report; the overall light is the worst of the three. Due dates as of ${day(v.today)}. Click a project to go to its row.`,
      ),
    ),
    h(
      'div',
      { class: 'filters', role: 'search' },
      h('div', { class: 'field' }, h('label', { for: regionId }, t('Region', 'Region')), region),
      h('div', { class: 'field' }, h('label', { for: lightId }, t('Lys', 'Light')), lights),
    ),
    summary,
    message,
    list,
  );
  render();
}

async function start(): Promise<void> {
  mount(root, spinner('Laster oppfølging …'));
  view = await load(root, call('followUpLoad'));
  if (!view) return;
  setLang(view.lang, 'FollowUp');
  shell(view);
}

void start();
