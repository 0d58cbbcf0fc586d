import { parseMoney } from '../core/parse/money';
import { acceptanceWarning } from '../core/money-flow/acceptance';
import type { PaymentProjectView, PaymentView, WithdrawalView } from '../seam/api';
import { app, banner, liveSummary, load, money, outcome, repeatBox, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call, closeHost } from './lib/run';

/**
 * Registrer utbetaling: a granted project, payment or refund, amount (Norwegian formats), date, voucher
 * and optional budget post; shows allocated, paid and left, and refuses early in the form, but the server
 * decides. Below, the withdrawals of unused money the check calls for, one button each.
 */
document.body.classList.add('dialog');
const root = app();
let view: PaymentView | null = null;

const stat = (label: string, value: string, id?: string) =>
  h(
    'div',
    { class: 'stat' },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value', ...(id ? { id } : {}) }, value),
  );

function figures(p: PaymentProjectView | undefined): HTMLElement {
  if (!p) return h('div');
  const used = p.allocated > 0 ? Math.min(Math.max(p.paid / p.allocated, 0), 1) : 0;
  const agreement = p.contract
    ? p.contractSigned
      ? t(
          `Samarbeidsavtale signert ${p.contractSigned.split('-').reverse().join('.')}`,
          `Written agreement signed ${p.contractSigned}`,
        )
      : t('Samarbeidsavtale: ja', 'Written agreement: yes')
    : t(
        'Ingen skriftlig samarbeidsavtale: utbetaling er ikke mulig',
        'No written agreement: payment is not possible',
      );
  return h(
    'div',
    { class: 'card subtle', id: 'figures' },
    h(
      'div',
      { class: 'stats' },
      stat(t('Tildelt', 'Allocated'), money(p.allocated)),
      stat(t('Utbetalt', 'Paid'), money(p.paid)),
      stat(t('Gjenstår', 'Left'), money(p.left), 'left'),
    ),
    h(
      'div',
      {
        class: `meter${p.left < 0 ? ' over' : ''}`,
        role: 'meter',
        'aria-label': t('Utbetalt av tildelt', 'Paid of allocated'),
        'aria-valuemin': 0,
        'aria-valuemax': p.allocated,
        'aria-valuenow': p.paid,
      },
      h('span', { style: `width:${Math.round(used * 100)}%` }),
    ),
    h('p', { class: p.contract ? 'hint' : 'hint banner-error', id: 'agreement' }, agreement),
  );
}

/** The withdrawal's consequences, said before it is registered (a board decision; forvaltningsloven § 16). */
function consequences(w: WithdrawalView): string {
  const years = w.rows.map((r) => `${r.year}: ${money(r.amount)}`).join(', ');
  return t(
    `${money(w.amount)} som ikke er brukt, trekkes inn fra ${w.caseId} og føres som Inndragning i Tildelinger (${years}). Midlene blir frie i rammen, og prosjektet får ikke utbetalt mer av dem. Inndragning er et vedtak beslutningsorganet treffer. Der helsefellesskapet behandler det som et enkeltvedtak, skal prosjektet varsles og få uttale seg før vedtaket treffes (forvaltningsloven § 16).`,
    `${money(w.amount)} unused is withdrawn from ${w.caseId} and entered as a withdrawal in Tildelinger (${years}). The money becomes free in the frame and the project gets no more of it paid. A withdrawal is the board's decision. Where the community treats it as an individual decision, the project must be notified and heard before it is made (Public Administration Act § 16).`,
  );
}

function withdrawalList(items: WithdrawalView[], message: HTMLElement): HTMLElement {
  if (items.length === 0) {
    return h(
      'p',
      { class: 'muted', id: 'withdrawals' },
      t(
        'Ingen prosjekter har ubrukte midler etter fristen.',
        'No project has unused money past the deadline.',
      ),
    );
  }
  return h(
    'ul',
    { class: 'plain', id: 'withdrawals' },
    ...items.map((w) => {
      const step = h('div');
      const button = h(
        'button',
        { type: 'button', class: 'primary' },
        t(`Trekk inn ${money(w.amount)}`, `Withdraw ${money(w.amount)}`),
      );
      // One click only asks: the amount and what follows, then Bekreft or Avbryt.
      const ask = () => {
        const textId = uid();
        const confirm = h(
          'button',
          { type: 'button', class: 'primary', 'aria-describedby': textId },
          t(`Bekreft inndragning av ${money(w.amount)}`, `Confirm withdrawal of ${money(w.amount)}`),
        );
        const cancel = h('button', { type: 'button' }, t('Avbryt', 'Cancel'));
        const panel = h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': `${textId}-title`, tabindex: -1 },
          h(
            'div',
            { class: 'card-title', id: `${textId}-title` },
            t('Trekke inn midlene?', 'Withdraw the money?'),
          ),
          h('p', { id: textId }, consequences(w)),
          h('div', { class: 'actions' }, cancel, confirm),
        );
        cancel.addEventListener('click', () => {
          mount(step, button);
          button.focus();
        });
        confirm.addEventListener('click', async () => {
          confirm.setAttribute('disabled', '');
          cancel.setAttribute('disabled', '');
          mount(message, spinner(t('Registrerer inndragning …', 'Registering withdrawal …')));
          const done = await load(message, call('withdrawalRegister', w.caseId));
          if (!done) {
            confirm.removeAttribute('disabled');
            cancel.removeAttribute('disabled');
            return;
          }
          await refresh();
          // The refresh drew the dialog anew: the outcome goes to the new one.
          outcome(document.getElementById('withdraw-message')!, 'success', done.message);
        });
        mount(step, panel);
        panel.focus();
      };
      button.addEventListener('click', ask);
      mount(step, button);
      const years = w.rows.map((r) => `${r.year}: ${money(r.amount)}`).join(', ');
      return h(
        'li',
        {},
        h('div', {}, h('strong', {}, w.caseId), ` – ${w.title}`),
        h(
          'div',
          { class: 'hint' },
          t(`Ubrukt etter prosjektslutt (${years})`, `Unused after the project's end (${years})`),
        ),
        step,
      );
    }),
  );
}

function form(): void {
  if (!view) return;
  const v = view;
  const ids = { project: uid(), amount: uid(), date: uid(), voucher: uid(), item: uid(), hint: uid() };
  const message = h('div', { id: 'message' });
  const figuresBox = h('div');
  // The chosen project's figures in one line, said when the project changes (the card is no live region).
  const summary = liveSummary({ class: 'visually-hidden' });
  const project = h(
    'select',
    { id: ids.project, name: 'caseId' },
    ...v.projects.map((p) =>
      h('option', { value: p.caseId }, `${p.caseId} – ${p.title || t('(uten tittel)', '(no title)')}`),
    ),
  );
  const kindName = uid();
  const kindPayment = h('input', {
    type: 'radio',
    name: kindName,
    value: 'payment',
    checked: true,
    id: `${kindName}-p`,
  });
  const kindRefund = h('input', { type: 'radio', name: kindName, value: 'refund', id: `${kindName}-r` });
  const kind = () => ((kindRefund as HTMLInputElement).checked ? 'refund' : 'payment');
  const amount = h('input', {
    type: 'text',
    id: ids.amount,
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
    placeholder: 'f.eks. 250 000',
    'aria-describedby': ids.hint,
  });
  const preview = h('div', { class: 'hint', id: ids.hint });
  // Before a payment the check would warn about (not accepted, or accepted after the day): said, not stopped.
  const acceptance = h('div', { id: 'acceptance' });
  // max: the server refuses a later day (money not yet paid); the picker does not offer one.
  const date = h('input', { type: 'date', id: ids.date, name: 'date', value: v.today, max: v.today });
  const voucher = h('input', {
    type: 'text',
    id: ids.voucher,
    name: 'voucher',
    autocomplete: 'off',
    placeholder: t('Bilagsnummer eller referanse', 'Voucher or reference'),
  });
  const item = h('select', { id: ids.item, name: 'item' });
  const repeat = repeatBox();
  const submit = h(
    'button',
    { type: 'submit', class: 'primary', 'aria-describedby': ids.hint },
    t('Registrer', 'Register'),
  );
  const cancel = h('button', { type: 'button', onclick: () => closeHost() }, t('Lukk', 'Close'));

  const selected = () => v.projects.find((p) => p.caseId === (project as HTMLSelectElement).value);
  /**
   * What the form can already tell: the amount's check, and whether the action is impossible (a payment
   * without the written agreement, an amount that cannot be); Registrer is off while it says so.
   */
  const judge = (p: PaymentProjectView | undefined): { text: string; wrong: boolean; blocked: boolean } => {
    const noAgreement = kind() === 'payment' && p !== undefined && !p.contract;
    const text = (amount as HTMLInputElement).value.trim();
    if (text === '')
      return {
        text: t(
          'Skriv beløpet i kroner, f.eks. 250 000, 250.000 eller kr 250 000,-',
          'Amount in NOK, e.g. 250 000 or 250.000',
        ),
        wrong: false,
        blocked: noAgreement,
      };
    const parsed = parseMoney(text);
    const left = p?.left ?? 0;
    const paid = p?.paid ?? 0;
    const wrong = (message: string) => ({ text: message, wrong: true, blocked: true });
    if (!parsed.ok) return wrong(`${t('Beløpet', 'The amount')} ${parsed.reason[v.lang]}.`);
    if (kind() === 'payment' && parsed.value > left)
      return wrong(
        t(
          `${money(parsed.value)} er mer enn det som gjenstår (${money(left)}).`,
          `${money(parsed.value)} is more than is left (${money(left)}).`,
        ),
      );
    if (kind() === 'refund' && parsed.value > paid)
      return wrong(
        t(
          `${money(parsed.value)} er mer enn det som er utbetalt (${money(paid)}).`,
          `${money(parsed.value)} is more than was paid (${money(paid)}).`,
        ),
      );
    const after = kind() === 'payment' ? left - parsed.value : left + parsed.value;
    return {
      text: t(
        `= ${money(parsed.value)}; gjenstår etterpå ${money(after)}`,
        `= ${money(parsed.value)}; left afterwards ${money(after)}`,
      ),
      wrong: false,
      blocked: noAgreement,
    };
  };
  const update = () => {
    const p = selected();
    mount(figuresBox, figures(p));
    const warning = acceptanceNote(p);
    // The live summary says the acceptance note too, once, when it comes or goes.
    summary.textContent = p
      ? t(
          `${p.caseId}: tildelt ${money(p.allocated)}, utbetalt ${money(p.paid)}, gjenstår ${money(p.left)}.${p.contract ? '' : ' Ingen skriftlig samarbeidsavtale: utbetaling er ikke mulig.'}`,
          `${p.caseId}: allocated ${money(p.allocated)}, paid ${money(p.paid)}, left ${money(p.left)}.${p.contract ? '' : ' No written agreement: payment is not possible.'}`,
        ) + (warning ? ` ${warning}` : '')
      : '';
    mount(
      item,
      h('option', { value: '' }, t('(ingen post)', '(no item)')),
      ...(p?.items ?? []).map((i) => h('option', { value: i }, i)),
    );
    const verdict = judge(p);
    preview.textContent = verdict.text;
    preview.className = verdict.wrong ? 'hint banner-error' : 'hint';
    if (verdict.wrong) amount.setAttribute('aria-invalid', 'true');
    else amount.removeAttribute('aria-invalid');
    submit.disabled = verdict.blocked || !p;
    mount(
      acceptance,
      ...(warning ? [h('p', { class: 'banner banner-warning', id: 'acceptance-note' }, warning)] : []),
    );
    // A disabled Registrer says why: the agreement line or the amount's check; the acceptance note too.
    submit.setAttribute(
      'aria-describedby',
      [ids.hint, ...(p && !p.contract ? ['agreement'] : []), ...(warning ? ['acceptance-note'] : [])].join(
        ' ',
      ),
    );
  };
  const utc = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null);
  const acceptanceNote = (p: PaymentProjectView | undefined): string => {
    if (!p?.acceptance || kind() !== 'payment') return '';
    const a = { accepted: p.acceptance.accepted, on: p.acceptance.on ? utc(p.acceptance.on) : null };
    return acceptanceWarning(a, utc((date as HTMLInputElement).value))?.[v.lang] ?? '';
  };
  project.addEventListener('change', update);
  amount.addEventListener('input', update);
  kindPayment.addEventListener('change', update);
  kindRefund.addEventListener('change', update);
  date.addEventListener('input', update);
  date.addEventListener('change', update);

  const withdrawMessage = h('div', { id: 'withdraw-message' });
  const formEl = h(
    'form',
    { novalidate: true },
    h('h1', {}, t('Registrer utbetaling', 'Register payment')),
    h(
      'p',
      { class: 'muted' },
      t(
        'Midler utbetales bare etter skriftlig samarbeidsavtale og aldri mer enn det som gjenstår av tildelingen. Utbetalingen føres i Utbetalinger og Logg.',
        'Money is paid only after the written agreement and never more than is left of the allocation. It goes to Utbetalinger and Logg.',
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: ids.project }, t('Prosjekt', 'Project')), project),
    summary,
    figuresBox,
    h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, t('Art', 'Kind')),
      h('label', { for: `${kindName}-p`, class: 'inline' }, kindPayment, ` ${t('Utbetaling', 'Payment')}`),
      h('label', { for: `${kindName}-r`, class: 'inline' }, kindRefund, ` ${t('Tilbakebetaling', 'Refund')}`),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: ids.amount }, t('Beløp (kr)', 'Amount (NOK)')),
      amount,
      preview,
    ),
    h('div', { class: 'field' }, h('label', { for: ids.date }, t('Dato', 'Date')), date),
    acceptance,
    h('div', { class: 'field' }, h('label', { for: ids.voucher }, t('Bilag', 'Voucher')), voucher),
    h('div', { class: 'field' }, h('label', { for: ids.item }, t('Post (valgfri)', 'Item (optional)')), item),
    repeat.field,
    message,
    h('div', { class: 'actions' }, cancel, submit),
    h('h2', {}, t('Inndragning av ubrukte midler', 'Withdrawal of unused money')),
    withdrawalList(v.withdrawals, withdrawMessage),
    withdrawMessage,
  );
  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.setAttribute('disabled', '');
    mount(message, spinner(t('Registrerer …', 'Registering …')));
    const done = await load(
      message,
      call('paymentRegister', {
        caseId: (project as HTMLSelectElement).value,
        kind: kind(),
        amount: (amount as HTMLInputElement).value,
        date: (date as HTMLInputElement).value,
        voucher: (voucher as HTMLInputElement).value,
        item: (item as HTMLSelectElement).value,
        confirmed: repeat.confirmed(),
      }),
    );
    submit.removeAttribute('disabled');
    if (!done) return;
    const chosen = (project as HTMLSelectElement).value;
    await refresh(chosen);
    outcome(document.getElementById('message')!, 'success', done.message);
  });
  mount(root, formEl);
  if (v.projects.length === 0) {
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

/** Reloads the figures after a change, keeping the chosen project. */
async function refresh(caseId?: string): Promise<void> {
  const fresh = await load(root, call('paymentLoad'));
  if (!fresh) return;
  view = fresh;
  form();
  const select = root.querySelector('select[name="caseId"]') as HTMLSelectElement | null;
  if (select && caseId && view.projects.some((p) => p.caseId === caseId)) {
    select.value = caseId;
    select.dispatchEvent(new Event('change'));
  }
}

async function start(): Promise<void> {
  mount(root, spinner('Laster prosjekter …'));
  view = await load(root, call('paymentLoad'));
  if (!view) return;
  setLang(view.lang, 'Payment');
  form();
}

void start();
