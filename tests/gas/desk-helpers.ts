import { createHmac } from 'node:crypto';
import { QUESTIONS, questionTitle } from '../../src/core/intake/application-form';
import { DEFAULT_SETTINGS } from '../../src/core/workbook/settings';
import { MEMBERS_SHEET } from '../../src/core/workbook/contract';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import type { FakeForm, SubmittedResponse } from './fakes/form-app';
import { loadBundle, type SandboxOptions } from './sandbox';

export const SECRETARY = 'sekretariat@example.no';
export const LEADER = 'leder@example.no';

/** The built bundle with the example workbook of SSU 18-2025 and the user as a secretariat member. */
export function deskWith(values = exampleWorkbook(), options: SandboxOptions = {}) {
  const sb = loadBundle({ activeUser: SECRETARY, ...options });
  for (const [name, rows] of Object.entries(values)) sb.spreadsheet.addSheet(name, rows);
  sb.spreadsheet.addSheet(
    MEMBERS_SHEET.name,
    sheetRows(MEMBERS_SHEET, [
      { name: 'Sekretariatet', email: SECRETARY, role: 'Sekretariat', organisation: 'SSHF' },
      { name: 'Leder', email: LEADER, role: 'Leder', organisation: 'SSHF' },
      { name: 'Leser', email: 'leser@example.no', role: 'Leser', organisation: 'Kommune' },
    ]),
  );
  sb.calls.reset();
  return sb;
}

export type Desk = ReturnType<typeof deskWith>;

/** Spreadsheet service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList and friends). */
export function sheetCalls(sb: Desk): number {
  return Object.entries(sb.calls.snapshot())
    .filter(([k]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|DataValidation|Protection)/.test(k))
    .reduce((s, [, n]) => s + n, 0);
}

/** Column index (0-based) of a header in a sheet's first row. */
export function colOf(sb: Desk, sheet: string, header: string): number {
  return (sb.spreadsheet.sheetData(sheet).values[0] as unknown[]).indexOf(header);
}

/** A complete, valid set of answers as Google's namedValues (title → [answer]). */
export function answers(
  overrides: Record<string, string> = {},
  stamp = '23.11.2026 10:00:00',
): Record<string, string[]> {
  const base: Record<string, string> = {
    title: 'Felles akutteam',
    applicant: 'Lister-kommunene',
    category: 'Innovasjon/prosjekt',
    type: 'Ny søknad',
    region: 'Lister',
    priorityAreas: 'Barn og unge, Svangerskap, fødsel og barsel',
    municipalities: 'Flekkefjord, Kvinesdal',
    hospital: 'Ja',
    agreement: 'Ja',
    contract: 'Nei',
    need: 'Behov',
    knowledgeBase: 'Kunnskap',
    innovation: 'Ny metode',
    benefitPlan: 'Færre innleggelser',
    from: '2027-01',
    to: '2027-12',
    requested: '400000',
    budget: 'Lønn: 300 000\nDrift: 100 000',
    ownMunicipality: '100000',
    ownHospital: '',
    permanentCosts: 'Nei',
    email: 'prosjekt@example.no',
    ...overrides,
  };
  const named: Record<string, string[]> = { Tidsmerke: [stamp] };
  for (const q of QUESTIONS) named[questionTitle(q, DEFAULT_SETTINGS).nb] = [base[q.key] ?? ''];
  return named;
}

/**
 * The application form of the desk: made through the menu (published, linked, triggers installed by the
 * secretariat member) the first time it is asked for.
 */
export function formOf(sb: Desk): FakeForm {
  const made = [...sb.fakes.FormApp.forms.values()].at(-1);
  if (made) return made;
  sb.ui.answerAlert();
  sb.call('createForm');
  const form = [...sb.fakes.FormApp.forms.values()].at(-1);
  if (!form) throw new Error(`createForm made no form: ${sb.ui.alerts.at(-1)?.prompt}`);
  return form;
}

/**
 * An applicant sends the form: the response lands in the response sheet, then the form-submit trigger
 * runs. The timestamp is the fake clock's, one second on per response, so each response is its own.
 * `answers` may hold a `Tidsmerke` (as Google's namedValues do); it is not a question and is dropped.
 */
export function submit(sb: Desk, named: Record<string, string[]>): SubmittedResponse {
  const form = formOf(sb);
  sb.clock.advance(1000);
  const answers = Object.fromEntries(Object.entries(named).filter(([title]) => title !== 'Tidsmerke'));
  const response = form.submit(answers);
  if (!response) throw new Error('the form has no response sheet');
  return response;
}

/**
 * The code the status form's link carries for a case, as the reminder's link fills it in (the keyed hash
 * of src/gas/platform/signing.ts, from the key in the document properties); '' while no key exists.
 */
export function statusCodeOf(sb: Desk, caseId: string): string {
  const key = sb.fakes.PropertiesService.getDocumentProperties().getProperty('tilskudd.secret');
  if (!key) return '';
  return `k${createHmac('sha256', key).update(`status\u0000${caseId}`, 'utf8').digest('hex').slice(0, 20)}`;
}
