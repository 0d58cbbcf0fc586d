import { CATEGORY_LABELS } from '../core/workbook/categories';
import type { Candidate, PotView, YearView } from '../core/money-flow/dashboard';
import { whatIf } from './lib/what-if';
import type { DashboardView } from '../seam/api';
import { countOf } from '../core/base/text';
import { app, liveSummary, load, money, percent, setLang, spinner, t, currentLang } from './lib/common';
import { h, mount, s } from './lib/dom';
import { call } from './lib/run';
import { economySection } from './economy-section';

/**
 * Fordeling: per budget year the frame, allocated and remaining (pro rata by month), each pot against its
 * key as an inline SVG bar chart, the what-if of ticking undecided cases, and the supplementary authority
 * used and left per project.
 */
const root = app();
let view: DashboardView | null = null;
let year = 0;
/** The what-if starts empty: nothing undecided counts as allocated until someone ticks it. */
const chosen = new Set<string>();
/** One persistent live line: what the year's figures are now, said when the year or the what-if changes. */
const summary = liveSummary({ id: 'summary', class: 'visually-hidden' });
const body = h('div', { id: 'body' });

const COLORS = {
  base: '#1a73e8',
  over: '#d93025',
  added: '#8ab4f8',
  addedOver: '#f28b82',
  track: '#e8eaed',
  key: '#202124',
};

function bars(now: YearView, base: YearView): SVGElement {
  const width = 268;
  const rowHeight = 56;
  const svg = s('svg', {
    class: 'bars',
    viewBox: `0 0 ${width} ${rowHeight * now.pots.length}`,
    role: 'img',
    'aria-label': now.pots
      .map((p, i) => {
        const before = base.pots[i]!.amount;
        const added = p.amount - before;
        return `${CATEGORY_LABELS[p.id][currentLang()]}: ${money(before)} ${t('av nøkkelen', 'of the key')} ${money(p.keyAmount)}${added > 0 ? `, ${t('hva om', 'what-if')} +${money(added)}` : ''}`;
      })
      .join('; '),
  });
  now.pots.forEach((pot: PotView, i) => {
    const before = base.pots[i]!.amount;
    const scale = Math.max(pot.keyAmount, pot.amount, 1) * 1.08;
    const x = (n: number) => (n / scale) * width;
    const y = i * rowHeight;
    const over = pot.amount > pot.keyAmount;
    svg.append(
      s(
        'text',
        { x: 0, y: y + 14, 'font-size': 12, 'font-weight': 500, fill: '#202124' },
        CATEGORY_LABELS[pot.id][currentLang()],
      ),
      s(
        'text',
        { x: width, y: y + 14, 'font-size': 12, fill: over ? COLORS.over : '#5f6368', 'text-anchor': 'end' },
        `${percent(pot.keyAmount > 0 ? pot.amount / pot.keyAmount : 0)} ${t('av nøkkel', 'of key')}`,
      ),
      s('rect', { x: 0, y: y + 22, width, height: 12, rx: 3, fill: COLORS.track }),
      s('rect', {
        x: 0,
        y: y + 22,
        width: x(Math.min(before, scale)),
        height: 12,
        rx: 3,
        fill: before > pot.keyAmount ? COLORS.over : COLORS.base,
      }),
      s('rect', {
        x: x(Math.min(before, scale)),
        y: y + 22,
        width: Math.max(x(pot.amount - before), 0),
        height: 12,
        fill: over ? COLORS.addedOver : COLORS.added,
      }),
      s('line', {
        x1: x(pot.keyAmount),
        x2: x(pot.keyAmount),
        y1: y + 18,
        y2: y + 38,
        stroke: COLORS.key,
        'stroke-width': 2,
      }),
      s(
        'text',
        { x: 0, y: y + 50, 'font-size': 11, fill: '#5f6368' },
        `${money(pot.amount)} / ${money(pot.keyAmount)} (${percent(pot.key)})`,
      ),
    );
  });
  return svg;
}

function stat(label: string, value: string, extra = ''): HTMLElement {
  return h(
    'div',
    { class: `stat ${extra}` },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value),
  );
}

function yearCard(now: YearView, base: YearView): HTMLElement {
  const added = now.allocated - base.allocated;
  const used = base.frame > 0 ? base.allocated / base.frame : 0;
  return h(
    'section',
    { 'aria-label': `${t('Budsjettår', 'Budget year')} ${now.year}` },
    h(
      'div',
      { class: 'stats', id: 'figures' },
      stat(t('Ramme', 'Frame'), money(base.frame), 'wide'),
      stat(t('Tildelt', 'Allocated'), money(base.allocated)),
      stat(t('Gjenstår', 'Remaining'), money(base.remaining), base.remaining < 0 ? 'negative' : ''),
    ),
    h(
      'div',
      {
        class: `meter${used > 1 ? ' over' : ''}`,
        role: 'meter',
        'aria-label': t('Andel av rammen tildelt', 'Share of the frame allocated'),
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': Math.round(used * 100),
      },
      h('span', { style: `width:${Math.min(used, 1) * 100}%` }),
    ),
    h(
      'p',
      { class: 'hint' },
      `${percent(used)} ${t('av rammen', 'of the frame')}`,
      now.uncategorised > 0 ? ` · ${money(now.uncategorised)} ${t('uten kategori', 'without category')}` : '',
    ),
    view!.leftOut ? h('p', { class: 'hint', id: 'left-out' }, view!.leftOut) : null,
    added > 0
      ? h(
          'div',
          { class: 'card subtle whatif', id: 'whatif' },
          h('div', { class: 'card-title' }, t('Hva om – ikke vedtatt', 'What-if – not decided')),
          h(
            'div',
            { class: 'stats' },
            stat(t('Hva om', 'What-if'), `+${money(added)}`, 'wide'),
            stat(t('Tildelt med hva om', 'Allocated with what-if'), money(now.allocated)),
            stat(
              t('Gjenstår med hva om', 'Remaining with what-if'),
              money(now.remaining),
              now.remaining < 0 ? 'negative' : '',
            ),
          ),
        )
      : null,
    h('h2', {}, t('Kategorier mot nøkkelen', 'Categories against the key')),
    bars(now, base),
    h(
      'div',
      { class: 'legend', 'aria-hidden': 'true' },
      h('span', {}, h('i', { style: `background:${COLORS.base}` }), t('Tildelt', 'Allocated')),
      h('span', {}, h('i', { style: `background:${COLORS.added}` }), t('Hva om', 'What-if')),
      h('span', {}, h('i', { style: `background:${COLORS.key};width:2px` }), t('Nøkkel', 'Key')),
      h('span', {}, h('i', { style: `background:${COLORS.over}` }), t('Over nøkkel', 'Over key')),
    ),
  );
}

/** The live line: the year's figures, and the what-if beside them when something is ticked. */
function say(now: YearView, base: YearView): void {
  const added = now.allocated - base.allocated;
  const ticked = data().candidates.filter((c) => chosen.has(c.caseId)).length;
  summary.textContent =
    t(
      `${base.year}: tildelt ${money(base.allocated)}, gjenstår ${money(base.remaining)}.`,
      `${base.year}: allocated ${money(base.allocated)}, remaining ${money(base.remaining)}.`,
    ) +
    (ticked === 0
      ? ''
      : added === 0
        ? t(
            ` Hva om (${countOf(ticked, 'sak', 'saker')}): ingenting i ${base.year}.`,
            ` What-if (${countOf(ticked, 'case', 'cases')}): nothing in ${base.year}.`,
          )
        : t(
            ` Hva om (${countOf(ticked, 'sak', 'saker')}): +${money(added)}, gjenstår da ${money(now.remaining)}.`,
            ` What-if (${countOf(ticked, 'case', 'cases')}): +${money(added)}, then ${money(now.remaining)} remaining.`,
          ));
}

const data = () => view!.data;

function candidates(list: Candidate[], rerender: () => void): HTMLElement {
  if (list.length === 0) {
    return h('p', { class: 'muted' }, t('Ingen saker venter på vedtak.', 'No cases await a decision.'));
  }
  return h(
    'fieldset',
    {},
    h('legend', { class: 'visually-hidden' }, t('Saker i hva om-beregningen', 'Cases in the what-if')),
    ...list.map((c) => {
      const id = `c-${list.indexOf(c)}`;
      const box = h('input', { type: 'checkbox', id, checked: chosen.has(c.caseId) });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(c.caseId);
        else chosen.delete(c.caseId);
        rerender();
      });
      const share = c.byYear[String(year)] ?? 0;
      return h(
        'div',
        { class: 'candidate' },
        h(
          'label',
          { class: 'choice', for: id },
          box,
          h(
            'span',
            {},
            h('span', { style: 'font-weight:500' }, c.title || c.caseId),
            h(
              'span',
              { class: 'hint', style: 'display:block' },
              `${c.caseId} · ${money(c.requested)}`,
              c.rank !== null ? ` · ${t('rangert', 'ranked')} ${c.rank}` : '',
              c.recommended ? ` · ${t('innstilt', 'recommended')}` : '',
              share > 0 ? ` · ${year}: ${money(share)}` : ` · ${t('ingenting i', 'nothing in')} ${year}`,
            ),
          ),
        ),
      );
    }),
  );
}

function authority(): HTMLElement {
  const rows = view!.data.authority;
  if (rows.length === 0)
    return h('p', { class: 'muted' }, t('Ingen innvilgede prosjekter.', 'No granted projects.'));
  return h(
    'ul',
    { class: 'plain' },
    ...rows.map((a) =>
      h(
        'li',
        { class: 'candidate' },
        h('div', { style: 'font-weight:500' }, a.title || a.caseId),
        h(
          'div',
          { class: 'row-between hint' },
          h('span', { class: 'nowrap' }, a.caseId),
          h(
            'span',
            { class: 'num' },
            `${t('brukt', 'used')} ${money(a.used)} · ${t('igjen', 'left')} ${money(a.left)}`,
          ),
        ),
        h(
          'div',
          {
            class: `meter${a.left <= 0 ? ' over' : ''}`,
            role: 'meter',
            'aria-label': `${a.caseId}: ${t('brukt av fullmakten', 'authority used')}`,
            'aria-valuemin': 0,
            'aria-valuemax': a.limit,
            'aria-valuenow': a.used,
          },
          h('span', { style: `width:${Math.min(a.used / a.limit, 1) * 100}%` }),
        ),
      ),
    ),
  );
}

function shell(): void {
  const yearId = 'year';
  const select = h(
    'select',
    { id: yearId },
    ...data().years.map((y) => h('option', { value: y.year, selected: y.year === year }, String(y.year))),
  );
  select.addEventListener('change', () => {
    year = Number(select.value);
    render();
  });
  mount(
    root,
    h('h1', {}, t('Fordeling', 'Allocation')),
    h(
      'p',
      { class: 'hint' },
      t(
        'Tildelinger teller i hvert budsjettår etter antall måneder i perioden (pro rata).',
        'Allocations count in each budget year by the months of their period (pro rata).',
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: yearId }, t('Budsjettår', 'Budget year')), select),
    summary,
    body,
  );
  render();
}

function render(): void {
  if (!view) return;
  const base = data().years.find((y) => y.year === year);
  const now = whatIf(data(), chosen).find((y) => y.year === year);
  if (!base || !now) {
    summary.textContent = '';
    mount(body, h('div', { class: 'empty' }, t('Ingen tildelinger ennå.', 'No allocations yet.')));
    return;
  }
  say(now, base);
  mount(
    body,
    yearCard(now, base),
    h(
      'div',
      { class: 'section' },
      h('h2', {}, t('Hva om vi innvilger …', 'What if we grant …')),
      h(
        'p',
        { class: 'hint' },
        t(
          'Et regnestykke, ikke et vedtak: kryss av saker for å se virkningen på rammen og hver pott før innstillingen skrives. Tildelt over teller ikke med det.',
          'A calculation, not a decision: tick cases to see the effect on the frame and each pot before the memo is written. Allocated above does not count it.',
        ),
      ),
      candidates(data().candidates, () => {
        const focused = document.activeElement?.id;
        render();
        if (focused) document.getElementById(focused)?.focus();
      }),
    ),
    economySection(view.economy, year),
    h(
      'div',
      { class: 'section' },
      h('h2', {}, t('Tilleggsbevillinger per prosjekt', 'Supplementary allocations per project')),
      h(
        'p',
        { class: 'hint' },
        t(
          `Fullmakt ${money(view.limit)} per prosjekt, samlet.`,
          `Authority ${money(view.limit)} per project in total.`,
        ),
      ),
      authority(),
    ),
  );
}

async function start(): Promise<void> {
  mount(root, spinner('Laster fordeling …'));
  view = await load(root, call('dashboardLoad'));
  if (!view) return;
  setLang(view.lang, 'Dashboard');
  const thisYear = new Date().getFullYear();
  const years = view.data.years.map((y) => y.year);
  year = years.includes(thisYear) ? thisYear : (years[0] ?? thisYear);
  shell();
}

void start();
