import { cellText } from '../base/text';

/**
 * An archive reference (*Arkivref.*): where a party or the secretariat archived a document in its own
 * archive (Noark: case year/number and document, «2025/1234-5»). The desk keeps the reference, not the
 * archive, so it is text as written, spaces collapsed; '' when none. An agreement party's reference and a
 * written document's (`Dokumenter`) are read the same way.
 */
export const parseArchiveRef = (value: unknown): string => cellText(value).replace(/\s+/g, ' ').trim();
