import type { Block, DocModel } from './model';

/**
 * Table column widths from their content, for the .docx and the Google Docs renderer alike, so that no
 * word is broken inside a narrow column (the overview's «Agdermodel|len», «Organisasj|on»). Each column
 * gets at least its longest word; what is left of the page goes to the columns whose text would wrap,
 * in proportion to how much they would wrap. A table whose words do not fit at 10 pt is tried at 9 pt,
 * then on a landscape page (the whole document turns, as a printed report would).
 *
 * Widths are estimated in points from DejaVu Sans' advance widths (the widest of the fonts these
 * documents meet: LibreOffice's fallback for Calibri, wider than Calibri and Arial), so a width that
 * holds a word here holds it in Word and Google Docs too.
 */
export interface TableLayout {
  /** Column widths in points, summing to the page's text width. */
  widths: number[];
  /** Font size of the table's text, in points. */
  fontSize: number;
}

export interface DocLayout {
  /** The orientation of the document's first section (before any `section` block). */
  landscape: boolean;
  /** The text width of that section's page in points (A4 with 72 pt margins). */
  pageWidth: number;
  /** One per section: the first, then one per `section` block, in document order. */
  sections: Array<{ landscape: boolean }>;
  /** One per table block, in document order. */
  tables: TableLayout[];
}

/** A4 (595 × 842 pt) less two 72 pt margins. */
export const TEXT_WIDTH = { portrait: 451, landscape: 698 } as const;
const SIZES = [10, 9] as const;
/** A `compact` table (one that must fit a page, such as a traffic-light matrix) is set smaller. */
const COMPACT_SIZES = [7.5, 7] as const;
/** Cell padding both sides and the border, in points, with a little room for rounding. */
const PAD = 12;
const BOLD = 1.12;

// Advance widths in thousandths of an em (DejaVu Sans).
const LOWER =
  'a613b635c550d635e615f352g635h634i278j278k579l278m974n634o612p635q635r411s521t392u634v592w818x592y592z525æ995ø612å613';
const UPPER =
  'A684B686C698D770E632F575G775H752I295J295K656L557M863N748O787P603Q787R695S635T611U732V684W989X685Y611Z685Æ974Ø787Å684';
const OTHER: Record<string, number> = {
  ' ': 318,
  '\u00a0': 318,
  '.': 318,
  ',': 318,
  ':': 337,
  ';': 337,
  '-': 361,
  '\u2011': 361,
  '–': 500,
  '−': 838,
  '/': 337,
  '(': 390,
  ')': 390,
  '%': 950,
  '+': 838,
  '«': 557,
  '»': 557,
  '"': 460,
  "'": 275,
};
const ADVANCE = new Map<string, number>(Object.entries(OTHER));
for (const table of [LOWER, UPPER])
  for (const [, ch, w] of table.matchAll(/(\D)(\d+)/g)) ADVANCE.set(ch!, Number(w));
for (const d of '0123456789') ADVANCE.set(d, 636);

/** The width of `text` in points at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += ADVANCE.get(ch) ?? 640;
  return (em / 1000) * size * (bold ? BOLD : 1);
}

const MONTHS =
  'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|' +
  'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_YEAR = new RegExp(`\\b(${MONTHS}) (\\d{4})\\b`, 'g');

/**
 * Ids and dates as printed documents keep them on one line: a hyphen between digits («2025-05-001»,
 * «18-2025») becomes the non-breaking hyphen U+2011 and «august 2025» gets a no-break space. For the
 * printed renderers (.docx); text a reader copies or searches (Markdown, Google Docs) keeps the plain hyphen.
 */
export const keepTogether = (text: string): string =>
  text.replace(/(?<=\d)-(?=\d)/g, '\u2011').replace(MONTH_YEAR, '$1\u00a0$2');

/** The pieces a line may not break inside: split at spaces (not NBSP), and after a hyphen, dash or slash. */
export const unbreakable = (text: string): string[] =>
  keepTogether(text)
    .split(/ +|(?<=[-–/])/)
    .filter((w) => w !== '');

type TableBlock = Extract<Block, { type: 'table' }>;

const isHead = (t: TableBlock, r: number, c: number) =>
  (t.header === true && r === 0) || (t.keyValue === true && c === 0);

function measure(t: TableBlock, size: number): { min: number[]; natural: number[] } {
  const columns = Math.max(1, ...t.rows.map((r) => r.length));
  const min = Array<number>(columns).fill(0);
  const natural = Array<number>(columns).fill(0);
  t.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const bold = isHead(t, r, c);
      for (const word of unbreakable(cell)) min[c] = Math.max(min[c]!, textWidth(word, size, bold));
      natural[c] = Math.max(natural[c]!, textWidth(cell, size, bold));
    }),
  );
  return { min: min.map((w) => w + PAD), natural: natural.map((w) => w + PAD) };
}

/** Widths for one table on a page `width` points wide, or null when its words do not fit at any size. */
export function layoutTable(t: TableBlock, width: number): TableLayout | null {
  const sizes = t.compact ? COMPACT_SIZES : SIZES;
  if (t.widths) {
    // The author's relative widths win; only the size is chosen.
    const sum = t.widths.reduce((a, w) => a + w, 0);
    return { fontSize: sizes[0], widths: t.widths.map((w) => (w / sum) * width) };
  }
  for (const fontSize of sizes) {
    const { min, natural } = measure(t, fontSize);
    const least = min.reduce((s, w) => s + w, 0);
    if (least > width) continue;
    const full = natural.reduce((s, w) => s + w, 0);
    if (full <= width) {
      // Everything fits on one line. A label column keeps its width, so the case tables of a memo line
      // up; otherwise the spare width is spread in proportion to the text.
      if (t.keyValue && natural.length > 1) {
        const rest = natural.slice(1);
        const restSum = rest.reduce((s, w) => s + w, 0);
        // A quarter of the page, unless the values need more of it to stay on one line.
        const label = Math.min(Math.max(natural[0]!, width / 4), width - restSum);
        return { fontSize, widths: [label, ...rest.map((w) => (w / restSum) * (width - label))] };
      }
      return { fontSize, widths: natural.map((w) => (w / full) * width) };
    }
    const wraps = natural.map((w, c) => w - min[c]!);
    const totalWrap = wraps.reduce((s, w) => s + w, 0);
    return { fontSize, widths: min.map((w, c) => w + ((width - least) * wraps[c]!) / totalWrap) };
  }
  return null;
}

/** Widths for a table that does not fit even at its smallest size: shared by the longest words. */
function squeezed(t: TableBlock, width: number): TableLayout {
  const sizes = t.compact ? COMPACT_SIZES : SIZES;
  const fontSize = sizes[sizes.length - 1]!;
  const { min } = measure(t, fontSize);
  const sum = min.reduce((s, w) => s + w, 0);
  return { fontSize, widths: min.map((w) => (w / sum) * width) };
}

/**
 * The layout of every table of a document. A `section` block starts a section in the orientation it asks
 * for; the first section is portrait when all its tables fit, else landscape as a whole.
 */
export function layoutDocument(doc: DocModel): DocLayout {
  const parts: TableBlock[][] = [[]];
  const asked: Array<boolean | null> = [null];
  for (const block of doc.blocks) {
    if (block.type === 'section') {
      parts.push([]);
      asked.push(block.landscape);
    } else if (block.type === 'table') parts[parts.length - 1]!.push(block);
  }
  const sections = parts.map((tables, k) => {
    const portrait = tables.map((t) => layoutTable(t, TEXT_WIDTH.portrait));
    const landscape = asked[k] ?? !portrait.every((l) => l !== null);
    const width = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
    const laid = landscape ? tables.map((t) => layoutTable(t, width)) : portrait;
    return { landscape, tables: laid.map((l, i) => l ?? squeezed(tables[i]!, width)) };
  });
  const first = sections[0]!;
  return {
    landscape: first.landscape,
    pageWidth: first.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait,
    sections: sections.map((x) => ({ landscape: x.landscape })),
    tables: sections.flatMap((x) => x.tables),
  };
}
