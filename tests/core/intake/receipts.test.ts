import { RECEIPTS_PER_DAY, owe, readReceipts, receiptMail } from '../../../src/core/intake/receipts';

const r = (i: number, to = `s${i}@example.org`) => ({ to, caseId: `2026-05-${String(i).padStart(3, '0')}` });

describe('receipts', () => {
  it('owes receipts within the day’s budget, counting those still owed, and skips non-addresses', () => {
    const state = owe(readReceipts(null, '2026-05-12'), [r(1), r(2, ''), r(3, 'ikke en adresse')]);
    expect(state.pending).toEqual([r(1)]);
    const full = owe({ day: '2026-05-12', sent: RECEIPTS_PER_DAY - 2, pending: [r(1)] }, [r(2), r(3), r(4)]);
    expect(full.pending).toEqual([r(1), r(2)]);
  });

  it('counts again each day and keeps what is owed', () => {
    const text = JSON.stringify({ day: '2026-05-12', sent: 20, pending: [r(1)] });
    expect(readReceipts(text, '2026-05-12')).toEqual({ day: '2026-05-12', sent: 20, pending: [r(1)] });
    expect(readReceipts(text, '2026-05-13')).toEqual({ day: '2026-05-13', sent: 0, pending: [r(1)] });
    // An earlier version's property (no list) and damaged ones.
    expect(readReceipts('{"day":"2026-05-12","sent":3}', '2026-05-12')).toMatchObject({
      sent: 3,
      pending: [],
    });
    for (const text of ['{', 'null', '7', '{"sent":"x","pending":[1,{"to":2}]}'])
      expect(readReceipts(text, 'd')).toEqual({ day: 'd', sent: 0, pending: [] });
  });

  it('says the case id and a fixed sentence, nothing else', () => {
    expect(receiptMail('2026-05-001')).toEqual({
      subject: 'Søknad mottatt: 2026-05-001',
      body: expect.stringMatching(/^Takk for søknaden\. Den er registrert med saksnummer 2026-05-001 /),
    });
  });
});
