import { readFileSync } from 'node:fs';
import { CallLog } from './fakes/calls';
import { FakePropertiesService, createEnv } from './fakes/services';
import { createSpreadsheetFakes } from './fakes/spreadsheet';
import { menuFunctions, type MenuEntry } from './fakes/ui';
import { LEADER, SECRETARY, deskWith } from './desk-helpers';
import { loadBundle, type Sandbox } from './sandbox';

/**
 * From a copy to a working desk: the add-on's onOpen in AuthMode.NONE, onInstall, the set-up wizard, a copy
 * of a used master, Om Tilskudd, and the menu paths the install guide names.
 */
const STAMP = 'tilskudd.spreadsheetId';
const COPIER = 'ny.leder@kommune.no';

type Done = { ok: true; value: { lines: string[] } } | { ok: false; error: string };
type View = {
  ok: true;
  value: {
    fresh: boolean;
    user: string;
    formExists: boolean;
    fields: Array<{ name: string; value: string }>;
  };
};

describe('the add-on rule in the fakes: AuthMode.NONE refuses the document', () => {
  test('only the Ui and its menus answer; the spreadsheet, properties and session throw', () => {
    const calls = new CallLog();
    const fakes = createSpreadsheetFakes({ calls, mode: () => 'addonNone' });
    expect(() => fakes.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission.*AuthMode\.NONE/);
    const ui = fakes.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Om Tilskudd', 'aboutTilskudd').addToUi();
    expect(fakes.ui.menus[0]).toMatchObject({ addon: true });
    expect(() => ui.alert('hei')).toThrow(/permission/);
    const env = createEnv({
      execution: { id: 'x', activeUser: '', effectiveUser: '', mode: 'addonNone' },
    });
    expect(() => new FakePropertiesService(env).getDocumentProperties()).toThrow(/permission/);
  });
});

const shape = (entries: MenuEntry[]): unknown[] =>
  entries.map((e) => ('submenu' in e ? { [e.caption]: shape(e.submenu) } : 'caption' in e ? e.caption : '—'));

describe('onOpen and onInstall as an editor add-on (AuthMode.NONE)', () => {
  test.each(['onOpen', 'onInstall'])('%s builds the full Norwegian add-on menu and reads nothing', (fn) => {
    const bound = deskWith();
    bound.call('onOpen');
    const sb = deskWith(undefined, { locale: 'en_GB' });
    sb.callAsAddon(fn);
    const [menu] = sb.ui.menus;
    expect(menu!.addon).toBe(true);
    // The same items as the bound script's menu, in Norwegian although the locale is English: not read.
    expect(shape(menu!.entries)).toEqual(shape(bound.ui.menus[0]!.entries));
    const touched = Object.keys(sb.calls.snapshot()).filter(
      (k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k),
    );
    expect(touched).toEqual([]);
  });

  test('a bound script (AuthMode.LIMITED) keeps its own top-level menu in the locale', () => {
    const sb = loadBundle({ locale: 'en_GB' });
    sb.callAsSimpleTrigger('onOpen');
    expect(sb.ui.menus[0]).toMatchObject({ caption: 'Tilskudd', addon: false });
    expect(sb.ui.menus[0]!.entries[0]).toMatchObject({ caption: 'Check portfolio' });
  });
});

const values = (sb: Sandbox, sheet: string) => sb.spreadsheet.sheetData(sheet).values;
const setting = (sb: Sandbox, key: string) => values(sb, 'Innstillinger').find((r) => r[0] === key)?.[1];

describe('the set-up wizard', () => {
  test('on a new workbook: shows the settings, checks them, then sets up and makes its user leader', () => {
    const sb = loadBundle({ activeUser: COPIER });
    const view = sb.call<View>('wizardLoad');
    expect(view.value).toMatchObject({ fresh: true, user: COPIER, formExists: false });
    const names = view.value.fields.map((f) => f.name);
    for (const name of [
      'Helsefellesskap',
      'Helseforetak',
      'Helseforetak kortnavn',
      'Org.nr forvalter',
      'Beslutningsorgan',
      'Orienteringsorgan',
      'Regionalt helseforetak',
      'Ramme',
      'Ramme 2025',
      'Nøkkel innovasjon/prosjekt',
      'Grense tilleggsbevilling',
      'Søknadsrunder',
      'Sekretariatets e-post',
      'Postadresse',
    ])
      expect(names).toContain(name);
    // Loading wrote nothing.
    expect(sb.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);

    const done = sb.call<Done>('wizardSave', {
      Helsefellesskap: 'Helsefellesskapet Innlandet',
      Ramme: '6,5 mill.',
      'Ramme 2025': 'kr 6 500 000,-',
      'Nøkkel innovasjon/prosjekt': '70 %',
      'Nøkkel samdrift/tiltak': '25',
    });
    expect(done.ok).toBe(true);
    expect(setting(sb, 'Helsefellesskap')).toBe('Helsefellesskapet Innlandet');
    expect(setting(sb, 'Ramme')).toBe(6_500_000);
    expect(setting(sb, 'Ramme 2025')).toBe(6_500_000);
    expect(setting(sb, 'Ramme 2024')).toBe(9_160_000);
    expect(values(sb, 'Medlemmer')[1]).toEqual(expect.arrayContaining([COPIER, 'Leder']));
    const lines = (done as { value: { lines: string[] } }).value.lines.join('\n');
    expect(lines).toMatch(`${COPIER} er leder.`);
    expect(lines).toMatch(
      /Innstillinger endret: Helsefellesskap = Helsefellesskapet Innlandet; Ramme = 6500000/,
    );

    // Forms and triggers, the second step.
    const form = sb.call<Done>('wizardForm');
    expect(form.ok).toBe(true);
    expect(sb.fakes.FormApp.forms.size).toBe(1);
    expect(sb.fakes.ScriptApp.allTriggers().map((t) => t.owner)).toContain(COPIER);

    // Again with the same values: nothing changes, no second form.
    const before = JSON.stringify(
      sb.spreadsheet.sheets.map((s) => [s.name, values(sb, s.name)]).filter(([n]) => n !== 'Logg'),
    );
    const again = sb.call<Done>('wizardSave', {
      Helsefellesskap: 'Helsefellesskapet Innlandet',
      Ramme: '6 500 000',
    });
    expect(again).toMatchObject({ ok: true });
    expect((again as { value: { lines: string[] } }).value.lines).toContain('Ingen innstillinger endret.');
    expect(
      JSON.stringify(
        sb.spreadsheet.sheets.map((s) => [s.name, values(sb, s.name)]).filter(([n]) => n !== 'Logg'),
      ),
    ).toBe(before);
    expect(sb.call<Done>('wizardForm')).toMatchObject({
      ok: true,
      value: { lines: [expect.stringMatching(/fantes allerede/)] },
    });
    expect(sb.fakes.FormApp.forms.size).toBe(1);
  });

  test('refuses what cannot be read, and keys that do not add up, writing nothing', () => {
    const sb = loadBundle({ activeUser: COPIER });
    const bad = sb.call<Done>('wizardSave', { Ramme: 'ni millioner', Helsefellesskap: ' ' });
    expect(bad.ok).toBe(false);
    expect((bad as { error: string }).error).toMatch(/Ramme: «ni millioner» kan ikke leses/);
    expect((bad as { error: string }).error).toMatch(/Helsefellesskap må fylles ut/);
    const keys = sb.call<Done>('wizardSave', { 'Nøkkel innovasjon/prosjekt': '70 %' });
    expect((keys as { error: string }).error).toMatch(/summerer til 90 %/);
    expect(sb.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(sb.call<Done>('wizardSave', { 'Ramme neste år': '1' })).toMatchObject({ ok: false });
    expect(sb.call<Done>('wizardSave', { 'Ukjent felt': 'x' })).toMatchObject({
      ok: false,
      error: /Ugyldig forespørsel/,
    });
  });

  test('in a workbook in use only the leader may run it', () => {
    const sb = deskWith();
    expect(sb.call<Done>('wizardSave', { Ramme: '9 000 000' })).toMatchObject({ ok: false });
    expect(sb.runAs({ email: LEADER }, () => sb.call<View>('wizardLoad')).value.fresh).toBe(false);
    expect(
      sb.runAs({ email: LEADER }, () => sb.call<Done>('wizardSave', { Ramme: '9 000 000' })),
    ).toMatchObject({ ok: true });
    expect(SECRETARY).not.toBe(LEADER);
  });
});

describe('a copy of a used master', () => {
  test('its copier becomes leader; nothing the master stored is trusted', () => {
    // The master: set up once (stamped), Medlemmer and Logg emptied, its form and marks in the properties.
    const master = loadBundle({ activeUser: 'vedlikehold@example.no', spreadsheetId: 'master-id' });
    master.call('setupWorkbook');
    const props = master.fakes.PropertiesService.getDocumentProperties();
    expect(props.getProperty(STAMP)).toBe('master-id');
    const copy = loadBundle({ activeUser: COPIER, spreadsheetId: 'copy-id' });
    const masterForm = copy.fakes.FormApp.create('Mesterens skjema');
    const carried = {
      [STAMP]: 'master-id',
      'tilskudd.formId': masterForm.getId(),
      'tilskudd.triggerOwner': 'vedlikehold@example.no',
      'tilskudd.caseIds': '{"2025-05":9}',
      'tilskudd.secret': 'the-masters-key',
    };
    copy.fakes.PropertiesService.getDocumentProperties().setProperties(carried);
    const view = copy.call<View>('wizardLoad');
    expect(view.value).toMatchObject({ fresh: true, user: COPIER, formExists: false });
    expect(copy.call<Done>('wizardSave', {})).toMatchObject({ ok: true });
    expect(values(copy, 'Medlemmer')[1]).toEqual(expect.arrayContaining([COPIER, 'Leder']));
    const after = copy.fakes.PropertiesService.getDocumentProperties().getProperties();
    // Only the stamp and a key of its own: the master's key would let anyone with the master sign reports.
    // (and that set-up marked the response keys with that key)
    expect(Object.keys(after).sort()).toEqual([
      'tilskudd.check.findingsTextRows',
      'tilskudd.check.marks',
      'tilskudd.responseKeys.marked.Innspill',
      'tilskudd.responseKeys.marked.Statusrapporter',
      'tilskudd.responseKeys.marked.Søknader',
      'tilskudd.secret',
      STAMP,
    ]);
    expect(after[STAMP]).toBe('copy-id');
    expect(after['tilskudd.secret']).not.toBe('the-masters-key');
    // Its own form and trigger, not the master's.
    copy.call<Done>('wizardForm');
    expect(copy.fakes.FormApp.forms.size).toBe(2);
    expect(copy.fakes.PropertiesService.getDocumentProperties().getProperty('tilskudd.formId')).not.toBe(
      masterForm.getId(),
    );
  });
});

describe('Om Tilskudd', () => {
  test('shows the version of package.json, the build day and the newest changes', () => {
    const sb = deskWith();
    sb.ui.answerAlert();
    sb.call('aboutTilskudd');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const [alert] = sb.ui.alerts;
    expect(alert!.title).toBe('Om Tilskudd');
    expect(alert!.prompt).toMatch(
      new RegExp(`^Tilskudd ${version.replace(/\./g, '\\.')}, bygget \\d{4}-\\d{2}-\\d{2}\\.`),
    );
    expect(alert!.prompt).toMatch(/Nytt i denne versjonen:\n• /);
    expect(alert!.prompt).toMatch(/Slik oppdaterer du/);
  });
});

describe('the install guide follows the menu', () => {
  test.each([
    ['docs/install.md', 'nb_NO'],
    ['docs/install.en.md', 'en_GB'],
  ])('every menu path %s names exists', (file, locale) => {
    const sb = loadBundle({ locale });
    sb.call('onOpen');
    const paths = new Set<string>();
    const walk = (entries: MenuEntry[], prefix: string) => {
      for (const e of entries) {
        if ('submenu' in e) walk(e.submenu, `${prefix} › ${e.caption}`);
        else if ('caption' in e) paths.add(`${prefix} › ${e.caption}`);
      }
    };
    walk(sb.ui.menus[0]!.entries, 'Tilskudd');
    const guide = readFileSync(file, 'utf8');
    const named = [...guide.matchAll(/\*(Tilskudd(?: › [^*›]+)+)\*/g)].map((m) =>
      m[1]!.replace(/\s+/g, ' ').trim(),
    );
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const path of named) expect([path, paths.has(path)]).toEqual([path, true]);
    expect(menuFunctions(sb.ui.menus[0]!.entries)).toContain('openSetupWizard');
    // Every scope of the manifest is explained, and no other.
    const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as { oauthScopes: string[] };
    const explained = [...guide.matchAll(/^\s*\| `([a-z._]+)` \|/gm)].map((m) => m[1]);
    expect(explained.sort()).toEqual(manifest.oauthScopes.map((s) => s.split('/auth/')[1]).sort());
  });
});
