import { parseMoney } from '../core/parse/money';
import type { SupplementProject, SupplementView } from '../seam/api';
import { app, banner, liveSummary, load, money, outcome, repeatBox, setLang, spinner, t } from './lib/common';
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
    { class: 'card subtle', id: 'authority' },
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
  const message = h('div', { id: 'message' });
  const authorityBox = h('div');
  // The chosen project's authority left, said once when the project changes (the card is no live region).
  const summary = liveSummary({ class: 'visually-hidden' });
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
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', 'aria-describedby': amountHint },
    t('Registrer', 'Register'),
  );
  const cancel = h('button', { type: 'button', onclick: () => closeHost() }, t('Lukk', 'Close'));

  const selected = () => view!.projects.find((p) => p.caseId === project.value);
  /** The amount's check; the field is marked invalid and Registrer is off while the form says it cannot be. */
  const judge = (): { text: string; wrong: boolean } => {
    const text = amount.value.trim();
    if (text === '')
      return {
        text: t(
          'Skriv beløpet i kroner, f.eks. 25 000, 25.000 eller kr 25 000,-',
          'Amount in NOK, e.g. 25 000 or 25.000',
        ),
        wrong: false,
      };
    const parsed = parseMoney(text);
    const left = selected()?.left ?? 0;
    if (!parsed.ok)
      return { text: `${t('Beløpet', 'The amount')} ${parsed.reason[view!.lang]}.`, wrong: true };
    if (parsed.value > left)
      return {
        text: t(
          `${money(parsed.value)} er over det som gjenstår (${money(left)}).`,
          `${money(parsed.value)} is over what is left (${money(left)}).`,
        ),
        wrong: true,
      };
    return {
      text: t(
        `= ${money(parsed.value)}; gjenstår etterpå ${money(left - parsed.value)}`,
        `= ${money(parsed.value)}; left afterwards ${money(left - parsed.value)}`,
      ),
      wrong: false,
    };
  };
  const update = () => {
    const p = selected();
    mount(authorityBox, authority(p));
    summary.textContent = p
      ? t(
          `${p.caseId}: ${money(p.left)} igjen av fullmakten.`,
          `${p.caseId}: ${money(p.left)} of the authority left.`,
        )
      : '';
    const { text, wrong } = judge();
    preview.textContent = text;
    preview.className = wrong ? 'hint banner-error' : 'hint';
    if (wrong) amount.setAttribute('aria-invalid', 'true');
    else amount.removeAttribute('aria-invalid');
    submit.disabled = wrong || !p;
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
        `Sekretariatet kan gi inntil ${money(view.limit)} per prosjekt, samlet, til prosjekter beslutningsorganet har innvilget. Bevilgningen føres i Tildelinger og Logg og merkes som ikke rapportert til orienteringsorganet.`,
        `The secretariat may grant up to ${money(view.limit)} per project in total, to projects the board has granted. It goes to Tildelinger and Logg, marked as not yet reported to the board.`,
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: projectId }, t('Prosjekt', 'Project')), project),
    summary,
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
    outcome(message, 'success', done.message);
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
  setLang(view.lang, 'Supplement');
  form();
}

void start();
