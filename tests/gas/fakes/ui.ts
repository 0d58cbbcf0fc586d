import { FakeHtmlOutput, type HtmlSnapshot } from './html';
import { asGas, gasEnum, type Tracker } from './spreadsheet-base';

type GButton = GoogleAppsScript.Base.Button;
type GButtonSet = GoogleAppsScript.Base.ButtonSet;
type GMenu = GoogleAppsScript.Base.Menu;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';

export const Button = gasEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = gasEnum<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);

/** The buttons a user can press in a dialog with each ButtonSet (CLOSE: the dialog's close box). */
const CHOICES: Record<string, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { caption: string; submenu: MenuEntry[] };

export interface MenuRecord {
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  answer: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  text: string;
}

export interface ShownHtml extends HtmlSnapshot {
  kind: 'sidebar' | 'modal' | 'modeless';
  /** The dialog title passed to showModalDialog/showModelessDialog; a sidebar shows the output's title. */
  dialogTitle: string | null;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

type Answer = { kind: 'alert'; button: ButtonName } | { kind: 'prompt'; button: ButtonName; text: string };

/**
 * Test-side controller of the UI: what was shown, and the user's scripted answers. `ui` is what
 * SpreadsheetApp.getUi() returns. Alerts and prompts consume queued answers in order; with no answer queued
 * (or one of the wrong kind, or a button the dialog does not offer) they throw, so a test notices.
 */
export class UiFake {
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly html: ShownHtml[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly ui: GoogleAppsScript.Base.Ui;
  private readonly answers: Answer[] = [];

  constructor(tracker: Tracker) {
    this.ui = asGas(new FakeUi(tracker, this));
  }

  answerAlert(button: ButtonName = 'OK'): this {
    this.answers.push({ kind: 'alert', button });
    return this;
  }

  answerPrompt(text: string, button: ButtonName = 'OK'): this {
    this.answers.push({ kind: 'prompt', button, text });
    return this;
  }

  /** Answers queued but never used (a test can assert this is 0). */
  get pendingAnswers(): number {
    return this.answers.length;
  }

  take<K extends Answer['kind']>(kind: K, prompt: string, buttons: GButtonSet): Extract<Answer, { kind: K }> {
    const answer = this.answers.shift();
    if (answer?.kind !== kind) {
      throw new Error(`Ui.${kind}("${prompt}") was shown but the test queued no ${kind} answer.`);
    }
    if (!CHOICES[String(buttons)]?.includes(answer.button)) {
      throw new Error(
        `Ui.${kind}("${prompt}") offers ${String(buttons)}; it cannot answer ${answer.button}.`,
      );
    }
    return answer as Extract<Answer, { kind: K }>;
  }
}

type UiApi = Pick<
  GoogleAppsScript.Base.Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar'
>;

class FakeUi implements UiApi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly tracker: Tracker,
    private readonly fake: UiFake,
  ) {}

  createMenu(caption: string): GMenu {
    this.tracker.hit('Ui', 'createMenu');
    return asGas(new FakeMenu(this.tracker, this.fake, caption, false));
  }

  /** The add-on menu's caption is the add-on's name, which a test does not need: it is recorded as ''. */
  createAddonMenu(): GMenu {
    this.tracker.hit('Ui', 'createAddonMenu');
    return asGas(new FakeMenu(this.tracker, this.fake, '', true));
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); ButtonSet.OK by default. */
  alert(a: string, b?: string | GButtonSet, c?: GButtonSet): GButton {
    this.tracker.hit('Ui', 'alert');
    const { title, prompt, buttons } = this.dialogArgs('alert', [a, b, c]);
    const { button } = this.fake.take('alert', prompt, buttons);
    this.fake.alerts.push({ title, prompt, buttons: String(buttons), answer: button });
    return Button[button];
  }

  prompt(a: string, b?: string | GButtonSet, c?: GButtonSet): GoogleAppsScript.Base.PromptResponse {
    this.tracker.hit('Ui', 'prompt');
    const { title, prompt, buttons } = this.dialogArgs('prompt', [a, b, c]);
    const { button, text } = this.fake.take('prompt', prompt, buttons);
    this.fake.prompts.push({ title, prompt, buttons: String(buttons), answer: button, text });
    return asGas(new FakePromptResponse(this.tracker, text, Button[button]));
  }

  private dialogArgs(
    method: string,
    args: unknown[],
  ): { title: string | null; prompt: string; buttons: GButtonSet } {
    const given = args.filter((x) => x !== undefined);
    const [title, prompt, buttons] =
      given.length === 3 ? given : [null, ...given, ...(given.length === 1 ? [ButtonSet.OK] : [])];
    const isButtonSet = Object.values(ButtonSet).includes(buttons as GButtonSet);
    if (typeof prompt !== 'string' || (title !== null && typeof title !== 'string') || !isButtonSet) {
      throw this.tracker.badArgs(`Ui.${method}`, given);
    }
    return { title, prompt, buttons: buttons as GButtonSet };
  }

  showSidebar(userInterface: GHtmlOutput): void {
    this.tracker.hit('Ui', 'showSidebar');
    this.show('showSidebar', userInterface, 'sidebar', null);
  }

  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this.tracker.hit('Ui', 'showModalDialog');
    this.show('showModalDialog', userInterface, 'modal', title);
  }

  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    this.tracker.hit('Ui', 'showModelessDialog');
    this.show('showModelessDialog', userInterface, 'modeless', title);
  }

  private show(
    method: string,
    output: GHtmlOutput,
    kind: ShownHtml['kind'],
    dialogTitle: string | null,
  ): void {
    const html = this.tracker.own(output, FakeHtmlOutput, `Ui.${method}`);
    this.fake.html.push({ kind, dialogTitle, ...FakeHtmlOutput.snapshot(html) });
  }
}

class FakeMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  private readonly entries: MenuEntry[] = [];

  constructor(
    private readonly tracker: Tracker,
    private readonly fake: UiFake,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): GMenu {
    this.tracker.hit('Menu', 'addItem');
    this.entries.push({ caption, functionName });
    return asGas(this);
  }

  addSeparator(): GMenu {
    this.tracker.hit('Menu', 'addSeparator');
    this.entries.push({ separator: true });
    return asGas(this);
  }

  addSubMenu(menu: GMenu): GMenu {
    this.tracker.hit('Menu', 'addSubMenu');
    const sub = this.tracker.own(menu, FakeMenu, 'Menu.addSubMenu');
    this.entries.push({ caption: sub.caption, submenu: sub.entries });
    return asGas(this);
  }

  addToUi(): void {
    this.tracker.hit('Menu', 'addToUi');
    this.fake.menus.push({ caption: this.caption, addon: this.addon, entries: this.entries });
  }
}

class FakePromptResponse implements Pick<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  constructor(
    private readonly tracker: Tracker,
    private readonly text: string,
    private readonly button: GButton,
  ) {}

  getResponseText(): string {
    this.tracker.hit('PromptResponse', 'getResponseText');
    return this.text;
  }

  getSelectedButton(): GButton {
    this.tracker.hit('PromptResponse', 'getSelectedButton');
    return this.button;
  }
}

/** Every function name the recorded menus call (for checking each is a top-level function of the bundle). */
export function menuFunctions(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) =>
    'functionName' in e ? [e.functionName] : 'submenu' in e ? menuFunctions(e.submenu) : [],
  );
}
