import { buildAnnualReport } from '../../core/documents/follow-up/annual-report';
import { buildBoardStatus } from '../../core/documents/follow-up/board-status';
import { tilskuddError } from '../../core/base/errors';
import { parseDay } from '../../core/parse/period';
import { todayIn, withDesk } from '../platform/desk';
import { NO_WAITING, ask, askYear, checked } from './documents-menu';
import { publishDocuments, showLinks } from './documents';

/** Menu items for the follow-up's documents (the board's status report and the annual report), in Google Docs through `Dokumenter`. */
export const FOLLOW_UP_DOCUMENT_TEXT = {
  boardStatus: { nb: 'Lag statusrapport til porteføljestyret', en: 'Write status report to the board' },
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
    const result = checked(desk);
    const model = buildBoardStatus(result, { date: day.value, lang: desk.lang });
    const settings = result.portfolio.settings;
    const key = `status:${isoOf(day.value)}`;
    showLinks(desk, title, publishDocuments(desk, settings, [{ key, model }]), settings);
  }, NO_WAITING);
}

/**
 * *Årlig melding* for a budget year from the reports received by today, kept under `annual:YYYY`.
 */
export function annualReportMenu(): void {
  withDesk((desk) => {
    const title = FOLLOW_UP_DOCUMENT_TEXT.annualReport[desk.lang];
    const answer = askYear(desk, title);
    if (answer === null) return;
    const result = checked(desk);
    const model = buildAnnualReport(result, {
      year: Number(answer),
      date: todayIn(desk.ss, desk.sheets),
      lang: desk.lang,
    });
    const settings = result.portfolio.settings;
    showLinks(desk, title, publishDocuments(desk, settings, [{ key: `annual:${answer}`, model }]), settings);
  }, NO_WAITING);
}
