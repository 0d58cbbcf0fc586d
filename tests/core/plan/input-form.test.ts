import {
  CODE_QUESTION,
  REGION_QUESTION,
  inputCheck,
  mapInputAnswers,
  measureChoices,
  measureOfAnswer,
  planMeasures,
} from '../../../src/core/plan/input-form';
import { readPlan } from '../../../src/core/plan/records';
import { inputByMeasure, markUnverified, readRegionalInput } from '../../../src/core/plan/regional-input';
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

  it("maps the link's code answer to the check column; the verdict is whether it is the region's code", () => {
    expect(REGION_QUESTION.kind).toBe('list');
    expect(CODE_QUESTION).toMatchObject({ kind: 'text', required: false });
    const m = mapInputAnswers({ Region: ['Lister'], Tiltak: ['1.1.1'], Kode: ['kabc'] });
    expect(m.cells).toMatchObject({ region: 'Lister', check: 'kabc' });
    expect(m.unmatched).toEqual([]);
    expect(inputCheck(' kabc ', 'kabc')).toBe('Kode stemmer');
    expect(inputCheck('kxyz', 'kabc')).toBe('Ubekreftet');
    expect(inputCheck('', 'kabc')).toBe('Ubekreftet');
    expect(inputCheck(undefined, 'kabc')).toBe('Ubekreftet');
    // Without a key nothing can be checked: blank, as a row typed in.
    expect(inputCheck('kabc', null)).toBe('');
  });

  it('reads Kontroll as the status reports do: unverified input is kept, marked, until confirmed', () => {
    const header = ['Region', 'Nr', 'Vurdering', 'Kommentar', 'Innsendt av', 'Kontroll'];
    const input = readRegionalInput({
      Innspill: [
        header,
        ['Lister', '1.1.1', 'Rød', 'Med kode', 'skjema', 'Kode stemmer'],
        ['Setesdal', '1.1.1', 'Gul', 'Uten kode', 'skjema', 'Ubekreftet'],
        ['Østre Agder', '1.1.1', 'Grønn', 'Skrevet inn', '', ''],
        ['Hele Agder', '1.1.1', 'Gul', 'Bekreftet etter telefon', 'skjema', 'Bekreftet av KN 3.12.'],
      ],
    });
    expect(input.map((x) => [x.region, x.verified])).toEqual([
      ['Lister', true],
      ['Setesdal', false],
      ['Østre Agder', true],
      ['Hele Agder', true],
    ]);
    // The review gets it all under the measure, the unverified one marked.
    const under = inputByMeasure(input).get('1.1.1')!;
    expect(under.map((x) => markUnverified(x.region, x))).toEqual([
      'Hele Agder',
      'Lister',
      'Setesdal (ubekreftet)',
      'Østre Agder',
    ]);
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
