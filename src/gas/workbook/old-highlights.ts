import { NOTE_PREFIX, rememberedFill, withoutOwnNote } from '../../core/workbook/notes';
import { SEVERITY_FILL, sheetColor } from '../../core/workbook/presentation';
import { HIGHLIGHTED } from '../../core/check/highlight-marks';
import { SHEETS } from '../../core/workbook/sheets';
import { documentProperties } from '../platform/properties';
import { editable } from '../platform/protect';
import { wrote, type Sheet, type SheetIndex } from '../platform/sheets';

/**
 * Versions before the colours came from conditional formatting (highlights.ts) coloured a finding's cell
 * with a fill and wrote its message into the cell's note, remembering the fill it replaced. This takes
 * them away once: the product's part of each note (a person's text in it stays) and its fills, each cell
 * given back the fill it had, or its fill now when a person has re-coloured it since.
 */

/** Where those versions recorded the sheets they had highlighted. */
const OLD_PROPERTY = 'tilskudd.check.highlights';

/**
 * Clears the earlier highlights on the highlighted sheets this user may edit, once: while one of them
 * cannot be (a protected sheet of someone else's), the record stays for a run by someone who may.
 */
export function clearOldHighlights(sheets: SheetIndex): void {
  const props = documentProperties();
  if (props.getProperty(OLD_PROPERTY) === null) return;
  const list = HIGHLIGHTED.flatMap((id) => sheets.find(SHEETS[id]) ?? []);
  const mine = list.filter(editable);
  for (const sheet of mine) clear(sheets, sheet);
  if (mine.length === list.length) props.deleteProperty(OLD_PROPERTY);
}

/** One sheet: one read of its notes, and for a sheet with some of the product's, its fills too. */
function clear(sheets: SheetIndex, sheet: Sheet): void {
  const { values, range } = sheets.data(sheet);
  if (values.length === 0 || (values[0]?.length ?? 0) === 0) return;
  const notes = range().getNotes();
  if (!notes.some((row) => row.some((n) => n.includes(NOTE_PREFIX)))) return;
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

const DEFAULT_FILL = '#ffffff';
const OURS = new Set(Object.values(SEVERITY_FILL).map((f) => sheetColor(f).toLowerCase()));
