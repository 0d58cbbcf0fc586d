import fc from 'fast-check';
import {
  cellText,
  countOf,
  isBlank,
  neutralizeFormula,
  normalizeKey,
  splitAnswers,
  splitList,
  xmlSafe,
} from '../../../src/core/base/text';

describe('normalizeKey', () => {
  it.each([
    ['Søkt beløp', 'søkt beløp'],
    ['  SØKT   BELØP  ', 'søkt beløp'],
    ['Søkt\u00a0beløp', 'søkt beløp'],
    ['Søkt\u202fbeløp', 'søkt beløp'],
    ['Søkt\tbeløp\n', 'søkt beløp'],
    ['Case ID', 'case id'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKey(input)).toBe(expected);
  });
});

describe('isBlank and cellText', () => {
  it.each([null, undefined, '', '   '])('%p is blank', (v) => expect(isBlank(v)).toBe(true));
  it.each([0, false, 'x', ' a '])('%p is not blank', (v) => expect(isBlank(v)).toBe(false));

  it.each([
    [null, ''],
    [undefined, ''],
    ['  tekst  ', 'tekst'],
    [42, '42'],
    [true, 'true'],
    [new Date(Date.UTC(2025, 4, 9)), '2025-05-09'],
  ])('cellText(%p) → %j', (v, expected) => {
    expect(cellText(v)).toBe(expected);
  });
});

describe('splitList', () => {
  it.each([
    ['Barn og unge; Rehabilitering', ['Barn og unge', 'Rehabilitering']],
    ['Barn og unge\nRehabilitering', ['Barn og unge', 'Rehabilitering']],
    ['Svangerskap, fødsel og barsel', ['Svangerskap, fødsel og barsel']],
    ['Arendal;; ;Grimstad;', ['Arendal', 'Grimstad']],
    ['Lindesnes', ['Lindesnes']],
    ['', []],
    [null, []],
  ])('%j → %j', (cell, expected) => {
    expect(splitList(cell)).toEqual(expected);
  });

  it('does not split at a decimal comma', () => {
    expect(splitList('Stilling 0,5; Stilling 1,5')).toEqual(['Stilling 0,5', 'Stilling 1,5']);
    expect(splitList('1,5')).toEqual(['1,5']);
  });
});

describe('splitAnswers', () => {
  const known = ['Barn og unge', 'Svangerskap, fødsel og barsel', 'Rehabilitering'];
  it.each([
    ['Arendal, Grimstad, Risør', ['Arendal', 'Grimstad', 'Risør']],
    ['Barn og unge; Rehabilitering', ['Barn og unge', 'Rehabilitering']],
    // Google Forms joins checkbox answers with ", ": known names with commas stay whole.
    ['Barn og unge, Svangerskap, fødsel og barsel, Rehabilitering', known],
    ['Svangerskap, fødsel og barsel', ['Svangerskap, fødsel og barsel']],
    ['Stilling 0,5, Stilling 1', ['Stilling 0,5', 'Stilling 1']],
    ['', []],
  ])('%j → %j', (cell, expected) => {
    expect(splitAnswers(cell, known)).toEqual(expected);
  });
});

describe('neutralizeFormula', () => {
  it.each([
    '=IMPORTXML("https://example.no", "//a")',
    '=1+1',
    '+47 123 45 678',
    '-x',
    '-',
    '- 500',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
  ])('prefixes %j with an apostrophe', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(['-500', '-500,50', '-1.5', 'Vanlig tekst', '2025-05-001', 'a=b', '', "'=1"])(
    'leaves %j untouched',
    (text) => {
      expect(neutralizeFormula(text)).toBe(text);
    },
  );

  it.each([-500, 0, 1_060_000, true, null])('leaves the non-text %p untouched', (v) => {
    expect(neutralizeFormula(v)).toBe(v);
  });

  it('never returns a string a spreadsheet would read as a formula', () => {
    const risky = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '-1', '-1,5'), fc.string())
        .map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(risky, (text) => {
        const out = String(neutralizeFormula(text));
        expect(out).not.toMatch(/^[=+@\t\r]/);
        if (out.startsWith('-')) expect(out).toMatch(/^-\d+(?:[.,]\d+)?$/);
        // Only ever adds the apostrophe.
        expect([text, `'${text}`]).toContain(out);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('xmlSafe', () => {
  it.each([
    ['Tittel\x0Bmed linjeskift', 'Tittel\nmed linjeskift'],
    ['a\x00b\x01c\x08d\x1Fe', 'abcde'],
    ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ['ikke\uFFFEtegn\uFFFF', 'ikketegn'],
    ['ensom \uD83D halvdel', 'ensom  halvdel'],
    ['ensom \uDE00 halvdel', 'ensom  halvdel'],
    ['hel emoji \uD83D\uDE00 og æøå', 'hel emoji \uD83D\uDE00 og æøå'],
  ])('%j → %j', (input, expected) => {
    expect(xmlSafe(input)).toBe(expected);
  });

  it('leaves only characters XML 1.0 allows, and never changes text that had none', () => {
    const allowed = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const safe = xmlSafe(s);
        expect(allowed.test(safe)).toBe(true);
        if (allowed.test(s)) expect(safe).toBe(s);
      }),
    );
  });
});

describe('countOf', () => {
  it('takes the singular for exactly one, the plural otherwise (0, 2, 21 …), in bokmål and English', () => {
    expect(countOf(1, 'forfalt rapport', 'forfalte rapporter')).toBe('1 forfalt rapport');
    expect(countOf(0, 'forfalt rapport', 'forfalte rapporter')).toBe('0 forfalte rapporter');
    expect(countOf(2, 'rød', 'røde')).toBe('2 røde');
    expect(countOf(21, 'day', 'days')).toBe('21 days');
    expect(countOf(1, 'day', 'days')).toBe('1 day');
  });
});
