import { disqualifiedFrom } from '../../../src/core/assessment/impartiality';
import type { Declaration } from '../../../src/core/assessment/scores';

const said = (assessor: string, ground: Declaration['ground']): [string, Declaration] => [
  assessor,
  { assessor, ground, impartial: ground === 'none', row: 2, time: '' },
];

describe('who is disqualified from a case', () => {
  it('is an assessor who declared a ground, not one who declared none or nothing', () => {
    const declared = new Map([
      ['2025-05-001', new Map([said('kari@x.no', 'family'), said('ola@x.no', 'none')])],
      ['2025-05-002', new Map([said('kari@x.no', 'none')])],
      ['2025-05-003', new Map([said('ola@x.no', 'family')])],
    ]);
    expect([...disqualifiedFrom(declared, 'kari@x.no')]).toEqual(['2025-05-001']);
    expect([...disqualifiedFrom(declared, 'ola@x.no')]).toEqual(['2025-05-003']);
    expect([...disqualifiedFrom(declared, 'per@x.no')]).toEqual([]);
  });
});
