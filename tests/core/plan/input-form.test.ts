import {
  mapInputAnswers,
  measureChoices,
  measureOfAnswer,
  planMeasures,
} from '../../../src/core/plan/input-form';
import { readPlan } from '../../../src/core/plan/records';
import { readRegionalInput } from '../../../src/core/plan/regional-input';
import { exampleWorkbook } from '../../../src/example/agder';

describe('the input form schema and its mapping', () => {
  it('offers the plan measures numbered, and reads the number back from the choice', () => {
    const plan = readPlan(exampleWorkbook());
    const choices = measureChoices(plan);
    expect(choices.length).toBeGreaterThan(0);
    const numbers = planMeasures(plan);
    for (const c of choices) expect(numbers.has(measureOfAnswer(c))).toBe(true);
    expect(measureOfAnswer(' 1.2.3 – Felles legevakt')).toBe('1.2.3');
    expect(measureOfAnswer('ukjent')).toBe('ukjent');
    expect(measureChoices(null)).toEqual([]);
  });

  it('maps the answers into Innspill cells, takes a collected e-mail as the sender, keeps unknown answers apart', () => {
    const m = mapInputAnswers({
      Tidsmerke: ['19.11.2025 10:00:00'],
      'E-postadresse': ['rs@lister.no'],
      Region: ['Lister'],
      Tiltak: ['2.1.1 – Noe'],
      Vurdering: ['Rød'],
      Kommentar: ['Trenger mer tid'],
      'Noe annet': ['svar'],
    });
    expect(m).toEqual({
      cells: { region: 'Lister', nr: '2.1.1', assessment: 'Rød', comment: 'Trenger mer tid' },
      email: 'rs@lister.no',
      unmatched: [{ title: 'Noe annet', answer: 'svar' }],
    });
    expect(mapInputAnswers({ Region: ['Lister'], Tiltak: ['1.1.1'] }).email).toBe('');
  });

  it('a row the intake writes is read as the review reads it', () => {
    const values = {
      Innspill: [
        ['Region', 'Nr', 'Vurdering', 'Kommentar', 'Dato', 'Innsendt av', 'Svar-ID', 'Andre svar'],
        ['Lister', '2.1.1', 'Rød', 'Trenger mer tid', new Date('2025-11-19T00:00:00Z'), 'skjema', 'k1', ''],
      ],
    };
    expect(readRegionalInput(values)).toMatchObject([
      { region: 'Lister', nr: '2.1.1', assessment: 'red', comment: 'Trenger mer tid', submittedBy: 'skjema' },
    ]);
  });
});
