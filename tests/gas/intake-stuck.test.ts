import { APPLICATIONS } from '../../src/core/workbook/contract';
import { LEADER, answers, deskWith, formOf, submit, type Desk } from './desk-helpers';

/**
 * Nothing stuck in silence: a submission or sweep that cannot register records why and since when (a
 * document property), the portfolio check shows it as `intake-stuck`, and each member is told once at
 * their first action; the next registration that goes through clears it.
 */
const stuckProperty = (sb: Desk) =>
  sb.fakes.PropertiesService.getDocumentProperties().getProperty('tilskudd.application.stuck');

function renameHeader(sb: Desk, from: string, to: string) {
  const sheet = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(APPLICATIONS.name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  sheet.getRange(1, header.indexOf(from) + 1).setValue(to);
}

const findingRules = (sb: Desk) =>
  (sb.spreadsheet.sheetData('Avvik').values as unknown[][]).slice(1).map((r) => String(r[0]));

describe('intake-stuck', () => {
  it('a refused submission and sweep record why and since when; the check shows it; members are told once; cleared once registered', () => {
    const sb = deskWith();
    formOf(sb);
    renameHeader(sb, 'Svar-ID', 'Svar ID (omdøpt)');
    const since = sb.clock.now() + 1000;
    submit(sb, answers({ title: 'Venter' }));
    const record = JSON.parse(stuckProperty(sb)!) as { since: number; reason: { nb: string } };
    expect(record.since).toBe(since);
    expect(record.reason.nb).toMatch(/mangler «Svar-ID»/);
    sb.clock.advance(3_600_000);
    sb.fireClockTriggers(); // still refused: the first time is kept
    expect((JSON.parse(stuckProperty(sb)!) as { since: number }).since).toBe(since);

    sb.ui.answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('checkPortfolio'));
    expect(findingRules(sb)).toContain('intake-stuck');
    const told = sb.ui.toasts.filter((t) =>
      /Svar fra søknadsskjemaet er ikke registrert siden/.test(t.message),
    );
    expect(told).toHaveLength(1);
    sb.runAs({ email: LEADER }, () => sb.call('checkPortfolio'));
    expect(sb.ui.toasts.filter((t) => /ikke registrert siden/.test(t.message))).toHaveLength(1);

    renameHeader(sb, 'Svar ID (omdøpt)', 'Svar-ID');
    sb.fireClockTriggers();
    expect(stuckProperty(sb)).toBeNull();
    sb.runAs({ email: LEADER }, () => sb.call('checkPortfolio'));
    expect(findingRules(sb)).not.toContain('intake-stuck');
  });
});
