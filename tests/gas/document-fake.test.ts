import {
  ElementType,
  FakeDocumentApp,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
} from './fakes/document-app';
import { createEnv, type FakeEnv, NOT_FOUND } from './fakes/services';

let env: FakeEnv;
let app: FakeDocumentApp;
beforeEach(() => {
  env = createEnv();
  app = new FakeDocumentApp(env);
});

describe('DocumentApp', () => {
  it('creates documents that start with one empty paragraph, and reopens them by id', () => {
    const doc = app.create('Innstilling 2025');
    expect(doc.getName()).toBe('Innstilling 2025');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.snapshot()).toEqual([{ type: 'PARAGRAPH', text: '', heading: 'NORMAL' }]);
    doc.setName('Innstilling');
    expect(app.openById(doc.getId()).getName()).toBe('Innstilling');
    expect(() => app.openById('missing')).toThrow(NOT_FOUND);
  });

  it('keeps a readable content model of paragraphs, lists, tables, breaks and rules', () => {
    const doc = app.create('D');
    const body = doc.getBody();
    const title = body.getChild(0).asParagraph();
    title.setText('Innstilling');
    title.setHeading(ParagraphHeading.TITLE);
    const intro = body.appendParagraph('Samlet beløp: 120 000 kr');
    intro.editAsText().setBold(0, 12, true);
    intro.setAlignment(HorizontalAlignment.CENTER);
    body.appendParagraph('Kultur').setHeading(ParagraphHeading.HEADING2);
    body.appendListItem('Korps').setGlyphType(GlyphType.NUMBER);
    body.appendListItem('Kor').setGlyphType(GlyphType.NUMBER).setNestingLevel(1);
    const table = body.appendTable([
      ['Søker', 'Beløp'],
      ['Korps', '50 000'],
    ]);
    table.setBorderWidth(0);
    table.getRow(0).getCell(0).editAsText().setBold(true);
    body.appendPageBreak();
    body.appendHorizontalRule();
    expect(doc.snapshot()).toEqual([
      { type: 'PARAGRAPH', text: 'Innstilling', heading: 'TITLE' },
      {
        type: 'PARAGRAPH',
        text: 'Samlet beløp: 120 000 kr',
        heading: 'NORMAL',
        alignment: 'CENTER',
        bold: ['Samlet beløp:'],
      },
      { type: 'PARAGRAPH', text: 'Kultur', heading: 'HEADING2' },
      { type: 'LIST_ITEM', text: 'Korps', heading: 'NORMAL', glyph: 'NUMBER', nesting: 0 },
      { type: 'LIST_ITEM', text: 'Kor', heading: 'NORMAL', glyph: 'NUMBER', nesting: 1 },
      {
        type: 'TABLE',
        rows: [
          ['Søker', 'Beløp'],
          ['Korps', '50 000'],
        ],
        borderWidth: 0,
      },
      // A section cannot end with a table: Google adds an empty paragraph after it.
      { type: 'PARAGRAPH', text: '', heading: 'NORMAL' },
      { type: 'PARAGRAPH', text: '', heading: 'NORMAL', contains: 'PAGE_BREAK' },
      { type: 'PARAGRAPH', text: '', heading: 'NORMAL', contains: 'HORIZONTAL_RULE' },
    ]);
    expect(app.documents()).toEqual([{ id: doc.getId(), name: 'D', body: doc.snapshot() }]);
  });

  it('answers element types, casts and table reads through the API', () => {
    const body = app.create('D').getBody();
    body.appendListItem('punkt');
    const table = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(body.getType()).toBe(ElementType.BODY_SECTION);
    expect([0, 1, 2, 3].map((i) => String(body.getChild(i).getType()))).toEqual([
      'PARAGRAPH',
      'LIST_ITEM',
      'TABLE',
      'PARAGRAPH',
    ]);
    expect(body.getChild(1).asListItem().getText()).toBe('punkt');
    expect(() => body.getChild(2).asParagraph()).toThrow('Cannot cast TABLE to PARAGRAPH');
    expect(() => body.getChild(4)).toThrow(
      'Child index (4) must be less than the number of child elements (4).',
    );
    expect(table.getNumRows()).toBe(2);
    expect(table.getCell(1, 0).getText()).toBe('c');
    expect(table.getRow(1).getNumCells()).toBe(2);
    expect(() => table.getCell(0, 2)).toThrow('Child index (2)');
    table.getCell(1, 1).setText('D').setBackgroundColor('#eeeeee');
    expect(body.getChild(2).asTable().getRow(1).getText()).toBe('c\nD');
    expect(body.getText()).toBe('\npunkt\na\nb\nc\nD\n');
  });

  it('formats text by inclusive offsets and rejects offsets outside the text', () => {
    const paragraph = app.create('D').getBody().appendParagraph('abcdef');
    paragraph.editAsText().setItalic(true).setItalic(2, 3, false).setBold(5, 5, true);
    expect(app.documents()[0]?.body[1]).toMatchObject({ italic: ['ab', 'ef'], bold: ['f'] });
    expect(() => paragraph.editAsText().setBold(4, 6, true)).toThrow('Invalid offsets');
    expect(() => paragraph.editAsText().setBold(3, 2, true)).toThrow('Invalid offsets');
    paragraph.setText('ny');
    expect(app.documents()[0]?.body[1]).toEqual({ type: 'PARAGRAPH', text: 'ny', heading: 'NORMAL' });
  });

  it('rejects tables that are not rectangles of strings, and the forms the fake lacks', () => {
    const body = app.create('D').getBody();
    expect(() => body.appendTable([['a'], ['b', 'c']])).toThrow('rectangle of strings');
    expect(() => body.appendTable([[1 as unknown as string]])).toThrow('rectangle of strings');
    expect(() => body.appendTable([])).toThrow('rectangle of strings');
    expect(() => body.appendTable()).toThrow('supports appendTable(cells) only');
    expect(() => body.appendParagraph(body.getChild(0))).toThrow('supports appendParagraph(text) only');
    expect(body.getNumChildren()).toBe(1);
  });

  it('removes children but never the last paragraph, and clear() keeps one', () => {
    const body = app.create('D').getBody();
    body.appendParagraph('innhold');
    body.getChild(0).removeFromParent();
    expect(body.getText()).toBe('innhold');
    expect(() => body.getChild(0).removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
    body.appendParagraph('mer');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  it('refuses changes through a handle after saveAndClose, until reopened', () => {
    const doc = app.create('D');
    const body = doc.getBody();
    body.appendParagraph('før');
    doc.saveAndClose();
    expect(() => body.appendParagraph('etter')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
    expect(body.getText()).toBe('\nfør');
    app.openById(doc.getId()).getBody().appendParagraph('etter');
    expect(body.getText()).toBe('\nfør\netter');
  });

  it('counts documents created against the daily quota and every call', () => {
    const small = new FakeDocumentApp(env, 2);
    small.create('a').getBody().appendParagraph('x').setHeading(ParagraphHeading.HEADING1);
    small.create('b');
    expect(() => small.create('c')).toThrow('Service invoked too many times for one day: docs create.');
    expect(env.calls.snapshot()).toEqual({
      'Body.appendParagraph': 1,
      'Document.getBody': 1,
      'DocumentApp.create': 3,
      'Paragraph.setHeading': 1,
    });
    env.execution.mode = 'customFunction';
    expect(() => small.openById('x')).toThrow('You do not have permission to call DocumentApp.openById');
  });
});
