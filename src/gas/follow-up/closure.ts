import { closureProposal, closureText } from '../../core/follow-up/closure';
import { projectEconomy } from '../../core/money-flow/economy';
import { tilskuddError } from '../../core/base/errors';
import { cellText } from '../../core/base/text';
import { APPLICATIONS } from '../../core/workbook/contract';
import { STATUSES } from '../../core/workbook/vocabulary';
import { readPortfolio, type Portfolio } from '../../core/portfolio/records';
import { inLock, todayIn, withDesk } from '../platform/desk';
import { loggedWrite } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';

/**
 * *Godkjenn sluttrapport* (the chair only: action `closeProject`): for the selected project (its row in
 * Søknader, or its report in Statusrapporter), shows what the final report lacks for the transition to
 * operations and the unused money proposed for withdrawal, and on Yes logs who approved and sets `Status`
 * to *Avsluttet* (one cell; the row found again by case id under the lock).
 */

function selectedCase(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, p: Portfolio): string {
  const range = ss.getActiveRange();
  if (!range) return '';
  const sheet = range.getSheet().getName();
  const row = range.getRow();
  if (sheet === p.sheetNames.applications) return p.applications.find((a) => a.row === row)?.caseId ?? '';
  if (sheet === p.sheetNames.statusReports) return p.statusReports?.find((r) => r.row === row)?.caseId ?? '';
  return '';
}

export function approveFinalReportMenu(): void {
  withDesk(
    ({ ss, sheets, lang, user }) => {
      const p = readPortfolio(readWorkbook(ss, sheets).values);
      const caseId = selectedCase(ss, p);
      const app = p.applications.find((a) => a.caseId === caseId);
      const proposal = closureProposal(
        app,
        p.statusReports ?? [],
        projectEconomy(p, todayIn(ss, sheets)).get(caseId) ?? null,
      );
      if (!proposal.ok) throw tilskuddError(proposal.reason.nb, proposal.reason.en);
      const ui = SpreadsheetApp.getUi();
      const text = closureText(app!, proposal);
      // The question without the lock: the chair may take a while to answer.
      if (ui.alert(text[lang], ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
      inLock(() => {
        const now = readPortfolio(readWorkbook(ss, sheets).values);
        const current = now.applications.find((a) => a.caseId === caseId);
        const col = now.columns.applications.status;
        if (!current || col === undefined) {
          throw tilskuddError(
            `Fant ikke sak ${caseId} i «Søknader» igjen; ingenting er endret.`,
            `Case ${caseId} is no longer in "Søknader"; nothing was changed.`,
          );
        }
        const apps = sheets.require(APPLICATIONS);
        const unused = proposal.unused;
        const entry = {
          action: 'Sluttrapport godkjent',
          caseId,
          before: current.status,
          after: [
            STATUSES.closed.nb,
            `godkjent av ${user}`,
            `sluttrapport rad ${proposal.report.row} i «${now.sheetNames.statusReports}»`,
            ...(proposal.gaps.length > 0 ? [`mangler: ${proposal.gaps.map((g) => g.nb).join(', ')}`] : []),
            unused ? `ubrukt ${unused.remaining} kr foreslått inndratt` : 'ubrukte midler ikke beregnet',
          ].join('; '),
        };
        // Logg first, then the status: a closure never stands without its line (see loggedWrite).
        loggedWrite(sheets, user, [apps], [entry], () =>
          apps.getRange(current.row, col + 1).setValue(STATUSES.closed.nb),
        );
      });
      ss.toast(
        lang === 'nb' ? `Sak ${caseId} er avsluttet.` : `Case ${caseId} is closed.`,
        cellText(app!.title).slice(0, 60),
      );
    },
    { action: 'closeProject', lock: false },
  );
}
