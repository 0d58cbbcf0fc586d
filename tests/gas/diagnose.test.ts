import { APPLICATIONS } from '../../src/core/workbook/contract';
import { LEADER, SECRETARY, answers, deskWith, formOf, submit, type Desk } from './desk-helpers';

/**
 * *Diagnose* (Leder only) reads live Google — forms, journals, triggers, the lock, the mail quota, stuck
 * intake, the version, the whole-sheet read — and writes nothing but its own dated block in `Diagnose`.
 */
const diagnose = (sb: Desk, email = LEADER) => {
  sb.ui.answerAlert(); // a refusal is an alert
  sb.runAs({ email }, () => sb.call('runDiagnosis'));
};

const report = (sb: Desk) => sb.spreadsheet.sheetData('Diagnose').values.map((r) => r.map(String));
/** The rows of the last block, by check name: [status, found, todo]. */
function lastBlock(sb: Desk): Array<[string, string, string, string]> {
  const rows = report(sb);
  const start = rows.map((r) => r[0]!.startsWith('Diagnose ')).lastIndexOf(true);
  return rows.slice(start + 2) as Array<[string, string, string, string]>;
}
const row = (sb: Desk, check: string | RegExp) => {
  const hits = lastBlock(sb).filter((r) => (typeof check === 'string' ? r[0] === check : check.test(r[0])));
  expect(hits).toHaveLength(1);
  return hits[0]!;
};
const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const sheetNames = (sb: Desk) => sb.spreadsheet.sheets.map((s) => s.name);

/** Everything but `Diagnose`: every sheet's cells, notes, formats; properties, triggers and forms. */
function workbook(sb: Desk) {
  const sheets = Object.fromEntries(
    sheetNames(sb)
      .filter((n) => n !== 'Diagnose')
      .map((n) => [n, sb.spreadsheet.sheetData(n)]),
  );
  return {
    sheets,
    properties: sb.fakes.PropertiesService.getDocumentProperties().getProperties(),
    triggers: sb.fakes.ScriptApp.allTriggers(),
    forms: [...sb.fakes.FormApp.forms.values()].map((f) => f.snapshot()),
  };
}

/** A desk whose application form and triggers the Leder made. */
function withForm() {
  const sb = deskWith();
  sb.runAs({ email: LEADER }, () => formOf(sb));
  return sb;
}

describe('Diagnose', () => {
  test('only a Leder may run it: others are refused and nothing is written', () => {
    const sb = withForm();
    const before = workbook(sb);
    for (const email of [SECRETARY, 'leser@example.no', 'fremmed@example.no']) {
      diagnose(sb, email);
      expect(sb.ui.alerts.at(-1)!.prompt).toMatch(/kjøre Diagnose|står ikke i arket/);
      expect(sb.ui.html).toHaveLength(0);
    }
    expect(sheetNames(sb)).not.toContain('Diagnose');
    expect(workbook(sb)).toEqual(before);
  });

  test('writes a dated report with every check, and shows it in a dialog of escaped text', () => {
    const sb = withForm();
    const before = workbook(sb);
    sb.runAs({ email: LEADER }, () => sb.call('runDiagnosis'));
    const [title, header] = report(sb);
    expect(title![0]).toBe('Diagnose 19.11.2025 10:00');
    expect(title![1]).toBe(`Kjørt av ${LEADER}`);
    expect(header).toEqual(['Kontroll', 'Status', 'Funn', 'Hva du gjør']);
    expect(row(sb, 'Søknadsskjemaet: publisering').slice(1, 3)).toEqual([
      'OK',
      'Publisert og tar imot svar.',
    ]);
    expect(row(sb, 'Søknadsskjemaet: kobling til arket')[2]).toMatch(/^Svarene går til arket «Skjemasvar 1»/);
    expect(row(sb, 'Statusskjemaet: publisering').slice(1, 3)).toEqual(['OK', 'Ikke laget ennå.']);
    // The regions' input form is optional too, and made from its own menu item.
    expect(row(sb, 'Innspillsskjemaet: publisering').slice(1)).toEqual([
      'OK',
      'Ikke laget ennå.',
      'Ingenting nå; velg Tilskudd › Handlingsplan › Opprett innspillsskjema når regionene skal gi innspill til handlingsplanen.',
    ]);
    expect(row(sb, 'Utløsere').slice(1, 3)).toEqual([
      'OK',
      'Du eier utløserne: én for skjemasvar og én hver time.',
    ]);
    expect(row(sb, 'Dokumentlås')[1]).toBe('OK');
    expect(row(sb, 'E-postkvote').slice(1, 3)).toEqual(['OK', '100 e-poster igjen i dag fra kontoen din.']);
    expect(row(sb, 'Inntak')[1]).toBe('OK');
    expect(row(sb, 'Versjon')[2]).toMatch(/^Tilskudd \d+\.\d+\.\d+, bygget \d{4}-\d\d-\d\d\.$/);
    expect(row(sb, 'Lesing av hele ark').slice(1, 3)).toEqual([
      'OK',
      'getSheetValues(1, 1, -1, -1) leser hele arket «Medlemmer» i ett kall (4 × 5).',
    ]);
    expect(row(sb, 'Ikke kontrollert')[2]).toMatch(/Hvem som får svare/);
    for (const r of lastBlock(sb).slice(0, -1)) expect(['OK', 'Advarsel', 'Problem']).toContain(r[1]);

    const [dialog, ...more] = sb.ui.html;
    expect(more).toHaveLength(0);
    expect(dialog!.kind).toBe('modal');
    expect(dialog!.dialogTitle).toBe('Diagnose');
    for (const r of lastBlock(sb)) for (const cell of r) expect(dialog!.content).toContain(escaped(cell));
    expect(dialog!.content).not.toMatch(/<script/);
    expect(
      sb.spreadsheet
        .sheetData('Diagnose')
        .formulas.flat()
        .every((f) => f === ''),
    ).toBe(true);
    // It changed nothing else.
    expect(workbook(sb)).toEqual(before);
  });

  test('a form and the triggers of another member: what this user can see, and what to ask', () => {
    const sb = deskWith();
    formOf(sb); // made by the secretariat member, who holds the triggers
    diagnose(sb);
    expect(row(sb, 'Utløsere').slice(1, 3)).toEqual([
      'OK',
      `Utløserne eies av ${SECRETARY}. Google viser bare hver brukers egne utløsere.`,
    ]);
    // The form deleted or not shared: it cannot be opened.
    sb.fakes.FormApp.forms.clear();
    diagnose(sb);
    expect(row(sb, 'Søknadsskjemaet: publisering')[1]).toBe('Advarsel');
    expect(row(sb, 'Søknadsskjemaet: publisering')[2]).toMatch(/kan ikke åpnes av deg/);
  });

  test('a legacy form (no publish settings) is read without isPublished, and a closed one is a problem', () => {
    const sb = withForm();
    const form = formOf(sb).makeLegacy();
    diagnose(sb);
    expect(row(sb, 'Søknadsskjemaet: publisering').slice(1, 3)).toEqual([
      'OK',
      'Tar imot svar (eldre skjema uten publiseringsinnstillinger).',
    ]);
    form.setAcceptingResponses(false);
    diagnose(sb);
    const [, status, found, todo] = row(sb, 'Søknadsskjemaet: publisering');
    expect([status, found]).toEqual([
      'Problem',
      'Skjemaet tar ikke imot svar (eldre skjema uten publiseringsinnstillinger).',
    ]);
    expect(todo).toMatch(/Godtar svar/);
  });

  test('an unpublished form and a form sending its responses elsewhere are problems', () => {
    const sb = withForm();
    const form = formOf(sb);
    form.setPublished(false);
    diagnose(sb);
    expect(row(sb, 'Søknadsskjemaet: publisering').slice(1, 3)).toEqual([
      'Problem',
      'Skjemaet er ikke publisert: ingen kan sende inn.',
    ]);
    form.removeDestination();
    diagnose(sb);
    expect(row(sb, 'Søknadsskjemaet: kobling til arket').slice(1, 3)).toEqual([
      'Problem',
      'Skjemaet sender ikke svarene til noe regneark.',
    ]);
  });

  test('Google giving no document lock, or another run holding it: warnings', () => {
    const sb = withForm();
    sb.fakes.LockService.noDocument = true;
    diagnose(sb);
    expect(row(sb, 'Dokumentlås')[1]).toBe('Advarsel');
    expect(row(sb, 'Dokumentlås')[2]).toMatch(/ingen dokumentlås her.*skriptlåsen/);
    sb.fakes.LockService.noDocument = false;
    sb.fakes.LockService.holdFor('document', 'another-execution');
    diagnose(sb);
    expect(row(sb, 'Dokumentlås')[2]).toMatch(/En annen kjøring holdt låsen/);
    expect(sb.fakes.LockService.holderOf('document')).toBe('another-execution');
  });

  test('stuck intake shows as a problem, since when and why', () => {
    const sb = withForm();
    const apps = sb.fakes.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(APPLICATIONS.name)!;
    const header = apps.getRange(1, 1, 1, apps.getLastColumn()).getValues()[0]!;
    apps.getRange(1, header.indexOf('Svar-ID') + 1).setValue('Svar ID (omdøpt)');
    submit(sb, answers({ title: 'Venter' }));
    diagnose(sb);
    const [, status, found, todo] = row(sb, 'Inntak');
    expect(status).toBe('Problem');
    expect(found).toMatch(/^Svar fra søknadsskjemaet er ikke registrert siden 2025-11-19: .*«Svar-ID»/);
    expect(todo).toMatch(/Registrer manglende svar/);
  });

  test('no mail left is a problem', () => {
    const sb = deskWith(undefined, { mailQuota: 0 });
    diagnose(sb);
    expect(row(sb, 'E-postkvote')[1]).toBe('Problem');
  });

  test('run twice, it keeps what a person typed in Diagnose and adds a block below it', () => {
    const sb = withForm();
    diagnose(sb);
    const first = report(sb).length;
    sb.spreadsheet.typeAs(LEADER, 'Diagnose', 'F2', 'Sjekket med IT');
    sb.spreadsheet.typeAs(LEADER, 'Diagnose', `A${first + 2}`, 'Mitt notat');
    const before = report(sb);
    sb.clock.advance(3_600_000);
    diagnose(sb);
    const after = report(sb);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[first + 1]![0]).toBe('Mitt notat');
    expect(after[first + 2]!.every((c) => c === '')).toBe(true);
    expect(after[first + 3]![0]).toBe('Diagnose 19.11.2025 11:00');
    expect(after.filter((r) => r[0]!.startsWith('Diagnose '))).toHaveLength(2);
  });

  test('Google refusing -1 in getSheetValues: the fallback ran, reported as a warning', () => {
    const sb = withForm();
    sb.spreadsheet.refuseMinusOne = true;
    diagnose(sb);
    const [, status, found] = row(sb, 'Lesing av hele ark');
    expect(status).toBe('Advarsel');
    expect(found).toMatch(
      /avviste getSheetValues\(1, 1, -1, -1\) på arket «Medlemmer».*getDataRange, som virker/,
    );
  });

  test('a form made again: the old one is reported beside the new, open until its day', () => {
    const sb = withForm();
    sb.ui.answerAlert('YES').answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('createForm'));
    diagnose(sb);
    expect(row(sb, 'Søknadsskjemaet: publisering')[1]).toBe('OK');
    expect(row(sb, 'Det gamle søknadsskjemaet: publisering')[2]).toMatch(
      /^Tar imot svar til \d{4}-\d\d-\d\d; så stenger timeutløseren det\.$/,
    );
    expect(row(sb, 'Det gamle søknadsskjemaet: kobling til arket')[1]).toBe('OK');
  });

  test("tells when the check's colour rules are gone from a sheet or the marks sheet is missing", () => {
    const sb = deskWith();
    sb.runAs({ email: LEADER }, () => sb.call('setupWorkbook'));
    diagnose(sb);
    expect(row(sb, 'Farger for avvik').slice(1, 3)).toEqual([
      'OK',
      expect.stringMatching(
        /^Fargereglene står på 7 ark og når alle rader med data; «Avviksfarger» er skjult og beskyttet\.$/,
      ),
    ]);
    // Someone deletes the colour rules on Budsjett (Format › Betinget formatering).
    sb.spreadsheet.sheet('Budsjett').setConditionalFormatRules([]);
    diagnose(sb);
    expect(row(sb, 'Farger for avvik').slice(1)).toEqual([
      'Advarsel',
      expect.stringMatching(/^«Budsjett» har 0 av 3 fargeregler \(noen er slettet eller endret\)\./),
      expect.stringMatching(/Sett opp arbeidsboka/),
    ]);
    sb.runAs({ email: LEADER }, () => sb.call('setupWorkbook'));
    diagnose(sb);
    expect(row(sb, 'Farger for avvik')[1]).toBe('OK');
  });
});
