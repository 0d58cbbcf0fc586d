import type { Lang } from '../base/result';

/**
 * One document model for every report: built by pure functions from the workbook's records and the
 * engine's results, rendered to Google Docs, .docx and plain text/Markdown by renderers that hold no
 * domain logic.
 */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Inline = string | Span;

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; content: Inline[] }
  /**
   * `sub`: items one level down, by the index of the item they belong under (`sub[n]` under `items[n]`;
   * missing or empty: none), numbered or bulleted like their list one level deeper.
   */
  | { type: 'list'; ordered: boolean; items: Inline[][]; sub?: Inline[][][] }
  /**
   * `header`: the first row is a header row. `keyValue`: the first column labels the second. `fills`:
   * a background colour per cell (hex `B7E1CD`, null for none), same shape as `rows`; the cell's text must
   * carry the meaning too, so the document reads in black and white. `compact`: smaller text, for a
   * table that must fit one page. `widths`: relative column widths (default even). `keepTogether`: a
   * small record (one measure, one case) kept on one page where the renderer can (.docx), so no page ends
   * with its first row.
   */
  | {
      type: 'table';
      rows: string[][];
      header?: boolean;
      keyValue?: boolean;
      fills?: Array<Array<string | null>>;
      compact?: boolean;
      widths?: number[];
      keepTogether?: boolean;
    }
  | { type: 'pageBreak' }
  /** A new page in this orientation from here on (a landscape page works as a presentation slide). */
  | { type: 'section'; landscape: boolean };

/** The text at the foot of every page; `pages` words the page number ("Side 2 av 5") where a renderer can. */
export interface Footer {
  text: string;
  pages?: { page: string; of: string };
}

export interface DocModel {
  title: string;
  /** The document's language, for renderers that announce it (.docx); default bokmål. */
  lang?: Lang;
  blocks: Block[];
  footer?: Footer;
}

export const spanOf = (inline: Inline): Span => (typeof inline === 'string' ? { text: inline } : inline);
export const plain = (content: Inline[]): string => content.map((i) => spanOf(i).text).join('');

/** Small builders, so document code reads like the document. */
export const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
export const p = (...content: Inline[]): Block => ({ type: 'paragraph', content });
export const b = (text: string): Span => ({ text, bold: true });
export const i = (text: string): Span => ({ text, italic: true });
export const ol = (items: Inline[][]): Block => ({ type: 'list', ordered: true, items });
export const ul = (items: Inline[][]): Block => ({ type: 'list', ordered: false, items });
/** A bulleted list whose items may have sub-items one level down. */
export const ulNested = (entries: Array<{ item: Inline[]; sub?: Inline[][] }>): Block => ({
  type: 'list',
  ordered: false,
  items: entries.map((e) => e.item),
  sub: entries.map((e) => e.sub ?? []),
});
/** Each item of a list with its sub-items (none when it has none), in order. */
export const listEntries = (
  blk: Extract<Block, { type: 'list' }>,
): Array<{ item: Inline[]; sub: Inline[][] }> =>
  blk.items.map((item, n) => ({ item, sub: blk.sub?.[n] ?? [] }));
export const table = (
  rows: string[][],
  opts: {
    header?: boolean;
    keyValue?: boolean;
    fills?: Array<Array<string | null>>;
    compact?: boolean;
    widths?: number[];
    keepTogether?: boolean;
  } = {},
): Block => ({
  type: 'table',
  rows,
  ...opts,
});
