import { deadlinesOf } from '../../core/follow-up/deadlines/deadlines';
import { reminderMail } from '../../core/follow-up/reminder-mail';
import { REMINDERS_SHEET, sentKeys, sentRow } from '../../core/follow-up/reminder-log';
import {
  isoDay,
  planReminders,
  recipients,
  runsNeeded,
  withinQuota,
  type Plan,
  type Reminder,
} from '../../core/follow-up/reminders';
import {
  noted,
  notedKey,
  progressKeys,
  progressText,
  readProgress,
  type ReminderProgress,
} from '../../core/follow-up/reminder-progress';
import { clipText } from '../../core/workbook/cell-limit';
import { formatDay } from '../../core/follow-up/dates';
import { readPortfolio, readSettings, type Portfolio } from '../../core/portfolio/records';
import { SETTINGS_SHEET } from '../../core/workbook/contract';
import type { Lang } from '../../core/base/result';
import { holdingLock, todayIn, withDesk } from '../platform/desk';
import { appendLog, type LogEntry } from '../platform/log';
import { outOfTime, SENDS_PER_RUN, TIME_BUDGET_MS } from '../platform/time-budget';
import { countOf } from '../../core/base/text';
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
import { formCode, linkFor, linkTemplate } from '../intake/form-link';
import { STATUS_LINK } from './status-intake';

/**
 * Reminders (off by default, `Påminnelser på e-post`): the hourly trigger, from 07:00 in the spreadsheet's
 * zone, e-mails each project's `Kontakt e-post` before a due date and when it is overdue, records every
 * e-mail in `Påminnelser` (so no step goes out twice), and stops before MailApp's daily quota, saying so
 * in `Logg`. Once a day's run has sent everything, later hours that day read one property and stop.
 * A run starts no send after the time budget (well before Google's 6 minutes) and the next hour goes on;
 * each reminder is noted in a property before it is sent and its row is flushed to `Påminnelser` in
 * batches, so a run killed anyway sends nothing twice (`reminder-progress.ts`). One address Google
 * refuses is skipped with a `Logg` line naming it; the rest still go out.
 * *Vis påminnelser* shows what the next run would send, sending nothing.
 */
/** The hour (spreadsheet's zone) from which the day's reminders go out. */
export const REMINDER_HOUR = 7;
/** The last day (yyyy-MM-dd, spreadsheet's zone) whose reminders were all sent. */
const DONE_DAY_PROPERTY = 'tilskudd.reminders.doneDay';
/** The run's progress (`ReminderProgress`): noted sends not yet in the sheet, today's refusals. */
const PROGRESS_PROPERTY = 'tilskudd.reminders.progress';
/** Rows written to `Påminnelser` (and flushed) every this many sends. */
export const RECORD_BATCH = 20;

interface Planned {
  portfolio: Portfolio;
  plan: Plan;
  sheet: Sheet | null;
  rows: number;
  header: unknown[];
  timeZone: string;
  /** Noted sends the sheet does not hold yet (a run stopped before its last batch was flushed). */
  progress: ReminderProgress;
}

/** `asIfOn`: plan as if reminders were switched on (the preview shows what switching on would do). */
function planned(ss: Spreadsheet, sheets: SheetIndex, asIfOn = false): Planned {
  const portfolio = readPortfolio(readWorkbook(ss, sheets).values);
  const today = todayIn(ss, sheets);
  const sheet = sheets.find(REMINDERS_SHEET);
  const values = sheet ? sheets.values(sheet) : [];
  const recorded = sentKeys(values);
  const stored = readProgress(documentProperties().getProperty(PROGRESS_PROPERTY), isoDay(today));
  const progress = {
    ...stored,
    unrecorded: stored.unrecorded.filter((n) => !recorded.has(notedKey(n))),
  };
  const plan = planReminders({
    deadlines: deadlinesOf(portfolio, today),
    projects: new Map(portfolio.applications.map((a) => [a.caseId, a])),
    settings: asIfOn ? { ...portfolio.settings, emailReminders: true } : portfolio.settings,
    sent: new Set([...recorded, ...progressKeys(progress)]),
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
    progress,
  };
}

export interface RunReport {
  sent: number;
  /** Not sent for the quota (waits for a later run, the next day's quota). */
  waiting: number;
  /** Not started for the time budget (the next hour goes on). */
  late: number;
  /** Refused by Google (a bad address): logged one by one, tried again the next day. */
  refused: number;
  blocked: number;
  quotaLeft: number;
  /** Rows of a stopped run written now. */
  recovered: number;
}

/**
 * The hourly trigger's reminder part (the caller checked that a trigger of this project runs it). Holds
 * the document lock while it plans, sends and records, so a second run (a second trigger, an old daily
 * one) sees what the first recorded. Without the lock it writes nothing and tries again next hour; it
 * never throws for a refusal (a failing trigger mails its owner every day).
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
  if (report && report.waiting + report.late === 0) props.setProperty(DONE_DAY_PROPERTY, day!);
  return report;
}

/** Plans, sends and records, holding the lock (see runReminders). */
function sendAndRecord(ss: Spreadsheet): RunReport {
  const sheets = new SheetIndex(ss);
  const { portfolio, plan, sheet, rows, header, timeZone, progress } = planned(ss, sheets);
  const props = documentProperties();
  const save = () => props.setProperty(PROGRESS_PROPERTY, progressText(progress));
  const recorder = new Recorder(sheets, sheet, rows, header, timeZone);
  const recovered = progress.unrecorded.length;
  const quota = MailApp.getRemainingDailyQuota();
  const { now, waiting } = withinQuota(plan.send, quota);
  const template = linkTemplate(STATUS_LINK);
  const hash = existingHasher();
  const log: LogEntry[] = [];
  let sent = 0;
  let spent = 0;
  let tried = 0;
  let quotaLeft: number | null = null;
  // The notes left by a stopped run go to the sheet with this run's first batch.
  for (const r of now) {
    if (outOfTime()) break;
    tried++;
    // Noted before it is sent: a run killed during the send never sends it again (at most it is
    // recorded without having gone out, which the recovery line says).
    progress.unrecorded.push(noted(r, Date.now()));
    save();
    try {
      const link = linkFor(template, r.caseId, formCode(STATUS_LINK, r.caseId, hash));
      const mail = reminderMail(r, link, portfolio.settings.caseOfficer);
      MailApp.sendEmail(mail.to, mail.subject, mail.body, {
        ...(mail.cc !== '' && { cc: mail.cc }),
        name: portfolio.settings.caseOfficer,
      });
      sent++;
      spent += recipients(r);
    } catch (e) {
      progress.unrecorded.pop();
      // Only a spent quota stops the run; anything else is this message's (a bad address).
      const left = MailApp.getRemainingDailyQuota();
      if (left < recipients(r)) {
        save();
        tried--;
        quotaLeft = left;
        break;
      }
      progress.refused.push(r.key);
      save();
      log.push(refusedLine(r, e));
    }
    if (progress.unrecorded.length >= RECORD_BATCH) recorder.write(progress, save);
  }
  recorder.write(progress, save);
  const report: RunReport = {
    sent,
    waiting: waiting + (quotaLeft !== null ? now.length - tried : 0),
    late: quotaLeft !== null ? 0 : now.length - tried,
    refused: log.length,
    blocked: plan.blocked.length,
    quotaLeft: quotaLeft ?? quota - spent,
    recovered,
  };
  if (sent + report.waiting + report.late + report.refused + report.blocked + recovered > 0)
    appendLog(sheets, Session.getEffectiveUser().getEmail(), [
      { action: 'Påminnelser', after: summary(report, 'nb') },
      ...log,
    ]);
  return report;
}

/** One reminder Google refused: the case, the addresses and Google's words (cut), never the quota. */
function refusedLine(r: Reminder, e: unknown): LogEntry {
  const why = e instanceof Error ? e.message : String(e);
  const copy = r.cc.length > 0 ? ` (kopi ${r.cc.join(', ')})` : '';
  const where =
    r.cc.length > 0
      ? '«Kontakt e-post» i «Søknader» eller sekretariatets adresse i «Innstillinger»'
      : '«Kontakt e-post» i «Søknader»';
  return {
    action: 'Påminnelse ikke sendt',
    caseId: r.caseId,
    after: `${r.stepText} til ${r.to}${copy}: Google avviste e-posten (${clipText(why, 200)}). Rett ${where}; de andre påminnelsene sendes som før, og denne prøves igjen i morgen.`,
  };
}

/**
 * Appends noted sends to `Påminnelser` (the sheet is made when first needed) and flushes, then drops the
 * notes: a run killed after the flush leaves notes the sheet already holds, which the next run skips.
 */
class Recorder {
  constructor(
    private readonly sheets: SheetIndex,
    private sheet: Sheet | null,
    private rows: number,
    private header: unknown[],
    private readonly timeZone: string,
  ) {}

  write(progress: ReminderProgress, save: () => void): void {
    if (progress.unrecorded.length === 0) return;
    if (!this.sheet) {
      this.sheet = this.sheets.insert(REMINDERS_SHEET);
      this.header = REMINDERS_SHEET.fields.map((f) => f.header);
      this.sheet.getRange(1, 1, 1, this.header.length).setValues([this.header]);
      this.sheet.setFrozenRows(1);
    }
    const rows = progress.unrecorded.map((n) => {
      const row = sentRow(n);
      // The due day and the deadline as the spreadsheet's days, so they read back as the keys they are.
      return rowFor(REMINDERS_SHEET, this.header, {
        ...row,
        due: dayCell(row.due, this.timeZone),
        deadline: dayCell(row.deadline, this.timeZone),
      });
    });
    appendRows(this.sheet, this.rows, rows);
    this.rows += rows.length;
    SpreadsheetApp.flush();
    progress.unrecorded = [];
    save();
  }
}

function summary(r: RunReport, lang: Lang): string {
  const nb = lang === 'nb';
  const parts = [nb ? `${r.sent} sendt` : `${r.sent} sent`];
  if (r.late > 0)
    parts.push(
      nb
        ? `${r.late} venter til neste kjøring om en time: kjøringen stoppet i tide før Googles grense på 6 minutter per kjøring`
        : `${r.late} wait for the next run in an hour: the run stopped in time before Google's 6-minute limit per run`,
    );
  if (r.waiting > 0)
    parts.push(
      nb
        ? `${r.waiting} venter til neste kjøring fordi e-postkvoten for i dag er brukt opp (${r.quotaLeft} mottakere igjen)`
        : `${r.waiting} wait for the next run because today's e-mail quota is used up (${r.quotaLeft} recipients left)`,
    );
  if (r.refused > 0)
    parts.push(
      nb
        ? `${r.refused} avvist av Google (adressen står i linjen for saken)`
        : `${r.refused} refused by Google (the address is in the case's line)`,
    );
  if (r.blocked > 0)
    parts.push(
      nb ? `${r.blocked} uten gyldig kontaktadresse` : `${r.blocked} without a valid contact address`,
    );
  if (r.recovered > 0)
    parts.push(
      nb
        ? `${r.recovered} sendt av en kjøring som ble stoppet, nå ført inn i «Påminnelser» (den siste av dem gikk kanskje ikke ut)`
        : `${r.recovered} sent by a run that was stopped, now recorded in "Påminnelser" (the last of them may not have gone out)`,
    );
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
      const runs = runsNeeded(now.length, SENDS_PER_RUN);
      const reminders = nb
        ? countOf(now.length, 'påminnelse', 'påminnelser')
        : countOf(now.length, 'reminder', 'reminders');
      const minutes = String(TIME_BUDGET_MS / 60_000).replace('.', nb ? ',' : '.');
      const rest = nb
        ? runs.hours === 1
          ? 'neste time'
          : `de neste ${runs.hours} timene`
        : runs.hours === 1
          ? 'in the next hour'
          : `over the next ${runs.hours} hours`;
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
          : runs.later === 0
            ? nb
              ? `Neste kjøring sender ${reminders}:`
              : `The next run sends ${reminders}:`
            : // More than one run can send before its time budget: the rest go in the next hours.
              nb
              ? `${reminders}; omtrent ${runs.thisRun} rekker én kjøring (den starter ingen ny e-post etter ${minutes} minutter), resten går ${rest}:`
              : `${reminders}; about ${runs.thisRun} fit in one run (it starts no new e-mail after ${minutes} minutes), the rest go ${rest}:`,
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
