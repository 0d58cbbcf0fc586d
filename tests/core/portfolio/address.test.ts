import { addressOf } from '../../../src/core/portfolio/address';
import { a1 } from '../../../src/core/workbook/a1';

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
