import { existingHasher, type Hasher } from '../platform/signing';
import { documentProperties } from '../platform/properties';

/**
 * A form's personal link: a prefilled link made once when the form is created (one `toPrefilledUrl` with
 * placeholders for the key — a case id, a region — and its code) and kept in a document property, so each
 * recipient's link is built without a Forms call. The code is a keyed hash of the key, so a response is
 * tied to who it came from without collecting e-mail (which would shut out people on Microsoft 365
 * accounts); a response without the right code is registered as unverified.
 */
export interface FormLink {
  /** The document property the template is kept in. */
  property: string;
  /** The hash's purpose: a status form's code never passes as an input form's. */
  purpose: string;
}

// The names stay as the first stored templates (the status form's) have them.
export const KEY_PLACEHOLDER = 'TILSKUDDSAKSNR';
export const CODE_PLACEHOLDER = 'TILSKUDDKODE';

/**
 * The key's code; the same for every form made, since the key stays; '' while no key exists.
 */
export function formCode(link: FormLink, key: string, hash: Hasher | null = existingHasher()): string {
  return hash ? hash(link.purpose, [key]) : '';
}

/** The recipient's link, or '' when the form has not been made. */
export function linkFor(template: string | null, key: string, code: string): string {
  if (!template || !template.includes(KEY_PLACEHOLDER)) return '';
  return template
    .split(KEY_PLACEHOLDER)
    .join(encodeURIComponent(key))
    .split(CODE_PLACEHOLDER)
    .join(encodeURIComponent(code));
}

export const linkTemplate = (link: FormLink): string | null =>
  documentProperties().getProperty(link.property);

/** Keeps the template from a response whose answers are the two placeholders. */
export function keepLinkTemplate(link: FormLink, placeholders: GoogleAppsScript.Forms.FormResponse): void {
  documentProperties().setProperty(link.property, placeholders.toPrefilledUrl());
}
