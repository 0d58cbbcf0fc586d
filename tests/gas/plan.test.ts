import { shownFill } from './shown-fill';
import { ACTION_PLAN } from '../../src/core/workbook/contract';
import { parseLight } from '../../src/core/plan/records';
import { PLAN_LIGHTS, idsOf, wordsOf } from '../../src/core/workbook/vocabulary';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { EXAMPLE_PLAN } from '../../src/example/agder-plan';
import { loadBundle } from './sandbox';
import { LEADER, SECRETARY, colOf, deskWith, sheetCalls, type Desk } from './desk-helpers';
import type { FakeConditionalFormatRule } from './fakes/conditional-format';

const PLAN = ACTION_PLAN.name;
const nrColumn = (sb: Desk) => {
  const values = sb.spreadsheet.sheetData(PLAN).values;
  const col = colOf(sb, PLAN, 'Nr');
  return values.slice(1).map((r) => r[col]);
};

/** The example with the plan repeated `times` (numbers left empty: the product assigns them). */
function planOf(times: number): Record<string, unknown[][]> {
  const values = exampleWorkbook();
  values[PLAN] = sheetRows(ACTION_PLAN, Array.from({ length: times }, () => EXAMPLE_PLAN).flat());
  return values;
}

describe('Nummerer handlingsplanen', () => {
  it('numbers the empty rows, keeps the given numbers, and writes the column as text in one call', () => {
    const values = exampleWorkbook();
    const nr = ACTION_PLAN.fields.findIndex((f) => f.key === 'nr');
    // A user numbered the second goal 1.7 by hand: it is kept, and the goals without a number get the
    // next free numbers after it (1.8 for the first, above it), so no number is ever given twice.
    values[PLAN]![4]![nr] = '1.7';
    const sb = deskWith(values);
    sb.call('numberPlan');
    const numbers = nrColumn(sb);
    expect(numbers.slice(0, 8)).toEqual(['1', '1.8', '1.8.1', '1.7', '1.7.1', '1.9', '1.9.1', '1.10']);
    // The Nr column, and the new Logg sheet's header and entry in one write.
    expect(sb.calls.count('Range.setValues')).toBe(2);
    const data = sb.spreadsheet.sheetData(PLAN);
    expect(data.numberFormats[1]![colOf(sb, PLAN, 'Nr')]).toBe('@');
    expect(sb.ui.toasts.at(-1)!.message).toMatch(/29 rader fikk nummer/);
    sb.calls.reset();
    sb.call('numberPlan');
    expect(nrColumn(sb)).toEqual(numbers);
    expect(sb.calls.count('Range.setValues')).toBe(0);
    expect(sb.ui.toasts.at(-1)!.message).toBe('Alle rader har nummer allerede.');
  });

  it('adds the Nr column after the last one when the sheet has none', () => {
    const values = exampleWorkbook();
    values[PLAN] = values[PLAN]!.map((row) => row.slice(1));
    const sb = deskWith(values);
    const width = (values[PLAN]![0] as unknown[]).length;
    sb.call('numberPlan');
    expect(sb.spreadsheet.sheetData(PLAN).values[0]![width]).toBe('Nr');
    expect(nrColumn(sb).slice(0, 3)).toEqual(['1', '1.1', '1.1.1']);
  });

  it('makes the same Spreadsheet calls for a plan of 30 and of 300 rows', () => {
    const counts = [1, 10].map((times) => {
      const sb = deskWith(planOf(times));
      sb.call('numberPlan');
      return sheetCalls(sb);
    });
    expect(counts[1]).toBe(counts[0]);
  });

  it('is refused to a reader, writing nothing', () => {
    const sb = deskWith(undefined, { activeUser: 'leser@example.no' });
    sb.ui.answerAlert();
    sb.call('numberPlan');
    expect(sb.ui.alerts[0]!.prompt).toMatch(/endre handlingsplanen/);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });
});

describe('Lagre vurdering', () => {
  it('numbers the plan and appends one snapshot row per measure, dated today', () => {
    const sb = deskWith();
    sb.call('savePlanReview');
    const history = sb.spreadsheet
      .sheetData('Handlingsplan-historikk')
      .values.filter((r) => r.some((v) => v !== ''));
    expect(history[0]).toEqual(['Dato', 'Nr', 'Status', 'Kommentar']);
    // The example already holds last year's review of its 15 measures; this adds today's 15.
    expect(history).toHaveLength(1 + 15 + 15);
    const today = history.at(-1)!;
    expect(today.slice(1)).toEqual(['3.3.1', 'Gul', expect.stringMatching(/Fylkeskommunedirektøren/)]);
    // Nr written as text: in a Norwegian sheet Sheets reads a string such as 1.2.3 as a date (1 February 2003).
    const formats = sb.spreadsheet.sheetData('Handlingsplan-historikk').numberFormats;
    expect(formats[history.length - 1]![1]).toBe('@');
    expect(formats[history.length - 15]![1]).toBe('@');
    expect(nrColumn(sb)[0]).toBe('1');
    expect(sb.ui.toasts.at(-1)!.message).toMatch(/Vurderingen av 15 tiltak er lagret/);
  });

  it('dates written as UTC midnight show the day before west of UTC: the review is dated the day it is in New York', () => {
    // 19 November 2025, 10:00 in New York (15:00 UTC).
    const sb = deskWith(exampleWorkbook(), {
      now: Date.UTC(2025, 10, 19, 15),
      timeZone: 'America/New_York',
    });
    sb.call('savePlanReview');
    const sheet = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Handlingsplan-historikk')!;
    const last = sheet.getRange(sheet.getLastRow(), 1).getDisplayValue();
    expect(last).toMatch(/^(2025-11-19|19\.11\.2025)\b/); // not 18 November 19:00
    // Read back in the spreadsheet's zone, the day the annual review compares against.
    expect(sheet.getRange(sheet.getLastRow(), 1).getValue()).toEqual(new Date(Date.UTC(2025, 10, 19, 5)));
  });

  it('makes the same Spreadsheet calls for 30 and 300 rows', () => {
    const counts = [1, 10].map((times) => {
      const sb = deskWith(planOf(times));
      sb.call('savePlanReview');
      return sheetCalls(sb);
    });
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('Lag årlig gjennomgang (Google Docs)', () => {
  it('writes the review as a board case, with the lights coloured and written out', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('04.12.2025').answerPrompt('30-2025');
    sb.call('createPlanReview');
    // The content, then the footer's text (its id comes in the reply to createFooter), as the memo's.
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBe(2);
    const snap = sb.fakes.Docs.Documents.snapshot('fake-doc-1');
    expect(snap[0]).toMatchObject({ type: 'paragraph', text: 'Årlig gjennomgang av handlingsplanen' });
    const tables = snap.filter((x) => x.type === 'table');
    const matrix = tables.at(-1)!;
    if (matrix.type !== 'table') throw new Error('no matrix');
    const row = matrix.rows.findIndex((r) => r[0] === '3.1.2');
    expect(matrix.rows[row]!.at(-1)).toBe('Rød');
    expect(matrix.fills![row]!.at(-1)).toBe('F4C7C3');
    const green = matrix.rows.findIndex((r) => r[0] === '3.2.1');
    expect([matrix.rows[green]!.at(-1), matrix.fills![green]!.at(-1)]).toEqual(['Grønn', 'B7E1CD']);
    // Changes since the example's earlier (illustrative) review.
    const text = snap.map((x) =>
      x.type === 'paragraph' ? x.text : x.rows.map((r) => r.join(' | ')).join('\n'),
    );
    expect(text.join('\n')).toMatch(/3\.1\.1 \| Kommunikasjonsgruppe for Helsefellesskapet \| Gul \| Grønn/);
    // The header from the two questions, and the regions' input from the example's `Innspill` sheet.
    expect(text.join('\n')).toContain('Møtedato | 04.12.2025\nSaksnummer | 30-2025');
    expect(text.join('\n')).toMatch(/Innspill: Setesdal \| Gul: Digitale samtalerom/);
    // The matrix is on a page of its own, turned to landscape.
    expect(sb.fakes.Docs.Documents.sections('fake-doc-1')).toEqual([true]);
  });

  it('rewrites the same document in place when the plan changed', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('').answerPrompt('');
    sb.call('createPlanReview');
    const status = colOf(sb, PLAN, 'Status');
    sb.spreadsheet
      .sheet(PLAN)
      .getRange(4, status + 1)
      .setValue('Grønn');
    sb.calls.reset();
    sb.ui.answerPrompt('').answerPrompt('');
    sb.call('createPlanReview');
    expect(sb.calls.count('Docs.Documents.create')).toBe(0);
    expect(sb.calls.count('Docs.Documents.batchUpdate')).toBe(1);
    expect(sb.fakes.Docs.Documents.sections('fake-doc-1')).toEqual([true]);
    expect(sb.ui.html.at(-1)!.content).toContain('(oppdatert)');
  });

  it('makes the same Spreadsheet and Docs calls for 30 and 300 rows', () => {
    const counts = [1, 10].map((times) => {
      const sb = deskWith(planOf(times));
      sb.ui.answerPrompt('').answerPrompt('');
      sb.call('createPlanReview');
      return { sheets: sheetCalls(sb), docs: sb.calls.total('Docs.') };
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('the plan in set-up and in the check', () => {
  // The lights' rules: the check's highlight rules (sheet-safety.test.ts) come first and are left out.
  const own = (sb: Desk) =>
    (sb.spreadsheet.sheet(PLAN).getConditionalFormatRules() as unknown as FakeConditionalFormatRule[])
      .map((r) => r.condition)
      .filter((c) => !String(c.values[0]).includes('INDIRECT'));

  it('sets up Handlingsplan with dropdowns and one colour rule per light, keeping a user rule, twice alike', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.call('setupWorkbook');
    const data = sb.spreadsheet.sheetData(PLAN);
    expect(data.values[0]).toEqual(ACTION_PLAN.fields.map((f) => f.header));
    const status = data.values[0]!.indexOf('Status');
    expect(data.validations[1]![status]!.getCriteriaValues()[0]).toEqual(['Grønn', 'Gul', 'Rød', 'Venter']);
    const rules = own(sb);
    expect(rules.map((c) => [c.values[0], c.background])).toEqual([
      [expect.stringMatching(/^=REGEXMATCH\(LOWER\(TRIM\(I2\)\),"\^\(grønn\|.*gjennomført/), '#b7e1cd'],
      [expect.stringMatching(/"\^\(gul\|.*pågående/), '#fce8b2'],
      [expect.stringMatching(/"\^\(rød\|.*ikke påbegynt/), '#f4c7c3'],
      [expect.stringMatching(/"\^\(venter\|/), '#d9d9d9'],
    ]);
    // A rule of the user's own survives set-up; ours are replaced, not added twice.
    const sheet = sb.spreadsheet.sheet(PLAN);
    const mine = sb.fakes.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2="Tiltak"')
      .setBackground('#ffffff')
      .setRanges([sheet.getRange('A2:L')])
      .build();
    sheet.setConditionalFormatRules([mine, ...sheet.getConditionalFormatRules()]);
    sb.call('setupWorkbook');
    expect(own(sb).map((c) => c.values[0])).toEqual(['=$B2="Tiltak"', ...rules.map((c) => c.values[0])]);
    // The highlights first (a finding's colour over a light's), once.
    const all = sheet
      .getConditionalFormatRules()
      .map((r) => String(r.getBooleanCondition()!.getCriteriaValues()[0]));
    expect(all.map((f) => f.includes('INDIRECT'))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('colours every word the reader takes for a light in that light: «started» is yellow', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.call('setupWorkbook');
    // Each rule as Sheets evaluates it: REGEXMATCH on the lower-cased, trimmed cell.
    const rules = own(sb).map((c) => {
      const pattern = /REGEXMATCH\(LOWER\(TRIM\([A-Z]+2\)\),"(.*)"\)$/.exec(String(c.values[0]))![1]!;
      return { regex: new RegExp(pattern), background: c.background };
    });
    const colourOf = (word: string) => rules.filter((r) => r.regex.test(word)).map((r) => r.background);
    expect(colourOf('started')).toEqual(['#fce8b2']);
    expect(parseLight('Started')).toBe('yellow');
    const expected = { green: '#b7e1cd', yellow: '#fce8b2', red: '#f4c7c3', waiting: '#d9d9d9' };
    for (const id of idsOf(PLAN_LIGHTS)) {
      for (const word of wordsOf(PLAN_LIGHTS, id)) {
        expect([word, parseLight(word)]).toEqual([word, id]);
        expect([word, colourOf(word)]).toEqual([word, [expected[id]]]);
      }
    }
  });

  it('sets up the whole Nr column as text, so a number typed later (1.10) is not read as 1.1', () => {
    const sb = loadBundle({ activeUser: SECRETARY });
    sb.call('setupWorkbook');
    const sheet = sb.spreadsheet.sheet(PLAN);
    const cell = sheet.getRange(40, colOf(sb, PLAN, 'Nr') + 1);
    cell.setValue('1.10');
    expect(cell.getValue()).toBe('1.10');
  });

  it('numbers an existing plan at set-up', () => {
    const sb = deskWith(undefined, { activeUser: LEADER });
    sb.call('setupWorkbook');
    expect(nrColumn(sb).slice(0, 3)).toEqual(['1', '1.1', '1.1.1']);
  });

  it('checks the plan: its findings in Avvik with the measure number, the cell highlighted', () => {
    const values = exampleWorkbook();
    const owner = ACTION_PLAN.fields.findIndex((f) => f.key === 'owner');
    values[PLAN]![3]![owner] = '';
    const sb = deskWith(values);
    sb.call('checkPortfolio');
    const avvik = sb.spreadsheet.sheetData('Avvik').values;
    const row = avvik.find((r) => r[0] === 'measure-owner-missing')!;
    expect(row.slice(2)).toEqual([
      '1.1.1',
      expect.stringMatching(/^Tiltak 1\.1\.1 \(Handlingsplan rad 4, «Ansvarlig»\)/),
      `${PLAN}!D4`,
    ]);
    expect(shownFill(sb, PLAN, 4, owner + 1)).toBe('#fce8b2');
  });
});
