import { boardCaseHeader } from '../../../src/core/documents/board-case';

describe('boardCaseHeader', () => {
  const c = {
    board: 'Porteføljestyret',
    meeting: '20.05.2026',
    caseNumber: '04-2026',
    officer: 'Kari',
    subject: 'Tilskudd',
  };

  it('heads a board case as the seed memo does, in Norwegian and in English', () => {
    expect(boardCaseHeader(c, 'nb')).toMatchObject({
      type: 'table',
      keyValue: true,
      rows: [
        ['Råd/utvalg', 'Porteføljestyret'],
        ['Møtedato', '20.05.2026'],
        ['Saksnummer', '04-2026'],
        ['Saksbehandler', 'Kari'],
        ['Sakstittel', 'Tilskudd'],
      ],
    });
    expect(boardCaseHeader(c, 'en')).toMatchObject({
      rows: [
        ['Board', 'Porteføljestyret'],
        ['Meeting date', '20.05.2026'],
        ['Case number', '04-2026'],
        ['Case officer', 'Kari'],
        ['Subject', 'Tilskudd'],
      ],
    });
  });
});
