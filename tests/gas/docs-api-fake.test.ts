import { TODAY } from '../core/builders';
import { checkWorkbook } from '../../src/core/check/check';
import {
  clearBody,
  docCharacters,
  docsRequests,
  docsText,
  requestChunks,
  utf8Length,
} from '../../src/core/documents/docs-requests';
import { buildMemo } from '../../src/core/documents/memo';
import { b, h, ol, p, table, ul, ulNested, type DocModel } from '../../src/core/documents/model';
import { exampleWorkbook } from '../../src/example/agder';
import { FakeDocsService } from './fakes/docs-api';
import { createEnv } from './fakes/services';

function service() {
  const env = createEnv();
  return { docs: new FakeDocsService(env), calls: env.calls };
}

const endOf = (docs: FakeDocsService, id: string) => {
  const content = docs.Documents.get(id).body.content;
  return content[content.length - 1]!.endIndex as number;
};

describe('the Docs advanced service fake', () => {
  it('starts a document as one empty paragraph ending at index 2', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    expect(endOf(docs, documentId)).toBe(2);
  });

  it('nests a bulleted paragraph one level per leading tab and removes the tabs, as Google does', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { text: 'a\n\tb\n\t\tc\nd', location: { index: 1 } } },
          {
            createParagraphBullets: {
              range: { startIndex: 1, endIndex: 11 },
              bulletPreset: 'NUMBERED_DECIMAL_ALPHA_ROMAN',
            },
          },
          // After the tabs are gone «d» starts at 7, not 10.
          {
            updateTextStyle: {
              range: { startIndex: 7, endIndex: 8 },
              textStyle: { bold: true },
              fields: 'bold',
            },
          },
        ],
      },
      documentId,
    );
    const snap = docs.Documents.snapshot(documentId);
    expect(
      snap.map((x) => (x.type === 'paragraph' ? [x.text, x.number, x.nesting ?? 0, x.bold] : x)),
    ).toEqual([
      ['a', 1, 0, []],
      ['b', 1, 1, []],
      ['c', 1, 2, []],
      ['d', 2, 0, ['d']],
    ]);
    expect(endOf(docs, documentId)).toBe(9);
    // Nine levels (0–8) and no more.
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            { insertText: { text: '\t'.repeat(9) + 'x\n', location: { index: 1 } } },
            {
              createParagraphBullets: {
                range: { startIndex: 1, endIndex: 2 },
                bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE',
              },
            },
          ],
        },
        documentId,
      ),
    ).toThrow(/nested at most 8 levels/);
  });

  it('follows the documented table index model (tanaikech: a 2×2 table filled at 12, 10, 7, 5)', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate(
      {
        requests: [
          { insertTable: { rows: 2, columns: 2, location: { index: 1 } } },
          { insertText: { text: 'B2', location: { index: 12 } } },
          { insertText: { text: 'A2', location: { index: 10 } } },
          { insertText: { text: 'B1', location: { index: 7 } } },
          { insertText: { text: 'A1', location: { index: 5 } } },
        ],
      },
      documentId,
    );
    expect(docs.Documents.snapshot(documentId)).toEqual([
      { type: 'paragraph', style: 'NORMAL_TEXT', text: '', bold: [], list: null },
      {
        type: 'table',
        rows: [
          ['A1', 'B1'],
          ['A2', 'B2'],
        ],
        bold: [],
      },
      { type: 'paragraph', style: 'NORMAL_TEXT', text: '', bold: [], list: null },
    ]);
    // 1 newline before the table, 12 for the empty 2×2 table, 8 characters of text, the final newline.
    expect(endOf(docs, documentId)).toBe(2 + 1 + 12 + 8);
  });

  it.each([
    [
      'outside a paragraph (a cell start)',
      { insertText: { text: 'x', location: { index: 4 } } },
      /inside the bounds/,
    ],
    ['past the end', { insertText: { text: 'x', location: { index: 99 } } }, /less than the end index/],
    [
      'the final newline',
      { deleteContentRange: { range: { startIndex: 1, endIndex: 10 } } },
      /end of the segment/,
    ],
    ['part of a table', { deleteContentRange: { range: { startIndex: 3, endIndex: 6 } } }, /part of a table/],
    [
      'an unknown style',
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: 2 },
          paragraphStyle: { namedStyleType: 'BIG' },
          fields: 'namedStyleType',
        },
      },
      /namedStyleType/,
    ],
  ])('refuses a request %s, and applies none of the batch', (_what, bad, message) => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate(
      { requests: [{ insertTable: { rows: 1, columns: 1, location: { index: 1 } } }] },
      documentId,
    );
    const before = docs.Documents.snapshot(documentId);
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            { insertText: { text: 'ok', location: { index: 1 } } },
            bad as Record<string, Record<string, unknown>>,
          ],
        },
        documentId,
      ),
    ).toThrow(message);
    expect(docs.Documents.snapshot(documentId)).toEqual(before);
  });

  it('counts UTF-16 code units: inserting 🚑 at index 1 advances the end index by 2', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    expect('🚑').toHaveLength(2);
    docs.Documents.batchUpdate(
      { requests: [{ insertText: { text: '🚑', location: { index: 1 } } }] },
      documentId,
    );
    expect(endOf(docs, documentId)).toBe(2 + 2);
    expect(docs.Documents.snapshot(documentId)).toEqual([
      { type: 'paragraph', style: 'NORMAL_TEXT', text: '🚑', bold: [], list: null },
    ]);
    // Index 3 is after the pair: styling [1, 3) covers the whole emoji.
    docs.Documents.batchUpdate(
      {
        requests: [
          {
            updateTextStyle: {
              range: { startIndex: 1, endIndex: 3 },
              textStyle: { bold: true },
              fields: 'bold',
            },
          },
        ],
      },
      documentId,
    );
    expect(docs.Documents.snapshot(documentId)[0]).toMatchObject({ bold: ['🚑'] });
  });

  it('strips what the API strips from inserted text: U+0000–U+0008, U+000C–U+001F, U+E000–U+F8FF', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const stripped = '\u0000\u0008\u000c\r\u001f\ue000\uf8ff';
    const kept = '\t\u000b\u007f\udfff\uf900 \ud7ff\u00a0';
    docs.Documents.batchUpdate(
      { requests: [{ insertText: { text: `a${stripped}b${kept}`, location: { index: 1 } } }] },
      documentId,
    );
    expect(docs.Documents.snapshot(documentId)).toEqual([
      { type: 'paragraph', style: 'NORMAL_TEXT', text: `ab${kept}`, bold: [], list: null },
    ]);
    expect(endOf(docs, documentId)).toBe(2 + 2 + kept.length);
  });

  it('counts calls and refuses them in custom-function mode', () => {
    const env = createEnv();
    const docs = new FakeDocsService(env);
    docs.Documents.create({ title: 'T' });
    expect(env.calls.count('Docs.Documents.create')).toBe(1);
    env.execution.mode = 'customFunction';
    expect(() => docs.Documents.create({ title: 'T' })).toThrow(/You do not have permission/);
  });
});

describe('the fake on page and column layout', () => {
  /** A document with one 1×2 table at index 2 (its start), from docsRequests. */
  const withTable = () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate(
      { requests: [{ insertTable: { rows: 1, columns: 2, location: { index: 1 } } }] },
      documentId,
    );
    return { docs, documentId };
  };
  const widthRequest = (index: number, magnitude: number, columnIndices = [0]) => ({
    updateTableColumnProperties: {
      tableStartLocation: { index },
      columnIndices,
      tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude, unit: 'PT' } },
      fields: 'widthType,width',
    },
  });

  it('sets fixed column widths where the table starts', () => {
    const { docs, documentId } = withTable();
    docs.Documents.batchUpdate({ requests: [widthRequest(2, 120)] }, documentId);
    expect(docs.Documents.tables(documentId)).toEqual([{ widths: [120, null], sizes: [] }]);
  });

  it.each([
    ['a location where no table starts', widthRequest(1, 120), /No table starts at index 1/],
    ['a width under 5 pt (the API returns 400)', widthRequest(2, 4), /at least 5 points/],
    ['a column the table does not have', widthRequest(2, 50, [2]), /outside a table of 2 columns/],
  ])('refuses %s, applying nothing', (_, request, message) => {
    const { docs, documentId } = withTable();
    expect(() => docs.Documents.batchUpdate({ requests: [request] }, documentId)).toThrow(message);
    expect(docs.Documents.tables(documentId)[0]!.widths).toEqual([null, null]);
  });

  it('sets the page size and margins as Dimensions in points, and refuses other fields', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    expect(docs.Documents.pageStyle(documentId)).toMatchObject({ width: 595.3, marginLeft: 72 });
    const size = { width: { magnitude: 841.9, unit: 'PT' }, height: { magnitude: 595.3, unit: 'PT' } };
    docs.Documents.batchUpdate(
      { requests: [{ updateDocumentStyle: { documentStyle: { pageSize: size }, fields: 'pageSize' } }] },
      documentId,
    );
    expect(docs.Documents.pageStyle(documentId)).toMatchObject({ width: 841.9, height: 595.3 });
    expect(() =>
      docs.Documents.batchUpdate(
        { requests: [{ updateDocumentStyle: { documentStyle: {}, fields: 'background' } }] },
        documentId,
      ),
    ).toThrow(/page style properties/);
  });

  it('creates one default footer, answers its id, writes it at segment index 0, refuses a second', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const reply = docs.Documents.batchUpdate(
      { requests: [{ createFooter: { type: 'DEFAULT' } }] },
      documentId,
    );
    const footerId = (reply.replies[0] as { createFooter: { footerId: string } }).createFooter.footerId;
    expect(docs.Documents.get(documentId).documentStyle.defaultFooterId).toBe(footerId);
    docs.Documents.batchUpdate(
      { requests: [{ insertText: { location: { segmentId: footerId, index: 0 }, text: 'Sak 1' } }] },
      documentId,
    );
    expect(docs.Documents.footerText(documentId)).toBe('Sak 1\n');
    expect(docs.Documents.get(documentId).footers[footerId]!.content).toEqual([
      { startIndex: 0, endIndex: 6, paragraph: {} },
    ]);
    expect(() =>
      docs.Documents.batchUpdate({ requests: [{ createFooter: { type: 'DEFAULT' } }] }, documentId),
    ).toThrow(/already exists/);
    expect(() =>
      docs.Documents.batchUpdate(
        { requests: [{ insertText: { location: { segmentId: 'kix.none', index: 0 }, text: 'x' } }] },
        documentId,
      ),
    ).toThrow(/Segment kix.none was not found/);
    // The final newline of a segment cannot be deleted either.
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [{ deleteContentRange: { range: { segmentId: footerId, startIndex: 0, endIndex: 6 } } }],
        },
        documentId,
      ),
    ).toThrow(/newline character at the end of the segment/);
  });

  it('lays out the example memo: every column a fixed width, table text at one size, on portrait A4', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const memo = buildMemo(checkWorkbook(exampleWorkbook(), { today: TODAY }), {
      meetingDate: '2025-05-09',
      caseNumber: '18-2025',
    });
    docs.Documents.batchUpdate({ requests: docsRequests(memo) }, documentId);
    const tables = docs.Documents.tables(documentId);
    expect(tables.length).toBe(memo.blocks.filter((x) => x.type === 'table').length);
    for (const t of tables) {
      expect(t.widths.every((w) => w !== null && w >= 5)).toBe(true);
      expect(t.widths.reduce((s, w) => s! + w!, 0)).toBeLessThanOrEqual(451);
      expect(t.sizes).toHaveLength(1);
    }
    const page = docs.Documents.pageStyle(documentId);
    expect(page.width! - page.marginLeft! - page.marginRight!).toBeCloseTo(451, 0);
  });
});

/** Writing a model, then clearing the body and writing it again, gives the same document. */
function expectStableRewrite(model: DocModel): void {
  const { docs } = service();
  const { documentId } = docs.Documents.create({ title: 'T' });
  docs.Documents.batchUpdate({ requests: docsRequests(model) }, documentId);
  const first = docs.Documents.snapshot(documentId);
  docs.Documents.batchUpdate(
    { requests: [...clearBody(endOf(docs, documentId)), ...docsRequests(model)] },
    documentId,
  );
  expect(docs.Documents.snapshot(documentId)).toEqual(first);
}

describe('docsRequests: the document model in one batchUpdate', () => {
  const model: DocModel = {
    title: 'Tittel',
    blocks: [
      h(2, 'Overskrift'),
      p('Vanlig ', b('fet'), ' tekst.'),
      ol([['første'], ['andre'], ['tredje']]),
      table(
        [
          ['Hva', 'Beløp'],
          ['Innovasjon', '7 328 000'],
        ],
        { header: true },
      ),
      ul([['punkt']]),
      p('Slutt.'),
    ],
  };

  it('writes every block in order with styles, bold runs, one numbered list and a table', () => {
    const { docs, calls } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate({ requests: docsRequests(model) }, documentId);
    expect(calls.count('Docs.Documents.batchUpdate')).toBe(1);
    const snap = docs.Documents.snapshot(documentId);
    expect(snap.map((x) => (x.type === 'table' ? x.rows : `${x.style}:${x.text}`))).toEqual([
      'TITLE:Tittel',
      'HEADING_2:Overskrift',
      'NORMAL_TEXT:Vanlig fet tekst.',
      'NORMAL_TEXT:første',
      'NORMAL_TEXT:andre',
      'NORMAL_TEXT:tredje',
      'NORMAL_TEXT:',
      [
        ['Hva', 'Beløp'],
        ['Innovasjon', '7 328 000'],
      ],
      'NORMAL_TEXT:punkt',
      'NORMAL_TEXT:Slutt.',
      'NORMAL_TEXT:',
    ]);
    const items = snap.filter((x) => x.type === 'paragraph' && x.list?.startsWith('NUMBERED'));
    expect(items.map((x) => (x.type === 'paragraph' ? x.number : 0))).toEqual([1, 2, 3]);
    expect(snap.find((x) => x.type === 'paragraph' && x.text === 'Vanlig fet tekst.')).toMatchObject({
      bold: ['fet'],
    });
    expect(snap.find((x) => x.type === 'table')).toMatchObject({ bold: ['Hva', 'Beløp'] });
  });

  it('rewrites a document in place after clearing it, with the same result', () => {
    expectStableRewrite(model);
  });

  it('writes sub-items one level down in the same list, and what follows where it was aimed', () => {
    const nested: DocModel = {
      title: 'T',
      blocks: [
        ulNested([
          { item: ['vilkår'] },
          { item: ['frister:'], sub: [['første'], [b('andre')]] },
          { item: ['siste'] },
        ]),
        table([['a', 'b']]),
        p('Slutt.'),
      ],
    };
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate({ requests: docsRequests(nested) }, documentId);
    const snap = docs.Documents.snapshot(documentId);
    const lists = new Set(snap.flatMap((x) => (x.type === 'paragraph' && x.list ? [x.list] : [])));
    expect(lists.size).toBe(1);
    expect(
      snap.map((x) =>
        x.type === 'table' ? x.rows : [x.text, x.type === 'paragraph' ? (x.nesting ?? 0) : 0],
      ),
    ).toEqual([
      ['T', 0],
      ['vilkår', 0],
      ['frister:', 0],
      ['første', 1],
      ['andre', 1],
      ['siste', 0],
      ['', 0],
      [['a', 'b']],
      ['Slutt.', 0],
      ['', 0],
    ]);
    expect(snap.find((x) => x.type === 'paragraph' && x.text === 'andre')).toMatchObject({ bold: ['andre'] });
    expectStableRewrite(nested);
  });

  it('renders the example memo with valid indexes throughout', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const memo = buildMemo(checkWorkbook(exampleWorkbook(), { today: TODAY }), {
      meetingDate: '2025-05-09',
      caseNumber: '18-2025',
      cases: ['2025-05-001', '2025-05-002'],
    });
    docs.Documents.batchUpdate({ requests: docsRequests(memo) }, documentId);
    const snap = docs.Documents.snapshot(documentId);
    const header = snap.find((x) => x.type === 'table');
    expect(header).toMatchObject({ rows: expect.arrayContaining([['Møtedato', '09.05.2025']]) });
    const proposal = snap.find(
      (x) => x.type === 'paragraph' && /tildeles 1\u00a0060\u00a0000\u00a0kr/.test(x.text),
    );
    expect(proposal).toMatchObject({ number: 1, bold: [expect.stringContaining('Agdermodellen')] });
  });

  describe('text the API counts or strips differently from code points', () => {
    // An emoji (two UTF-16 units), a form feed, a NUL and a private-use character.
    const odd = '🚑\f\u0000\ue000';
    const model: DocModel = {
      title: `Ambulanse ${odd}sak`,
      blocks: [
        p('Før ', b(`fet ${odd}del`), ` etter ${odd}.`),
        ul([[`punkt ${odd}en`], ['to 🚑']]),
        table(
          [
            ['Hva', `Beløp ${odd}`],
            [`celle ${odd}x`, '1\r\n2'],
          ],
          { header: true },
        ),
        p('Slutt 🚑.'),
      ],
    };

    it('strips and spaces the text before any index arithmetic', () => {
      expect(docsText(`a${odd}b`)).toBe('a🚑 b');
      expect(docsText('a\r\n\v\fb\u0001\u001f\uf8ffc')).toBe('a bc');
      expect(docsText('tab\tand\u00a0nbsp')).toBe('tab\tand\u00a0nbsp');
    });

    it('renders through docsRequests into the fake without error, with the stripped text', () => {
      const { docs } = service();
      const { documentId } = docs.Documents.create({ title: 'T' });
      const requests = docsRequests(model);
      // Nothing left for Google to strip: what the renderer counted is what the document holds.
      for (const r of requests) {
        const text = (r.insertText as { text?: string } | undefined)?.text;
        if (text !== undefined) expect(text.replace(/\n$/, '')).toBe(docsText(text.replace(/\n$/, '')));
      }
      docs.Documents.batchUpdate({ requests }, documentId);
      const snap = docs.Documents.snapshot(documentId);
      expect(snap).toEqual([
        { type: 'paragraph', style: 'TITLE', text: 'Ambulanse 🚑 sak', bold: [], list: null },
        {
          type: 'paragraph',
          style: 'NORMAL_TEXT',
          text: 'Før fet 🚑 del etter 🚑 .',
          bold: ['fet 🚑 del'],
          list: null,
        },
        {
          type: 'paragraph',
          style: 'NORMAL_TEXT',
          text: 'punkt 🚑 en',
          bold: [],
          list: expect.stringMatching(/^BULLET/),
        },
        {
          type: 'paragraph',
          style: 'NORMAL_TEXT',
          text: 'to 🚑',
          bold: [],
          list: expect.stringMatching(/^BULLET/),
        },
        { type: 'paragraph', style: 'NORMAL_TEXT', text: '', bold: [], list: null },
        {
          type: 'table',
          rows: [
            ['Hva', 'Beløp 🚑 '],
            ['celle 🚑 x', '1 2'],
          ],
          bold: ['Hva', 'Beløp 🚑 '],
        },
        { type: 'paragraph', style: 'NORMAL_TEXT', text: 'Slutt 🚑.', bold: [], list: null },
        { type: 'paragraph', style: 'NORMAL_TEXT', text: '', bold: [], list: null },
      ]);
      // The renderer's cursor agrees with the fake: every later request landed where it was aimed.
      const texts = snap.flatMap((x) => (x.type === 'table' ? x.rows.flat() : [x.text]));
      const units = texts.reduce((n, t) => n + t.length, 0);
      // Index 1, then the text, 7 paragraph newlines outside the table (the final one too), a 2×2 table (12).
      expect(endOf(docs, documentId)).toBe(1 + units + 7 + 12);
    });

    it('rewrites the same document in place after clearing it', () => {
      expectStableRewrite(model);
    });
  });
});

describe('table cell backgrounds (updateTableCellStyle)', () => {
  const style = (index: number, rowIndex: number, columnIndex: number, red = 1) => ({
    updateTableCellStyle: {
      tableRange: {
        tableCellLocation: { tableStartLocation: { index }, rowIndex, columnIndex },
        rowSpan: 1,
        columnSpan: 1,
      },
      tableCellStyle: { backgroundColor: { color: { rgbColor: { red, green: 0, blue: 0 } } } },
      fields: 'backgroundColor',
    },
  });

  it('colours a cell addressed by the table start and its row and column', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    // The table inserted at 1 starts at 2 (its newline comes first).
    docs.Documents.batchUpdate(
      { requests: [{ insertTable: { rows: 2, columns: 2, location: { index: 1 } } }, style(2, 1, 0)] },
      documentId,
    );
    expect(docs.Documents.snapshot(documentId).find((x) => x.type === 'table')).toMatchObject({
      fills: [
        ['', ''],
        ['FF0000', ''],
      ],
    });
  });

  it.each([
    ['a start that is no table', style(1, 0, 0), /No table starts at index 1/],
    ['a cell outside the table', style(2, 2, 0), /outside the table/],
    ['a colour outside 0–1', style(2, 0, 0, 255), /rgbColor values must be 0–1/],
  ])('refuses %s, applying nothing', (_, request, message) => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    expect(() =>
      docs.Documents.batchUpdate(
        { requests: [{ insertTable: { rows: 2, columns: 2, location: { index: 1 } } }, request] },
        documentId,
      ),
    ).toThrow(message);
    expect(docs.Documents.snapshot(documentId)).toEqual([
      expect.objectContaining({ type: 'paragraph', text: '' }),
    ]);
  });

  it('docsRequests colours the cells a table block fills, after the text (and a table) before it', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const doc: DocModel = {
      title: 'Trafikklys',
      blocks: [
        p('Før'),
        // A table without fills first: the coloured one is addressed by its own start index.
        table([['a', 'b']]),
        table(
          [
            ['Nr', 'Status'],
            ['1.1.1', 'Rød'],
          ],
          {
            header: true,
            fills: [
              [null, null],
              [null, 'F4C7C3'],
            ],
          },
        ),
        p('Etter'),
      ],
    };
    docs.Documents.batchUpdate({ requests: docsRequests(doc) }, documentId);
    const snap = docs.Documents.snapshot(documentId);
    const tables = snap.filter((x) => x.type === 'table');
    expect(tables[0]).not.toHaveProperty('fills');
    expect(tables[1]).toMatchObject({
      rows: [
        ['Nr', 'Status'],
        ['1.1.1', 'Rød'],
      ],
      fills: [
        ['', ''],
        ['', 'F4C7C3'],
      ],
    });
    expect(snap.at(-2)).toMatchObject({ type: 'paragraph', text: 'Etter' });
  });
});

describe('section breaks (insertSectionBreak, updateSectionStyle)', () => {
  it('inserts a newline and the break (two indexes), and flips the section after it', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { text: 'Før', location: { index: 1 } } },
          { insertSectionBreak: { location: { index: 4 }, sectionType: 'NEXT_PAGE' } },
          {
            updateSectionStyle: {
              range: { startIndex: 6, endIndex: 7 },
              sectionStyle: { flipPageOrientation: true },
              fields: 'flipPageOrientation',
            },
          },
          { insertText: { text: 'Etter', location: { index: 6 } } },
        ],
      },
      documentId,
    );
    expect(endOf(docs, documentId)).toBe(1 + 3 + 2 + 5 + 1);
    expect(docs.Documents.sections(documentId)).toEqual([true]);
    expect(docs.Documents.snapshot(documentId).map((x) => (x.type === 'paragraph' ? x.text : ''))).toEqual([
      'Før',
      'Etter',
    ]);
  });

  it('refuses a section break inside a table, applying nothing', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    expect(() =>
      docs.Documents.batchUpdate(
        {
          requests: [
            { insertTable: { rows: 1, columns: 1, location: { index: 1 } } },
            { insertSectionBreak: { location: { index: 5 }, sectionType: 'NEXT_PAGE' } },
          ],
        },
        documentId,
      ),
    ).toThrow(/inside a table/);
    expect(docs.Documents.sections(documentId)).toEqual([]);
  });

  it('docsRequests turns a landscape section block into a flipped section, and a rewrite clears it', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const doc: DocModel = {
      title: 'Plan',
      blocks: [p('Stående'), { type: 'section', landscape: true }, table([['1', 'Rød']]), p('Liggende')],
    };
    docs.Documents.batchUpdate({ requests: docsRequests(doc) }, documentId);
    expect(docs.Documents.sections(documentId)).toEqual([true]);
    const texts = docs.Documents.snapshot(documentId).map((x) => (x.type === 'paragraph' ? x.text : 'table'));
    // The paragraph the break's newline ends, then the one the table's own newline makes.
    expect(texts).toEqual(['Plan', 'Stående', '', '', 'table', 'Liggende', '']);
    const requests = [...clearBody(endOf(docs, documentId)), ...docsRequests(doc)];
    docs.Documents.batchUpdate({ requests }, documentId);
    expect(docs.Documents.sections(documentId)).toEqual([true]);
  });
});

describe('request size', () => {
  it('refuses a batchUpdate body over 10 MiB, applying nothing, as Google’s front end does', () => {
    const { docs } = service();
    const { documentId } = docs.Documents.create({ title: 'T' });
    const text = 'x'.repeat(1_000_000);
    const requests = Array.from({ length: 11 }, () => ({ insertText: { text, location: { index: 1 } } }));
    expect(() => docs.Documents.batchUpdate({ requests }, documentId)).toThrow(
      /Request payload size exceeds the limit: 10485760 bytes/,
    );
    expect(endOf(docs, documentId)).toBe(2);
    expect(docs.Documents.largestBody).toBeGreaterThan(11_000_000);
    // The same text in bodies under the limit is taken.
    docs.Documents.batchUpdate(
      { requests: [{ insertText: { text: 'x'.repeat(1000), location: { index: 1 } } }] },
      documentId,
    );
    expect(endOf(docs, documentId)).toBe(2 + 1000);
  });
});

describe('requestChunks: a long document in requests Google accepts', () => {
  const model: DocModel = {
    title: 'Lang oversikt',
    blocks: [
      p('Innledning med æøå.'),
      table(
        [
          ['Prosjekt', 'Beløp'],
          ...Array.from({ length: 400 }, (_, i) => [`Prosjekt ${i} ${'ø'.repeat(50)}`, `${i} kr`]),
        ],
        { header: true },
      ),
      h(2, 'Slutt'),
    ],
  };

  it('keeps every chunk within the limit, and the chunks sent in order write what the one list writes', () => {
    const requests = docsRequests(model);
    const chunks = requestChunks(requests, 20_000);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.flat()).toEqual(requests);
    for (const chunk of chunks)
      expect(Buffer.byteLength(JSON.stringify({ requests: chunk }))).toBeLessThanOrEqual(20_000);
    const { docs } = service();
    const whole = docs.Documents.create({ title: 'T' }).documentId;
    docs.Documents.batchUpdate({ requests }, whole);
    const parts = docs.Documents.create({ title: 'T' }).documentId;
    for (const chunk of chunks) docs.Documents.batchUpdate({ requests: chunk }, parts);
    expect(docs.Documents.snapshot(parts)).toEqual(docs.Documents.snapshot(whole));
  });

  it('counts bytes as UTF-8 (æøå two, an emoji four) and sends a request larger than the limit alone', () => {
    expect(utf8Length('aæ😀')).toBe(1 + 2 + 4);
    expect(utf8Length('€')).toBe(3);
    const big = { insertText: { text: 'x'.repeat(100), location: { index: 1 } } };
    const small = { insertText: { text: 'y', location: { index: 1 } } };
    expect(requestChunks([small, big, small], 60).map((c) => c.length)).toEqual([1, 1, 1]);
    expect(docCharacters(model)).toBeGreaterThan(400 * 50);
  });
});
