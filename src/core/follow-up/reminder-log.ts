import { readTable, type SheetSpec } from '../workbook/contract';
import { parseDay } from '../parse/period';
import { cellText } from '../base/text';
import { reminderKey } from './reminders';
import type { Noted } from './reminder-progress';

/**
 * `Påminnelser` (written by the product, one row per e-mail sent): the record that keeps a reminder
 * step from ever going out twice. Rows are appended, never rewritten; a person may add columns.
 */
export const REMINDERS_SHEET = {
  name: 'Påminnelser',
  en: 'Reminders',
  fields: [
    { key: 'caseId', header: 'Saksnr', en: 'Case ID', kind: 'id', aliases: ['Saksnummer', 'Case'] },
    { key: 'due', header: 'Frist', en: 'Due date', kind: 'date' },
    { key: 'deadline', header: 'Gjelder frist', en: 'Deadline', kind: 'date', aliases: ['Utsatt til'] },
    { key: 'step', header: 'Steg', en: 'Step', kind: 'text' },
    { key: 'sent', header: 'Sendt', en: 'Sent', kind: 'date' },
    { key: 'to', header: 'Til', en: 'To', kind: 'email' },
    { key: 'cc', header: 'Kopi', en: 'Copy', kind: 'email', optional: true },
  ],
} as const satisfies SheetSpec;

/** The keys of every reminder recorded as sent; rows that do not parse are skipped (a person's notes). */
export function sentKeys(values: readonly (readonly unknown[])[]): Set<string> {
  const keys = new Set<string>();
  if (values.length === 0) return keys;
  for (const row of readTable(REMINDERS_SHEET, values).rows) {
    const due = parseDay(row.get('due'));
    const deadline = parseDay(row.get('deadline'));
    const caseId = cellText(row.get('caseId'));
    if (!due.ok || caseId === '') continue;
    keys.add(
      reminderKey(caseId, due.value, deadline.ok ? deadline.value : due.value, cellText(row.get('step'))),
    );
  }
  return keys;
}

/** The row recorded for a reminder sent (as noted when it went out). */
export const sentRow = (n: Noted) => ({
  caseId: n.caseId,
  due: new Date(`${n.due}T00:00:00Z`),
  deadline: new Date(`${n.deadline}T00:00:00Z`),
  step: n.step,
  sent: new Date(n.sent),
  to: n.to,
  cc: n.cc,
});
