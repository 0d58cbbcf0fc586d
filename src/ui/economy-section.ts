import type { EconomyProjectView, EconomyView } from '../core/money-flow/economy-view';
import { formatMoney } from '../core/parse/money';
import { money, percent, t } from './lib/common';
import { h, mount, uid } from './lib/dom';

/**
 * The economy in Fordeling: the chosen year's allocated against paid, and per project allocated, paid,
 * left and the derived light (a suggestion for the status report), sortable by each column and
 * filterable by region.
 */
type Key = 'caseId' | 'allocated' | 'paid' | 'remaining' | 'light';

const LIGHT = { green: ['grønn', 'green'], yellow: ['gul', 'yellow'], red: ['rød', 'red'] } as const;
const LIGHT_ORDER = { red: 0, yellow: 1, green: 2 } as const;

/** Whole kroner without the unit: the table says «kr» once, so it fits a sidebar. */
const kr = (n: number) => formatMoney(Math.round(n), false);

let sortBy: Key = 'light';
let ascending = true;
let region = '';

function compare(a: EconomyProjectView, b: EconomyProjectView): number {
  const d =
    sortBy === 'caseId'
      ? a.caseId < b.caseId
        ? -1
        : a.caseId > b.caseId
          ? 1
          : 0
      : sortBy === 'light'
        ? LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light]
        : a[sortBy] - b[sortBy];
  return ascending ? d : -d;
}

function table(economy: EconomyView, box: HTMLElement): HTMLElement {
  const rows = economy.projects.filter((p) => region === '' || p.region === region).sort(compare);
  const head = (key: Key, nb: string, en: string, num = true) => {
    const button = h(
      'button',
      { type: 'button', class: 'link' },
      t(nb, en),
      sortBy === key ? (ascending ? ' ▲' : ' ▼') : '',
    );
    button.addEventListener('click', () => {
      ascending = sortBy === key ? !ascending : true;
      sortBy = key;
      mount(box, table(economy, box));
      (box.querySelector(`th[data-key="${key}"] button`) as HTMLElement | null)?.focus();
    });
    return h(
      'th',
      {
        'data-key': key,
        class: num ? 'num' : '',
        'aria-sort': sortBy === key ? (ascending ? 'ascending' : 'descending') : 'none',
      },
      button,
    );
  };
  if (rows.length === 0)
    return h('p', { class: 'muted' }, t('Ingen prosjekter i utvalget.', 'No projects in the selection.'));
  return h(
    'table',
    { class: 'economy', id: 'economy' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head('caseId', 'Sak', 'Case', false),
        head('allocated', 'Tildelt', 'Allocated'),
        head('paid', 'Utbetalt', 'Paid'),
        head('remaining', 'Igjen', 'Left'),
        head('light', 'Lys', 'Light', false),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((p) =>
        h(
          'tr',
          {},
          h('td', { title: p.title }, p.caseId),
          h('td', { class: 'num' }, kr(p.allocated)),
          h('td', { class: 'num' }, kr(p.paid)),
          h('td', { class: 'num' }, kr(p.remaining)),
          h(
            'td',
            {},
            h('span', { class: `light light-${p.light}` }, t(LIGHT[p.light][0], LIGHT[p.light][1])),
          ),
        ),
      ),
    ),
  );
}

export function economySection(economy: EconomyView, year: number): HTMLElement {
  const y = economy.years.find((x) => x.year === year);
  const regionId = uid();
  const regions = [...new Set(economy.projects.map((p) => p.region).filter((r) => r !== ''))].sort();
  const select = h(
    'select',
    { id: regionId },
    h('option', { value: '' }, t('Alle regioner', 'All regions')),
    ...regions.map((r) => h('option', { value: r, selected: r === region }, r)),
  );
  const box = h('div', { class: 'table-wrap' });
  select.addEventListener('change', () => {
    region = select.value;
    mount(box, table(economy, box));
  });
  mount(box, table(economy, box));
  return h(
    'div',
    { class: 'section', id: 'economy-section' },
    h('h2', {}, t('Økonomi', 'Economy')),
    y
      ? h(
          'p',
          { id: 'economy-year' },
          t(
            `${year}: utbetalt ${money(y.paid)} av tildelt ${money(y.allocated)} (${percent(y.allocated > 0 ? y.paid / y.allocated : 0)}).`,
            `${year}: paid ${money(y.paid)} of ${money(y.allocated)} allocated (${percent(y.allocated > 0 ? y.paid / y.allocated : 0)}).`,
          ),
        )
      : null,
    h(
      'p',
      { class: 'hint' },
      t(
        'Beløp i kr. Lyset er et forslag til statusrapporten: andel utbetalt mot andel av perioden som er gått.',
        'Amounts in NOK. The light is a suggestion for the status report: share paid against share of the period gone.',
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: regionId }, t('Region', 'Region')), select),
    box,
  );
}
