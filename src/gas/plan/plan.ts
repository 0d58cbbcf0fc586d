import { buildPlanReview, requirePlan } from '../../core/documents/plan-review';
import { readPlan, readPlanHistory, type Plan } from '../../core/plan/records';
import { checkWorkbook } from '../../core/check/check';
import {
  ACTION_PLAN,
  PLAN_HISTORY,
  REGIONAL_INPUT,
  columnLetter,
  mapHeaders,
} from '../../core/workbook/contract';
import { readRegionalInput } from '../../core/plan/regional-input';
import { LIGHT_FILL, PLAIN_TEXT, sheetColor } from '../../core/workbook/presentation';
import { PLAN_LIGHTS, idsOf, wordsOf } from '../../core/workbook/vocabulary';
import { todayIn, withDesk, type Desk } from '../platform/desk';
import { publishDocuments, showLinks } from '../documents/documents';
import { ask } from '../documents/documents-menu';
import { tilskuddError } from '../../core/base/errors';
import { parseDay } from '../../core/parse/period';
import { appendLog } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';
import {
  appendRows,
  wrote,
  dayCell,
  rowFor,
  sheetWithHeader,
  type Sheet,
  type SheetIndex,
  type Spreadsheet,
} from '../platform/sheets';

/**
 * The action plan in the sheet: *Nummerer handlingsplanen* writes the numbers the product assigns into
 * `Nr` (one write of the column), *Lagre vurdering* appends a snapshot of every measure to
 * `Handlingsplan-historikk` (one write), *Lag årlig gjennomgang* writes the review to Google Docs.
 * Call counts do not grow with the plan's rows.
 */
export const PLAN_TEXT = {
  number: { nb: 'Nummerer handlingsplanen', en: 'Number the action plan' },
  review: { nb: 'Lagre vurdering', en: 'Save review' },
  document: { nb: 'Lag årlig gjennomgang', en: 'Write annual plan review' },
} as const;

/**
 * One conditional-format rule per light of the plan, colouring every word the reader takes for it (the
 * vocabulary's words, lower case), in the light's tint.
 */
const lightRules = () =>
  idsOf(PLAN_LIGHTS).map((id) => ({ words: wordsOf(PLAN_LIGHTS, id), color: sheetColor(LIGHT_FILL[id]) }));

const lightFormula = (letter: string, words: string[]) =>
  `=REGEXMATCH(LOWER(TRIM(${letter}2)),"^(${words.map(escapeRegex).join('|')})$")`;
const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Our own rules are known by their formula, so set-up replaces them and keeps everyone else's. */
const OWN_RULE = /^=REGEXMATCH\(LOWER\(TRIM\([A-Z]+2\)\),"\^\((grønn|gul|rød|venter)\|/;

interface PlanSheet {
  sheet: Sheet;
  values: unknown[][];
  plan: Plan;
}

/** The plan sheet read once (one getValues). */
function planSheet(ss: Spreadsheet, sheets: SheetIndex, found?: Sheet): PlanSheet {
  const sheet = found ?? sheets.require(ACTION_PLAN);
  const values = sheets.values(sheet);
  const plan = readPlan({ [sheets.nameOf(sheet)]: values })!;
  return { sheet, values, plan };
}

/**
 * Writes the assigned numbers into `Nr`, adding the column after the last one when it is missing. The
 * column is written whole in one call, every given number as it was; it is formatted as text first, so
 * Sheets does not read `1.2` as a number or a date.
 */
export function writeNumbers({ sheet, values, plan }: PlanSheet): number {
  const assigned = plan.items.filter((i) => i.assigned);
  if (assigned.length === 0 || values.length < 2) return 0;
  let col = plan.columns.nr;
  if (col === undefined) {
    col = Math.max(values[0]!.length, sheet.getLastColumn());
    sheet.getRange(1, col + 1).setValue(ACTION_PLAN.fields[0]!.header);
  }
  const byRow = new Map(assigned.map((i) => [i.row, i.number]));
  const column = values.slice(1).map((row, r) => [byRow.get(r + 2) ?? row[col] ?? '']);
  const range = sheet.getRange(2, col + 1, column.length, 1);
  range.setNumberFormat(PLAIN_TEXT);
  range.setValues(column);
  wrote(sheet);
  return assigned.length;
}

/** Set-up of the plan sheet: conditional formatting of the lights, `Nr` as text, and the numbering applied. */
export function preparePlanSheet(ss: Spreadsheet, sheets: SheetIndex, sheet: Sheet): void {
  const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0]!;
  const columns = mapHeaders(ACTION_PLAN, header);
  const status = columns.status!;
  const letter = columnLetter(status + 1);
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const range = sheet.getRange(2, status + 1, rows, 1);
  // `Nr` as text down the whole column: typed into a number cell, 1.10 is read as 1.1 (and in a
  // Norwegian sheet 1.2 as 1 February).
  if (columns.nr !== undefined) sheet.getRange(2, columns.nr + 1, rows, 1).setNumberFormat(PLAIN_TEXT);
  const others = sheet.getConditionalFormatRules().filter((rule) => {
    const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !OWN_RULE.test(String(values[0] ?? ''));
  });
  const ours = lightRules().map(({ words, color }) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(lightFormula(letter, words))
      .setBackground(color)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...others, ...ours]);
  writeNumbers(planSheet(ss, sheets, sheet));
}

export function numberPlanMenu(): void {
  withDesk(
    (desk) => {
      const n = writeNumbers(planSheet(desk.ss, desk.sheets));
      if (n > 0) appendLog(desk.sheets, desk.user, [{ action: PLAN_TEXT.number.nb, after: `${n} rader` }]);
      desk.ss.toast(
        desk.lang === 'nb'
          ? n === 0
            ? 'Alle rader har nummer allerede.'
            : `${n} rader fikk nummer. Ingen andre numre er endret.`
          : n === 0
            ? 'Every row has a number already.'
            : `${n} rows were numbered. No other number changed.`,
        PLAN_TEXT.number[desk.lang],
      );
    },
    { action: 'plan' },
  );
}

/** Numbers the plan first (so the snapshot's numbers stay), then appends one row per measure. */
export function saveReview(desk: Desk): number {
  const read = planSheet(desk.ss, desk.sheets);
  writeNumbers(read);
  const today = todayIn(desk.ss, desk.sheets);
  // The spreadsheet's own day, so that it shows and reads back as today west of UTC too.
  const date = dayCell(today, desk.sheets.timeZone());
  const target = sheetWithHeader(desk.sheets, PLAN_HISTORY);
  const rows = read.plan.items
    .filter((i) => i.level === 3 && i.number !== '')
    .map((i) =>
      rowFor(PLAN_HISTORY, target.header, {
        date,
        nr: i.number,
        status: i.statusText,
        comment: i.comment,
      }),
    );
  // Nr as text: in a Norwegian sheet Sheets reads the string 1.2.3 as a date (1 February 2003).
  const nr = mapHeaders(PLAN_HISTORY, target.header).nr;
  if (nr !== undefined && rows.length > 0)
    target.sheet.getRange(target.rows + 1, nr + 1, rows.length, 1).setNumberFormat(PLAIN_TEXT);
  appendRows(target.sheet, target.rows, rows);
  appendLog(desk.sheets, desk.user, [
    { action: PLAN_TEXT.review.nb, after: `${rows.length} tiltak, ${today.toISOString().slice(0, 10)}` },
  ]);
  return rows.length;
}

export function saveReviewMenu(): void {
  withDesk(
    (desk) => {
      const n = saveReview(desk);
      desk.ss.toast(
        desk.lang === 'nb'
          ? `Vurderingen av ${n} tiltak er lagret i «${PLAN_HISTORY.name}».`
          : `The review of ${n} measures is saved in "${PLAN_HISTORY.name}".`,
        PLAN_TEXT.review[desk.lang],
      );
    },
    { action: 'plan' },
  );
}

export function planReviewMenu(): void {
  withDesk(
    (desk) => {
      const today = todayIn(desk.ss, desk.sheets);
      const title = PLAN_TEXT.document[desk.lang];
      const nb = desk.lang === 'nb';
      // The board case around the review, as the status report asks it: the meeting and the case number.
      const meeting = ask(
        desk,
        title,
        nb ? 'Møtedato (f.eks. 04.12.2025; tomt: i dag):' : 'Meeting date (e.g. 2025-12-04; empty: today):',
      );
      if (meeting === null) return;
      const meetingDay = meeting === '' ? { ok: true as const, value: today } : parseDay(meeting);
      if (!meetingDay.ok)
        throw tilskuddError(`Møtedato: ${meetingDay.reason.nb}.`, `Meeting date: ${meetingDay.reason.en}.`);
      const caseNumber = ask(
        desk,
        title,
        nb ? 'Saksnummer i møtet (f.eks. 30-2025):' : 'Case number (e.g. 30-2025):',
      );
      if (caseNumber === null) return;
      const read = readWorkbook(desk.ss, desk.sheets);
      // The saved reviews and the regions' input: sheets the check does not read, one read each when present.
      const extra: Record<string, unknown[][]> = {};
      for (const spec of [PLAN_HISTORY, REGIONAL_INPUT]) {
        const sheet = desk.sheets.find(spec);
        if (sheet) extra[spec.name] = desk.sheets.values(sheet);
      }
      const result = checkWorkbook(read.values, { today });
      requirePlan(result);
      const model = buildPlanReview(
        result,
        { history: readPlanHistory(extra), input: readRegionalInput(extra) },
        {
          date: today,
          meetingDate: meetingDay.value.toISOString().slice(0, 10),
          caseNumber: caseNumber || undefined,
          lang: desk.lang,
        },
      );
      const key = `plan-review:${today.toISOString().slice(0, 10)}`;
      const settings = result.portfolio.settings;
      showLinks(desk, title, publishDocuments(desk, settings, [{ key, model }]), settings);
    },
    { action: 'documents', lock: false },
  );
}
