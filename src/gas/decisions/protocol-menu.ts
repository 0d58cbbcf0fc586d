import { tilskuddError } from '../../core/base/errors';
import { checkWorkbook } from '../../core/check/check';
import { buildProtocol } from '../../core/decisions/protocol';
import { todayIn, withDesk } from '../platform/desk';
import { publishDocuments, showLinks } from '../documents/documents';
import { NO_WAITING, ask } from '../documents/documents-menu';
import { readWithProposals } from './decisions';

/** The menu items of the board's decisions: the dialog (`PAGES.Decisions`) and the protocol. */
export const DECISION_TEXT = {
  protocol: { nb: 'Lag vedtaksprotokoll', en: 'Write decision protocol' },
} as const;

/**
 * *Vedtaksprotokoll* of a board case in Google Docs, kept under `decisions:CASE`: running again updates
 * the same document, or does nothing when unchanged.
 */
export function protocolMenu(): void {
  withDesk((desk) => {
    const title = DECISION_TEXT.protocol[desk.lang];
    const answer = ask(
      desk,
      title,
      desk.lang === 'nb' ? 'Saken i møtet (f.eks. 04-2026):' : 'The case in the meeting (e.g. 04-2026):',
    );
    if (answer === null) return;
    if (answer === '') throw tilskuddError('Skriv saken, f.eks. 04-2026.', 'Give the case, e.g. 04-2026.');
    const { values } = readWithProposals(desk);
    const result = checkWorkbook(values, { today: todayIn(desk.ss, desk.sheets) });
    const model = buildProtocol(result, values, { boardCase: answer, lang: desk.lang });
    const settings = result.portfolio.settings;
    showLinks(
      desk,
      title,
      publishDocuments(desk, settings, [{ key: `decisions:${answer}`, model }]),
      settings,
    );
  }, NO_WAITING);
}
