import { parseMoney } from '../core/parse/money';
import type { SupplementProject, SupplementView } from './api';
import { app, banner, load, money, repeatBox, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call, closeHost } from './lib/run';

/**
 * Tilleggsbevilling: a granted project, an amount (Norwegian formats), a reason; shows the authority left
 * and refuses early in the form, but the server decides (it re-validates against the sheet).
 */
document.body.classList.add('dialog');
const root = app();
let view: SupplementView | null = null;

function authority(p: SupplementProject | undefined): HTMLElement {
  if (!p) return h('div');
  const used = Math.min(p.used / p.limit, 1);
  return h(
    'div',
    { class: 'card subtle', id: 'authority', 'aria-live': 'polite' },
    h(
      'div',
      { class: 'card-title' },
      t('Sekretariatets fullmakt for prosjektet', "The secretariat's authority for the project"),
    ),
    h(
      'div',
      { class: 'stats' },
      h(
        'div',
        { class: 'stat' },
        h('div', { class: 'label' }, t('Grense', 'Limit')),
        h('div', { class: 'value' }, money(p.limit)),
      ),
      h(
        'div',
        { class: 'stat' },
        h('div', { class: 'label' }, t('Brukt', 'Used')),
        h('div', { class: 'value' }, money(p.used)),
      ),
      h(
        'div',
        { class: 'stat wide' },
        h('div', { class: 'label' }, t('Gjenstår', 'Left')),
        h('div', { class: 'value', id: 'left' }, money(p.left)),
      ),
    ),
    h(
      'div',
      {
        class: `meter${p.left <= 0 ? ' over' : ''}`,
        role: 'meter',
        'aria-label': t('Brukt av fullmakten', 'Authority used'),
        'aria-valuemin': 0,
        'aria-valuemax': p.limit,
        'aria-valuenow': p.used,
      },
      h('span', { style: `width:${Math.round(used * 100)}%` }),
    ),
  );
}

function form(): void {
  if (!view) return;
  const projectId = uid();
  const amountId = uid();
  const reasonId = uid();
  const repeat = repeatBox();
  const amountHint = uid();
  const message = h('div', { 'aria-live': 'polite' });
  const authorityBox = h('div');
  const project = h(
    'select',
    { id: projectId, name: 'caseId' },
    ...view.projects.map((p) =>
      h('option', { value: p.caseId }, `${p.caseId} – ${p.title || t('(uten tittel)', '(no title)')}`),
    ),
  );
  const amount = h('input', {
    type: 'text',
    id: amountId,
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
    placeholder: 'f.eks. 25 000',
    'aria-describedby': amountHint,
  });
  const preview = h(
    'div',
    { class: 'hint', id: amountHint },
    t(
      'Skriv beløpet i kroner, f.eks. 25 000, 25.000 eller kr 25 000,-',
      'Amount in NOK, e.g. 25 000 or 25.000',
    ),
  );
  const reason = h('textarea', {
    id: reasonId,
    name: 'reason',
    rows: 3,
    placeholder: t(
      'Hvorfor er tillegget nødvendig for å lykkes og realisere gevinstene?',
      'Why is the addition needed?',
    ),
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('Registrer', 'Register'));
  const cancel = h('button', { type: 'button', onclick: () => closeHost() }, t('Lukk', 'Close'));

  const selected = () => view!.projects.find((p) => p.caseId === project.value);
  const update = () => {
    mount(authorityBox, authority(selected()));
    const text = amount.value.trim();
    if (text === '') {
      preview.textContent = t(
        'Skriv beløpet i kroner, f.eks. 25 000, 25.000 eller kr 25 000,-',
        'Amount in NOK, e.g. 25 000 or 25.000',
      );
      preview.className = 'hint';
      return;
    }
    const parsed = parseMoney(text);
    const left = selected()?.left ?? 0;
    if (!parsed.ok) {
      preview.textContent = `${t('Beløpet', 'The amount')} ${parsed.reason[view!.lang]}.`;
      preview.className = 'hint banner-error';
    } else if (parsed.value > left) {
      preview.textContent = t(
        `${money(parsed.value)} er over det som gjenstår (${money(left)}).`,
        `${money(parsed.value)} is over what is left (${money(left)}).`,
      );
      preview.className = 'hint banner-error';
    } else {
      preview.textContent = t(
        `= ${money(parsed.value)}; gjenstår etterpå ${money(left - parsed.value)}`,
        `= ${money(parsed.value)}; left afterwards ${money(left - parsed.value)}`,
      );
      preview.className = 'hint';
    }
  };
  project.addEventListener('change', update);
  amount.addEventListener('input', update);

  const formEl = h(
    'form',
    { novalidate: true },
    h('h1', {}, t('Tilleggsbevilling', 'Supplementary allocation')),
    h(
      'p',
      { class: 'muted' },
      t(
        `Sekretariatet kan gi inntil ${money(view.limit)} per prosjekt, samlet, til prosjekter SSU har innvilget. Bevilgningen føres i Tildelinger og Logg og merkes som ikke rapportert til SSU.`,
        `The secretariat may grant up to ${money(view.limit)} per project in total, to projects the board has granted. It goes to Tildelinger and Logg, marked as not yet reported to the board.`,
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: projectId }, t('Prosjekt', 'Project')), project),
    authorityBox,
    h(
      'div',
      { class: 'field' },
      h('label', { for: amountId }, t('Beløp (kr)', 'Amount (NOK)')),
      amount,
      preview,
    ),
    h('div', { class: 'field' }, h('label', { for: reasonId }, t('Begrunnelse', 'Reason')), reason),
    repeat.field,
    message,
    h('div', { class: 'actions' }, cancel, submit),
  );
  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.setAttribute('disabled', '');
    mount(message, spinner(t('Registrerer …', 'Registering …')));
    const done = await load(
      message,
      call('supplementRegister', {
        caseId: project.value,
        amount: amount.value,
        reason: reason.value,
        confirmed: repeat.confirmed(),
      }),
    );
    submit.removeAttribute('disabled');
    if (!done) return;
    const fresh = await load(message, call('supplementLoad'));
    if (fresh) view = fresh;
    amount.value = '';
    reason.value = '';
    update();
    mount(message, banner('success', done.message));
  });
  mount(root, formEl);
  if (view.projects.length === 0) {
    mount(
      message,
      banner(
        'info',
        t('Ingen prosjekter har ordinær tildeling ennå.', 'No project has an ordinary grant yet.'),
      ),
    );
    submit.setAttribute('disabled', '');
  }
  update();
}

async function start(): Promise<void> {
  mount(root, spinner('Laster prosjekter …'));
  view = await load(root, call('supplementLoad'));
  if (!view) return;
  setLang(view.lang);
  form();
}

void start();
