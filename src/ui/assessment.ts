import type { Ground } from '../core/assessment/form';
import type { AssessmentInput, AssessmentView } from '../seam/api';
import { countOf } from '../core/base/text';
import { app, banner, decimal, load, outcome, setLang, spinner, t } from './lib/common';
import { h, mount, uid } from './lib/dom';
import { call } from './lib/run';

/**
 * Vurderingsskjema: the selected case's summary, the impartiality declaration (forvaltningsloven § 6)
 * first, then the selection criteria (yes/no) and the weighted prioritisation criteria (1–5), the case's
 * results, and the ranking the board may override with a reason.
 */
const root = app();
const message = h('div', { id: 'message' });

function radio(
  name: string,
  value: string,
  label: string,
  checked: boolean,
  onChange: () => void,
): HTMLElement {
  const id = uid('r');
  const input = h('input', { type: 'radio', name, value, id, checked });
  input.addEventListener('change', onChange);
  return h('label', { class: 'choice', for: id }, input, h('span', {}, label));
}

function segmented(
  name: string,
  legend: string,
  options: Array<{ value: string; label: string; title?: string }>,
  value: string,
): HTMLElement {
  return h(
    'fieldset',
    {},
    h('legend', { class: 'visually-hidden' }, legend),
    h(
      'div',
      { class: 'segmented' },
      ...options.map((o) =>
        h(
          'label',
          { title: o.title ?? o.label },
          h('input', {
            type: 'radio',
            name,
            value: o.value,
            checked: o.value === value,
            'aria-label': o.title ?? o.label,
          }),
          o.label,
        ),
      ),
    ),
  );
}

function checkedValue(form: HTMLFormElement, name: string): string {
  return (form.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.value ?? '';
}

function summary(v: AssessmentView): HTMLElement {
  const s = v.summary;
  if (!s) return h('div', { class: 'empty' }, t('Ingen søknader å vurdere.', 'No applications to assess.'));
  const errors = s.findings.filter((f) => f.severity === 'error').length;
  const warnings = s.findings.length - errors;
  const fact = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value || '–')];
  return h(
    'div',
    { class: 'card', id: 'summary' },
    h('div', { class: 'card-title', id: 'case-title' }, s.title || s.caseId),
    h(
      'dl',
      { class: 'facts' },
      ...fact(t('Saksnr', 'Case'), s.caseId),
      ...fact(t('Søker', 'Applicant'), s.applicant),
      ...fact(t('Parter', 'Parties'), s.parties),
      ...fact(t('Søkt', 'Asked'), s.amount),
      ...fact(t('Periode', 'Period'), s.period),
      ...fact(t('Status', 'Status'), s.status),
    ),
    s.findings.length === 0
      ? h('p', { class: 'hint' }, t('Ingen åpne avvik.', 'No open findings.'))
      : h(
          'details',
          {},
          h(
            'summary',
            {},
            `${t('Åpne avvik', 'Open findings')}: `,
            errors
              ? h('span', { class: 'chip error' }, countOf(errors, t('feil', 'error'), t('feil', 'errors')))
              : null,
            warnings
              ? h(
                  'span',
                  { class: 'chip warning' },
                  countOf(warnings, t('advarsel', 'warning'), t('advarsler', 'warnings')),
                )
              : null,
          ),
          h(
            'ul',
            { class: 'plain' },
            ...s.findings.map((f) => h('li', { class: `finding ${f.severity}` }, f.message)),
          ),
        ),
  );
}

function results(v: AssessmentView): HTMLElement | null {
  const r = v.result;
  if (!r) return null;
  const holds =
    r.selectionHolds === true
      ? h('span', { class: 'chip ok' }, t('Alle utvelgelseskriterier oppfylt', 'All selection criteria hold'))
      : r.selectionHolds === false
        ? h(
            'span',
            { class: 'chip error' },
            t('Et utvelgelseskriterium er ikke oppfylt', 'A selection criterion fails'),
          )
        : h('span', { class: 'chip' }, t('Utvelgelse ikke ferdig vurdert', 'Selection not fully assessed'));
  const disagreements = [
    ...r.criteria.filter((c) => c.disagreement).map((c) => c.label),
    ...r.selection.filter((c) => c.disagreement).map((c) => c.label[v.lang]),
  ];
  return h(
    'div',
    { class: 'section', id: 'results' },
    h('h2', {}, t('Resultat for saken', 'Result for the case')),
    h(
      'div',
      { class: 'stats' },
      h(
        'div',
        { class: 'stat' },
        h('div', { class: 'label' }, t('Vektet poengsum', 'Weighted score')),
        h(
          'div',
          { class: 'value', id: 'weighted' },
          r.weightedScore === null ? '–' : `${decimal(r.weightedScore)} / 5`,
        ),
      ),
      h(
        'div',
        { class: 'stat' },
        h('div', { class: 'label' }, t('Vurderere', 'Assessors')),
        h('div', { class: 'value' }, String(r.assessors.length)),
      ),
    ),
    h(
      'div',
      { class: 'chips', style: 'margin-top:8px' },
      holds,
      r.excluded.length
        ? h(
            'span',
            { class: 'chip warning' },
            countOf(
              r.excluded.length,
              t('inhabil holdt utenfor', 'disqualified assessor left out'),
              t('inhabile holdt utenfor', 'disqualified assessors left out'),
            ),
          )
        : null,
    ),
    disagreements.length
      ? banner(
          'warning',
          `${t('Vurdererne er uenige om', 'Assessors disagree on')}: ${disagreements.join('; ')}`,
        )
      : null,
    h(
      'ul',
      { class: 'plain', style: 'margin-top:8px' },
      ...r.criteria.map((c) =>
        h(
          'li',
          { class: 'row-between hint' },
          h('span', {}, `${c.label} (${t('vekt', 'weight')} ${c.weight})`),
          h(
            'span',
            { class: 'num' },
            c.mean === null ? '–' : `${decimal(c.mean)}${c.count > 1 ? ` (${c.min}–${c.max})` : ''}`,
          ),
        ),
      ),
    ),
  );
}

function ranking(v: AssessmentView): HTMLElement {
  const rankId = uid();
  const reasonId = uid();
  const caseSel = uid();
  const msg = h('div');
  const caseSelect = h(
    'select',
    { id: caseSel },
    ...v.cases.map((c) =>
      h('option', { value: c.caseId, selected: c.caseId === v.caseId }, `${c.caseId} – ${c.title}`),
    ),
  );
  const rank = h('input', { type: 'number', id: rankId, min: 1, step: 1, inputmode: 'numeric' });
  const reason = h('textarea', { id: reasonId, rows: 2 });
  const save = h(
    'button',
    { type: 'submit' },
    t('Registrer beslutningsorganets rangering', "Record the board's rank"),
  );
  const form = h(
    'form',
    { novalidate: true },
    h('div', { class: 'field' }, h('label', { for: caseSel }, t('Sak', 'Case')), caseSelect),
    h('div', { class: 'field' }, h('label', { for: rankId }, t('Ny plass', 'New rank')), rank),
    h(
      'div',
      { class: 'field' },
      h('label', { for: reasonId }, t('Beslutningsorganets begrunnelse', "The board's reason")),
      reason,
    ),
    msg,
    h('div', { class: 'actions' }, save),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.setAttribute('disabled', '');
    const fresh = await load(
      msg,
      call('assessmentOverride', {
        caseId: caseSelect.value,
        rank: Number(rank.value),
        reason: reason.value,
      }),
    );
    save.removeAttribute('disabled');
    if (fresh)
      show(fresh, t('Beslutningsorganets rangering er registrert.', "The board's rank is recorded."));
  });
  return h(
    'div',
    { class: 'section', id: 'ranking' },
    h('h2', {}, t('Rangering', 'Ranking')),
    v.ranking.length === 0
      ? h('p', { class: 'muted' }, t('Ingen saker har poeng ennå.', 'No case has scores yet.'))
      : h(
          'ol',
          { class: 'ranking' },
          ...v.ranking.map((r) =>
            h(
              'li',
              {},
              h(
                'span',
                {
                  class: `rank${r.boardRank !== null ? ' board' : ''}`,
                  'aria-label': `${t('Plass', 'Rank')} ${r.finalRank ?? '–'}`,
                },
                r.finalRank === null ? '–' : String(r.finalRank),
              ),
              h(
                'span',
                {},
                h('span', { style: 'display:block;font-weight:500' }, r.title || r.caseId),
                h(
                  'span',
                  { class: 'hint', style: 'display:block' },
                  r.caseId,
                  r.selectionHolds === false ? ` · ${t('utvelgelse ikke oppfylt', 'selection fails')}` : '',
                  r.disagreement ? ` · ${t('uenighet', 'disagreement')}` : '',
                  r.boardRank !== null ? ` · ${t('beslutningsorganet', 'board')}: ${r.boardReason}` : '',
                ),
              ),
              h('span', { class: 'num' }, r.weightedScore === null ? '–' : decimal(r.weightedScore)),
            ),
          ),
        ),
    h(
      'details',
      {},
      h('summary', {}, t('Overstyr rangeringen (beslutningsorganet)', 'Override the ranking (board)')),
      form,
    ),
  );
}

function formFor(v: AssessmentView): HTMLElement {
  const form = h('form', { novalidate: true, id: 'assessment' });
  let ground: Ground | '' = v.mine.ground ?? '';
  const scoring = h('div');
  const save = h('button', { type: 'submit', class: 'primary', id: 'save' }, t('Lagre', 'Save'));
  const status = h('span', { class: 'grow' });

  const renderScoring = () => {
    if (ground === '') {
      mount(
        scoring,
        h(
          'p',
          { class: 'hint' },
          t('Svar på habilitetsspørsmålet først.', 'Answer the impartiality question first.'),
        ),
      );
      save.setAttribute('disabled', '');
      status.textContent = '';
      return;
    }
    save.removeAttribute('disabled');
    if (ground !== 'none') {
      save.textContent = t('Lagre erklæringen', 'Save the declaration');
      status.textContent = t('Erklæringen registreres.', 'The declaration is recorded.');
      mount(
        scoring,
        banner(
          'warning',
          t(
            'Du er inhabil og kan ikke vurdere denne saken. Erklæringen din registreres i Vurderinger.',
            'You are disqualified and cannot assess this case. Your declaration is recorded in Vurderinger.',
          ),
        ),
      );
      return;
    }
    save.textContent = t('Lagre', 'Save');
    status.textContent = v.user;
    const selection = v.selection.map((c) => {
      const mine = v.mine.selection[c.id];
      const commentId = uid();
      return h(
        'div',
        { class: 'criterion' },
        h('div', { class: 'label', id: `sel-${c.id}-label` }, c.label),
        segmented(
          `sel-${c.id}`,
          c.label,
          [
            { value: 'yes', label: t('Ja', 'Yes') },
            { value: 'no', label: t('Nei', 'No') },
          ],
          mine?.answer ?? '',
        ),
        h(
          'label',
          { for: commentId, class: 'visually-hidden' },
          `${t('Kommentar til', 'Comment on')} ${c.label}`,
        ),
        h(
          'textarea',
          {
            id: commentId,
            name: `sel-${c.id}-comment`,
            class: 'small',
            placeholder: t('Kommentar (valgfritt)', 'Comment (optional)'),
            style: 'margin-top:8px',
          },
          mine?.comment ?? '',
        ),
      );
    });
    const criteria = v.criteria.map((c, i) => {
      const mine = v.mine.scores[c.label];
      const commentId = uid();
      return h(
        'div',
        { class: 'criterion' },
        h(
          'div',
          { class: 'criterion-head' },
          h('div', { class: 'label' }, c.label),
          h('span', { class: 'chip info' }, `${t('Vekt', 'Weight')} ${c.weight}`),
        ),
        segmented(
          `crit-${i}`,
          c.label,
          v.scale.map((s) => ({
            value: String(s.score),
            label: String(s.score),
            title: `${s.score} – ${s.label}`,
          })),
          mine?.score ? String(mine.score) : '',
        ),
        h(
          'label',
          { for: commentId, class: 'visually-hidden' },
          `${t('Kommentar til', 'Comment on')} ${c.label}`,
        ),
        h(
          'textarea',
          {
            id: commentId,
            name: `crit-${i}-comment`,
            class: 'small',
            placeholder: t('Kommentar (valgfritt)', 'Comment (optional)'),
            style: 'margin-top:8px',
          },
          mine?.comment ?? '',
        ),
      );
    });
    mount(
      scoring,
      h('h2', {}, t('2. Utvelgelseskriterier', '2. Selection criteria')),
      h(
        'p',
        { class: 'hint' },
        t(
          'Alle må være oppfylt for at saken kan prioriteres.',
          'All must hold for the case to be prioritised.',
        ),
      ),
      ...selection,
      h('h2', {}, t('3. Prioriteringskriterier', '3. Prioritisation criteria')),
      h(
        'p',
        { class: 'hint' },
        `${t('Skala', 'Scale')}: ${v.scale.map((s) => `${s.score} ${s.label.toLowerCase()}`).join(', ')}. ${t('Vektene kommer fra Innstillinger.', 'Weights come from Innstillinger.')}`,
      ),
      ...criteria,
    );
  };

  const grounds = h(
    'fieldset',
    { id: 'impartiality' },
    h(
      'legend',
      {},
      t('1. Habilitet (forvaltningsloven § 6)', '1. Impartiality (Public Administration Act § 6)'),
    ),
    h(
      'p',
      { class: 'hint' },
      t('Gjelder noe av dette for deg i denne saken?', 'Does any of this apply to you in this case?'),
    ),
    ...v.grounds.map((g) =>
      radio('ground', g.id, g.label, g.id === ground, () => {
        ground = g.id;
        renderScoring();
      }),
    ),
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (ground === '') return;
    const input: AssessmentInput = {
      caseId: v.caseId,
      ground,
      selection: v.selection.map((c) => ({
        id: c.id,
        answer: checkedValue(form, `sel-${c.id}`) as 'yes' | 'no',
        comment:
          (form.querySelector(`[name="sel-${c.id}-comment"]`) as HTMLTextAreaElement | null)?.value ?? '',
      })),
      scores: v.criteria.map((c, i) => ({
        label: c.label,
        score: Number(checkedValue(form, `crit-${i}`) || NaN),
        comment:
          (form.querySelector(`[name="crit-${i}-comment"]`) as HTMLTextAreaElement | null)?.value ?? '',
      })),
    };
    save.setAttribute('disabled', '');
    mount(message, spinner(t('Lagrer …', 'Saving …')));
    const fresh = await load(message, call('assessmentSave', input));
    save.removeAttribute('disabled');
    if (fresh)
      show(
        fresh,
        ground === 'none'
          ? t('Vurderingen er lagret i Vurderinger.', 'The assessment is saved in Vurderinger.')
          : t('Erklæringen er lagret.', 'The declaration is saved.'),
      );
  });

  mount(form, grounds, scoring, h('div', { class: 'footer' }, status, save));
  renderScoring();
  return form;
}

/** Draws the page; `saved` is the outcome of the action that led here, shown and focused. */
function show(v: AssessmentView, saved = ''): void {
  setLang(v.lang, 'Assessment');
  const pickId = uid();
  const pick = h(
    'select',
    { id: pickId },
    ...v.cases.map((c) =>
      h('option', { value: c.caseId, selected: c.caseId === v.caseId }, `${c.caseId} – ${c.title}`),
    ),
  );
  pick.addEventListener('change', async () => {
    mount(message, spinner(t('Laster saken …', 'Loading the case …')));
    const fresh = await load(message, call('assessmentLoad', pick.value));
    if (fresh) show(fresh);
    document.querySelector('select')?.focus();
  });
  mount(message);
  mount(
    root,
    h('h1', {}, t('Vurderingsskjema', 'Assessment form')),
    h('div', { class: 'field' }, h('label', { for: pickId }, t('Sak', 'Case')), pick),
    summary(v),
    message,
    v.summary ? formFor(v) : null,
    results(v),
    v.cases.length ? ranking(v) : null,
  );
  if (saved) outcome(message, 'success', saved);
}

async function start(): Promise<void> {
  mount(root, spinner('Laster vurderingsskjema …'));
  const v = await load(root, call('assessmentLoad', ''));
  if (v) show(v);
}

void start();
