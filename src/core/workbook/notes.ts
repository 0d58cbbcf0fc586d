/**
 * Cell notes written by the product: its part of a note starts with "Tilskudd: " at the start or on a
 * line of its own, so a later check can replace it while keeping what a person wrote in the same note.
 */
export const NOTE_PREFIX = 'Tilskudd: ';

/** The note without the product's part; `null` when the note has no product part. */
export function withoutOwnNote(note: string): string | null {
  if (note.startsWith(NOTE_PREFIX)) return '';
  const i = note.indexOf(`\n${NOTE_PREFIX}`);
  return i < 0 ? null : note.slice(0, i);
}

/** A person's note (possibly '') with the product's lines added under it. */
export function withOwnNote(note: string, lines: readonly string[]): string {
  const own = NOTE_PREFIX + lines.join('\n');
  return note === '' ? own : `${note}\n${own}`;
}
