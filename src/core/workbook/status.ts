import { STATUSES, parseTerm, type ApplicationStatus } from './vocabulary';

/** What an application's `Status` means to the engine: rejected or withdrawn, or granted. */
const INACTIVE: readonly ApplicationStatus[] = ['rejected', 'withdrawn'];
const GRANTED: readonly ApplicationStatus[] = ['granted', 'partlyGranted', 'preProject', 'ongoing'];

const statusOf = (text: string): ApplicationStatus | null => parseTerm(STATUSES, text);

/** Premise rules, assessments and proposals skip rejected and withdrawn applications. */
export function isActive(a: { status: string }): boolean {
  const s = statusOf(a.status);
  return s === null || !INACTIVE.includes(s);
}

export function isGrantedStatus(status: string): boolean {
  const s = statusOf(status);
  return s !== null && GRANTED.includes(s);
}
