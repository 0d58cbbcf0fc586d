import { layoutDocument, TEXT_WIDTH } from '../../../src/core/documents/layout';
import { toMarkdown } from '../../../src/core/documents/text';
import { readPlanHistory } from '../../../src/core/plan/records';
import { buildPlanReview } from '../../../src/core/documents/plan-review';
import { readRegionalInput } from '../../../src/core/plan/regional-input';
import { checkWorkbook } from '../../../src/core/check/check';
import { ACTION_PLAN, PLAN_HISTORY } from '../../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../../src/example/agder';
import { day, TODAY } from '../builders';

/** The review of the example, as the CLI and the menu build it. */
function review(date: Date, edit: (values: Record<string, unknown[][]>) => void = () => {}) {
  const values = exampleWorkbook();
  edit(values);
  const result = checkWorkbook(values, { today: date });
  return buildPlanReview(
    result,
    { history: readPlanHistory(values), input: readRegionalInput(values) },
    { date },
  );
}

describe('the annual review of the action plan', () => {
  it('uses the focus area comment as its summary, else a sentence from the counts', () => {
    expect(toMarkdown(review(TODAY))).toMatch(
      /\*\*Kort oppsummering:\*\* Fremkommer i hovedsak på grønt og gult nivå\. Rødt nivå: 3\.1\.2\./,
    );
    const md = toMarkdown(
      review(TODAY, (v) => {
        const comment = ACTION_PLAN.fields.findIndex((f) => f.key === 'comment');
        for (const row of v[ACTION_PLAN.name]!.slice(1)) if (row[1] === 'Fokusområde') row[comment] = '';
      }),
    );
    expect(md).toMatch(
      /Kort oppsummering:\*\* Fokusområdet fremkommer i stor grad på rødt nivå\. Rødt nivå: 2\.1\.1/,
    );
    expect(md).toMatch(
      /Fokusområdet fremkommer i hovedsak på grønt og gult nivå, med enkelte tiltak på rødt\./,
    );
  });

  it('compares with the last review saved before its day, not one saved the same day', () => {
    const sameDay = (v: Record<string, unknown[][]>) => {
      v[PLAN_HISTORY.name] = sheetRows(PLAN_HISTORY, [
        { date: TODAY, nr: '3.1.1', status: 'Rød', comment: '' },
      ]);
    };
    const md = toMarkdown(review(TODAY, sameDay));
    // A board document states the fact; how to save a review is the secretariat's business (docs, menu).
    expect(md).toMatch(/Det finnes ingen tidligere lagret gjennomgang å sammenligne med\./);
    expect(md).not.toMatch(/Tilskudd ›|Velg /);
    const later = toMarkdown(review(day('2026-12-02'), sameDay));
    expect(later).toMatch(/## Endringer siden forrige gjennomgang \(01\.12\.2026\)/);
    // The snapshot held only 3.1.1: the others are new since then.
    expect(later).toMatch(/\| 3\.1\.1 \| Kommunikasjonsgruppe for Helsefellesskapet \| Rød \| Grønn \|/);
    expect(later).toMatch(/\| 1\.1\.1 \| Prosjekt Akuttmedisinsk kjede \| ny \| Gul \|/);
  });

  it('puts the matrix on a landscape section laid out at its width, compact', () => {
    const doc = review(TODAY);
    const section = doc.blocks.findIndex((b) => b.type === 'section');
    expect(doc.blocks[section]).toEqual({ type: 'section', landscape: true });
    const layout = layoutDocument(doc);
    const matrix = layout.tables.at(-1)!;
    expect(matrix.fontSize).toBe(7.5);
    expect(Math.round(matrix.widths.reduce((a, b) => a + b, 0))).toBe(TEXT_WIDTH.landscape);
    // The tables before it keep the portrait page.
    expect(layout.sections).toEqual([{ landscape: false }, { landscape: true }]);
    expect(Math.round(layout.tables[0]!.widths.reduce((a, b) => a + b, 0))).toBe(TEXT_WIDTH.portrait);
    const block = doc.blocks.filter((b) => b.type === 'table').at(-1)!;
    if (block.type !== 'table') throw new Error('no matrix');
    const red = block.rows.findIndex((r) => r[0] === '1.3.1');
    expect([block.rows[red]!.at(-1), block.fills![red]!.at(-1)]).toEqual(['Rød', 'F4C7C3']);
  });

  it('writes English with --lang en', () => {
    const values = exampleWorkbook();
    const result = checkWorkbook(values, { today: TODAY });
    const md = toMarkdown(
      buildPlanReview(result, { history: readPlanHistory(values) }, { date: TODAY, lang: 'en' }),
    );
    expect(md).toMatch(/^# Annual review of the action plan/);
    expect(md).toMatch(/## Measures at red/);
    expect(md).toMatch(/\| 3\.1\.2 \| Felles nettside .* \| Red \|/);
  });
});
