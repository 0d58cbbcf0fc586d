import { documentProperties } from '../platform/properties';
/**
 * The status form's prefilled link, made once when the form is created (one `toPrefilledUrl` with a
 * placeholder case id) and kept in the document properties, so a reminder run builds each project's link
 * without a Forms call per project.
 */
export const STATUS_LINK_PROPERTY = 'tilskudd.statusForm.prefilledUrl';
export const CASE_PLACEHOLDER = 'TILSKUDDSAKSNR';

/** The project's link, or '' when no status form exists yet. */
export function statusLinkFor(template: string | null, caseId: string): string {
  if (!template || !template.includes(CASE_PLACEHOLDER)) return '';
  return template.split(CASE_PLACEHOLDER).join(encodeURIComponent(caseId));
}

export const statusLinkTemplate = (): string | null => documentProperties().getProperty(STATUS_LINK_PROPERTY);
