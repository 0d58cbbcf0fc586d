import fc from 'fast-check';
import {
  CASE_REMEMBERED,
  CASE_STEP,
  caseIdMarks,
  nextCaseId,
  raiseHighWater,
  readHighWater,
} from '../../../src/core/intake/intake';
import {
  evidenceText,
  formerResponseKey,
  otherAnswersText,
  responseKey,
  responseOf,
  responsesOf,
  sameAnswers,
  unregistered,
} from '../../../src/core/intake/journal';

const HEADER = ['Tidsmerke', 'Prosjekttittel', 'Søkt beløp (kr)'];
const at = (s: string) => new Date(`2026-05-12T${s}Z`);

describe('the response sheet as journal', () => {
  it('keys a row the way the old trigger keyed namedValues, so responses registered before are known', () => {
    const row = ['2026-05-12 10:00:00', 'Akutteam', '400000'];
    const response = responseOf(HEADER, row, [at('10:00:00'), 'Akutteam', 400000], 2, null);
    const named = { Tidsmerke: [row[0]!], Prosjekttittel: ['Akutteam'], 'Søkt beløp (kr)': ['400000'] };
    // The former key (the old trigger's, which unregistered also accepts) and the key of the raw values.
    expect(response.formerKeys).toContain(formerResponseKey(row[0]!, named));
    expect(response.key).toBe(responseKey(at('10:00:00').toISOString(), ['Akutteam', 400000]));
    expect(response.answers).toEqual(named);
    expect(response).toMatchObject({ row: 2, timestamp: at('10:00:00') });
  });

  it('keeps both answers of two columns with one title, and skips untitled columns', () => {
    const r = responseOf(
      ['Tidsmerke', 'Behov', '', 'Behov'],
      ['t', 'a', 'ignored', 'b'],
      ['t', 'a', 'ignored', 'b'],
      5,
      null,
    );
    expect(r.answers).toEqual({ Tidsmerke: ['t'], Behov: ['a', 'b'] });
  });

  it('reads every non-blank row of a sheet, with its 1-based row', () => {
    const display = [HEADER, ['t1', 'A', '1'], ['', '', ''], ['t3', '', ''], ['t4', 'D', '4']];
    const values = [HEADER, [at('10:00:01')], [''], [at('10:00:03')], [at('10:00:04')]];
    const responses = responsesOf(display, values, null);
    expect(responses.map((r) => [r.row, r.answers['Prosjekttittel']])).toEqual([
      [2, ['A']],
      [5, ['D']],
    ]);
    expect(responses[1]!.timestamp).toEqual(at('10:00:04'));
  });

  it('gives the registered keys’ responses no second time, and a duplicated row once', () => {
    const display = [HEADER, ['t1', 'A', '1'], ['t2', 'B', '2'], ['t1', 'A', '1']];
    const responses = responsesOf(display, display, null);
    const fresh = unregistered(responses, [responses[1]!.key, '']);
    expect(fresh.map((r) => r.row)).toEqual([2]);
    expect(unregistered(responses, [])).toHaveLength(2);
  });

  it('registers exactly the unregistered rows for any split (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (titles, seed) => {
          const display = [HEADER, ...titles.map((t, i) => [`t${i}`, t, String(i)])];
          const responses = responsesOf(display, display, null);
          const done = responses.filter((_, i) => (seed >> (i % 30)) & 1).map((r) => r.key);
          const fresh = unregistered(responses, done);
          expect(fresh.length + done.length).toBe(responses.length);
          expect(unregistered(responses, [...done, ...fresh.map((r) => r.key)])).toEqual([]);
        },
      ),
    );
  });

  it('keys on the form’s own question columns only, so a column a person fills does not make a response new', () => {
    const isQuestion = (t: string) => t !== 'Merknad';
    const plain = responseOf(HEADER, ['t', 'A', '1'], [at('10:00:00'), 'A', 1], 2, isQuestion);
    const noted = responseOf(
      [...HEADER, 'Merknad'],
      ['t', 'A', '1', 'ringt'],
      [at('10:00:00'), 'A', 1, 'ringt'],
      2,
      isQuestion,
    );
    expect(noted.key).toBe(plain.key);
    expect(noted.answers).not.toHaveProperty('Merknad');
  });

  it('keys on raw values, so a number format, the locale or the time zone does not make a response new', () => {
    const raw = [at('10:00:00'), 'A', 400000];
    const shown = responseOf(HEADER, ['12.05.2026 12:00:00', 'A', '400000'], raw, 2, null);
    const reformatted = responseOf(HEADER, ['2026-05-12 06:00:00', 'A', '400 000,00'], raw, 2, null);
    expect(reformatted.key).toBe(shown.key);
    // The displayed keys of earlier versions did change: only the raw key carries a response across.
    expect(reformatted.formerKeys).not.toEqual(shown.formerKeys);
  });

  it('writes unplaced answers as "title: answer" lines', () => {
    expect(
      otherAnswersText([
        { title: 'Hvor hørte du om oss?', answer: 'Nettsiden' },
        { title: 'Kontakt', answer: 'Ring: 38 00 00 00' },
      ]),
    ).toBe('Hvor hørte du om oss?: Nettsiden\nKontakt: Ring: 38 00 00 00');
  });
});

describe('case ids never given twice', () => {
  const MAY = { year: 2026, month: 5 };

  it('continues after the high-water mark when the rows with the highest ids are gone', () => {
    expect(nextCaseId(['2026-05-001'], MAY, 7)).toBe('2026-05-008');
    expect(nextCaseId(['2026-05-009'], MAY, 7)).toBe('2026-05-010');
    expect(nextCaseId([], { year: 2026, month: 12 }, readHighWater('{"2026-05-":7}')['2026-12-'])).toBe(
      '2026-12-001',
    );
  });

  it('raises the mark per round and never lowers it', () => {
    let marks = raiseHighWater({}, '2026-05-003');
    marks = raiseHighWater(marks, '2026-05-002');
    marks = raiseHighWater(marks, '2026-12-001');
    marks = raiseHighWater(marks, 'not an id');
    expect(marks).toEqual({ '2026-05-': 3, '2026-12-': 1 });
    expect(readHighWater(JSON.stringify(marks))).toEqual(marks);
  });

  it('trusts the sheet only as a run: a typed number far above the others, or beyond safe integers, does not count', () => {
    const ids = ['2026-05-001', '2026-05-003', '2026-05-002'];
    expect(caseIdMarks(null, ids)).toEqual({ '2026-05-': 3 });
    expect(caseIdMarks(null, [...ids, `2026-05-${3 + CASE_STEP}`])).toEqual({ '2026-05-': 3 + CASE_STEP });
    expect(caseIdMarks(null, [...ids, `2026-05-${4 + CASE_STEP}`])).toEqual({ '2026-05-': 3 });
    expect(caseIdMarks(null, [...ids, `2026-05-${'9'.repeat(400)}`, '2026-05-9007199254740993'])).toEqual({
      '2026-05-': 3,
    });
  });

  it('recomputes the remembered mark: it counts only up to a plausible distance above the sheet', () => {
    const ids = ['2026-05-001'];
    expect(caseIdMarks('{"2026-05-":7}', ids)).toEqual({ '2026-05-': 7 });
    expect(caseIdMarks(JSON.stringify({ '2026-05-': 2 + CASE_REMEMBERED }), ids)).toEqual({ '2026-05-': 1 });
    expect(caseIdMarks('{"2026-05-":1e300}', ids)).toEqual({ '2026-05-': 1 });
  });

  it('reads a damaged or foreign property as no mark', () => {
    for (const text of [null, '', 'nope', '[1,2]', '{"2026-05-":"3","x":-1,"y":1.5}'])
      expect(readHighWater(text)).toEqual({});
  });
});

describe('a response sheet row against the form’s own responses', () => {
  const row = (...cells: Array<[string, string]>) => cells.map(([raw, shown]) => ({ raw, shown }));

  it('reads an answer as both show it: what Sheets made of it, checkbox answers, case and spacing', () => {
    expect(evidenceText(['Barn og unge', 'Eldre'])).toBe(evidenceText('Barn og unge, Eldre'));
    expect(evidenceText(1500000)).toBe(evidenceText('1 500 000'));
    expect(evidenceText(123)).toBe(evidenceText('0123'));
    expect(evidenceText(' Ja ')).toBe(evidenceText('ja'));
    expect(evidenceText('Lister')).not.toBe(evidenceText('Listerr'));
  });

  it('pairs every answer of the row with one of the response, by its raw value or its displayed text', () => {
    const sheet = row(['Felles akutteam', 'Felles akutteam'], ['2025-11-19', '19.11.2025'], ['0.5', '50%']);
    expect(sameAnswers(sheet, ['19.11.2025', 'Felles akutteam', '50%'])).toBe(true);
    expect(sameAnswers(sheet, ['2025-11-19', 'felles  akutteam', '50 %'])).toBe(true);
    // One answer changed, one more or one fewer: not the same response.
    expect(sameAnswers(sheet, ['19.11.2025', 'Falsk søknad', '50%'])).toBe(false);
    expect(sameAnswers(sheet, ['19.11.2025', 'Felles akutteam', '50%', 'Lister'])).toBe(false);
    expect(sameAnswers(sheet, ['19.11.2025', 'Felles akutteam'])).toBe(false);
    // Blank answers are not answers: Forms gives no item response for them.
    expect(sameAnswers([...sheet, { raw: '', shown: '' }], ['19.11.2025', 'Felles akutteam', '50%'])).toBe(
      true,
    );
  });

  it('keeps the raw and displayed values of the question columns only', () => {
    const r = responseOf(
      ['Tidsmerke', 'Tittel', 'Egen kolonne'],
      ['x', 'A', 'mitt'],
      [new Date(0), 'A', 'mitt'],
      2,
      (t) => t === 'Tittel',
    );
    expect([r.raw, r.shown]).toEqual([['A'], ['A']]);
  });
});
