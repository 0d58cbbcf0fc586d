/**
 * Receipts for applications from the form, planned purely. The applicant writes the address, so receipts
 * are mail anyone can make the desk send: they carry the case id and a fixed text only, and get their own
 * daily budget, leaving the rest of the quota (100 recipients a day on a consumer account) to reminders.
 * The day's count and the receipts still owed (a run that stopped for time) are one document property.
 */
export const RECEIPTS_PER_DAY = 20;

export interface Receipt {
  to: string;
  caseId: string;
}

export interface ReceiptState {
  /** yyyy-MM-dd (spreadsheet's zone) that `sent` counts. */
  day: string;
  sent: number;
  /** Owed, oldest first: registered, not yet sent (the run stopped for time). */
  pending: Receipt[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const isReceipt = (x: unknown): x is Receipt =>
  x !== null &&
  typeof x === 'object' &&
  typeof (x as Receipt).to === 'string' &&
  typeof (x as Receipt).caseId === 'string';

/** The state as stored, for `day`: the count starts again each day, what is owed is kept. */
export function readReceipts(text: string | null, day: string): ReceiptState {
  let stored: unknown = null;
  try {
    stored = JSON.parse(text ?? 'null');
  } catch {
    stored = null;
  }
  const s = (stored ?? {}) as { day?: unknown; sent?: unknown; pending?: unknown };
  const sent = s.day === day && Number.isSafeInteger(s.sent) ? (s.sent as number) : 0;
  const pending = Array.isArray(s.pending) ? s.pending.filter(isReceipt) : [];
  return { day, sent, pending };
}

/**
 * Owes receipts for newly registered applications: those with an address that can be one, within what is
 * left of the day's budget (the rest get none: a burst of submissions must not spend the quota).
 */
export function owe(state: ReceiptState, receipts: readonly Receipt[]): ReceiptState {
  const room = Math.max(RECEIPTS_PER_DAY - state.sent - state.pending.length, 0);
  const valid = receipts.filter((r) => EMAIL.test(r.to)).slice(0, room);
  return { ...state, pending: [...state.pending, ...valid] };
}

/** The receipt's e-mail: the case id and a fixed text, nothing the applicant wrote. */
export const receiptMail = (caseId: string) => ({
  subject: `Søknad mottatt: ${caseId}`,
  body: `Takk for søknaden. Den er registrert med saksnummer ${caseId} og blir behandlet i søknadsrunden. Oppgi saksnummeret når du kontakter sekretariatet.\n\nHilsen porteføljesekretariatet`,
});
