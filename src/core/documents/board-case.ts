import type { Lang } from '../base/result';
import { table, type Block } from './model';

const LABELS = {
  nb: {
    board: 'Råd/utvalg',
    meeting: 'Møtedato',
    caseNumber: 'Saksnummer',
    officer: 'Saksbehandler',
    subject: 'Sakstittel',
  },
  en: {
    board: 'Board',
    meeting: 'Meeting date',
    caseNumber: 'Case number',
    officer: 'Case officer',
    subject: 'Subject',
  },
};

/** What heads a case for the deciding body, as the seed memo writes it; the texts as each document words them. */
export interface BoardCase {
  board: string;
  meeting: string;
  caseNumber: string;
  officer: string;
  subject: string;
}

/** The board case's header table: body, meeting, case number, officer and subject, the same in every document. */
export function boardCaseHeader(c: BoardCase, lang: Lang): Block {
  const l = LABELS[lang];
  return table(
    [
      [l.board, c.board],
      [l.meeting, c.meeting],
      [l.caseNumber, c.caseNumber],
      [l.officer, c.officer],
      [l.subject, c.subject],
    ],
    { keyValue: true },
  );
}
