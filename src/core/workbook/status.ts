import { normalizeKey } from '../base/text';

/** What an application's `Status` means to the engine: rejected or withdrawn, or granted. */
const INACTIVE = new Set(['avslått', 'avslag', 'trukket', 'rejected', 'withdrawn']);
const GRANTED = new Set([
  'tildelt',
  'innvilget',
  'delvis innvilget',
  'forprosjekt',
  'pågående',
  'granted',
  'partly granted',
  'ongoing',
]);

/** Premise rules, assessments and proposals skip rejected and withdrawn applications. */
export const isActive = (a: { status: string }): boolean => !INACTIVE.has(normalizeKey(a.status));
export const isGrantedStatus = (status: string): boolean => GRANTED.has(normalizeKey(status));
