import { APPLICATIONS, SETTINGS_SHEET, STATUS_REPORTS } from '../../src/core/workbook/contract';
import { DEFAULT_SETTINGS, settingsToRows } from '../../src/core/workbook/settings';
import { exampleWorkbook, sheetRows } from '../../src/example/agder';
import { LEADER, SECRETARY, deskWith, sheetCalls, statusCodeOf, type Desk } from './desk-helpers';

/**
 * Reminders across simulated days in the sandbox: the built bundle, the daily clock trigger fired once a
 * day as Google fires it, the bundle's clock moved forward, the MailApp fake's quota refilled per day.
 * The example's two 18-2025 projects owe: Agdermodellen (2025-05-001, Aug 2025–Jul 2026) 1 Nov 2025,
 * 1 May 2026 and a final report by 30 Sep 2026; the data-centre pre-project (2025-05-002, Aug–Dec 2025)
 * 1 Nov 2025 and a final report by 28 Feb 2026.
 */
const DAY = 86_400_000;
const START = Date.UTC(2026, 3, 10, 5); // 10 April 2026, 07:00 in Oslo

function workbook(settings: Partial<typeof DEFAULT_SETTINGS> = { emailReminders: true }) {
  const values = exampleWorkbook();
  const apps = values[APPLICATIONS.name]!;
  const col = (apps[0] as string[]).indexOf('Kontakt e-post');
  apps[1]![col] = 'agdermodellen@example.no';
  apps[2]![col] = 'datasenter@example.no';
  values[SETTINGS_SHEET.name] = sheetRows(
    SETTINGS_SHEET,
    settingsToRows({ ...DEFAULT_SETTINGS, ...settings }),
  );
  values[STATUS_REPORTS.name] = [STATUS_REPORTS.fields.map((f) => f.header)];
  return values;
}

function start(settings?: Partial<typeof DEFAULT_SETTINGS>, mailQuota?: number): { sb: Desk; uid: string } {
  const sb = deskWith(workbook(settings), { now: START, mailQuota });
  sb.ui.answerAlert();
  sb.call('createStatusForm');
  const trigger = sb.fakes.ScriptApp.allTriggers().find((t) => t.handler === 'runHourly')!;
  return { sb, uid: trigger.uniqueId };
}

const rows = (sb: Desk, sheet: string) => {
  const [header, ...data] = sb.spreadsheet.sheetData(sheet).values as unknown[][];
  return data.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
};

const deliver = (sb: Desk, caseId: string, due: Date) => {
  const sheet = sb.spreadsheet.sheet(STATUS_REPORTS.name);
  const header = STATUS_REPORTS.fields.map((f) => f.key);
  const cells: Record<string, unknown> = {
    caseId,
    due,
    received: new Date(sb.clock.now()),
    type: 'Halvårsrapport',
    progress: 'Grønn',
    economy: 'Grønn',
    risk: 'Grønn',
  };
  sheet.appendRow(header.map((k) => cells[k] ?? ''));
};

const summary = (sb: Desk) =>
  sb.fakes.MailApp.outbox.map(
    (m) => `${m.to.join(',')} ${m.subject}${m.cc.length ? ` cc ${m.cc.join(',')}` : ''}`,
  );

describe('reminders over 60 days', () => {
  it('sends each step once, stops after delivery, copies the secretariat on the last, records each', () => {
    const { sb, uid } = start();
    const sentOn: Record<string, string> = {};
    for (let day = 0; day < 60; day++) {
      const iso = new Date(sb.clock.now()).toISOString().slice(0, 10);
      if (iso === '2026-05-05') deliver(sb, '2025-05-001', new Date(Date.UTC(2026, 4, 1)));
      const before = sb.fakes.MailApp.outbox.length;
      sb.fireClockTrigger(uid);
      sb.fireClockTrigger(uid); // a second run the same day (a manual run, a retry) sends nothing more
      for (const m of sb.fakes.MailApp.outbox.slice(before)) sentOn[m.subject] = iso;
      sb.clock.advance(DAY);
    }
    expect(summary(sb)).toEqual([
      'agdermodellen@example.no Purring 3: halvårsrapport for sak 2025-05-001 er forfalt cc postmottak@example.no',
      'datasenter@example.no Purring 3: halvårsrapport for sak 2025-05-002 er forfalt cc postmottak@example.no',
      'datasenter@example.no Purring 3: sluttrapport for sak 2025-05-002 er forfalt cc postmottak@example.no',
      'agdermodellen@example.no Påminnelse: halvårsrapport for sak 2025-05-001 innen 01.05.2026',
      'agdermodellen@example.no Purring: halvårsrapport for sak 2025-05-001 er forfalt',
    ]);
    expect(Object.values(sentOn)).toEqual([
      '2026-04-10',
      '2026-04-10',
      '2026-04-10',
      '2026-04-17',
      '2026-05-02',
    ]);
    // Each e-mail carries the project's own prefilled link to the status form.
    const [first] = sb.fakes.MailApp.outbox;
    expect(first!.body).toMatch(/viewform\?usp=pp_url&entry\.\d+=2025-05-001\b/);
    // …with the case's code, which ties the report to the project.
    expect(statusCodeOf(sb, '2025-05-001')).toMatch(/^k[0-9a-f]{20}$/);
    expect(first!.body).toContain(`=${statusCodeOf(sb, '2025-05-001')}`);
    const recorded = rows(sb, 'Påminnelser');
    expect(recorded.map((r) => `${r['Saksnr']} ${r['Steg']}`)).toEqual([
      '2025-05-001 purring 3',
      '2025-05-002 purring 3',
      '2025-05-002 purring 3',
      '2025-05-001 før',
      '2025-05-001 purring 1',
    ]);
    expect(recorded[0]).toMatchObject({ Til: 'agdermodellen@example.no', Kopi: 'postmottak@example.no' });
    expect(rows(sb, 'Logg').filter((r) => r['Handling'] === 'Påminnelser')).toHaveLength(3);
  });

  it('stops at the quota, says so in Logg, and sends the rest on the next day', () => {
    const { sb, uid } = start(undefined, 3); // 3 recipients a day; each overdue-3 reminder costs 2
    sb.fireClockTrigger(uid);
    expect(sb.fakes.MailApp.outbox).toHaveLength(1);
    expect(rows(sb, 'Logg').at(-1)!['Etter']).toMatch(
      /1 sendt; 2 venter til neste kjøring fordi e-postkvoten/,
    );
    sb.clock.advance(DAY);
    sb.fireClockTrigger(uid);
    expect(sb.fakes.MailApp.outbox).toHaveLength(2);
    sb.clock.advance(DAY);
    sb.fireClockTrigger(uid);
    sb.fireClockTrigger(uid);
    expect(sb.fakes.MailApp.outbox).toHaveLength(3);
    expect(
      new Set(rows(sb, 'Påminnelser').map((r) => `${r['Saksnr']}|${r['Frist']}|${r['Steg']}`)).size,
    ).toBe(3);
  });

  it('west of UTC, records its days as the days they are and sends each reminder once', () => {
    const sb = deskWith(workbook(), { now: START, timeZone: 'America/New_York' });
    sb.ui.answerAlert();
    sb.call('createStatusForm');
    const uid = sb.fakes.ScriptApp.allTriggers().find((t) => t.handler === 'runHourly')!.uniqueId;
    sb.fireClockTrigger(uid); // 01:00 in New York: the day's reminders wait for 07:00 there
    expect(sb.fakes.MailApp.outbox).toHaveLength(0);
    sb.clock.advance(6 * 3_600_000);
    sb.fireClockTrigger(uid);
    sb.fireClockTrigger(uid);
    expect(sb.fakes.MailApp.outbox).toHaveLength(3);
    const sheet = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Påminnelser')!;
    const [header, first] = sheet.getRange(1, 1, 2, sheet.getLastColumn()).getDisplayValues();
    expect(first![header!.indexOf('Frist')]).toMatch(/^2025-11-01\b/); // not 31 October
  });

  it('sends nothing and reads only Innstillinger, once a day, when reminders are off (the default)', () => {
    const { sb, uid } = start({ emailReminders: false });
    const reads = () => {
      const before = sb.calls.count('Sheet.getSheetValues');
      sb.fireClockTrigger(uid);
      return sb.calls.count('Sheet.getSheetValues') - before;
    };
    const first = reads();
    expect(first - reads()).toBe(1); // the day's first hour read Innstillinger; the next hour does not
    sb.clock.advance(DAY);
    sb.calls.reset();
    for (let day = 0; day < 60; day++, sb.clock.advance(DAY)) sb.fireClockTrigger(uid);
    expect(sb.fakes.MailApp.outbox).toEqual([]);
    expect(sb.calls.count('Range.setValues')).toBe(0);
    expect(sb.calls.count('Sheet.getSheetValues')).toBe(60 * first); // Innstillinger, once a day (one call)
    expect(sheetCalls(sb) % 60).toBe(0); // the same few calls each day
  });

  it('does nothing when called as google.script.run or with a forged event', () => {
    const { sb } = start();
    sb.call('sendReminders', undefined);
    sb.call('sendReminders', { triggerUid: 'forged' });
    expect(sb.fakes.MailApp.outbox).toEqual([]);
  });

  it('makes the same Spreadsheet calls whatever the number of projects, plus a write and a flush per batch', () => {
    const counts = [2, 200].map((n) => {
      const sb = many(n);
      const uid = sb.fakes.ScriptApp.allTriggers().find((t) => t.handler === 'runHourly')!.uniqueId;
      sb.calls.reset();
      sb.fireClockTrigger(uid);
      return { calls: sheetCalls(sb), mails: sb.fakes.MailApp.outbox.length };
    });
    expect(counts[1]!.mails).toBeGreaterThan(counts[0]!.mails);
    // Each batch of sends is one append (getRange, setValues) and one flush.
    const perBatch = (c: { calls: number; mails: number }) => c.calls - 3 * Math.ceil(c.mails / 20);
    expect(perBatch(counts[1]!)).toBe(perBatch(counts[0]!));
  });
});

/** The example with `n` more projects like Agdermodellen (each owes its overdue reports), Workspace quota. */
function many(n: number, mailQuota = 1500): Desk {
  const values = workbook();
  const apps = values[APPLICATIONS.name]!;
  const col = (apps[0] as string[]).indexOf('Kontakt e-post');
  for (let i = 0; i < n; i++)
    apps.push(
      [...(apps[1] as unknown[])].map((v, c) => (c === 0 ? `X-${i}` : c === col ? `x${i}@example.no` : v)),
    );
  const sb = deskWith(values, { now: START, mailQuota });
  sb.ui.answerAlert();
  sb.call('createStatusForm');
  return sb;
}

const hourly = (sb: Desk) =>
  sb.fakes.ScriptApp.allTriggers().find((t) => t.handler === 'runHourly')!.uniqueId;
const HOUR = 3_600_000;
const sentMails = (sb: Desk) => sb.fakes.MailApp.outbox.map((m) => `${m.to.join(',')} ${m.subject}`);
const recordedKeys = (sb: Desk) =>
  rows(sb, 'Påminnelser').map((r) => `${r['Saksnr']}|${String(r['Frist'])}|${r['Steg']}`);
const logLines = (sb: Desk, action: string) => rows(sb, 'Logg').filter((r) => r['Handling'] === action);

describe('mail and time limits', () => {
  it('reminders can go out twice when a run is killed', () => {
    const sb = many(60);
    const uid = hourly(sb);
    // The 30th send stalls past Google's 6 minutes: the run is killed there, its last batch unflushed.
    sb.fakes.MailApp.latency = (n) => (n === 30 ? 7 * 60_000 : 1000);
    expect(() => sb.fireClockTrigger(uid)).toThrow('Exceeded maximum execution time');
    expect(sb.fakes.MailApp.outbox).toHaveLength(30);
    // At most a batch is missing from the record when the run dies.
    expect(recordedKeys(sb)).toHaveLength(20); // the first batch, flushed; the next ten died with the run
    sb.fakes.MailApp.latency = () => 1000;
    sb.clock.advance(HOUR);
    sb.fireClockTrigger(uid);
    sb.clock.advance(HOUR);
    sb.fireClockTrigger(uid);
    const mails = sentMails(sb);
    expect(mails.length).toBeGreaterThan(60);
    expect(new Set(mails).size).toBe(mails.length); // none twice
    // Every mail sent is in Påminnelser, once.
    expect(recordedKeys(sb)).toHaveLength(mails.length);
    expect(new Set(recordedKeys(sb)).size).toBe(mails.length);
    // The killed run's Logg line died with it; the next run says what it recorded for it.
    const [line, ...later] = logLines(sb, 'Påminnelser');
    expect(later).toEqual([]);
    expect(line!['Etter']).toMatch(
      /^\d+ sendt; \d+ sendt av en kjøring som ble stoppet, nå ført inn i «Påminnelser» \(den siste av dem gikk kanskje ikke ut\)$/,
    );
  });

  it('one bad contact address stops all later reminders, and Logg blames the quota', () => {
    const values = workbook();
    const apps = values[APPLICATIONS.name]!;
    const col = (apps[0] as string[]).indexOf('Kontakt e-post');
    apps[1]![col] = 'agdermodellen@example..no'; // looks like an address; Google refuses it
    const sb = deskWith(values, { now: START });
    sb.ui.answerAlert();
    sb.call('createStatusForm');
    const uid = hourly(sb);
    sb.fireClockTrigger(uid);
    // The other project's two reminders still go out, and are recorded.
    expect(summary(sb)).toEqual([
      'datasenter@example.no Purring 3: halvårsrapport for sak 2025-05-002 er forfalt cc postmottak@example.no',
      'datasenter@example.no Purring 3: sluttrapport for sak 2025-05-002 er forfalt cc postmottak@example.no',
    ]);
    expect(recordedKeys(sb)).toHaveLength(2);
    const [refused, ...more] = logLines(sb, 'Påminnelse ikke sendt');
    expect(more).toEqual([]);
    expect(refused).toMatchObject({ Sak: '2025-05-001' });
    expect(refused!['Etter']).toContain('agdermodellen@example..no');
    expect(refused!['Etter']).toContain('Invalid email: agdermodellen@example..no');
    expect(refused!['Etter']).not.toMatch(/kvote/);
    expect(logLines(sb, 'Påminnelser').at(-1)!['Etter']).toBe(
      '2 sendt; 1 avvist av Google (adressen står i linjen for saken)',
    );
    // Later hours that day neither try it again nor log it again; the next day tries once more.
    sb.clock.advance(HOUR);
    sb.fireClockTrigger(uid);
    expect(logLines(sb, 'Påminnelse ikke sendt')).toHaveLength(1);
    sb.clock.advance(DAY - HOUR);
    sb.fireClockTrigger(uid);
    expect(logLines(sb, 'Påminnelse ikke sendt')).toHaveLength(2);
    expect(sb.fakes.MailApp.outbox).toHaveLength(2);
  });

  it('stops for time well before 6 minutes, says so once, and the next hour goes on', () => {
    const sb = many(120);
    const uid = hourly(sb);
    sb.fakes.MailApp.latency = () => 3000; // a slow day at Gmail: about 90 sends fit in a run
    const perRun: number[] = [];
    for (let run = 0; run < 4; run++) {
      const before = sb.fakes.MailApp.outbox.length;
      sb.fireClockTrigger(uid); // never killed
      perRun.push(sb.fakes.MailApp.outbox.length - before);
      sb.clock.advance(HOUR);
    }
    const mails = sentMails(sb);
    expect(perRun[0]).toBeGreaterThan(80);
    expect(perRun[0]).toBeLessThanOrEqual(91); // 4.5 minutes of 3-second sends, and the last one started
    expect(perRun[3]).toBe(0); // done
    expect(new Set(mails).size).toBe(mails.length);
    expect(recordedKeys(sb)).toHaveLength(mails.length);
    const lines = logLines(sb, 'Påminnelser').map((r) => String(r['Etter']));
    expect(lines[0]).toMatch(
      /^\d+ sendt; \d+ venter til neste kjøring om en time: kjøringen stoppet i tide før Googles grense på 6 minutter per kjøring$/,
    );
    expect(lines.join('\n')).not.toMatch(/kvote/);
    expect(lines.at(-1)).toMatch(/^\d+ sendt$/);
  });
});

describe('Vis påminnelser', () => {
  it('shows what the next run would send, and sends and writes nothing', () => {
    const { sb } = start();
    sb.calls.reset();
    sb.ui.answerAlert();
    sb.call('showReminders');
    const alert = sb.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Vis påminnelser');
    expect(alert.prompt).toMatch(/^Neste kjøring sender 3 påminnelser:/);
    expect(alert.prompt).toContain(
      '• 2025-05-001 – purring 3 – frist 01.11.2025 → agdermodellen@example.no (kopi postmottak@example.no)',
    );
    expect(sb.fakes.MailApp.outbox).toEqual([]);
    expect(sb.calls.count('Range.setValues')).toBe(0);
  });

  it('says when reminders are off, and what switching them on would send; a reader may look', () => {
    const { sb } = start({ emailReminders: false });
    sb.ui.answerAlert();
    sb.runAs({ email: 'leser@example.no' }, () => sb.call('showReminders'));
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/^Påminnelser er slått av[\s\S]*sender 3 påminnelse/);
    expect(sb.fakes.MailApp.outbox).toEqual([]);
  });

  it('says when the sends are more than one run reaches in its time budget, and what waits for the quota', () => {
    const sb = many(300, 500);
    sb.ui.answerAlert();
    sb.call('showReminders');
    const prompt = sb.ui.alerts.at(-1)!.prompt;
    const head =
      /^(\d+) påminnelser; omtrent 180 rekker én kjøring \(den starter ingen ny e-post etter 4,5 minutter\), resten går (neste time|de neste (\d+) timene):$/m.exec(
        prompt,
      );
    expect(head).not.toBeNull();
    expect(Number(head![1])).toBeGreaterThan(180);
    // The quota of 500 recipients does not reach all of them: the rest wait a day.
    expect(prompt).toMatch(
      /^\d+ venter til neste dag: e-postkvoten \(500 mottakere igjen i dag\) rekker ikke\.$/m,
    );
    expect(sb.fakes.MailApp.outbox).toEqual([]);
    // When a send takes the estimated 1,5 s, one run sends about that many and leaves the rest.
    sb.fakes.MailApp.latency = () => 1500;
    sb.fireClockTrigger(hourly(sb));
    const sent = sb.fakes.MailApp.outbox.length;
    expect(Math.abs(sent - 180)).toBeLessThanOrEqual(10);
    expect(sent).toBeLessThan(Number(head![1]));
  });
});

describe('the trigger', () => {
  it('is installed once per spreadsheet: another member’s is kept and named', () => {
    const { sb } = start();
    sb.ui.answerAlert('YES').answerAlert(); // made again: asked first
    sb.runAs({ email: LEADER }, () => sb.call('createStatusForm'));
    const daily = sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'runHourly');
    expect(daily.map((t) => t.owner)).toEqual([SECRETARY]);
    expect(sb.ui.alerts.at(-1)!.prompt).toContain(
      `påminnelsene sendes av utløserne som ${SECRETARY} installerte`,
    );
    sb.ui.answerAlert('YES').answerAlert();
    sb.call('createStatusForm'); // the installer again: replaced, still one
    expect(sb.fakes.ScriptApp.allTriggers().filter((t) => t.handler === 'runHourly')).toHaveLength(1);
  });
});
