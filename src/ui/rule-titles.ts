import type { Reason } from '../core/base/result';

/**
 * The heading of each rule in Avvik, in words (the rule id stays beside it as secondary text, since
 * docs/rules.md and the Avvik sheet use it). The one place a rule's title lives until rules carry their own.
 */
export const RULE_TITLES: Record<string, Reason> = {
  'frame-exceeded': { nb: 'Rammen er overskredet', en: 'Frame exceeded' },
  'key-exceeded': { nb: 'Over fordelingsnøkkelen', en: 'Over the key' },
  'supplement-over-limit': { nb: 'Tilleggsbevilling over fullmakten', en: 'Supplement over the authority' },
  'supplement-not-reported': {
    nb: 'Tilleggsbevilling ikke rapportert til orienteringsorganet',
    en: 'Supplement not reported to the board',
  },
  'supplement-without-grant': {
    nb: 'Tilleggsbevilling uten ordinær tildeling',
    en: 'Supplement without a grant',
  },
  'parties-missing': { nb: 'Partene mangler', en: 'Parties missing' },
  'agreement-missing': { nb: 'Enighet ikke dokumentert', en: 'Agreement not documented' },
  'contract-missing': { nb: 'Samarbeidsavtale mangler', en: 'Written agreement missing' },
  'agreement-parties-unnamed': {
    nb: 'Avtalepartene er ikke navngitt hver for seg',
    en: 'Agreement parties not named one by one',
  },
  'budget-incomplete': { nb: 'Budsjettet er ufullstendig', en: 'Budget incomplete' },
  'own-contribution-missing': { nb: 'Egenandel mangler', en: 'Own contribution missing' },
  'permanent-operating-cost': { nb: 'Varige driftsutgifter', en: 'Permanent operating costs' },
  'priority-area-missing': { nb: 'Prioritert område mangler', en: 'Priority area missing' },
  'benefit-plan-missing': { nb: 'Gevinstrealisering mangler', en: 'Benefit plan missing' },
  'period-invalid': { nb: 'Ugyldig periode', en: 'Invalid period' },
  'amount-invalid': { nb: 'Ugyldig beløp', en: 'Invalid amount' },
  'outside-round': { nb: 'Mottatt utenfor søknadsrunde', en: 'Received outside a round' },
  'case-id-invalid': {
    nb: 'Saksnummer mangler eller er brukt to ganger',
    en: 'Case id missing or used twice',
  },
  'category-invalid': { nb: 'Ukjent kategori', en: 'Unknown category' },
  'kind-invalid': { nb: 'Ukjent art på tildeling', en: 'Unknown kind of allocation' },
  'assessor-disqualified': { nb: 'Inhabil vurderer har gitt poeng', en: 'Disqualified assessor scored' },
  'assessment-unmarked': { nb: 'Vurdering ikke lagret av Tilskudd', en: 'Assessment not saved by Tilskudd' },
  'intake-stuck': { nb: 'Mottaket står fast', en: 'Intake stuck' },
  'recommendation-invalid': { nb: 'Ugyldig innstilling', en: 'Invalid recommendation' },
  'status-report-overdue': { nb: 'Halvårsrapport forfalt', en: 'Half-yearly report overdue' },
  'final-report-overdue': { nb: 'Sluttrapport forfalt', en: 'Final report overdue' },
  'status-comment-missing': { nb: 'Kommentar mangler i statusrapport', en: 'Status report without comment' },
  'status-red': { nb: 'Rødt lys i siste statusrapport', en: 'Red light in the latest report' },
  'status-report-invalid': { nb: 'Statusrapport kan ikke telles', en: 'Status report cannot be counted' },
  'economy-light-differs': {
    nb: 'Økonomilyset avviker fra utbetalingene',
    en: 'Economy light differs from payments',
  },
  overspent: { nb: 'Utbetalt mer enn tildelt', en: 'Paid more than allocated' },
  'payment-without-grant': { nb: 'Utbetaling uten tildeling', en: 'Payment without a grant' },
  'payment-without-contract': { nb: 'Utbetaling uten samarbeidsavtale', en: 'Payment without agreement' },
  'payment-outside-period': { nb: 'Utbetaling etter fristen', en: 'Payment after the deadline' },
  'agreement-archive-missing': {
    nb: 'Avtale ikke signert eller arkivert',
    en: 'Agreement not signed or archived',
  },
  'acceptance-missing': {
    nb: 'Utbetaling før tilsagnet er akseptert',
    en: 'Payment before the offer was accepted',
  },
  'unused-funds': { nb: 'Ubrukte midler etter prosjektslutt', en: 'Unused money after the end' },
  'withdrawal-over-remaining': {
    nb: 'Inndragning over det som gjenstår',
    en: 'Withdrawal over what is left',
  },
  'payment-invalid': { nb: 'Ugyldig utbetalingsrad', en: 'Invalid payment row' },
  'date-invalid': { nb: 'Ugyldig dato', en: 'Invalid date' },
  'form-answer-unmapped': { nb: 'Skjemasvar uten kolonne', en: 'Form answer without a column' },
  'form-answer-truncated': { nb: 'Skjemasvar avkortet', en: 'Form answer truncated' },
  'measure-owner-missing': { nb: 'Tiltak uten ansvarlig', en: 'Measure without owner' },
  'measure-indicator-missing': { nb: 'Tiltak uten indikator', en: 'Measure without indicator' },
  'measure-overdue': { nb: 'Tiltak over fristen', en: 'Measure overdue' },
  'measure-comment-missing': { nb: 'Tiltak uten kommentar', en: 'Measure without comment' },
  'measure-number-invalid': { nb: 'Ugyldig nummer i handlingsplanen', en: 'Invalid plan number' },
  'measure-case-unknown': { nb: 'Tiltak viser til ukjent sak', en: 'Measure names an unknown case' },
  'measure-status-invalid': { nb: 'Tiltak uten gyldig status', en: 'Measure without a valid status' },
  'measure-due-invalid': { nb: 'Ugyldig frist i handlingsplanen', en: 'Invalid plan deadline' },
  'measure-text-duplicate': {
    nb: 'Samme tekst to ganger i handlingsplanen',
    en: 'Same text twice in the plan',
  },
};
