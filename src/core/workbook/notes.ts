/**
 * Cell notes written by the product. Its part of a note is marked: it starts with a line beginning
 * "Tilskudd: [rule-id] " (at the start of the note or on a line of its own; a person's own line
 * "Tilskudd: innvilget 2024" is theirs) and goes on with the lines right after
 * it that begin with a bracketed tag, "[rule-id] message". Everything else in the note is a person's and
 * is kept, before and after that part. The part may end with "[fyll før] #rrggbb": the cell's own fill
 * before the product highlighted it, given back when the finding is gone.
 */
export const NOTE_PREFIX = 'Tilskudd: ';
const TAGGED = /^\[[^\]\n]+\] /;
const FILL_TAG = '[fyll før] ';

interface Parsed {
  person: string;
  own: boolean;
  fill: string | null;
}

function parse(note: string): Parsed {
  const lines = note.split('\n');
  const start = lines.findIndex((l) => l.startsWith(NOTE_PREFIX) && TAGGED.test(l.slice(NOTE_PREFIX.length)));
  if (start < 0) return { person: note, own: false, fill: null };
  let end = start + 1;
  while (end < lines.length && TAGGED.test(lines[end]!)) end++;
  const fillLine = lines.slice(start + 1, end).find((l) => l.startsWith(FILL_TAG));
  const kept = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  return {
    person: kept.trim() === '' ? '' : kept.replace(/^\n+|\n+$/g, ''),
    own: true,
    fill: fillLine ? fillLine.slice(FILL_TAG.length).trim() : null,
  };
}

/** The note without the product's part (never only blank lines); `null` when it has no product part. */
export function withoutOwnNote(note: string): string | null {
  const parsed = parse(note);
  return parsed.own ? parsed.person : null;
}

/** The fill the product remembered in the note's own part, or null. */
export function rememberedFill(note: string): string | null {
  return parse(note).fill;
}

/**
 * A person's note (possibly '') with the product's lines under it, each on one line, and the cell's own
 * fill to give back later when it is not the default (null).
 */
export function withOwnNote(note: string, lines: readonly string[], fill: string | null = null): string {
  const own = [
    NOTE_PREFIX + lines.map((l) => l.replace(/\s*\n\s*/g, ' ')).join('\n'),
    ...(fill === null ? [] : [FILL_TAG + fill]),
  ].join('\n');
  return note === '' ? own : `${note}\n${own}`;
}
