import { existingHasher, type Hasher } from '../platform/signing';
import { documentProperties } from '../platform/properties';

/**
 * The status form's prefilled link, made once when the form is created (one `toPrefilledUrl` with
 * placeholders for the case id and its code) and kept in the document properties, so a reminder run
 * builds each project's link without a Forms call per project.
 */
export const STATUS_LINK_PROPERTY = 'tilskudd.statusForm.prefilledUrl';
export const CASE_PLACEHOLDER = 'TILSKUDDSAKSNR';
export const CODE_PLACEHOLDER = 'TILSKUDDKODE';

/**
 * The case's code: a keyed hash of its case id, so a report is tied to its project without collecting
 * e-mail (which would shut out project leaders on Microsoft 365 accounts). The same for every status form
 * made, since the key stays; '' while no key exists.
 */
export function statusCode(caseId: string, hash: Hasher | null = existingHasher()): string {
  return hash ? hash('status', [caseId]) : '';
}

/** The project's link, or '' when no status form exists yet. */
export function statusLinkFor(template: string | null, caseId: string, code: string): string {
  if (!template || !template.includes(CASE_PLACEHOLDER)) return '';
  return template
    .split(CASE_PLACEHOLDER)
    .join(encodeURIComponent(caseId))
    .split(CODE_PLACEHOLDER)
    .join(encodeURIComponent(code));
}

export const statusLinkTemplate = (): string | null => documentProperties().getProperty(STATUS_LINK_PROPERTY);
