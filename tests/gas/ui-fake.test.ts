import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallLog } from './fakes/calls';
import { createSpreadsheetFakes } from './fakes/spreadsheet';
import { menuFunctions } from './fakes/ui';

let htmlDir: string;

beforeAll(() => {
  htmlDir = mkdtempSync(join(tmpdir(), 'tilskudd-html-'));
  writeFileSync(join(htmlDir, 'Sidebar.html'), '<!doctype html><p>Hei</p>');
});

afterAll(() => rmSync(htmlDir, { recursive: true, force: true }));

function setup() {
  const calls = new CallLog();
  const fakes = createSpreadsheetFakes({ calls, htmlDir });
  const ui = fakes.SpreadsheetApp.getUi();
  calls.reset();
  return { ...fakes, calls, gasUi: ui, fake: fakes.ui };
}

describe('menus', () => {
  test('menus are recorded with items, separators and sub-menus when added to the UI', () => {
    const { gasUi, fake, calls } = setup();
    gasUi
      .createMenu('Tilskudd')
      .addItem('Åpne panel', 'openSidebar')
      .addSeparator()
      .addSubMenu(gasUi.createMenu('Verktøy').addItem('Sjekk', 'runChecks'))
      .addToUi();
    expect(fake.menus).toEqual([
      {
        caption: 'Tilskudd',
        addon: false,
        entries: [
          { caption: 'Åpne panel', functionName: 'openSidebar' },
          { separator: true },
          { caption: 'Verktøy', submenu: [{ caption: 'Sjekk', functionName: 'runChecks' }] },
        ],
      },
    ]);
    expect(menuFunctions(fake.menus[0]!.entries)).toEqual(['openSidebar', 'runChecks']);
    expect(calls.snapshot()).toEqual({
      'Menu.addItem': 2,
      'Menu.addSeparator': 1,
      'Menu.addSubMenu': 1,
      'Menu.addToUi': 1,
      'Ui.createMenu': 2,
    });
  });

  test('a menu not added to the UI is not recorded; add-on menus are flagged', () => {
    const { gasUi, fake } = setup();
    gasUi.createMenu('Glemt').addItem('x', 'x');
    gasUi.createAddonMenu().addItem('Start', 'start').addToUi();
    expect(fake.menus).toEqual([
      { caption: '', addon: true, entries: [{ caption: 'Start', functionName: 'start' }] },
    ]);
  });

  test('addSubMenu only takes a menu made by createMenu', () => {
    const { gasUi } = setup();
    expect(() => gasUi.createMenu('M').addSubMenu({} as GoogleAppsScript.Base.Menu)).toThrow(
      "The parameters (Object) don't match the method signature for Menu.addSubMenu.",
    );
  });
});

describe('alerts and prompts', () => {
  test('alert returns the scripted button and records what was shown', () => {
    const { gasUi, fake } = setup();
    fake.answerAlert().answerAlert('YES');
    expect(gasUi.alert('Lagret.')).toBe(gasUi.Button.OK);
    expect(gasUi.alert('Slette?', 'Slette søknad 18-2025?', gasUi.ButtonSet.YES_NO)).toBe(gasUi.Button.YES);
    expect(fake.alerts).toEqual([
      { title: null, prompt: 'Lagret.', buttons: 'OK', answer: 'OK' },
      { title: 'Slette?', prompt: 'Slette søknad 18-2025?', buttons: 'YES_NO', answer: 'YES' },
    ]);
    expect(fake.pendingAnswers).toBe(0);
  });

  test('alert(prompt, buttons) and the CLOSE answer', () => {
    const { gasUi, fake } = setup();
    fake.answerAlert('CLOSE');
    expect(gasUi.alert('Fortsette?', gasUi.ButtonSet.OK_CANCEL)).toBe(gasUi.Button.CLOSE);
    expect(fake.alerts[0]).toMatchObject({ title: null, buttons: 'OK_CANCEL' });
  });

  test('an alert with no scripted answer throws so the test notices', () => {
    const { gasUi } = setup();
    expect(() => gasUi.alert('Hei')).toThrow(
      'Ui.alert("Hei") was shown but the test queued no alert answer.',
    );
  });

  test('the answer must be of the right kind and offered by the dialog', () => {
    const { gasUi, fake } = setup();
    fake.answerPrompt('x');
    expect(() => gasUi.alert('Hei')).toThrow('the test queued no alert answer');
    fake.answerAlert('YES');
    expect(() => gasUi.alert('Hei', gasUi.ButtonSet.OK_CANCEL)).toThrow(
      'offers OK_CANCEL; it cannot answer YES',
    );
  });

  test('alert arguments must fit an overload', () => {
    const { gasUi } = setup();
    const bad = 'YES_NO' as unknown as GoogleAppsScript.Base.ButtonSet;
    expect(() => gasUi.alert('Hei', bad)).toThrow(
      "The parameters (String,String) don't match the method signature for Ui.alert.",
    );
  });

  test('prompt returns a PromptResponse with the scripted text and button', () => {
    const { gasUi, fake, calls } = setup();
    fake.answerPrompt('18-2025').answerPrompt('', 'CLOSE');
    const response = gasUi.prompt('Saksnummer', 'Skriv saksnummeret', gasUi.ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(['18-2025', gasUi.Button.OK]);
    expect(gasUi.prompt('Igjen?').getSelectedButton()).toBe(gasUi.Button.CLOSE);
    expect(fake.prompts).toEqual([
      {
        title: 'Saksnummer',
        prompt: 'Skriv saksnummeret',
        buttons: 'OK_CANCEL',
        answer: 'OK',
        text: '18-2025',
      },
      { title: null, prompt: 'Igjen?', buttons: 'OK', answer: 'CLOSE', text: '' },
    ]);
    expect(calls.count('Ui.prompt')).toBe(2);
    expect(calls.count('PromptResponse.getResponseText')).toBe(1);
  });
});

describe('sidebars and dialogs', () => {
  test('showSidebar records the output’s content and title', () => {
    const { gasUi, HtmlService, fake, calls } = setup();
    gasUi.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Tilskudd'));
    expect(fake.html).toEqual([
      expect.objectContaining({
        kind: 'sidebar',
        dialogTitle: null,
        title: 'Tilskudd',
        content: '<!doctype html><p>Hei</p>',
      }),
    ]);
    expect(calls.snapshot()).toEqual({
      'HtmlOutput.setTitle': 1,
      'HtmlService.createHtmlOutputFromFile': 1,
      'Ui.showSidebar': 1,
    });
  });

  test('modal and modeless dialogs record their title and size', () => {
    const { gasUi, HtmlService, fake } = setup();
    const output = HtmlService.createHtmlOutput('<p>x</p>').setWidth(400).setHeight(300);
    gasUi.showModalDialog(output, 'Vedtak');
    gasUi.showModelessDialog(HtmlService.createHtmlOutput(), 'Logg');
    expect(fake.html).toEqual([
      expect.objectContaining({
        kind: 'modal',
        dialogTitle: 'Vedtak',
        content: '<p>x</p>',
        width: 400,
        height: 300,
      }),
      expect.objectContaining({ kind: 'modeless', dialogTitle: 'Logg', content: '', width: 0, height: 0 }),
    ]);
  });

  test('only an HtmlOutput can be shown', () => {
    const { gasUi } = setup();
    const html = '<p>x</p>' as unknown as GoogleAppsScript.HTML.HtmlOutput;
    expect(() => gasUi.showSidebar(html)).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });
});

describe('HtmlService', () => {
  test('createHtmlOutputFromFile reads <htmlDir>/<name>.html', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<!doctype html><p>Hei</p>');
  });

  test('a missing file throws Google’s error, also without an htmlDir', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => HtmlService.createHtmlOutputFromFile('Sidebar.html')).toThrow(
      'No HTML file named Sidebar.html was found.',
    );
    const bare = createSpreadsheetFakes({ calls: new CallLog() }).HtmlService;
    expect(() => bare.createHtmlOutputFromFile('Sidebar')).toThrow('No HTML file named Sidebar was found.');
  });

  test('HtmlOutput getters and setters, counted', () => {
    const { HtmlService, calls } = setup();
    const output = HtmlService.createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .setTitle('T')
      .setWidth(320)
      .setHeight(200);
    expect([output.getContent(), output.getTitle(), output.getWidth(), output.getHeight()]).toEqual([
      '<p>a</p><p>b</p>',
      'T',
      320,
      200,
    ]);
    expect(output.setContent('<p>c</p>').getContent()).toBe('<p>c</p>');
    expect(calls.count('HtmlOutput.getContent')).toBe(2);
    expect(calls.count('HtmlService.createHtmlOutput')).toBe(1);
  });

  test('only HTML strings, and no templates', () => {
    const { HtmlService } = setup();
    const blob = {} as GoogleAppsScript.Base.BlobSource;
    expect(() => HtmlService.createHtmlOutput(blob)).toThrow(TypeError);
    expect((HtmlService as unknown as Record<string, unknown>).createTemplateFromFile).toBeUndefined();
  });

  test('meta tags and modes are recorded when shown', () => {
    const { gasUi, HtmlService, fake } = setup();
    const output = HtmlService.createHtmlOutput('')
      .addMetaTag('viewport', 'width=device-width')
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME);
    gasUi.showSidebar(output);
    expect(fake.html[0]).toMatchObject({
      metaTags: [{ name: 'viewport', content: 'width=device-width' }],
      xFrameOptionsMode: 'ALLOWALL',
      sandboxMode: 'IFRAME',
    });
  });
});
