import { annualReportGaps, buildAnnualReport, gapLines } from '../../core/documents/follow-up/annual-report';
import { buildBoardStatus } from '../../core/documents/follow-up/board-status';
import { tilskuddError } from '../../core/base/errors';
import { parseDay } from '../../core/parse/period';
import { todayIn, withDesk } from '../platform/desk';
import { NO_WAITING, ask, askYear, checked } from './documents-menu';
import { publishDocuments, showLinks } from './documents';

/** Menu items for the follow-up's documents (the board's status report and the annual report), in Google Docs through `Dokumenter`. */
export const FOLLOW_UP_DOCUMENT_TEXT = {
  boardStatus: { nb: 'Lag statusrapport til beslutningsorganet', en: 'Write status report to the board' },
  annualReport: { nb: 'Lag årlig melding', en: 'Write annual report' },
} as const;

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * *Statusrapport til porteføljestyret* for a day (empty: today in the spreadsheet's time zone), kept
 * under `status:YYYY-MM-DD`: running again updates the same document, or does nothing when unchanged.
 */
export function boardStatusMenu(): void {
  withDesk((desk) => {
    const nb = desk.lang === 'nb';
    const title = FOLLOW_UP_DOCUMENT_TEXT.boardStatus[desk.lang];
    const answer = ask(
      desk,
      title,
      nb
        ? 'Status per dato (f.eks. 15.05.2026; tomt: i dag):'
        : 'Status on date (e.g. 2026-05-15; empty: today):',
    );
    if (answer === null) return;
    const day =
      answer === '' ? { ok: true as const, value: todayIn(desk.ss, desk.sheets) } : parseDay(answer);
    if (!day.ok) throw tilskuddError(`Dato: ${day.reason.nb}.`, `Date: ${day.reason.en}.`);
    const meeting = ask(
      desk,
      title,
      nb
        ? 'Møtedato (f.eks. 09.06.2026; tomt: samme dag):'
        : 'Meeting date (e.g. 2026-06-09; empty: the same day):',
    );
    if (meeting === null) return;
    const meetingDay = meeting === '' ? day : parseDay(meeting);
    if (!meetingDay.ok)
      throw tilskuddError(`Møtedato: ${meetingDay.reason.nb}.`, `Meeting date: ${meetingDay.reason.en}.`);
    const caseNumber = ask(
      desk,
      title,
      nb ? 'Saksnummer i møtet (f.eks. 22-2026):' : 'Case number (e.g. 22-2026):',
    );
    if (caseNumber === null) return;
    const result = checked(desk);
    const model = buildBoardStatus(result, {
      date: day.value,
      meetingDate: isoOf(meetingDay.value),
      caseNumber: caseNumber || undefined,
      lang: desk.lang,
    });
    const settings = result.portfolio.settings;
    const key = `status:${caseNumber || isoOf(day.value)}`;
    showLinks(desk, title, publishDocuments(desk, settings, [{ key, model }]), settings);
  }, NO_WAITING);
}

/**
 * *Årlig melding* for a budget year from the reports received by a day (empty: today; 1 November gives
 * the autumn status), kept under `annual:YYYY` (`annual:YYYY:DATE` for another day). Before it is
 * written, a dialog lists what the projects' reports are missing, so the secretariat can ask first.
 */
export function annualReportMenu(): void {
  withDesk((desk) => {
    const nb = desk.lang === 'nb';
    const title = FOLLOW_UP_DOCUMENT_TEXT.annualReport[desk.lang];
    const answer = askYear(desk, title);
    if (answer === null) return;
    const asOf = ask(
      desk,
      title,
      nb
        ? 'Status per dato (f.eks. 01.11.2025; tomt: i dag):'
        : 'Status on date (e.g. 2025-11-01; empty: today):',
    );
    if (asOf === null) return;
    const day = asOf === '' ? { ok: true as const, value: todayIn(desk.ss, desk.sheets) } : parseDay(asOf);
    if (!day.ok) throw tilskuddError(`Dato: ${day.reason.nb}.`, `Date: ${day.reason.en}.`);
    const result = checked(desk);
    const options = { year: Number(answer), date: day.value, lang: desk.lang };
    const gaps = gapLines(annualReportGaps(result, options), desk.lang);
    if (gaps.length > 0) {
      const ui = SpreadsheetApp.getUi();
      const question = nb
        ? `Dette mangler i prosjektenes rapporter per ${isoOf(day.value)}:\n\n${gaps.join('\n')}\n\nSkrive meldingen likevel? (Meldingen lister det som mangler.)`
        : `The projects' reports are missing this on ${isoOf(day.value)}:\n\n${gaps.join('\n')}\n\nWrite the report anyway? (It lists what is missing.)`;
      if (ui.alert(title, question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    }
    const model = buildAnnualReport(result, options);
    const settings = result.portfolio.settings;
    const key = asOf === '' ? `annual:${answer}` : `annual:${answer}:${isoOf(day.value)}`;
    showLinks(desk, title, publishDocuments(desk, settings, [{ key, model }]), settings);
  }, NO_WAITING);
}
