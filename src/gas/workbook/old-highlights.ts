import { NOTE_PREFIX, rememberedFill, withoutOwnNote } from '../../core/workbook/notes';
import { SEVERITY_FILL, sheetColor } from '../../core/workbook/presentation';
import { documentProperties } from '../platform/properties';
import { wrote, type Sheet, type SheetIndex } from '../platform/sheets';

/**
 * Versions before the colours came from conditional formatting (highlights.ts) coloured a finding's cell
 * with a fill and wrote its message into the cell's note, remembering the fill it replaced. This takes
 * them away once: the product's part of each note (a person's text in it stays) and its fills, each cell
 * given back the fill it had, or its fill now when a person has re-coloured it since.
 */

/** Where those versions recorded the sheets they had highlighted. */
const OLD_PROPERTY = 'tilskudd.check.highlights';

/** Whether an earlier version's highlights may still be in the workbook (a check then clears them once). */
export const hasOldHighlights = (): boolean => documentProperties().getProperty(OLD_PROPERTY) !== null;

/** Clears the earlier highlights on `list`: one read of the notes each, and for a sheet with some, fills too. */
export function clearOldHighlights(sheets: SheetIndex, list: readonly Sheet[]): void {
  for (const sheet of list) {
    const { values, range } = sheets.data(sheet);
    if (values.length === 0 || (values[0]?.length ?? 0) === 0) continue;
    const notes = range().getNotes();
    if (!notes.some((row) => row.some((n) => n.includes(NOTE_PREFIX)))) continue;
    const fills = range().getBackgrounds();
    const next: (string | null)[][] = fills.map((row) =>
      row.map((f) => (f.toLowerCase() === DEFAULT_FILL ? null : f)),
    );
    let fillsChanged = false;
    notes.forEach((row, r) =>
      row.forEach((note, c) => {
        const person = withoutOwnNote(note);
        if (person === null) return;
        row[c] = person;
        if (!OURS.has(fills[r]![c]!.toLowerCase())) return;
        next[r]![c] = rememberedFill(note);
        fillsChanged = true;
      }),
    );
    range().setNotes(notes);
    if (fillsChanged) range().setBackgrounds(next);
    wrote(sheet);
  }
  documentProperties().deleteProperty(OLD_PROPERTY);
}

const DEFAULT_FILL = '#ffffff';
const OURS = new Set(Object.values(SEVERITY_FILL).map((f) => sheetColor(f).toLowerCase()));
