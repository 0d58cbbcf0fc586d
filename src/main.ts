/**
 * The Apps Script entry: only the globals Google calls (menus, triggers, custom functions). Everything
 * here delegates to modules; the build appends a top-level stub with the same JSDoc per export.
 */
import { allocationShare, keyRemaining, yearPart } from './core/money-flow/formulas';
import { hoursCost, positionCost, positionHours } from './core/money-flow/resources';
import { nok, wallClockDates } from './gas/money/custom-functions';
import { agreementMenu, lettersMenu, memoMenu, overviewMenu } from './gas/documents/documents-menu';
import { annualReportMenu, boardStatusMenu } from './gas/documents/follow-up-documents';
import { addMenu, checkMenu, createFormMenu, registerMissingMenu, setupMenu } from './gas/entry/menu';
import { openPage, server } from './gas/entry/sidebars';
import { openSetupWizard as openSetupWizardMenu } from './gas/entry/wizard';
import { aboutMenu } from './gas/entry/about';
import { diagnoseMenu } from './gas/entry/diagnose';
import { previewRemindersMenu } from './gas/follow-up/reminders';
import { createStatusFormMenu } from './gas/follow-up/status-form';
import { createInputFormMenu, regionLinksMenu } from './gas/plan/input-form';
import { approveFinalReportMenu } from './gas/follow-up/closure';
import { routeSubmission, runHourly as hourly } from './gas/entry/router';
import { numberPlanMenu, planReviewMenu, saveReviewMenu } from './gas/plan/plan';
import { protocolMenu } from './gas/decisions/protocol-menu';

/**
 * Adds the Tilskudd menu when the spreadsheet opens (simple trigger). As an editor add-on not yet used in
 * the file (AuthMode.NONE) it builds the menu without reading the document.
 */
export function onOpen(e?: { authMode?: unknown }): void {
  addMenu(e);
}

/** Editor add-on: installed from the Marketplace, the menu appears at once (the file is not reloaded). */
export function onInstall(e?: { authMode?: unknown }): void {
  addMenu(e);
}

/** Menu: the set-up wizard (the settings, then sheets, protections, the form and its trigger). */
export function openSetupWizard(): void {
  openSetupWizardMenu();
}

/**
 * Menu (Leder): checks the forms, their links, the triggers, the lock, the mail quota, stuck intake and
 * the version in live Google; changes nothing and writes a dated report to the Diagnose sheet.
 */
export function runDiagnosis(): void {
  diagnoseMenu();
}

/** Menu: the version, the day it was built, what is new and how to update. */
export function aboutTilskudd(): void {
  aboutMenu();
}

/** Wizard endpoint: the settings it asks, as the workbook holds them. */
export function wizardLoad() {
  return server.wizardLoad();
}

/** Wizard endpoint: checks every setting, then sets up the workbook and writes the settings that change. */
export function wizardSave(values: unknown) {
  return server.wizardSave(values);
}

/** Wizard endpoint: the application form and its trigger, unless the spreadsheet has its form. */
export function wizardForm() {
  return server.wizardForm();
}

/** Menu: creates missing sheets, headers, dropdowns and formats; never moves or deletes data. */
export function setupWorkbook(): void {
  setupMenu();
}

/** Menu: generates the application form and installs its submit trigger. */
export function createForm(): void {
  createFormMenu();
}

/** Menu: runs every rule, writes the Avvik sheet and highlights the cells. */
export function checkPortfolio(): void {
  checkMenu();
}

/** Menu: writes the decision memo for an SSU meeting to Google Docs (updates it when run again). */
export function createMemo(): void {
  memoMenu();
}

/** Menu: writes an award letter per granted project to Google Docs. */
export function createLetters(): void {
  lettersMenu();
}

/** Menu: writes the draft written agreement of one granted project to Google Docs (updates it when run again). */
export function createAgreement(): void {
  agreementMenu();
}

/** Menu: publishes the overview of a year's allocations to Google Docs. */
export function publishOverview(): void {
  overviewMenu();
}

/** Menu: writes the status report to the portfolio board for a date to Google Docs (updates it when run again). */
export function createBoardStatus(): void {
  boardStatusMenu();
}

/** Menu: writes the annual report (årlig melding) for a budget year to Google Docs. */
export function createAnnualReport(): void {
  annualReportMenu();
}

/** An earlier version's status-form trigger: forwards to the one form-submit trigger (`onFormSubmit`). */
export function onStatusFormSubmit(e: unknown): void {
  routeSubmission(e);
}

/** Menu: generates the status form (half-yearly and final reports) and installs the document's triggers. */
export function createStatusForm(): void {
  createStatusFormMenu();
}

/** Menu: generates the regions' input form to the action plan (`Innspill`) and installs the document's triggers. */
export function createInputForm(): void {
  createInputFormMenu();
}

/** Menu: each region's own link to the input form (the region prefilled with its code). */
export function showRegionLinks(): void {
  regionLinksMenu();
}

/** An earlier version's daily reminder trigger: forwards to the hourly trigger (`runHourly`). */
export function sendReminders(e: unknown): void {
  hourly(e);
}

/**
 * Time-driven trigger (hourly): registers every form response not yet registered, then, from 07:00 in
 * the spreadsheet's zone, e-mails the reminders that are due, each step once, within the quota.
 */
export function runHourly(e: unknown): void {
  hourly(e);
}

/** Menu (the chair): approves the selected project's final report, closes it, proposes the withdrawal. */
export function approveFinalReport(): void {
  approveFinalReportMenu();
}

/** Menu: shows what the next reminder run would send, sending nothing. */
export function showReminders(): void {
  previewRemindersMenu();
}

/**
 * Installable trigger (the spreadsheet's one form-submit trigger, fired for every linked form): registers
 * the response of its event, exactly once, in the journal whose response sheet holds it (applications,
 * status reports). Any other call, or event, writes nothing.
 */
export function onFormSubmit(e: unknown): void {
  routeSubmission(e);
}

/**
 * Menu: registers every form response not yet registered. As an earlier version's hourly trigger it
 * forwards to `runHourly`.
 */
export function registerMissingResponses(e?: unknown): void {
  registerMissingMenu(e);
}

/**
 * Leser et beløp skrevet på norsk (f.eks. «kr 1 060 000,-», «9,16 mill.») som et tall i kroner.
 * Reads a Norwegian-formatted amount as a number in NOK. Works on a whole range.
 *
 * @param {string|Array<Array<string>>} amount Beløp eller område med beløp / amount or range of amounts
 * @return {number|Array<Array<number>>} Beløpet i kroner / the amount in NOK
 * @customfunction
 */
export function NOK(amount: unknown): unknown {
  return nok(amount);
}

/**
 * Andelen av totalen som radene i en kategori utgjør. Share of the total that rows of a category add up to.
 * Beløp kan være tekst som «1 060 000 kr»; tomme rader telles ikke. Gir en kolonne når kategori er et område.
 *
 * @param {Array<Array<number|string>>} amounts Beløpene / the amounts
 * @param {Array<Array<string>>} categories Kategorien per rad / the category of each row
 * @param {string|Array<Array<string>>} category Kategorien (eller et område av kategorier) / the category, or a range of them
 * @param {number} [total] Totalen andelen regnes av; standard summen av beløpene / the total; default the sum of the amounts
 * @return {number|Array<Array<number>>} Andelen (0–1) / the share (0–1)
 * @customfunction
 */
export function ALLOCATION_SHARE(
  amounts: unknown,
  categories: unknown,
  category: unknown,
  total?: unknown,
): unknown {
  return allocationShare(amounts, categories, category, total);
}

/**
 * Delen av beløpet som faller i budsjettåret, pro rata etter måneder (aug. 2025–jul. 2026: 5/12 i 2025).
 * The part of an amount falling in a budget year, pro rata by month. Works on whole columns.
 *
 * @param {Array<Array<number|string>>} amounts Beløpene / the amounts
 * @param {Array<Array<string>>} from Fra-måned (f.eks. 2025-08) / first month
 * @param {Array<Array<string>>} to Til-måned (f.eks. 2026-07) / last month
 * @param {number} year Budsjettåret / the budget year
 * @return {number|Array<Array<number>>} Delen i kroner / the part in NOK
 * @customfunction
 */
export function YEAR_PART(amounts: unknown, from: unknown, to: unknown, year: unknown): unknown {
  return yearPart(amounts, wallClockDates(from), wallClockDates(to), year);
}

/**
 * Hva som gjenstår av en kategoris nøkkel: ramme × nøkkelandel minus det radene i kategorien er tildelt.
 * What is left of a category's key: frame × key share minus what the category's rows add up to.
 *
 * @param {Array<Array<number|string>>} amounts Beløpene / the amounts
 * @param {Array<Array<string>>} categories Kategorien per rad / the category of each row
 * @param {string} category Kategorien / the category
 * @param {number} frame Rammen for året, f.eks. 9160000 / the year's frame
 * @param {number} [key] Nøkkelandelen; standard 80 %, 5 % eller 15 % etter kategori / the key share
 * @return {number} Gjenstående i kroner (negativt når nøkkelen er overskredet) / what is left in NOK
 * @customfunction
 */
export function KEY_REMAINING(
  amounts: unknown,
  categories: unknown,
  category: unknown,
  frame: unknown,
  key?: unknown,
): unknown {
  return keyRemaining(amounts, categories, category, frame, key);
}

/**
 * Timer for en stillingsandel over et antall måneder (0,2 = 20 % gir 336 timer i året av 1 680).
 * Hours of a share of a position over a number of months (0.2 = 20 % gives 336 hours a year of 1 680).
 *
 * @param {number|Array<Array<number>>} positions Stillinger, f.eks. 0,2 eller 1,6 / positions, e.g. 0.2 or 1.6
 * @param {number|Array<Array<number>>} [months] Måneder; standard 12 / months; default 12
 * @param {number} [hours_per_year] Timer i et årsverk; standard 1 680 / hours in a working year; default 1 680
 * @return {number|Array<Array<number>>} Timer / hours
 * @customfunction
 */
export function POSITION_HOURS(positions: unknown, months?: unknown, hours_per_year?: unknown): unknown {
  return positionHours(positions, months, hours_per_year);
}

/**
 * Kostnad for en stillingsandel: stillinger × årskostnad × måneder/12 × (1 + sosiale kostnader).
 * Cost of a share of a position: positions × annual cost × months/12 × (1 + social cost rate).
 *
 * @param {number|Array<Array<number>>} positions Stillinger, f.eks. 1,6 / positions, e.g. 1.6
 * @param {number|Array<Array<number>>} annual_cost Årskostnad per stilling, f.eks. 850 000 / annual cost per position
 * @param {number|Array<Array<number>>} [months] Måneder; standard 12 / months; default 12
 * @param {number} [social_cost_rate] Sosiale kostnader som andel, f.eks. 0,38; standard 0 / social costs as a rate; default 0
 * @return {number|Array<Array<number>>} Kostnad i kroner / the cost in NOK
 * @customfunction
 */
export function POSITION_COST(
  positions: unknown,
  annual_cost: unknown,
  months?: unknown,
  social_cost_rate?: unknown,
): unknown {
  return positionCost(positions, annual_cost, months, social_cost_rate);
}

/**
 * Timer × timepris (1 372 timer à 505 kr gir 692 860 kr). Hours × hourly rate.
 *
 * @param {number|Array<Array<number>>} hours Timer / hours
 * @param {number|Array<Array<number>>} hourly_rate Timepris i kroner / hourly rate in NOK
 * @return {number|Array<Array<number>>} Kostnad i kroner / the cost in NOK
 * @customfunction
 */
export function HOURS_COST(hours: unknown, hourly_rate: unknown): unknown {
  return hoursCost(hours, hourly_rate);
}

// Sidebars and dialogs
// Menu items open the built pages; the google.script.run endpoints below are the names in src/seam/api.ts,
// each re-validating its arguments and checking the role in src/gas/entry/sidebars.ts.

/** Menu: the assessment form (vurderingsskjema) for the selected case. */
export function openAssessment(): void {
  openPage('Assessment');
}

/** Menu: the allocation dashboard per budget year, with the what-if. */
export function openDashboard(): void {
  openPage('Dashboard');
}

/** Menu: the findings, grouped and filterable; a click selects the cell. */
export function openFindings(): void {
  openPage('Findings');
}

/** Menu: the supplementary-allocation dialog. */
export function openSupplementDialog(): void {
  openPage('Supplement');
}

/** Menu: the follow-up sidebar (lights, economy, due dates per project). */
export function openFollowUp(): void {
  openPage('FollowUp');
}

/** Menu: the payment dialog (payments, refunds, and withdrawals of unused money). */
export function openPaymentDialog(): void {
  openPage('Payment');
}

/** Menu: *Registrer vedtak*, the board's decisions on the memo's proposals (Leder or Sekretær). */
export function openDecisionsDialog(): void {
  openPage('Decisions');
}

/** Menu: writes the decision protocol (vedtaksprotokoll) of a board case to Google Docs. */
export function createProtocol(): void {
  protocolMenu();
}

/** Sidebar endpoint: the assessment of a case ('' = the selected row). */
export function assessmentLoad(caseId: unknown) {
  return server.assessmentLoad(caseId);
}

/** Sidebar endpoint: saves the user's impartiality declaration and answers for a case. */
export function assessmentSave(input: unknown) {
  return server.assessmentSave(input);
}

/** Sidebar endpoint: records the board's override of a case's rank, with its reason. */
export function assessmentOverride(input: unknown) {
  return server.assessmentOverride(input);
}

/** Sidebar endpoint: frame, allocated and remaining per budget year, pots, authority, candidates. */
export function dashboardLoad() {
  return server.dashboardLoad();
}

/** Sidebar endpoint: every finding of the engine, without writing. */
export function findingsLoad() {
  return server.findingsLoad();
}

/** Sidebar endpoint: Kontroller på nytt (writes Avvik and the highlights, like the menu). */
export function findingsRecheck() {
  return server.findingsRecheck();
}

/** Sidebar endpoint: selects a finding's cell or row in the sheet. */
export function findingsSelect(target: unknown) {
  return server.findingsSelect(target);
}

/** Sidebar endpoint: the user's selected range, to show the findings about it. */
export function findingsSelection() {
  return server.findingsSelection();
}

/** Dialog endpoint: the granted projects and the authority left for each. */
export function supplementLoad() {
  return server.supplementLoad();
}

/** Dialog endpoint: registers a supplementary allocation within the authority. */
export function supplementRegister(input: unknown) {
  return server.supplementRegister(input);
}

/** Sidebar endpoint: per project the lights, the economy, the next due date and overdue reports. */
export function followUpLoad() {
  return server.followUpLoad();
}

/** Sidebar endpoint: selects a project's row in Søknader. */
export function followUpSelect(caseId: unknown) {
  return server.followUpSelect(caseId);
}

/** Dialog endpoint: granted projects with allocated, paid and left, and the withdrawals due. */
export function paymentLoad() {
  return server.paymentLoad();
}

/** Dialog endpoint: registers a payment or refund within what is left and after the written agreement. */
export function paymentRegister(input: unknown) {
  return server.paymentRegister(input);
}

/** Dialog endpoint: withdraws a project's unused money (Inndragning) after the refund deadline. */
export function withdrawalRegister(caseId: unknown) {
  return server.withdrawalRegister(caseId);
}

/** Dialog endpoint: the proposals of a board case ('' = the memo's latest) with the recommended amounts. */
export function decisionsLoad(boardCase: unknown) {
  return server.decisionsLoad(boardCase);
}

/** Dialog endpoint: registers the board's decisions (Logg first; nothing when refused or held back). */
export function decisionsRegister(input: unknown) {
  return server.decisionsRegister(input);
}

// The action plan (handlingsplan)

/** Menu: gives every row of Handlingsplan without a number its number; renumbers nothing. */
export function numberPlan(): void {
  numberPlanMenu();
}

/** Menu: saves this review of the action plan (every measure's status and comment) to its history. */
export function savePlanReview(): void {
  saveReviewMenu();
}

/** Menu: writes the annual review of the action plan to Google Docs. */
export function createPlanReview(): void {
  planReviewMenu();
}

/** Menu: the action plan as a tree with lights, filters and linked projects. */
export function openPlan(): void {
  openPage('Plan');
}

/** Sidebar endpoint: the action plan, numbered, with lights, linked projects and findings. */
export function planLoad() {
  return server.planLoad();
}
