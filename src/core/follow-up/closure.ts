import type { Reason } from '../base/result';
import { formatMoney } from '../parse/money';
import type { Application } from '../portfolio/records';
import { formatDay } from './dates';
import { isClosedStatus } from './deadlines/projects';
import { latestReports } from './overview';
import type { StatusReport } from './status/reports';

/**
 * Approving a final report (the chair, *Prosjektveiviseren*'s gate BP5): the project becomes *Avsluttet*
 * (it owes nothing more), and the money it did not use is proposed for withdrawal (*inndragning*). What
 * the gate asks and the report lacks (ready for operations, receiving unit, benefit owner, learning) is
 * shown before the chair confirms; it does not block, as the board may close a project that stops early.
 */
export interface Unused {
  allocated: number;
  paid: number;
  /** allocated − paid: what the project did not use. */
  remaining: number;
}

export type ClosureProposal =
  { ok: false; reason: Reason } | { ok: true; report: StatusReport; gaps: Reason[]; unused: Unused | null };

/** The latest delivered final report of a case (by `Mottatt`), or null. */
export const latestFinalReport = (reports: readonly StatusReport[], caseId: string): StatusReport | null =>
  latestReports(reports.filter((r) => r.caseId === caseId && r.type === 'final')).get(caseId) ?? null;

export function closureProposal(
  app: Application | undefined,
  reports: readonly StatusReport[],
  unused: Unused | null,
): ClosureProposal {
  if (!app) {
    return {
      ok: false,
      reason: {
        nb: 'Velg raden til prosjektet i «Søknader» eller sluttrapporten i «Statusrapporter» først.',
        en: 'Select the project\'s row in "Søknader" or its final report in "Statusrapporter" first.',
      },
    };
  }
  if (isClosedStatus(app.status)) {
    return {
      ok: false,
      reason: {
        nb: `Sak ${app.caseId} er allerede avsluttet.`,
        en: `Case ${app.caseId} is already closed.`,
      },
    };
  }
  const report = latestFinalReport(reports, app.caseId);
  if (!report) {
    return {
      ok: false,
      reason: {
        nb: `Sak ${app.caseId} har ingen mottatt sluttrapport i «Statusrapporter» (Type Sluttrapport og en dato i Mottatt). Prosjektet avsluttes når sluttrapporten er godkjent.`,
        en: `Case ${app.caseId} has no final report received in "Statusrapporter" (Type Sluttrapport and a date in Mottatt). The project is closed when its final report is approved.`,
      },
    };
  }
  const gaps: Reason[] = [];
  if (report.readyForOperations !== true)
    gaps.push({ nb: '«Klar for drift» er ikke Ja', en: '"Klar for drift" is not yes' });
  if (report.receiver === '') gaps.push({ nb: 'ingen «Mottaker i drift»', en: 'no receiving unit' });
  if (report.benefitOwner === '') gaps.push({ nb: 'ingen «Gevinsteier»', en: 'no benefit owner' });
  if (report.learning === '') gaps.push({ nb: 'ingen «Læringspunkter»', en: 'no learning points' });
  return { ok: true, report, gaps, unused };
}

/** The confirmation the chair answers, and what the log keeps. */
export function closureText(app: Application, p: Extract<ClosureProposal, { ok: true }>): Reason {
  const received = p.report.received.ok ? formatDay(p.report.received.value) : '';
  const gaps = (lang: 'nb' | 'en') => p.gaps.map((g) => g[lang]).join(', ');
  const money = (lang: 'nb' | 'en') =>
    p.unused === null
      ? lang === 'nb'
        ? 'Prosjektet har ingen tildeling, så det er ingenting å inndra.'
        : 'The project has no allocation, so there is nothing to withdraw.'
      : p.unused.remaining > 0
        ? lang === 'nb'
          ? `Ubrukt: ${formatMoney(p.unused.remaining)} av ${formatMoney(p.unused.allocated)} tildelt (${formatMoney(p.unused.paid)} utbetalt). Forslag: inndra ${formatMoney(p.unused.remaining)} med Registrer utbetaling › Inndragning, så går pengene tilbake til rammen.`
          : `Unused: ${formatMoney(p.unused.remaining)} of ${formatMoney(p.unused.allocated)} allocated (${formatMoney(p.unused.paid)} paid). Proposal: withdraw ${formatMoney(p.unused.remaining)} with Register payment › Withdrawal, returning it to the frame.`
        : lang === 'nb'
          ? 'Hele tildelingen er brukt; ingenting å inndra.'
          : 'The whole allocation is used; nothing to withdraw.';
  // Who sent it, and whether that is known to be the project: the chair decides on a report, not a link.
  const verified: Reason =
    p.report.check === 'token'
      ? {
          nb: 'bekreftet med prosjektets kode fra lenken',
          en: "confirmed by the project's code from the link",
        }
      : p.report.check === 'confirmed'
        ? { nb: 'bekreftet av sekretariatet', en: 'confirmed by the secretariat' }
        : {
            nb: 'uten kode: skrevet i arket, eller fra før kodene kom',
            en: 'without a code: typed in the sheet, or from before codes',
          };
  const sender = (lang: 'nb' | 'en') =>
    `${lang === 'nb' ? 'Sendt av' : 'Sent by'}: ${p.report.reportedBy || (lang === 'nb' ? 'ikke oppgitt' : 'not given')} (${verified[lang]}).`;
  return {
    nb: `Godkjenne sluttrapporten for sak ${app.caseId} «${app.title}» (mottatt ${received}) og sette prosjektet til Avsluttet?\n\n${sender('nb')}\n\n${p.gaps.length > 0 ? `Mangler for overgang til drift: ${gaps('nb')}.\n\n` : ''}${money('nb')}`,
    en: `Approve the final report of case ${app.caseId} "${app.title}" (received ${received}) and set the project to Avsluttet?\n\n${sender('en')}\n\n${p.gaps.length > 0 ? `Missing for the transition to operations: ${gaps('en')}.\n\n` : ''}${money('en')}`,
  };
}
