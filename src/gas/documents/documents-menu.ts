import { checkWorkbook } from '../../core/check/check';
import { buildAgreement } from '../../core/documents/agreement';
import {
  buildLetter,
  buildRejectionLetter,
  buildSupplementLetter,
  grants,
  rejectionDate,
  rejections,
  supplementLetters,
} from '../../core/documents/letter';
import { buildMemo, proposals, type MemoOptions } from '../../core/documents/memo';
import { disqualifiedFrom, refuseDisqualifiedAuthor } from '../../core/assessment/impartiality';
import { declarations } from '../../core/assessment/scores';
import { recordProposals } from './proposals';
import { buildOverview } from '../../core/documents/overview';
import { tilskuddError } from '../../core/base/errors';
import { parseDay } from '../../core/parse/period';
import { todayIn, withDesk, type Desk } from '../platform/desk';
import { publishDocuments, showLinks } from './documents';
import { readWorkbook } from '../workbook/portfolio';

/** Menu items for documents: the memo, the award letters and the public overview, in Google Docs. */
export const DOCUMENT_TEXT = {
  memo: { nb: 'Lag saksfremstilling', en: 'Write decision memo' },
  letters: { nb: 'Lag tildelingsbrev', en: 'Write award letters' },
  overview: { nb: 'Publiser oversikt', en: 'Publish overview' },
  agreement: { nb: 'Lag samarbeidsavtale', en: 'Write agreement draft' },
} as const;

/** Prompts wait for the user and documents for Google: the lock is taken only around the writes. */
export const NO_WAITING = { action: 'documents', lock: false } as const;

export function ask(desk: Desk, title: string, question: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/** Asks for a budget year; `null` when cancelled, a TilskuddError when it is not four digits. */
export function askYear(desk: Desk, title: string): string | null {
  const answer = ask(
    desk,
    title,
    desk.lang === 'nb' ? 'Budsjettår (f.eks. 2025):' : 'Budget year (e.g. 2025):',
  );
  if (answer !== null && !/^\d{4}$/.test(answer))
    throw tilskuddError(`«${answer}» er ikke et årstall.`, `"${answer}" is not a year.`);
  return answer;
}

export function checked(desk: Desk) {
  return checkWorkbook(readWorkbook(desk.ss, desk.sheets).values, { today: todayIn(desk.ss, desk.sheets) });
}

export function memoMenu(): void {
  withDesk((desk) => {
    const nb = desk.lang === 'nb';
    const title = DOCUMENT_TEXT.memo[desk.lang];
    const date = ask(desk, title, nb ? 'Møtedato (f.eks. 09.05.2025):' : 'Meeting date (e.g. 2025-05-09):');
    if (date === null) return;
    const day = parseDay(date);
    if (!day.ok) throw tilskuddError(`Møtedato: ${day.reason.nb}.`, `Meeting date: ${day.reason.en}.`);
    const caseNumber = ask(
      desk,
      title,
      nb
        ? 'Saksnummer i møtet (f.eks. 18-2025; forslaget lagres i arket «Forslag»):'
        : 'Board case number (e.g. 18-2025; the proposal is recorded in the "Forslag" sheet):',
    );
    if (caseNumber === null) return;
    const cases = ask(
      desk,
      title,
      nb
        ? 'Saksnumrene som skal innstilles, skilt med komma (tomt: alle søknader uten tildeling):'
        : 'Case IDs to propose, separated by commas (empty: every application without a grant):',
    );
    if (cases === null) return;
    const result = checked(desk);
    const options: MemoOptions = {
      meetingDate: isoOf(day.value),
      caseNumber,
      cases:
        cases === ''
          ? undefined
          : cases
              .split(',')
              .map((c) => c.trim())
              .filter((c) => c !== ''),
      lang: desk.lang,
    };
    // Every case the memo prepares, as it selects them: none may be one its author is disqualified from.
    const { ready, notReady } = proposals(result, options.cases, caseNumber, desk.lang);
    refuseDisqualifiedAuthor(
      disqualifiedFrom(declarations(result.portfolio.assessments ?? []), desk.user.toLowerCase()),
      [...ready, ...notReady].map((p) => p.caseId),
    );
    const model = buildMemo(result, options);
    // The proposal is recorded first: a refused record (a decided case) makes no document either.
    if (caseNumber !== '') recordProposals(desk, result, options);
    const key = `memo:${caseNumber || isoOf(day.value)}`;
    const settings = result.portfolio.settings;
    showLinks(desk, title, publishDocuments(desk, settings, [{ key, model }]), settings);
  }, NO_WAITING);
}

/**
 * One letter per grant offer, per supplementary grant and per rejection (status *Avslått*), as the CLI's
 * `letters` writes them. Each is dated by its decision, so running again another day leaves a sent letter
 * as it was; a rejection whose decision no allocation dates is dated today.
 */
export function lettersMenu(): void {
  withDesk((desk) => {
    const result = checked(desk);
    const lang = desk.lang;
    const today = isoOf(todayIn(desk.ss, desk.sheets));
    const items = [
      ...grants(result).map((g) => ({
        key: `letter:${g.application.caseId}`,
        model: buildLetter(result, g, {
          date: g.allocation.date.ok ? isoOf(g.allocation.date.value) : '',
          lang,
        }),
      })),
      ...supplementLetters(result).map((sup) => ({
        key: `supplement:${sup.application.caseId}:${sup.n}`,
        model: buildSupplementLetter(result, sup, { lang }),
      })),
      ...rejections(result).map((app) => ({
        key: `rejection:${app.caseId}`,
        model: buildRejectionLetter(result, app, { date: rejectionDate(result, app) || today, lang }),
      })),
    ];
    if (items.length === 0) {
      throw tilskuddError(
        'Ingen prosjekter har ordinær tildeling, tilleggsbevilling eller avslag ennå.',
        'No project has an ordinary grant, a supplementary grant or a rejection yet.',
      );
    }
    const settings = result.portfolio.settings;
    showLinks(desk, DOCUMENT_TEXT.letters[desk.lang], publishDocuments(desk, settings, items), settings);
  }, NO_WAITING);
}

/** The draft of one granted project's written agreement (updated in place when run again). */
export function agreementMenu(): void {
  withDesk((desk) => {
    const title = DOCUMENT_TEXT.agreement[desk.lang];
    const caseId = ask(
      desk,
      title,
      desk.lang === 'nb' ? 'Saksnr for det innvilgede prosjektet:' : 'Case ID of the granted project:',
    );
    if (caseId === null || caseId === '') return;
    const result = checked(desk);
    const model = buildAgreement(result, caseId);
    const settings = result.portfolio.settings;
    showLinks(
      desk,
      title,
      publishDocuments(desk, settings, [{ key: `agreement:${caseId}`, model }]),
      settings,
    );
  }, NO_WAITING);
}

export function overviewMenu(): void {
  withDesk((desk) => {
    const title = DOCUMENT_TEXT.overview[desk.lang];
    const answer = askYear(desk, title);
    if (answer === null) return;
    const result = checked(desk);
    const model = buildOverview(result, Number(answer), desk.lang);
    const settings = result.portfolio.settings;
    showLinks(
      desk,
      title,
      publishDocuments(desk, settings, [{ key: `overview:${answer}`, model }]),
      settings,
    );
  }, NO_WAITING);
}
