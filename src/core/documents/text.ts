import { listEntries, plain, spanOf, type Block, type DocModel, type Inline } from './model';

/** Markdown: previews, tests and the CLI's `--format md`. */
export function toMarkdown(doc: DocModel): string {
  const inline = (content: Inline[]) =>
    content
      .map((x) => {
        const s = spanOf(x);
        const marker = s.bold ? '**' : s.italic ? '*' : '';
        if (marker === '') return escape(s.text);
        // `**Sum: **15` is no emphasis in Markdown: spaces at the edges go outside the markers.
        const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text) ?? [];
        return core === '' ? escape(s.text) : `${before}${marker}${escape(core)}${marker}${after}`;
      })
      .join('');
  const block = (blk: Block): string => {
    switch (blk.type) {
      case 'heading':
        return `${'#'.repeat(blk.level)} ${escape(blk.text)}`;
      case 'paragraph':
        return inline(blk.content);
      case 'list':
        // A sub-item is indented to its parent's text (3 spaces after «1. », 2 after «- »).
        return listEntries(blk)
          .flatMap(({ item, sub }, n) => {
            const marker = blk.ordered ? `${n + 1}.` : '-';
            const indent = ' '.repeat(marker.length + 1);
            return [
              `${marker} ${inline(item)}`,
              ...sub.map((x, k) => `${indent}${blk.ordered ? `${k + 1}.` : '-'} ${inline(x)}`),
            ];
          })
          .join('\n');
      case 'table': {
        const cells = (row: string[]) => `| ${row.map((c) => escape(c).replace(/\|/g, '\\|')).join(' | ')} |`;
        const [first, ...rest] = blk.rows;
        if (!first) return '';
        const head = blk.header ? first : first.map(() => '');
        const body = blk.header ? rest : blk.rows;
        return [cells(head), `|${head.map(() => ' --- ').join('|')}|`, ...body.map(cells)].join('\n');
      }
      case 'pageBreak':
      case 'section':
        return '---';
    }
  };
  return [`# ${escape(doc.title)}`, ...doc.blocks.map(block)].join('\n\n') + '\n';
}

/** Plain text without markup, for search, hashing and quick reads. */
export function toPlainText(doc: DocModel): string {
  const lines: string[] = [doc.title];
  for (const blk of doc.blocks) {
    if (blk.type === 'heading') lines.push('', blk.text);
    else if (blk.type === 'paragraph') lines.push(plain(blk.content));
    else if (blk.type === 'list')
      listEntries(blk).forEach(({ item, sub }, n) => {
        lines.push(`${blk.ordered ? `${n + 1}.` : '•'} ${plain(item)}`);
        sub.forEach((x, k) => lines.push(`  ${blk.ordered ? `${k + 1}.` : '◦'} ${plain(x)}`));
      });
    else if (blk.type === 'table') for (const row of blk.rows) lines.push(row.join('\t'));
  }
  return lines.join('\n') + '\n';
}

// One line per block: a line break inside a cell or heading would split the Markdown structure.
const escape = (text: string) => text.replace(/([\\*_`#[\]])/g, '\\$1').replace(/\r?\n/g, '<br>');
