import { listEntries, spanOf, type Block, type DocModel, type Inline } from './model';

/**
 * HTML for a website: one self-contained page of the document model. Every text is escaped, so nothing a
 * person typed into the workbook becomes markup; colours and page layout are left to the site.
 */
export function toHtml(doc: DocModel): string {
  const inline = (content: Inline[]) =>
    content
      .map((x) => {
        const s = spanOf(x);
        const text = escape(s.text);
        return s.bold ? `<strong>${text}</strong>` : s.italic ? `<em>${text}</em>` : text;
      })
      .join('');
  const block = (blk: Block): string => {
    switch (blk.type) {
      case 'heading':
        return `<h${blk.level + 1}>${escape(blk.text)}</h${blk.level + 1}>`;
      case 'paragraph':
        return `<p>${inline(blk.content)}</p>`;
      case 'list': {
        const tag = blk.ordered ? 'ol' : 'ul';
        const li = (item: Inline[], sub: Inline[][]): string =>
          `<li>${inline(item)}${sub.length === 0 ? '' : `<${tag}>${sub.map((x) => `<li>${inline(x)}</li>`).join('')}</${tag}>`}</li>`;
        return `<${tag}>${listEntries(blk)
          .map((e) => li(e.item, e.sub))
          .join('')}</${tag}>`;
      }
      case 'table': {
        const row = (cells: string[], cell: 'th' | 'td') =>
          `<tr>${cells.map((c) => `<${cell}>${escape(c)}</${cell}>`).join('')}</tr>`;
        const [first, ...rest] = blk.rows;
        if (!first) return '';
        const head = blk.header ? `<thead>${row(first, 'th')}</thead>` : '';
        const body = (blk.header ? rest : blk.rows).map((r) => row(r, 'td')).join('');
        return `<table>${head}<tbody>${body}</tbody></table>`;
      }
      case 'pageBreak':
      case 'section':
        return '<hr>';
    }
  };
  return [
    '<!DOCTYPE html>',
    '<html lang="nb">',
    '<head><meta charset="utf-8">',
    `<title>${escape(doc.title)}</title>`,
    '</head>',
    '<body>',
    `<h1>${escape(doc.title)}</h1>`,
    ...doc.blocks.map(block),
    ...(doc.footer ? [`<footer>${escape(doc.footer.text)}</footer>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/\r?\n/g, '<br>');
