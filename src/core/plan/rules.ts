import type { CellRef, Severity } from '../engine/findings';
import { where } from '../engine/findings';
import { finding, rowRule, says, type Rule, type RuleText } from '../engine/rule';
import type { CheckContext } from '../check/context';
import type { Lang } from '../base/result';
import { formatDay } from './format';
import { LEVEL_LABEL, type PlanItem } from './records';

/**
 * The action plan's rules. They run only when the workbook has a `Handlingsplan` sheet. A finding's `ref`
 * is the row's number as the product assigns it, so `check --json` names measures as the plan does.
 */

/** "Tiltak 1.2.3 (Handlingsplan rad 7, «Ansvarlig»): " */
export function aboutItem(item: PlanItem, field: string, lang: Lang): string {
  const cell: CellRef = { sheet: 'plan', row: item.row, field };
  const label = item.level === null ? (lang === 'nb' ? 'Raden' : 'The row') : LEVEL_LABEL[item.level][lang];
  const named = item.number === '' ? label : `${label} ${item.number}`;
  return `${named} (${where(cell, lang)}): `;
}

const planRule = (spec: {
  id: string;
  severity: Severity;
  field: string;
  test: (item: PlanItem, ctx: CheckContext) => RuleText | null;
}): Rule =>
  rowRule({
    ...spec,
    family: 'plan',
    sheet: 'plan',
    rows: (ctx) => ctx.portfolio.plan?.items ?? [],
    ref: (item) => item.number,
    where: (item, _cell, lang) => aboutItem(item, spec.field, lang),
  });

const isMeasure = (item: PlanItem) => item.level === 3;

export const measureOwnerMissing = planRule({
  id: 'measure-owner-missing',
  severity: 'warning',
  field: 'owner',
  test: (item) =>
    isMeasure(item) && item.owner === ''
      ? {
          nb: 'tiltaket har ingen ansvarlig. Skriv en navngitt leder eller rolle i «Ansvarlig».',
          en: 'the measure has no one responsible. Name a leader or role in "Responsible".',
          fact: { nb: 'Tiltaket har ingen ansvarlig.', en: 'The measure has no one responsible.' },
        }
      : null,
});

export const measureIndicatorMissing = planRule({
  id: 'measure-indicator-missing',
  severity: 'warning',
  field: 'indicator',
  test: (item) =>
    isMeasure(item) && item.indicator === ''
      ? {
          nb: 'tiltaket har ingen indikator. Skriv hvordan det måles i «Indikator».',
          en: 'the measure has no indicator. Say how it is measured in "Indicator".',
          fact: { nb: 'Tiltaket har ingen indikator.', en: 'The measure has no indicator.' },
        }
      : null,
});

export const measureOverdue = planRule({
  id: 'measure-overdue',
  severity: 'warning',
  field: 'due',
  test: (item, ctx) => {
    if (!isMeasure(item) || !item.due?.ok || item.status === 'green') return null;
    const due = item.due.value;
    if (due.getTime() >= ctx.today.getTime()) return null;
    return {
      nb: `fristen ${formatDay(due, 'nb')} er passert, og tiltaket er ikke gjennomført. Sett ny frist eller oppdater status.`,
      en: `the deadline ${formatDay(due, 'en')} has passed and the measure is not done. Set a new deadline or update its status.`,
      fact: {
        nb: `Fristen ${formatDay(due, 'nb')} er passert, og tiltaket er ikke gjennomført.`,
        en: `The deadline ${formatDay(due, 'en')} has passed and the measure is not done.`,
      },
    };
  },
});

/** A deadline that cannot be read would silently keep `measure-overdue` from judging the measure. */
export const measureDueInvalid = planRule({
  id: 'measure-due-invalid',
  severity: 'warning',
  field: 'due',
  test: (item) =>
    item.due && !item.due.ok
      ? {
          nb: `${item.due.reason.nb}. Uten en frist som kan leses, kontrolleres det ikke om den er passert.`,
          en: `${item.due.reason.en}. Without a readable deadline, whether it has passed is not checked.`,
          fact: { nb: 'Fristen kan ikke leses.', en: 'The deadline cannot be read.' },
        }
      : null,
});

export const measureCommentMissing = planRule({
  id: 'measure-comment-missing',
  severity: 'warning',
  field: 'comment',
  test: (item) =>
    isMeasure(item) && (item.status === 'red' || item.status === 'yellow') && item.comment === ''
      ? {
          nb: `status er ${item.status === 'red' ? 'rød' : 'gul'}, men det står ingen kommentar. Skriv kort hvorfor og hva som skal til.`,
          en: `the status is ${item.status}, but there is no comment. Say briefly why and what it takes.`,
          fact: {
            nb: `Tiltaket står på ${item.status === 'red' ? 'rødt' : 'gult'} uten kommentar.`,
            en: `The measure is ${item.status} without a comment.`,
          },
        }
      : null,
});

export const measureStatusInvalid = planRule({
  id: 'measure-status-invalid',
  severity: 'warning',
  field: 'status',
  test: (item) =>
    item.status === null && (item.statusText !== '' || isMeasure(item))
      ? item.statusText === ''
        ? {
            nb: 'tiltaket har ingen status. Velg Grønn, Gul, Rød eller Venter.',
            en: 'the measure has no status. Choose Green, Yellow, Red or Waiting.',
            fact: { nb: 'Tiltaket har ingen status.', en: 'The measure has no status.' },
          }
        : {
            nb: `«${item.statusText}» er ikke en status. Velg Grønn (gjennomført), Gul (pågående), Rød (ikke påbegynt) eller Venter.`,
            en: `"${item.statusText}" is not a status. Choose Green (done), Yellow (ongoing), Red (not started) or Waiting.`,
            fact: {
              nb: `Tiltakets status «${item.statusText}» er ikke et trafikklys.`,
              en: `The measure's status "${item.statusText}" is not a traffic light.`,
            },
          }
      : null,
});

export const measureCaseUnknown = planRule({
  id: 'measure-case-unknown',
  severity: 'warning',
  field: 'cases',
  test: (item, ctx) => {
    const known = new Set(ctx.portfolio.applications.map((a) => a.caseId));
    const unknown = item.cases.filter((c) => !known.has(c));
    if (unknown.length === 0) return null;
    const list = unknown.join(', ');
    return {
      nb: `${unknown.length === 1 ? 'saken' : 'sakene'} ${list} finnes ikke i «Søknader». Rett saksnummeret eller fjern det.`,
      en: `${unknown.length === 1 ? 'the case' : 'the cases'} ${list} ${unknown.length === 1 ? 'is' : 'are'} not in "Søknader". Correct the case ID or remove it.`,
      fact: {
        nb: `Tiltaket viser til ${unknown.length === 1 ? 'en sak' : `${unknown.length} saker`} som ikke finnes blant søknadene.`,
        en: `The measure refers to ${unknown.length === 1 ? 'a case' : `${unknown.length} cases`} that ${unknown.length === 1 ? 'is' : 'are'} not among the applications.`,
      },
    };
  },
});

/** A text as compared for duplicates: spacing and case ignored. */
const sameText = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nb');

/**
 * Two focus areas, goals or measures with the same text (spacing and case ignored): usually a copy left in
 * by mistake, and the board cannot tell which one a comment or a region's input is about. The later row
 * is flagged, naming the first.
 */
export const measureTextDuplicate = planRule({
  id: 'measure-text-duplicate',
  severity: 'warning',
  field: 'text',
  test: (item, ctx) => {
    const items = ctx.portfolio.plan?.items ?? [];
    const own = sameText(item.text);
    if (own === '' || item.level === null) return null;
    const first = items.find((x) => x.level === item.level && sameText(x.text) === own);
    if (!first || first === item) return null;
    const label = LEVEL_LABEL[item.level];
    // The first by its number (a fact names no row); an unplaceable row has none.
    const firstName = (lang: Lang) =>
      first.number === ''
        ? lang === 'nb'
          ? `et ${label.nb.toLowerCase()} lenger opp`
          : `an earlier ${label.en.toLowerCase()}`
        : `${label[lang].toLowerCase()} ${first.number}`;
    return says({
      problem: {
        nb: `Teksten er den samme som i ${firstName('nb')}`,
        en: `The text is the same as in ${first.number === '' ? '' : 'the '}${firstName('en')}`,
      },
      action: {
        nb: 'Skriv hva som skiller dem, eller slå dem sammen og flytt det som står under, til den ene.',
        en: 'Say what sets them apart, or merge them and move what stands under one to the other.',
      },
    });
  },
});

/** Duplicates, numbers that do not fit their place, rows without a level or a parent. */
export const measureNumberInvalid: Rule = {
  id: 'measure-number-invalid',
  severity: 'error',
  family: 'plan',
  check(ctx) {
    const plan = ctx.portfolio.plan;
    if (!plan) return [];
    return plan.issues.map((issue) => {
      const item = plan.items[issue.index]!;
      const field = issue.kind === 'level' || issue.kind === 'orphan' ? 'level' : 'nr';
      const cell: CellRef = { sheet: 'plan', row: item.row, field };
      const text = (lang: Lang): string => {
        const nb = lang === 'nb';
        switch (issue.kind) {
          case 'duplicate': {
            const first = plan.items[issue.first]!;
            return nb
              ? `nummeret ${item.number} er brukt før, i rad ${first.row}. Gi en av radene et annet nummer, eller tøm «Nr» så får den neste ledige.`
              : `the number ${item.number} is used before, in row ${first.row}. Give one of the rows another number, or empty "No." to get the next free one.`;
          }
          case 'misfit':
            return nb
              ? `nummeret «${item.given}» passer ikke der raden står (ventet ${issue.expected}). Rett nummeret, eller flytt raden under riktig mål.`
              : `the number "${item.given}" does not fit where the row stands (expected ${issue.expected}). Correct it, or move the row under the right goal.`;
          case 'orphan':
            return nb
              ? `${item.level === 2 ? 'et hovedmål må stå under et fokusområde' : 'et tiltak må stå under et hovedmål'}, men det er ingen over raden. Sett inn det eller flytt raden.`
              : `${item.level === 2 ? 'a main goal must stand under a focus area' : 'a measure must stand under a main goal'}, but there is none above the row. Insert one or move the row.`;
          case 'level':
            return nb
              ? `«${item.levelText}» er ikke et nivå. Velg Fokusområde, Hovedmål eller Tiltak.`
              : `"${item.levelText}" is not a level. Choose Fokusområde, Hovedmål or Tiltak.`;
          case 'parentInvalid':
            return nb
              ? 'raden kan ikke nummereres fordi nummeret over den er ugyldig. Rett det først.'
              : 'the row cannot be numbered because the number above it is invalid. Correct that first.';
        }
      };
      const fact = (lang: Lang) =>
        lang === 'nb'
          ? issue.kind === 'duplicate'
            ? 'Nummeret er brukt to ganger i handlingsplanen.'
            : 'Nummeret eller nivået passer ikke der det står i handlingsplanen.'
          : issue.kind === 'duplicate'
            ? 'The number is used twice in the action plan.'
            : 'The number or level does not fit where it stands in the action plan.';
      return finding(
        measureNumberInvalid,
        item.number,
        [cell],
        (lang) => aboutItem(item, field, lang) + text(lang),
        fact,
      );
    });
  },
};

export const PLAN_RULES: readonly Rule[] = [
  measureOwnerMissing,
  measureIndicatorMissing,
  measureOverdue,
  measureCommentMissing,
  measureNumberInvalid,
  measureCaseUnknown,
  measureStatusInvalid,
  measureDueInvalid,
  measureTextDuplicate,
];
