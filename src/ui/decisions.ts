import type {
  DecisionKindInput,
  DecisionProjectView,
  DecisionProposalView,
  DecisionRequest,
  DecisionsView,
} from '../seam/api';
import { app, banner, load, money, outcome, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call, closeHost } from './lib/run';

/**
 * *Registrer vedtak*: the memo's proposals of a board case with the recommended amounts prefilled; per case
 * as recommended, a changed amount (and period), a pre-project, rejected with its reason, or postponed; and
 * per granted project the board's closure, extension or withdrawal of unused money. The server re-decides
 * against the sheet and writes all or nothing.
 */
document.body.classList.add('dialog');
const root = app();
let view: DecisionsView | null = null;

const KINDS: Array<{ id: DecisionKindInput; nb: string; en: string }> = [
  { id: 'asRecommended', nb: 'Som innstilt', en: 'As recommended' },
  { id: 'changed', nb: 'Endret beløp', en: 'Changed amount' },
  { id: 'preProject', nb: 'Forprosjekt', en: 'Pre-project' },
  { id: 'rejected', nb: 'Avslått', en: 'Rejected' },
  { id: 'postponed', nb: 'Utsatt', en: 'Postponed' },
  { id: 'notDecided', nb: 'Ikke behandlet i denne saken', en: 'Not decided in this case' },
];

interface Row {
  caseId: string;
  element: HTMLElement;
  value(): {
    caseId: string;
    kind: DecisionKindInput;
    amount: string;
    period: string;
    reason: string;
    recused: string;
  };
}

/**
 * One proposal; `decided` preselects *Som innstilt* (the memo's proposals for this case), otherwise *Ikke
 * behandlet i denne saken* (the applications' recommendations: the user chooses what the board decided).
 */
function proposalRow(p: DecisionProposalView, decided: boolean): Row {
  const [kindId, amountId, periodId, reasonId, recusedId] = [uid(), uid(), uid(), uid(), uid()];
  const kind = h(
    'select',
    { id: kindId, name: `kind-${p.caseId}` },
    ...KINDS.map((k) =>
      h(
        'option',
        { value: k.id, ...(k.id === (decided ? 'asRecommended' : 'notDecided') ? { selected: true } : {}) },
        t(k.nb, k.en),
      ),
    ),
  );
  const amount = h('input', {
    type: 'text',
    id: amountId,
    inputmode: 'decimal',
    autocomplete: 'off',
    value: p.amount === null ? '' : String(p.amount),
  });
  const period = h('input', {
    type: 'text',
    id: periodId,
    autocomplete: 'off',
    // An example, not a value: the proposal's own period is in the line above.
    placeholder: t('f.eks. 2026-09–2027-06', 'e.g. 2026-09–2027-06'),
  });
  const reason = h('textarea', { id: reasonId, rows: 2 });
  const recused = h('input', { type: 'text', id: recusedId, autocomplete: 'off' });
  const moneyField = h(
    'div',
    { class: 'field' },
    h('label', { for: amountId }, t('Vedtatt beløp (kr)', 'Amount decided (NOK)')),
    amount,
  );
  const periodField = h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: periodId },
      t('Endret periode (tomt: som innstilt)', 'Changed period (empty: as recommended)'),
    ),
    period,
  );
  const reasonField = h(
    'div',
    { class: 'field' },
    h('label', { for: reasonId }, t('Begrunnelse', 'Reason')),
    reason,
  );
  const recusedField = h(
    'div',
    { class: 'field' },
    h('label', { for: recusedId }, t('Inhabile (forvaltningsloven § 6)', 'Disqualified members (§ 6)')),
    recused,
  );
  // The whole choice in words: a narrow select (300 px, 200 % zoom) cuts its text.
  const leftOut = h(
    'p',
    { class: 'hint' },
    t(
      'Ikke behandlet i denne saken: står urørt til et senere vedtak.',
      'Not decided in this case: left untouched for a later decision.',
    ),
  );
  const update = () => {
    const k = kind.value as DecisionKindInput;
    leftOut.hidden = k !== 'notDecided';
    const withMoney = k === 'changed' || k === 'preProject';
    moneyField.hidden = !withMoney;
    periodField.hidden = !withMoney;
    reasonField.hidden = !(k === 'rejected' || k === 'postponed');
    recusedField.hidden = k === 'notDecided';
    element.classList.toggle('left-out', k === 'notDecided');
  };
  const recommended = `${p.recommendation || t('(ingen innstilling)', '(no recommendation)')}${p.amount !== null && p.amount > 0 ? ` ${money(p.amount)}` : ''}${p.period ? `, ${p.period}` : ''}`;
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, `${p.caseId} – ${p.title || t('(uten tittel)', '(no title)')}`),
    h('p', { class: 'muted' }, `${t('Innstilling', 'Recommendation')}: ${recommended}`),
    ...(p.registered ? [h('p', { class: 'hint' }, `${t('Registrert', 'Registered')}: ${p.registered}`)] : []),
    h('div', { class: 'field' }, h('label', { for: kindId }, t('Vedtak', 'Decision')), kind, leftOut),
    moneyField,
    periodField,
    reasonField,
    recusedField,
  );
  kind.addEventListener('change', update);
  update();
  return {
    caseId: p.caseId,
    element,
    value: () => ({
      caseId: p.caseId,
      kind: kind.value as DecisionKindInput,
      amount: amount.value,
      period: period.value,
      reason: reason.value,
      recused: recused.value,
    }),
  };
}

type FollowUps = NonNullable<DecisionRequest['followUps']>;

/** One granted project: approve its closure, extend it to a month, withdraw unused money (prefilled). */
function projectRow(p: DecisionProjectView): { element: HTMLElement; value(): FollowUps } {
  const [closeId, extendId, endId, withdrawId, amountId] = [uid(), uid(), uid(), uid(), uid()];
  const close = h('input', { type: 'checkbox', id: closeId });
  const extend = h('input', { type: 'checkbox', id: extendId });
  const end = h('input', { type: 'month', id: endId, value: p.end, min: p.end });
  const withdraw = h('input', { type: 'checkbox', id: withdrawId });
  const amount = h('input', {
    type: 'text',
    id: amountId,
    inputmode: 'decimal',
    autocomplete: 'off',
    value: p.unused > 0 ? String(p.unused) : '',
  });
  const endField = h(
    'div',
    { class: 'field' },
    h('label', { for: endId }, t('Ny sluttmåned', 'New last month')),
    end,
  );
  const amountField = h(
    'div',
    { class: 'field' },
    h('label', { for: amountId }, t('Beløp som inndras (kr)', 'Amount withdrawn (NOK)')),
    amount,
  );
  const update = () => {
    endField.hidden = !extend.checked;
    amountField.hidden = !withdraw.checked;
  };
  extend.addEventListener('change', update);
  withdraw.addEventListener('change', update);
  update();
  const check = (input: HTMLElement, id: string, nb: string, en: string) =>
    h('div', { class: 'check' }, input, h('label', { for: id }, t(nb, en)));
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, `${p.caseId} – ${p.title || t('(uten tittel)', '(no title)')}`),
    h(
      'p',
      { class: 'muted' },
      `${t('Periode', 'Period')}: ${p.period || '–'}. ${t('Ubrukt', 'Unused')}: ${money(p.unused)}`,
    ),
    check(close, closeId, 'Godkjenn avslutningen', 'Approve the closure'),
    check(extend, extendId, 'Forleng perioden', 'Extend the period'),
    endField,
    check(withdraw, withdrawId, 'Inndra ubrukte midler', 'Withdraw unused money'),
    amountField,
  );
  return {
    element,
    value: () => [
      ...(close.checked ? [{ caseId: p.caseId, kind: 'closure' as const, value: '' }] : []),
      ...(extend.checked ? [{ caseId: p.caseId, kind: 'extension' as const, value: end.value }] : []),
      ...(withdraw.checked ? [{ caseId: p.caseId, kind: 'withdrawal' as const, value: amount.value }] : []),
    ],
  };
}

function form(): void {
  if (!view) return;
  const v = view;
  const caseId = uid();
  const meetingId = uid();
  const message = h('div', { id: 'message' });
  const boardCase = h('input', {
    type: 'text',
    id: caseId,
    autocomplete: 'off',
    value: v.boardCase,
    placeholder: '04-2026',
  });
  const meeting = h('input', { type: 'date', id: meetingId, value: v.meeting });
  const reload = h('button', { type: 'button' }, t('Hent forslagene', 'Load the proposals'));
  const rows = v.proposals.map((p) => proposalRow(p, v.fromMemo));
  const projects = v.projects.map(projectRow);
  const submit = h(
    'button',
    { type: 'submit', class: 'primary' },
    t('Registrer vedtak', 'Register decisions'),
  );
  const cancel = h('button', { type: 'button', onclick: () => closeHost() }, t('Lukk', 'Close'));
  reload.addEventListener('click', async () => {
    mount(message, spinner(t('Henter …', 'Loading …')));
    const fresh = await load(message, call('decisionsLoad', boardCase.value.trim()));
    if (!fresh) return;
    view = fresh;
    form();
  });
  const formEl = h(
    'form',
    { novalidate: true },
    h('h1', {}, t('Registrer vedtak', 'Register decisions')),
    h(
      'p',
      { class: 'muted' },
      v.fromMemo
        ? t(
            'Forslagene er saksfremstillingens rader i «Forslag» for saken, og alle er valgt som innstilt. Velg «Ikke behandlet i denne saken» for en sak styret ikke behandlet.',
            "The proposals are the memo's rows in «Forslag» for the case, and all are chosen as recommended. Choose «Not decided in this case» for a case the board did not decide.",
          )
        : t(
            'Saken har ingen rader i «Forslag»: forslagene er søknadenes «Innstilling», og ingen er valgt. Velg vedtaket for hver sak styret behandlet; de andre står urørt til et senere vedtak.',
            'The case has no rows in «Forslag»: the proposals are the applications’ «Innstilling», and none is chosen. Choose the decision for each case the board decided; the others stay untouched for a later decision.',
          ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: caseId }, t('Sak i møtet', 'Case in the meeting')),
      boardCase,
      reload,
    ),
    h('div', { class: 'field' }, h('label', { for: meetingId }, t('Møtedato', 'Meeting date')), meeting),
    ...rows.map((r) => r.element),
    ...(projects.length > 0
      ? [
          h(
            'details',
            {},
            h(
              'summary',
              {},
              t(
                'Vedtak om innvilgede prosjekter: avslutning, forlengelse, inndragning',
                'Decisions on granted projects: closure, extension, withdrawal',
              ),
            ),
            ...projects.map((p) => p.element),
          ),
        ]
      : []),
    message,
    h('div', { class: 'actions' }, cancel, submit),
  );
  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    // The rows listed are the proposals of the case they were loaded for: another case must load its own.
    if (boardCase.value.trim() !== v.boardCase) {
      mount(
        message,
        banner(
          'error',
          t(
            `Forslagene som vises, gjelder sak ${v.boardCase || '(ingen)'}. Trykk «Hent forslagene» for sak ${boardCase.value.trim()} først.`,
            `The proposals shown belong to case ${v.boardCase || '(none)'}. Press «Load the proposals» for case ${boardCase.value.trim()} first.`,
          ),
        ),
      );
      return;
    }
    submit.setAttribute('disabled', '');
    mount(message, spinner(t('Registrerer …', 'Registering …')));
    const done = await load(
      message,
      call('decisionsRegister', {
        boardCase: boardCase.value.trim(),
        meeting: meeting.value,
        decisions: rows.map((r) => r.value()),
        followUps: projects.flatMap((p) => p.value()),
      }),
    );
    submit.removeAttribute('disabled');
    if (!done) return;
    outcome(message, done.written > 0 ? 'success' : 'info', done.message);
    // Findings on the applications: shown beside the outcome, not read out as a live region.
    const notes = banner('warning', `${t('Til orientering', 'For information')}: ${done.notes.join(' ')}`);
    notes.removeAttribute('role');
    if (done.notes.length > 0) message.append(notes);
  });
  mount(root, formEl);
  if (rows.length === 0 && projects.length === 0) {
    mount(
      message,
      banner(
        'info',
        t(
          'Ingen forslag for denne saken. Lag saksfremstillingen, eller skriv saken og hent forslagene.',
          'No proposals for this case. Write the memo, or give the case and load the proposals.',
        ),
      ),
    );
    submit.setAttribute('disabled', '');
  }
}

async function start(): Promise<void> {
  mount(root, spinner('Laster forslag …'));
  view = await load(root, call('decisionsLoad', ''));
  if (!view) return;
  setLang(view.lang, 'Decisions');
  form();
}

void start();
