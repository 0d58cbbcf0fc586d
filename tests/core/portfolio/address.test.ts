import { aboutRange, addressOf } from '../../../src/core/portfolio/address';
import { a1, boundsOf, overlaps } from '../../../src/core/workbook/a1';

describe('A1 addresses', () => {
  it('writes a 0-based column and a 1-based row as A1', () => {
    expect([a1(0, 1), a1(5, 5), a1(25, 9), a1(26, 10), a1(701, 2), a1(702, 3)]).toEqual([
      'A1',
      'F5',
      'Z9',
      'AA10',
      'ZZ2',
      'AAA3',
    ]);
  });

  it("finds a finding's cell under the sheet's own name, or nothing when the column is absent", () => {
    const p = {
      columns: { applications: { requested: 7 } },
      sheetNames: { applications: 'søknader' },
    } as unknown as Parameters<typeof addressOf>[0];
    expect(addressOf(p, { sheet: 'applications', row: 12, field: 'requested' })).toEqual({
      sheet: 'søknader',
      a1: 'H12',
    });
    expect(addressOf(p, { sheet: 'applications', row: 12, field: 'title' })).toBeNull();
  });
});

describe('A1 ranges as Sheets names a selection', () => {
  it('reads a cell, a block, whole columns and whole rows, either way round', () => {
    expect(boundsOf('C4')).toEqual({ top: 4, left: 3, bottom: 4, right: 3 });
    expect(boundsOf('D6:B2')).toEqual({ top: 2, left: 2, bottom: 6, right: 4 });
    expect(boundsOf('AA10:ab12')).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(boundsOf('C:E')).toEqual({ top: 1, left: 3, bottom: Infinity, right: 5 });
    expect(boundsOf('4:4')).toEqual({ top: 4, left: 1, bottom: 4, right: Infinity });
  });

  it.each(['', 'C', '4', 'C0', 'C:4', 'A1:B2:C3', 'Budsjett!C4', 'C04', '=A1'])('refuses %j', (text) => {
    expect(boundsOf(text)).toBeNull();
  });

  it('tells whether a cell lies in a range, a whole column or a whole row', () => {
    const c4 = boundsOf('C4')!;
    expect(['C4', 'B3:D5', 'C:C', '4:4', 'A1:Z100'].map((r) => overlaps(c4, boundsOf(r)!))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['C5', 'D4', 'A1:B9', 'D:D', '3:3'].map((r) => overlaps(c4, boundsOf(r)!))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('the findings about a selected range', () => {
  const findings = [
    { id: 'one cell', cells: [{ sheet: 'Budsjett', a1: 'C4' }] },
    {
      id: 'three cells',
      cells: [
        { sheet: 'Utbetalinger', a1: 'C3' },
        { sheet: 'Utbetalinger', a1: 'C4' },
        { sheet: 'Utbetalinger', a1: 'C5' },
      ],
    },
    { id: 'no cell', cells: [] },
  ];
  const about = (sheet: string, a1: string) => aboutRange(findings, { sheet, a1 }).map((f) => f.id);

  it('finds a finding by any of its cells, not only the first', () => {
    expect(about('Budsjett', 'C4')).toEqual(['one cell']);
    expect(about('Utbetalinger', 'C5')).toEqual(['three cells']);
    expect(about('Utbetalinger', 'A1:Z9')).toEqual(['three cells']);
  });

  it('finds none on another sheet, beside the cell, or for a range that is not A1', () => {
    expect(about('Utbetalinger', 'C6')).toEqual([]);
    expect(about('Søknader', 'C4')).toEqual([]);
    expect(about('Budsjett', 'D4')).toEqual([]);
    expect(about('Budsjett', '#REF!')).toEqual([]);
  });
});
