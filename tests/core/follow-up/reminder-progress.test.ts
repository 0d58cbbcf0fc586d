import {
  MAX_REFUSED,
  noted,
  notedKey,
  progressKeys,
  progressText,
  readProgress,
} from '../../../src/core/follow-up/reminder-progress';
import { reminderKey, type Reminder } from '../../../src/core/follow-up/reminders';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const reminder: Reminder = {
  caseId: '2025-05-001',
  title: 'Agdermodellen',
  type: 'halfYear',
  due: day('2025-11-01'),
  deadline: day('2025-12-01'),
  step: { kind: 'overdue', n: 3 },
  stepText: 'purring 3',
  key: reminderKey('2025-05-001', day('2025-11-01'), day('2025-12-01'), 'purring 3'),
  to: 'a@example.no',
  cc: ['post@example.no'],
};

describe('reminder progress', () => {
  it('keeps a noted send under the key the planner uses, across a round trip', () => {
    const n = noted(reminder, 1234);
    expect(notedKey(n)).toBe(reminder.key);
    const back = readProgress(
      progressText({ day: '2026-04-10', unrecorded: [n], refused: ['k'] }),
      '2026-04-10',
    );
    expect(back.unrecorded).toEqual([n]);
    expect(progressKeys(back)).toEqual([reminder.key, 'k']);
  });

  it('keeps notes whatever their day, refusals only on their own day', () => {
    const text = progressText({ day: '2026-04-10', unrecorded: [noted(reminder, 1)], refused: ['k'] });
    const next = readProgress(text, '2026-04-11');
    expect(next.unrecorded).toHaveLength(1);
    expect(next.refused).toEqual([]);
  });

  it('reads a damaged or foreign property as no progress, and drops notes it cannot key', () => {
    for (const text of [null, '', '{', '42', '"x"', '[]', '{"unrecorded":"x","refused":{}}'])
      expect(readProgress(text, '2026-04-10')).toEqual({ day: '2026-04-10', unrecorded: [], refused: [] });
    const bad = { ...noted(reminder, 1), due: 'not a day' };
    expect(readProgress(JSON.stringify({ unrecorded: [bad, { caseId: 1 }] }), 'd').unrecorded).toEqual([]);
  });

  it('keeps at most MAX_REFUSED refusals (a property holds 9 kB)', () => {
    const refused = Array.from({ length: MAX_REFUSED + 50 }, (_, i) => `k${i}`);
    const text = progressText({ day: 'd', unrecorded: [], refused });
    expect(readProgress(text, 'd').refused).toEqual(refused.slice(-MAX_REFUSED));
    expect(text.length).toBeLessThan(9000);
  });
});
