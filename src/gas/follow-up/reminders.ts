import { deadlinesOf } from '../../core/follow-up/deadlines/deadlines';
import { reminderMail } from '../../core/follow-up/reminder-mail';
import { REMINDERS_SHEET, sentKeys, sentRow } from '../../core/follow-up/reminder-log';
import { planReminders, withinQuota, type Plan, type Reminder } from '../../core/follow-up/reminders';
import { formatDay } from '../../core/follow-up/dates';
import { readPortfolio, readSettings, type Portfolio } from '../../core/portfolio/records';
import { SETTINGS_SHEET } from '../../core/workbook/contract';
import type { Lang } from '../../core/base/result';
import { holdingLock, todayIn, withDesk } from '../platform/desk';
import { appendLog } from '../platform/log';
import { readWorkbook } from '../workbook/portfolio';
import {
  appendRows,
  dayCell,
  readValues,
  rowFor,
  SheetIndex,
  type Sheet,
  type Spreadsheet,
} from '../platform/sheets';
import { existingHasher } from '../platform/signing';
import { documentProperties } from '../platform/properties';
import { statusCode, statusLinkFor, statusLinkTemplate } from './status-link';

/**
 * Reminders (off by default, `Påminnelser på e-post`): the hourly trigger, from 07:00 in the spreadsheet's
 * zone, e-mails each project's `Kontakt e-post` before a due date and when it is overdue, records every
 * e-mail in `Påminnelser` (so no step goes out twice), and stops before MailApp's daily quota, saying so
 * in `Logg`. Once a day's run has sent everything, later hours that day read one property and stop.
 * *Vis påminnelser* shows what the next run would send, sending nothing.
 */
/** The hour (spreadsheet's zone) from which the day's reminders go out. */
export const REMINDER_HOUR = 7;
/** The last day (yyyy-MM-dd, spreadsheet's zone) whose reminders were all sent. */
const DONE_DAY_PROPERTY = 'tilskudd.reminders.doneDay';

interface Planned {
  portfolio: Portfolio;
  plan: Plan;
  sheet: Sheet | null;
  rows: number;
  header: unknown[];
  timeZone: string;
}

/** `asIfOn`: plan as if reminders were switched on (the preview shows what switching on would do). */
function planned(ss: Spreadsheet, sheets: SheetIndex, asIfOn = false): Planned {
  const portfolio = readPortfolio(readWorkbook(ss, sheets).values);
  const today = todayIn(ss, sheets);
  const sheet = sheets.find(REMINDERS_SHEET);
  const values = sheet ? sheets.values(sheet) : [];
  const plan = planReminders({
    deadlines: deadlinesOf(portfolio, today),
    projects: new Map(portfolio.applications.map((a) => [a.caseId, a])),
    settings: asIfOn ? { ...portfolio.settings, emailReminders: true } : portfolio.settings,
    sent: sentKeys(values),
    today,
    secretariat: portfolio.settings.secretariatEmail,
  });
  return {
    portfolio,
    plan,
    sheet,
    rows: Math.max(values.length, 1),
    header: values[0] ?? [],
    timeZone: sheets.timeZone(),
  };
}

export interface RunReport {
  sent: number;
  waiting: number;
  blocked: number;
  quotaLeft: number;
}

/**
 * The hourly trigger's reminder part (the caller checked that a trigger of this project runs it). Holds
 * the document lock while it plans, sends and records, so a second run (a second trigger, an old daily
 * one) sees what the first recorded. Without the lock it writes nothing and tries again next hour; it
 * never throws (a failing trigger mails its owner every day).
 */
export function runReminders(): RunReport | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = ss.getSpreadsheetTimeZone();
  const [day, hour] = Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd HH').split(' ');
  const props = documentProperties();
  if (Number(hour) < REMINDER_HOUR || props.getProperty(DONE_DAY_PROPERTY) === day) return null;
  const settingsSheet = new SheetIndex(ss).find(SETTINGS_SHEET);
  const settings = readSettings(
    settingsSheet ? { [SETTINGS_SHEET.name]: readValues(settingsSheet, zone) } : {},
  );
  // Off (the default): one read of Innstillinger, then the day is done, so later hours cost one property.
  if (!settings.emailReminders) {
    props.setProperty(DONE_DAY_PROPERTY, day!);
    return null;
  }
  const held = holdingLock(30_000, () => sendAndRecord(ss));
  if (!held) console.warn('Påminnelser: arbeidsboka var opptatt; prøver igjen om en time.');
  const report = held?.value ?? null;
  // What waits (quota, time) goes out in a later hour; a day with nothing left is done.
  if (report && report.waiting === 0) props.setProperty(DONE_DAY_PROPERTY, day!);
  return report;
}

/** Plans, sends and records, holding the lock (see runReminders). */
function sendAndRecord(ss: Spreadsheet): RunReport {
  const sheets = new SheetIndex(ss);
  const { portfolio, plan, sheet, rows, header, timeZone } = planned(ss, sheets);
  const quota = MailApp.getRemainingDailyQuota();
  const { now, waiting } = withinQuota(plan.send, quota);
  const template = statusLinkTemplate();
  const hash = existingHasher();
  const done: Reminder[] = [];
  const time = new Date();
  let failure = '';
  try {
    for (const r of now) {
      const link = statusLinkFor(template, r.caseId, statusCode(r.caseId, hash));
      const mail = reminderMail(r, link, portfolio.settings.caseOfficer);
      MailApp.sendEmail(mail.to, mail.subject, mail.body, {
        ...(mail.cc !== '' && { cc: mail.cc }),
        name: portfolio.settings.caseOfficer,
      });
      done.push(r);
    }
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  } finally {
    record(sheets, sheet, rows, header, done, time, timeZone);
  }
  const report = {
    sent: done.length,
    waiting: waiting + (now.length - done.length),
    blocked: plan.blocked.length,
    quotaLeft: quota - done.reduce((n, r) => n + 1 + r.cc.length, 0),
  };
  if (done.length + report.waiting + report.blocked > 0)
    appendLog(sheets, Session.getEffectiveUser().getEmail(), [
      {
        action: 'Påminnelser',
        after: summary(report, failure, 'nb'),
      },
    ]);
  return report;
}

/** Appends the sent reminders to `Påminnelser` in one write (the sheet is made when first needed). */
function record(
  sheets: SheetIndex,
  found: Sheet | null,
  rows: number,
  header: unknown[],
  done: readonly Reminder[],
  time: Date,
  timeZone: string,
): void {
  if (done.length === 0) return;
  let sheet = found;
  let columns = header;
  if (!sheet) {
    sheet = sheets.insert(REMINDERS_SHEET);
    columns = REMINDERS_SHEET.fields.map((f) => f.header);
    sheet.getRange(1, 1, 1, columns.length).setValues([columns]);
    sheet.setFrozenRows(1);
  }
  appendRows(
    sheet,
    rows,
    // The due day and the deadline as the spreadsheet's days, so they read back as the keys they are.
    done.map((r) =>
      rowFor(REMINDERS_SHEET, columns, {
        ...sentRow(r, time),
        due: dayCell(r.due, timeZone),
        deadline: dayCell(r.deadline, timeZone),
      }),
    ),
  );
}

function summary(r: RunReport, failure: string, lang: Lang): string {
  const nb = lang === 'nb';
  const parts = [nb ? `${r.sent} sendt` : `${r.sent} sent`];
  if (r.waiting > 0)
    parts.push(
      nb
        ? `${r.waiting} venter til neste kjøring fordi e-postkvoten for i dag er brukt opp (${r.quotaLeft} mottakere igjen)`
        : `${r.waiting} wait for the next run because today's e-mail quota is used up (${r.quotaLeft} recipients left)`,
    );
  if (r.blocked > 0)
    parts.push(
      nb ? `${r.blocked} uten gyldig kontaktadresse` : `${r.blocked} without a valid contact address`,
    );
  if (failure !== '') parts.push(nb ? `stoppet: ${failure}` : `stopped: ${failure}`);
  return parts.join('; ');
}

const stepName = (r: Reminder, lang: Lang) =>
  lang === 'nb' ? r.stepText : r.step.kind === 'before' ? 'before' : `overdue ${r.step.n}`;

/**
 * Menu *Vis påminnelser*: what the next run would send (as if reminders were on, saying when they are
 * off), what waits for the quota and what cannot be sent; sends and writes nothing.
 */
export function previewRemindersMenu(): void {
  withDesk(
    ({ ss, sheets, lang }) => {
      const { portfolio, plan } = planned(ss, sheets, true);
      const nb = lang === 'nb';
      const quota = MailApp.getRemainingDailyQuota();
      const { now, waiting } = withinQuota(plan.send, quota);
      const lines = [
        ...(portfolio.settings.emailReminders
          ? []
          : [
              nb
                ? 'Påminnelser er slått av (Innstillinger › «Påminnelser på e-post»). Slått på, ville neste kjøring gjort dette:\n'
                : 'Reminders are off (Settings › "Påminnelser på e-post"). Switched on, the next run would do this:\n',
            ]),
        now.length === 0
          ? nb
            ? 'Neste kjøring sender ingen påminnelser.'
            : 'The next run sends no reminders.'
          : nb
            ? `Neste kjøring sender ${now.length} påminnelse(r):`
            : `The next run sends ${now.length} reminder(s):`,
        ...now.map(
          (r) =>
            `• ${r.caseId} – ${stepName(r, lang)} – ${nb ? 'frist' : 'due'} ${formatDay(r.deadline)} → ${r.to}${r.cc.length > 0 ? ` (${nb ? 'kopi' : 'copy'} ${r.cc.join(', ')})` : ''}`,
        ),
        ...(waiting > 0
          ? [
              nb
                ? `\n${waiting} venter til neste dag: e-postkvoten (${quota} mottakere igjen i dag) rekker ikke.`
                : `\n${waiting} wait a day: the e-mail quota (${quota} recipients left today) is not enough.`,
            ]
          : []),
        ...(plan.blocked.length > 0
          ? [
              nb ? '\nKan ikke sendes:' : '\nCannot be sent:',
              ...plan.blocked.map((b) => `• ${b.reason[lang]}`),
            ]
          : []),
      ];
      const ui = SpreadsheetApp.getUi();
      ui.alert(nb ? 'Vis påminnelser' : 'Show reminders', lines.join('\n'), ui.ButtonSet.OK);
    },
    { action: 'read', lock: false },
  );
}
