import {
  DIAGNOSIS_SHEET,
  REPORT_COLUMNS,
  VERDICTS,
  diagnose,
  reportRows,
  type FormState,
  type JournalFacts,
  type LiveFacts,
} from '../../core/intake/diagnosis';
import type { Lang, Reason } from '../../core/base/result';
import { neutralizeFormula } from '../../core/base/text';
import { FINDING_COLOURS_SHEET, MEMBERS_SHEET, type SheetSpec } from '../../core/workbook/contract';
import { HIGHLIGHTED, highlightSeverity } from '../../core/check/highlight-marks';
import { splitRules } from '../workbook/highlights';
import { SHEETS } from '../../core/workbook/sheets';
import { withDesk, type Desk } from '../platform/desk';
import { escapeHtml, htmlDocument } from '../platform/html';
import { stuckIntake } from '../platform/intake-health';
import { documentProperties } from '../platform/properties';
import { wrote, type SheetIndex } from '../platform/sheets';
import { HOURLY_HANDLER, OLD_HANDLERS, SUBMIT_HANDLER, oldOwners, triggerOwner } from '../platform/triggers';
import { BUILT, VERSION } from '../platform/version';
import {
  journalForm,
  keptResponseSheet,
  retiringJournal,
  retiringUntil,
  type JournalSpec,
} from '../intake/journal';
import { JOURNALS } from './router';

/**
 * *Diagnose* (menu, *Leder*): asks live Google what the sandbox cannot show — each journaled form's
 * publish state and link, the triggers, the document lock, the mail quota, stuck intake, the version, the
 * check's colour rules and the whole-sheet read — changes nothing, and appends one dated report block to the `Diagnose` sheet (one
 * write, below whatever is there, so a person's own text in it stays) and shows it in a dialog.
 */
export const DIAGNOSIS_TEXT = { nb: 'Diagnose', en: 'Diagnosis' } as const;

/** Where each journal's form is made, for the report's advice. */
const MENUS: Record<string, Reason> = {
  application: {
    nb: 'Tilskudd › Søknader og vurdering › Opprett søknadsskjema',
    en: 'Tilskudd › Applications and assessment › Create application form',
  },
  status: {
    nb: 'Tilskudd › Oppfølging › Opprett statusskjema',
    en: 'Tilskudd › Follow-up › Create status form',
  },
  input: {
    nb: 'Tilskudd › Handlingsplan › Opprett innspillsskjema',
    en: 'Tilskudd › Action plan › Create input form',
  },
};
/** Journals whose form needs not exist yet, and when it is needed. */
const OPTIONAL: Record<string, Reason> = {
  status: { nb: 'når prosjektene skal rapportere', en: 'when projects are to report' },
  input: {
    nb: 'når regionene skal gi innspill til handlingsplanen',
    en: 'when the regions are to comment on the action plan',
  },
};

export function diagnoseMenu(): void {
  withDesk(
    (desk) => {
      const findings = diagnose(liveFacts(desk));
      const when = Utilities.formatDate(new Date(), desk.sheets.timeZone(), 'dd.MM.yyyy HH:mm');
      const rows = reportRows(findings, { when, user: desk.user, version: VERSION }, desk.lang);
      writeReport(desk, rows);
      showReport(rows, findings.length, desk.lang);
    },
    // The lock is one of the things checked: held for a second there, not for the whole run.
    { action: 'diagnose', lock: false },
  );
}

function liveFacts({ ss, sheets, user }: Desk): LiveFacts {
  const spreadsheetId = ss.getId();
  const journals = JOURNALS.flatMap((spec) => {
    const old = retiringJournal(spec);
    return [
      journalFacts(sheets, spec, null),
      ...(old ? [journalFacts(sheets, old, retiringUntil(spec) ?? 0, spec.id)] : []),
    ];
  });
  const mine = { submit: 0, hourly: 0, old: 0 };
  for (const t of ScriptApp.getProjectTriggers()) {
    const handler = t.getHandlerFunction();
    if (handler === SUBMIT_HANDLER) mine.submit++;
    else if (handler === HOURLY_HANDLER) mine.hourly++;
    else if (OLD_HANDLERS.includes(handler)) mine.old++;
  }
  return {
    now: Date.now(),
    spreadsheetId,
    journals,
    triggers: { user, owner: triggerOwner(user).owner, mine, oldOwners: oldOwners(user) },
    lock: tryDocumentLock(),
    mail: mailQuota(),
    stuck: stuckIntake(),
    version: { version: VERSION, built: BUILT },
    highlights: highlightFacts(sheets),
    wholeRead: wholeRead(sheets),
  };
}

/** The marks sheet and, per highlighted sheet, the product's rules and how far down they reach. */
function highlightFacts(sheets: SheetIndex): LiveFacts['highlights'] {
  sheets.expect([FINDING_COLOURS_SHEET, ...HIGHLIGHTED.map((id) => SHEETS[id])]);
  const marks = sheets.find(FINDING_COLOURS_SHEET);
  const marksSheet = !marks ? 'missing' : marks.isSheetHidden() ? 'hidden' : 'visible';
  const marksProtected =
    marks !== null &&
    marks.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => !p.isWarningOnly());
  const list = HIGHLIGHTED.flatMap((id) => {
    const sheet = sheets.find(SHEETS[id]);
    if (!sheet) return [];
    const { ours } = splitRules(sheet);
    const severities = new Set(
      ours.map((rule) => highlightSeverity(String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? ''))),
    );
    // How far every rule reaches: a cut and paste may have split a rule's range.
    const reach = Math.min(
      ...ours.map((rule) => Math.max(0, ...rule.getRanges().map((g) => g.getLastRow()))),
    );
    return [
      {
        name: sheets.nameOf(sheet),
        rules: severities.size,
        reach: ours.length > 0 ? reach : 0,
        lastRow: sheet.getLastRow(),
      },
    ];
  });
  return { marksSheet, marksProtected, sheets: list };
}

type Form = GoogleAppsScript.Forms.Form;

function journalFacts(
  sheets: SheetIndex,
  spec: JournalSpec<SheetSpec>,
  until: number | null,
  menuOf = spec.id,
): JournalFacts {
  const formId = documentProperties().getProperty(spec.formIdProperty ?? '');
  let form: Form | null = null;
  let state: JournalFacts['form'] = null;
  if (formId !== null) {
    try {
      form = FormApp.openById(formId);
      state = formState(form);
    } catch (error) {
      form = null;
      state = { unreadable: String(error) };
    }
  }
  const sheet = keptResponseSheet(sheets, spec);
  return {
    label: spec.label,
    menu: MENUS[menuOf] ?? MENUS.application!,
    optional: OPTIONAL[menuOf] ?? null,
    retiringUntil: until,
    formId,
    journalFormId: journalForm(spec)?.id ?? null,
    form: state,
    responseSheet: sheet && {
      name: sheets.nameOf(sheet),
      linked: formId === null ? null : belongsTo(sheet, formId),
    },
  };
}

/** A legacy form has no publish settings: `isPublished` is asked only when Google says it has them. */
function formState(form: Form): FormState {
  const legacy = !form.supportsAdvancedResponderPermissions();
  let destinationId: string | null = null;
  try {
    destinationId = form.getDestinationId();
  } catch {
    // Google throws while a form has no destination
  }
  return {
    legacy,
    published: legacy ? null : form.isPublished(),
    accepting: form.isAcceptingResponses(),
    editable: form.canEditResponse(),
    destinationId,
  };
}

/** Whether the response sheet is still the form's (null: its form URL names a form this user cannot open). */
function belongsTo(sheet: GoogleAppsScript.Spreadsheet.Sheet, formId: string): boolean | null {
  const url = sheet.getFormUrl() ?? '';
  if (url === '') return false;
  if (url.includes(formId)) return true;
  try {
    return FormApp.openByUrl(url).getId() === formId;
  } catch {
    return null;
  }
}

/**
 * The document lock, tried for one second and released at once (after a flush, as every release);
 * Google returns null outside a container, where Tilskudd falls back to the script lock.
 */
function tryDocumentLock(): LiveFacts['lock'] {
  const document: GoogleAppsScript.Lock.Lock | null = LockService.getDocumentLock();
  const lock = document ?? LockService.getScriptLock();
  const acquired = lock.tryLock(1000);
  if (acquired) {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
  return { document: document !== null, acquired };
}

function mailQuota(): LiveFacts['mail'] {
  try {
    return { remaining: MailApp.getRemainingDailyQuota() };
  } catch (error) {
    return { error: String(error) };
  }
}

/**
 * The read `SheetIndex` makes of every sheet, on `Medlemmer` (never empty here: the Leder is in it), and
 * the data range it should equal. Google does not document -1 as a count; `sheets.ts` falls back silently.
 */
function wholeRead(sheets: SheetIndex): LiveFacts['wholeRead'] {
  const sheet = sheets.require(MEMBERS_SHEET);
  const name = sheets.nameOf(sheet);
  let values: unknown[][];
  try {
    values = sheet.getSheetValues(1, 1, -1, -1);
  } catch (error) {
    return { sheet: name, path: 'fallback', agrees: false, detail: String(error) };
  }
  const range = sheet.getDataRange();
  const want = [range.getNumRows(), range.getNumColumns()];
  const got = [values.length, values[0]?.length ?? 0];
  return {
    sheet: name,
    path: 'minus-one',
    agrees: got[0] === want[0] && got[1] === want[1],
    detail: `${got[0]} × ${got[1]}${got[0] === want[0] && got[1] === want[1] ? '' : ` ≠ ${want[0]} × ${want[1]}`}`,
  };
}

/**
 * Appends the block below the sheet's last row with content (a blank row between blocks), in one write:
 * nothing in the sheet is written over, so a person's notes there stay. The sheet is made when missing.
 */
function writeReport({ ss }: Desk, rows: string[][]): void {
  const sheet = ss.getSheetByName(DIAGNOSIS_SHEET) ?? ss.insertSheet(DIAGNOSIS_SHEET);
  const last = sheet.getLastRow();
  const block = [...(last > 0 ? [Array<string>(REPORT_COLUMNS).fill('')] : []), ...rows].map((row) =>
    row.map((cell) => neutralizeFormula(cell)),
  );
  sheet.getRange(last + 1, 1, block.length, REPORT_COLUMNS).setValues(block);
  wrote(sheet);
}

/** The same block as a dialog: a table of escaped text. */
function showReport(rows: string[][], findings: number, lang: Lang): void {
  const [title, header, ...rest] = rows;
  const checked = rest.slice(0, findings);
  const notChecked = rest.slice(findings);
  const cls = (status: string) =>
    status === VERDICTS.problem[lang] ? 'problem' : status === VERDICTS.warning[lang] ? 'warning' : 'ok';
  const th = header!.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const tr = checked
    .map(
      ([check, status, found, todo]) =>
        `<tr><th scope="row">${escapeHtml(check!)}</th>${[status!, found!, todo!]
          .map(
            (text, i) =>
              `<td data-label="${escapeHtml(header![i + 1]!)}"${i === 0 ? ` class="${cls(status!)}"` : ''}>${escapeHtml(text)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  const notes = notChecked.map(
    ([what, , text]) => `<p><strong>${escapeHtml(what!)}:</strong> ${escapeHtml(text!)}</p>`,
  );
  const where =
    lang === 'nb'
      ? `Rapporten er også skrevet nederst i arket «${DIAGNOSIS_SHEET}».`
      : `The report is also written at the bottom of the "${DIAGNOSIS_SHEET}" sheet.`;
  // Fixed column shares, and a word breaks only where it cannot fit: the table fits a narrow or zoomed
  // dialog without cutting «Advarsel» in pieces where there is room.
  const style =
    `body{font:13px/1.4 system-ui,sans-serif;margin:12px;color:#202124}h1{font-size:16px}` +
    `table{border-collapse:collapse;width:100%;table-layout:fixed}` +
    `th,td{border:1px solid #80868b;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}` +
    `th:nth-child(1){width:24%}th:nth-child(2){width:6.5em}` +
    // Narrow (a small window, 200 % zoom): one block per check, each value after its column's name.
    `@media (max-width:560px){table,tbody,tr,th,td{display:block;width:auto!important}` +
    `thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}` +
    `tr{border:1px solid #80868b;margin:0 0 8px}th,td{border:0}` +
    `td::before{content:attr(data-label) ": ";font-weight:bold;color:#202124}}` +
    `.problem{color:#a50e0e;font-weight:bold}.warning{color:#8a4b00;font-weight:bold}.ok{color:#137333}`;
  const page =
    `<h1>${escapeHtml(title!.join(' · '))}</h1>` +
    `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>${notes.join('')}<p>${escapeHtml(where)}</p>`;
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(htmlDocument(DIAGNOSIS_TEXT[lang], lang, style, page))
      .setTitle(DIAGNOSIS_TEXT[lang])
      .setWidth(760)
      .setHeight(560),
    DIAGNOSIS_TEXT[lang],
  );
}
