import { checkWizardField } from '../core/workbook/settings';
import type { WizardDone, WizardFieldView, WizardView } from '../seam/api';
import { app, banner, liveSummary, load, outcome, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call, closeHost } from './lib/run';

/**
 * The set-up wizard: the settings the table marks for it, each checked as typed with the settings' own
 * types (the server checks again), nothing written until *Sett opp*; then the steps run one by one with
 * their progress, and a summary of what was made.
 */
document.body.classList.add('dialog');
const root = app();

interface Input {
  field: WizardFieldView;
  input: HTMLInputElement;
  hint: HTMLElement;
  /** The problem with the value as typed, or null. */
  problem: () => string | null;
}

function fieldInput(field: WizardFieldView, lang: 'nb' | 'en'): Input {
  const id = uid();
  const hintId = uid();
  const input = h('input', {
    type: 'text',
    id,
    name: field.name,
    value: field.value,
    autocomplete: 'off',
    'aria-describedby': hintId,
    'aria-required': field.required ? 'true' : null,
  });
  const hint = h('div', { class: 'hint', id: hintId }, field.help);
  const problem = () => {
    const checked = checkWizardField(field.name, input.value);
    return checked.ok ? null : checked.reason[lang];
  };
  const update = () => {
    const wrong = problem();
    hint.textContent = wrong ?? field.help;
    hint.className = wrong ? 'hint banner-error' : 'hint';
    if (wrong) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', update);
  return { field, input, hint, problem };
}

function form(view: WizardView): void {
  const inputs = view.fields.map((f) => fieldInput(f, view.lang));
  const message = h('div', { id: 'message' });
  const summary = liveSummary({ class: 'visually-hidden' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('Sett opp', 'Set up'));
  const cancel = h('button', { type: 'button', onclick: () => closeHost() }, t('Avbryt', 'Cancel'));
  const groups: HTMLElement[] = [];
  for (const input of inputs) {
    let group = groups.find((g) => g.dataset.group === input.field.group);
    if (!group) {
      group = h(
        'fieldset',
        { class: 'card', 'data-group': input.field.group },
        h('legend', {}, input.field.groupLabel),
      );
      groups.push(group);
    }
    group.append(
      h(
        'div',
        { class: 'field' },
        h('label', { for: input.input.id }, input.field.label),
        input.input,
        input.hint,
      ),
    );
  }
  const refresh = () => {
    const wrong = inputs.filter((i) => i.problem() !== null).length;
    submit.disabled = wrong > 0;
    summary.textContent = wrong === 0 ? '' : t(`${wrong} felt må rettes.`, `${wrong} field(s) to correct.`);
  };
  for (const i of inputs) i.input.addEventListener('input', refresh);

  const formEl = h(
    'form',
    { novalidate: true },
    h('h1', {}, t('Sett opp Tilskudd', 'Set up Tilskudd')),
    h(
      'p',
      { class: 'muted' },
      view.fresh
        ? t(
            `Arbeidsboka er ny: du (${view.user}) blir leder. Sjekk innstillingene; ingenting lagres før du velger Sett opp.`,
            `The workbook is new: you (${view.user}) become the chair. Check the settings; nothing is saved until you choose Set up.`,
          )
        : t(
            'Endre det som skal endres; bare feltene du endrer, skrives til Innstillinger.',
            'Change what needs changing; only the fields you change are written to Innstillinger.',
          ),
    ),
    ...groups,
    summary,
    message,
    h('div', { class: 'actions footer' }, cancel, submit),
  );
  formEl.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(view, inputs, message, submit, cancel);
  });
  mount(root, formEl);
  refresh();
}

async function run(
  view: WizardView,
  inputs: Input[],
  message: HTMLElement,
  submit: HTMLButtonElement,
  cancel: HTMLButtonElement,
) {
  submit.disabled = true;
  const values: Record<string, string> = {};
  for (const i of inputs) values[i.field.name] = i.input.value;
  const steps: Array<{ label: string; work: () => Promise<unknown> }> = [
    {
      label: t('Ark, vern og innstillinger', 'Sheets, protections and settings'),
      work: () => call('wizardSave', values),
    },
    {
      label: view.formExists
        ? t('Søknadsskjemaet (finnes)', 'The application form (exists)')
        : t('Søknadsskjema og utløser', 'Application form and trigger'),
      work: () => call('wizardForm'),
    },
  ];
  const lines: string[] = [];
  for (const [n, step] of steps.entries()) {
    mount(message, spinner(`${n + 1}/${steps.length}: ${step.label} …`));
    const done = await load(message, step.work() as Promise<{ ok: true; value: WizardDone }>);
    if (!done) {
      submit.disabled = false;
      return;
    }
    lines.push(...done.lines);
  }
  const list = h('ul', { class: 'summary' }, ...lines.map((l) => h('li', {}, l)));
  outcome(message, 'success', t('Tilskudd er satt opp.', 'Tilskudd is set up.'));
  message.append(list);
  // Done: running it again is the menu's (it would change nothing); what is left is to close.
  submit.hidden = true;
  cancel.textContent = t('Lukk', 'Close');
}

async function start(): Promise<void> {
  mount(root, spinner(t('Laster innstillinger …', 'Loading settings …')));
  const view = await load(root, call('wizardLoad'));
  if (!view) return;
  setLang(view.lang, 'Setup');
  form(view);
  if (view.fields.length === 0)
    mount(root, banner('info', t('Ingen innstillinger å vise.', 'No settings to show.')));
}

void start();
