import { enumOf, type Fake, FakeBase, type FakeEnv, NOT_FOUND } from './services';
import type { FakeSheet, FakeSpreadsheet } from './spreadsheet';
import { hasContent } from './spreadsheet-cells';

type Forms = typeof GoogleAppsScript.Forms;
type ItemType = GoogleAppsScript.Forms.ItemType;
type DestinationType = GoogleAppsScript.Forms.DestinationType;

export const ItemType = enumOf<Forms['ItemType']>(
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
);
export const DestinationType = enumOf<Forms['DestinationType']>('SPREADSHEET');

// ---------------------------------------------------------------------------------------------------------
// Readable model

/** One validation rule, as the builder recorded it (Google keeps one criterion: the last require* wins). */
export interface ValidationSpec {
  kind: 'text' | 'paragraph' | 'checkbox';
  rule: string;
  args: unknown[];
  helpText: string;
}

export interface ItemState {
  id: number;
  type: ItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  validation: ValidationSpec | null;
  scale: { lower: number; upper: number; leftLabel: string; rightLabel: string };
}

export interface FormSettings {
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  progressBar: boolean;
  destination: { type: DestinationType; id: string } | null;
  /** Forms made by Apps Script start unpublished (since 30 June 2026) and take no responses. */
  published: boolean;
  acceptingResponses: boolean;
  /**
   * False for a legacy form (made before publishing came): it has no publish state, so `isPublished` and
   * `setPublished` throw there and responses are opened and closed with `setAcceptingResponses` alone.
   */
  advancedResponderPermissions: boolean;
}

/**
 * How the FormApp fake reaches the rest of the sandbox: the spreadsheets a destination may name, and who
 * to tell when a response lands in a response sheet (the sandbox runs the form-submit triggers).
 */
export interface FormHooks {
  spreadsheet(id: string): FakeSpreadsheet | null;
  submitted(response: SubmittedResponse): void;
}

/** A response as it landed: the spreadsheet, its response sheet and the 1-based row it was appended at. */
export interface SubmittedResponse {
  spreadsheet: FakeSpreadsheet;
  sheetName: string;
  row: number;
}

/** Where a form's responses go: the response sheet and the column of each question (by item id). */
interface ResponseSheet {
  spreadsheet: FakeSpreadsheet;
  /** The sheet itself: a person may rename it, and Google keeps sending responses there. */
  sheet: FakeSheet;
  columns: Map<number, number>;
}

/** A response as the form keeps it: when it was sent and the answer of each answered question. */
interface SentResponse {
  timestamp: Date;
  answers: Array<{ state: ItemState; value: string | string[] }>;
}

/** Plain data: enum members become their names. */
export type ItemSnapshot = Pick<ItemState, 'title' | 'helpText' | 'required'> &
  Partial<Pick<ItemState, 'choices' | 'validation' | 'scale'>> & { type: string };

export interface FormSnapshot extends Omit<FormSettings, 'destination'> {
  id: string;
  destination: { type: string; id: string } | null;
  items: ItemSnapshot[];
}

const CHOICE_TYPES: ItemType[] = [ItemType.MULTIPLE_CHOICE, ItemType.CHECKBOX, ItemType.LIST];
/** Items that take an answer (and get a column in the response sheet). */
const QUESTION_TYPES: ItemType[] = [
  ItemType.TEXT,
  ItemType.PARAGRAPH_TEXT,
  ItemType.DATE,
  ItemType.SCALE,
  ...CHOICE_TYPES,
];

/** Checkbox answers are joined by ", " in the response sheet, as Google writes them. */
const answerText = (answer: string | readonly string[] | undefined): string =>
  (Array.isArray(answer) ? answer.join(', ') : String(answer ?? '')).trim();

function itemSnapshot(s: ItemState): ItemSnapshot {
  return {
    type: String(s.type),
    title: s.title,
    helpText: s.helpText,
    required: s.required,
    ...(CHOICE_TYPES.includes(s.type) && { choices: [...s.choices] }),
    ...(s.validation && { validation: { ...s.validation, args: [...s.validation.args] } }),
    ...(s.type === ItemType.SCALE && { scale: { ...s.scale } }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// FormApp and Form

export class FakeFormApp
  extends FakeBase
  implements
    Fake<
      GoogleAppsScript.Forms.FormApp,
      | 'create'
      | 'openById'
      | 'createTextValidation'
      | 'createParagraphTextValidation'
      | 'createCheckboxValidation'
      | 'openByUrl'
      | 'ItemType'
      | 'DestinationType'
    >
{
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;
  /** Every form created, by id (test handle). */
  readonly forms = new Map<string, FakeForm>();
  private lastItemId = 100000;

  constructor(
    env: FakeEnv,
    private readonly hooks?: FormHooks,
  ) {
    super(env, 'FormApp');
  }

  create(title: string): FakeForm {
    this.track('create', true);
    const form = new FakeForm(
      this.env,
      `fake-form-${this.forms.size + 1}`,
      String(title),
      () => ++this.lastItemId,
      this.hooks,
    );
    this.forms.set(form.id, form);
    return form;
  }

  openById(id: string): FakeForm {
    this.track('openById', true);
    const form = this.forms.get(id);
    if (!form?.opensFor(this.env.execution.effectiveUser)) throw this.fail(NOT_FOUND);
    return form;
  }

  /** The edit URL, or the `/forms/d/<id>/viewform` URL a response sheet's getFormUrl() gives. */
  openByUrl(url: string): FakeForm {
    this.track('openByUrl', true);
    const id = /\/forms\/d\/([^/]+)\/(?:edit|viewform)/.exec(String(url))?.[1];
    const form = id === undefined || id === 'e' ? undefined : this.forms.get(id);
    if (!form?.opensFor(this.env.execution.effectiveUser)) throw this.fail(NOT_FOUND);
    return form;
  }

  createTextValidation(): FakeTextValidationBuilder {
    this.track('createTextValidation');
    return new FakeTextValidationBuilder(this.env);
  }

  createParagraphTextValidation(): FakeParagraphTextValidationBuilder {
    this.track('createParagraphTextValidation');
    return new FakeParagraphTextValidationBuilder(this.env);
  }

  createCheckboxValidation(): FakeCheckboxValidationBuilder {
    this.track('createCheckboxValidation');
    return new FakeCheckboxValidationBuilder(this.env);
  }
}

type FormMethods =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getConfirmationMessage'
  | 'setConfirmationMessage'
  | 'collectsEmail'
  | 'setCollectEmail'
  | 'canEditResponse'
  | 'setAllowResponseEdits'
  | 'hasLimitOneResponsePerUser'
  | 'setLimitOneResponsePerUser'
  | 'hasProgressBar'
  | 'setProgressBar'
  | 'getEditUrl'
  | 'getPublishedUrl'
  | 'setDestination'
  | 'setPublished'
  | 'isPublished'
  | 'supportsAdvancedResponderPermissions'
  | 'setAcceptingResponses'
  | 'isAcceptingResponses'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'removeDestination'
  | 'getItems'
  | 'getResponses'
  | 'deleteItem'
  | 'moveItem'
  | 'addTextItem'
  | 'addParagraphTextItem'
  | 'addMultipleChoiceItem'
  | 'addCheckboxItem'
  | 'addListItem'
  | 'addDateItem'
  | 'addScaleItem'
  | 'addSectionHeaderItem'
  | 'addPageBreakItem';

type ItemView<T> = new (env: FakeEnv, items: ItemState[], state: ItemState) => T;

export class FakeForm extends FakeBase implements Fake<GoogleAppsScript.Forms.Form, FormMethods> {
  private readonly items: ItemState[] = [];
  private readonly settings: FormSettings;
  private responses: ResponseSheet | null = null;
  /** Every response sent, kept by the form itself (with or without a response sheet), oldest first. */
  private readonly sent: SentResponse[] = [];
  /** Who may open the form (test helper `shareOnlyWith`); null: anyone the test runs as. */
  private openTo: Set<string> | null = null;

  constructor(
    env: FakeEnv,
    readonly id: string,
    title: string,
    private readonly nextItemId: () => number,
    private readonly hooks?: FormHooks,
  ) {
    super(env, 'Form');
    this.settings = {
      title,
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      progressBar: false,
      destination: null,
      published: false,
      acceptingResponses: false,
      advancedResponderPermissions: true,
    };
  }

  /**
   * Test helper: the form as a legacy form, made before publishing came (no script makes one now). It
   * takes responses as such forms do, with no publish state to read or set.
   */
  makeLegacy(): this {
    Object.assign(this.settings, {
      advancedResponderPermissions: false,
      published: true,
      acceptingResponses: true,
    });
    return this;
  }

  /**
   * Test helper: the form as a Drive file of one member, shared with no one else: FormApp.openById and
   * openByUrl by anyone else fail as Google's do (not found, or no permission).
   */
  shareOnlyWith(...emails: string[]): this {
    this.openTo = new Set(emails.map((e) => e.toLowerCase()));
    return this;
  }

  /** Whether `email` may open the form. */
  opensFor(email: string): boolean {
    return this.openTo === null || this.openTo.has(email.toLowerCase());
  }

  /**
   * Every response the form received, oldest first, each with its timestamp and an item response per
   * answered question (a question left blank has none), as Google's `getResponses()` gives them. The form
   * keeps them whatever happens to its response sheet.
   */
  getResponses(): FakeFormResponse[] {
    this.track('getResponses');
    return this.sent.map(
      (r) =>
        new FakeFormResponse(this.env, this, () => this.getPublishedUrl(), {
          timestamp: r.timestamp,
          answers: r.answers.map(
            ({ state, value }) =>
              new FakeItemResponse(this.env, new FakeItem(this.env, this.items, state), value),
          ),
        }),
    );
  }

  /** Test helper: the whole form as plain data. */
  snapshot(): FormSnapshot {
    const { destination: d } = this.settings;
    const destination = d && { type: String(d.type), id: d.id };
    return { id: this.id, ...this.settings, destination, items: this.items.map(itemSnapshot) };
  }

  getId(): string {
    this.track('getId');
    return this.id;
  }

  getTitle(): string {
    return this.get('getTitle', 'title');
  }

  setTitle(title: string): this {
    return this.set('setTitle', { title: String(title) });
  }

  getDescription(): string {
    return this.get('getDescription', 'description');
  }

  setDescription(description: string): this {
    return this.set('setDescription', { description: String(description) });
  }

  getConfirmationMessage(): string {
    return this.get('getConfirmationMessage', 'confirmationMessage');
  }

  setConfirmationMessage(message: string): this {
    return this.set('setConfirmationMessage', { confirmationMessage: String(message) });
  }

  collectsEmail(): boolean {
    return this.get('collectsEmail', 'collectEmail');
  }

  setCollectEmail(collect: boolean): this {
    return this.set('setCollectEmail', { collectEmail: Boolean(collect) });
  }

  canEditResponse(): boolean {
    return this.get('canEditResponse', 'allowResponseEdits');
  }

  setAllowResponseEdits(enabled: boolean): this {
    return this.set('setAllowResponseEdits', { allowResponseEdits: Boolean(enabled) });
  }

  hasLimitOneResponsePerUser(): boolean {
    return this.get('hasLimitOneResponsePerUser', 'limitOneResponsePerUser');
  }

  setLimitOneResponsePerUser(enabled: boolean): this {
    return this.set('setLimitOneResponsePerUser', { limitOneResponsePerUser: Boolean(enabled) });
  }

  hasProgressBar(): boolean {
    return this.get('hasProgressBar', 'progressBar');
  }

  setProgressBar(enabled: boolean): this {
    return this.set('setProgressBar', { progressBar: Boolean(enabled) });
  }

  getEditUrl(): string {
    this.track('getEditUrl');
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  /** The published (respondent) URL uses another key than the edit URL, as Google's does. */
  getPublishedUrl(): string {
    this.track('getPublishedUrl');
    return `https://docs.google.com/forms/d/e/1FAIpQLS-${this.id}/viewform`;
  }

  /**
   * Linking a spreadsheet adds its response sheet (*Skjemasvar 1* in a Norwegian spreadsheet, *Form
   * Responses 1* otherwise; the next free number), with the timestamp and one column per question.
   */
  setDestination(type: DestinationType, id: string): this {
    this.track('setDestination');
    if (type !== DestinationType.SPREADSHEET) throw this.fail(`Invalid argument: type (${String(type)})`);
    if (this.hooks) {
      const spreadsheet = this.hooks.spreadsheet(String(id));
      if (!spreadsheet) throw this.fail(NOT_FOUND);
      const nb = /^(nb|nn|no)/i.test(spreadsheet.locale);
      const base = nb ? 'Skjemasvar' : 'Form Responses';
      let n = 1;
      while (spreadsheet.sheets.some((s) => s.name === `${base} ${n}`)) n++;
      const sheetName = `${base} ${n}`;
      const sheet = spreadsheet.addSheet(sheetName, [[nb ? 'Tidsmerke' : 'Timestamp']]);
      spreadsheet.setFormUrl(`https://docs.google.com/forms/d/${this.id}/viewform`, sheetName);
      this.responses = { spreadsheet, sheet, columns: new Map() };
      this.syncColumns();
    }
    this.settings.destination = { type, id: String(id) };
    return this;
  }

  /** A new, unsubmitted response: with item responses, it gives a prefilled link (`toPrefilledUrl`). */
  createResponse(): FakeFormResponse {
    this.track('createResponse');
    return new FakeFormResponse(this.env, this, () => this.getPublishedUrl());
  }

  /** Publishing also opens the form to responses; unpublishing closes it. A legacy form throws. */
  setPublished(enabled: boolean): this {
    this.legacyThrows('setPublished');
    return this.set('setPublished', { published: Boolean(enabled), acceptingResponses: Boolean(enabled) });
  }

  isPublished(): boolean {
    this.legacyThrows('isPublished');
    return this.get('isPublished', 'published');
  }

  /** False for a legacy form: Google's reference says to check it before isPublished/setPublished. */
  supportsAdvancedResponderPermissions(): boolean {
    return this.get('supportsAdvancedResponderPermissions', 'advancedResponderPermissions');
  }

  /** Google throws on a form without publish settings (wording approximate). */
  private legacyThrows(method: string): void {
    if (!this.settings.advancedResponderPermissions) {
      this.track(method);
      throw this.fail(
        `${method} is not supported for this form: it does not support publishing (a legacy form). Use setAcceptingResponses instead.`,
      );
    }
  }

  /** Google: an unpublished form cannot accept responses (wording approximate). */
  setAcceptingResponses(enabled: boolean): this {
    this.track('setAcceptingResponses');
    if (enabled && !this.settings.published)
      throw this.fail('The form must be published to accept responses.');
    this.settings.acceptingResponses = Boolean(enabled);
    return this;
  }

  isAcceptingResponses(): boolean {
    return this.get('isAcceptingResponses', 'acceptingResponses');
  }

  /**
   * Test helper, a respondent pressing Send: refused unless the form is published and accepting, every
   * required question answered, and no unknown title. The response row is appended to the response sheet
   * (the timestamp a Date, checkbox answers joined by ", ") *before* the form-submit triggers are told.
   * `{ trigger: false }`: a response whose trigger Google never ran (it happens), left to the sweep.
   */
  submit(
    answers: Record<string, string | readonly string[]>,
    options: { trigger?: boolean } = {},
  ): SubmittedResponse | null {
    if (!this.settings.published) throw this.fail('This form is not published and accepts no responses.');
    if (!this.settings.acceptingResponses) throw this.fail('This form is no longer accepting responses.');
    const questions = this.items.filter((i) => QUESTION_TYPES.includes(i.type));
    const unknown = Object.keys(answers).filter((t) => !questions.some((q) => q.title === t));
    if (unknown.length > 0) throw new Error(`The form has no question titled ${unknown.join(', ')}`);
    const missing = questions.filter((q) => q.required && answerText(answers[q.title]) === '');
    if (missing.length > 0) throw this.fail(`This is a required question: ${missing[0]!.title}`);
    // The form keeps the response: a checkbox answer as its choices, every other as text.
    this.sent.push({
      timestamp: new Date(this.env.clock.now()),
      answers: questions
        .filter((q) => answerText(answers[q.title]) !== '')
        .map((q) => {
          const a = answers[q.title]!;
          const value =
            q.type === ItemType.CHECKBOX ? (Array.isArray(a) ? [...a] : [String(a)]) : answerText(a);
          return { state: q, value };
        }),
    });
    if (!this.responses) return null;
    const { spreadsheet, sheet, columns } = this.syncColumns()!;
    const row: unknown[] = [new Date(this.sent[this.sent.length - 1]!.timestamp.getTime())];
    for (const q of questions) row[columns.get(q.id)! - 1] = answerText(answers[q.title]);
    spreadsheet.appendRaw(sheet.name, [Array.from(row, (v) => v ?? '')]);
    const submitted = { spreadsheet, sheetName: sheet.name, row: sheet.grid.extent(hasContent)[0] };
    if (options.trigger !== false) this.hooks?.submitted(submitted);
    return submitted;
  }

  /** A question added since gets a new column at the end; a renamed one renames its column's header. */
  private syncColumns(): ResponseSheet | null {
    if (!this.responses) return null;
    const { sheet, columns } = this.responses;
    const { grid } = sheet;
    for (const q of this.items.filter((i) => QUESTION_TYPES.includes(i.type))) {
      let col = columns.get(q.id);
      if (col === undefined) {
        col = Math.max(1, ...columns.values()) + 1;
        columns.set(q.id, col);
      }
      grid.cell(1, col).value = q.title;
    }
    return this.responses;
  }

  /** Google throws while the form has no destination. */
  getDestinationId(): string {
    this.track('getDestinationId');
    return this.destination().id;
  }

  getDestinationType(): DestinationType {
    this.track('getDestinationType');
    return this.destination().type;
  }

  /** Unlinks: the response sheet stays with its rows but no longer names the form; new responses go nowhere. */
  removeDestination(): this {
    if (this.responses) {
      this.responses.sheet.formUrl = null;
      this.responses = null;
    }
    return this.set('removeDestination', { destination: null });
  }

  /** Generic `Item`s (cast them with asTextItem() etc.), optionally of one type only. */
  getItems(itemType?: ItemType): FakeItem[] {
    this.track('getItems');
    return this.items
      .filter((s) => itemType === undefined || s.type === itemType)
      .map((s) => new FakeItem(this.env, this.items, s));
  }

  deleteItem(item: number | object): void {
    this.track('deleteItem');
    this.items.splice(this.indexOf(item), 1);
  }

  moveItem(from: number | object, toIndex: number): FakeItem {
    this.track('moveItem');
    const index = this.indexOf(from);
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= this.items.length) {
      throw this.fail(`Invalid argument: toIndex (${toIndex})`);
    }
    const [state] = this.items.splice(index, 1) as [ItemState];
    this.items.splice(toIndex, 0, state);
    return new FakeItem(this.env, this.items, state);
  }

  addTextItem(): FakeTextItem {
    return this.add('addTextItem', ItemType.TEXT, FakeTextItem);
  }

  addParagraphTextItem(): FakeParagraphTextItem {
    return this.add('addParagraphTextItem', ItemType.PARAGRAPH_TEXT, FakeParagraphTextItem);
  }

  addMultipleChoiceItem(): FakeMultipleChoiceItem {
    return this.add('addMultipleChoiceItem', ItemType.MULTIPLE_CHOICE, FakeMultipleChoiceItem);
  }

  addCheckboxItem(): FakeCheckboxItem {
    return this.add('addCheckboxItem', ItemType.CHECKBOX, FakeCheckboxItem);
  }

  addListItem(): FakeListItem {
    return this.add('addListItem', ItemType.LIST, FakeListItem);
  }

  addDateItem(): FakeDateItem {
    return this.add('addDateItem', ItemType.DATE, FakeDateItem);
  }

  addScaleItem(): FakeScaleItem {
    return this.add('addScaleItem', ItemType.SCALE, FakeScaleItem);
  }

  addSectionHeaderItem(): FakeSectionHeaderItem {
    return this.add('addSectionHeaderItem', ItemType.SECTION_HEADER, FakeSectionHeaderItem);
  }

  addPageBreakItem(): FakePageBreakItem {
    return this.add('addPageBreakItem', ItemType.PAGE_BREAK, FakePageBreakItem);
  }

  private get<K extends keyof FormSettings>(method: string, key: K): FormSettings[K] {
    this.track(method);
    return this.settings[key];
  }

  private set(method: string, change: Partial<FormSettings>): this {
    this.track(method);
    Object.assign(this.settings, change);
    return this;
  }

  private destination(): NonNullable<FormSettings['destination']> {
    if (!this.settings.destination) throw this.fail('The form currently has no response destination.');
    return this.settings.destination;
  }

  private add<T>(method: string, type: ItemType, View: ItemView<T>): T {
    this.track(method);
    const state: ItemState = {
      id: this.nextItemId(),
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      validation: null,
      scale: { lower: 1, upper: 5, leftLabel: '', rightLabel: '' },
    };
    this.items.push(state);
    return new View(this.env, this.items, state);
  }

  /** An index, or an item of this form (any view of it). */
  private indexOf(item: number | object): number {
    const index =
      typeof item === 'number' ? item : item instanceof ItemBase ? this.items.indexOf(item.state) : -1;
    if (!Number.isInteger(index) || index < 0 || index >= this.items.length) {
      throw this.fail(`Invalid argument: item (${typeof item === 'number' ? item : 'not in this form'})`);
    }
    return index;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Items: one class per Google item type; each has only that type's methods.

type CommonMethods =
  'getId' | 'getIndex' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType';
type RequirableMethods = CommonMethods | 'setRequired' | 'isRequired';
type ChoiceMethods = RequirableMethods | 'setChoiceValues' | 'getChoices';

abstract class ItemBase extends FakeBase {
  constructor(
    env: FakeEnv,
    className: string,
    protected readonly items: ItemState[],
    readonly state: ItemState,
  ) {
    super(env, className);
  }

  getId(): number {
    return this.read('getId').id;
  }

  getIndex(): number {
    this.read('getIndex');
    return this.items.indexOf(this.state);
  }

  getTitle(): string {
    return this.read('getTitle').title;
  }

  setTitle(title: string): this {
    return this.write('setTitle', { title: String(title) });
  }

  getHelpText(): string {
    return this.read('getHelpText').helpText;
  }

  setHelpText(text: string): this {
    return this.write('setHelpText', { helpText: String(text) });
  }

  getType(): ItemType {
    return this.read('getType').type;
  }

  /** Records the call; a deleted item can no longer be used. */
  protected read(method: string): ItemState {
    this.track(method);
    if (!this.items.includes(this.state)) throw this.fail('This item has been deleted from the form.');
    return this.state;
  }

  protected write(method: string, change: Partial<ItemState>): this {
    Object.assign(this.read(method), change);
    return this;
  }
}

abstract class RequirableItem extends ItemBase {
  setRequired(enabled: boolean): this {
    return this.write('setRequired', { required: Boolean(enabled) });
  }

  isRequired(): boolean {
    return this.read('isRequired').required;
  }

  /** For the items that take one: Google rejects a validation of another kind (a CheckboxValidation on a TextItem). */
  protected validate(kind: ValidationSpec['kind'], validation: object): this {
    const state = this.read('setValidation');
    if (!(validation instanceof FakeValidation) || validation.spec.kind !== kind) {
      throw this.fail('Invalid argument: validation');
    }
    state.validation = validation.spec;
    return this;
  }
}

abstract class ChoiceItem extends RequirableItem {
  setChoiceValues(values: string[]): this {
    return this.write('setChoiceValues', { choices: Array.from(values, String) });
  }

  getChoices(): FakeChoice[] {
    return this.read('getChoices').choices.map((value) => new FakeChoice(this.env, value));
  }
}

export class FakeTextItem
  extends RequirableItem
  implements Fake<GoogleAppsScript.Forms.TextItem, RequirableMethods | 'setValidation' | 'clearValidation'>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'TextItem', items, state);
  }

  setValidation(validation: object): this {
    return this.validate('text', validation);
  }

  clearValidation(): this {
    return this.write('clearValidation', { validation: null });
  }

  createResponse(response: string): FakeItemResponse {
    this.read('createResponse');
    return new FakeItemResponse(this.env, this, String(response));
  }
}

/** An answer to one item, for a response being built (`withItemResponse`). */
export class FakeItemResponse
  extends FakeBase
  implements Fake<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'>
{
  constructor(
    env: FakeEnv,
    readonly item: ItemBase,
    /** A checkbox item's answer is its choices (String[]), as Google gives it; every other is text. */
    private readonly response: string | string[],
  ) {
    super(env, 'ItemResponse');
  }

  getItem(): ItemBase {
    this.track('getItem');
    return this.item;
  }

  getResponse(): string | string[] {
    this.track('getResponse');
    return Array.isArray(this.response) ? [...this.response] : this.response;
  }
}

/**
 * A response under construction. `toPrefilledUrl` gives the published link with each answer as an
 * `entry.<id>` parameter (URL-encoded), as Google's prefilled links look; an item of another form throws.
 */
export class FakeFormResponse
  extends FakeBase
  implements
    Fake<
      GoogleAppsScript.Forms.FormResponse,
      'withItemResponse' | 'toPrefilledUrl' | 'getTimestamp' | 'getItemResponses'
    >
{
  private readonly answers: FakeItemResponse[] = [];

  constructor(
    env: FakeEnv,
    private readonly form: FakeForm,
    private readonly publishedUrl: () => string,
    /** A response the form received (`getResponses`); absent for one being built. */
    private readonly sent?: { timestamp: Date; answers: FakeItemResponse[] },
  ) {
    super(env, 'FormResponse');
  }

  /** When it was sent; a response not sent has no timestamp (the fake refuses to invent one). */
  getTimestamp(): Date {
    this.track('getTimestamp');
    if (!this.sent) throw this.fail('This response has not been submitted and has no timestamp.');
    return new Date(this.sent.timestamp.getTime());
  }

  /** One per answered question, in the form's order. */
  getItemResponses(): FakeItemResponse[] {
    this.track('getItemResponses');
    return this.sent ? [...this.sent.answers] : [...this.answers];
  }

  withItemResponse(response: object): this {
    this.track('withItemResponse');
    if (
      !(response instanceof FakeItemResponse) ||
      !this.form.getItems().some((i) => i.state === response.item.state)
    )
      throw this.fail('Invalid argument: response');
    this.answers.push(response);
    return this;
  }

  toPrefilledUrl(): string {
    this.track('toPrefilledUrl');
    const params = this.answers.map(
      (a) => `entry.${a.item.state.id}=${encodeURIComponent(String(a.getResponse()))}`,
    );
    return `${this.publishedUrl()}?usp=pp_url${params.map((p) => `&${p}`).join('')}`;
  }
}

export class FakeParagraphTextItem
  extends RequirableItem
  implements
    Fake<GoogleAppsScript.Forms.ParagraphTextItem, RequirableMethods | 'setValidation' | 'clearValidation'>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'ParagraphTextItem', items, state);
  }

  setValidation(validation: object): this {
    return this.validate('paragraph', validation);
  }

  clearValidation(): this {
    return this.write('clearValidation', { validation: null });
  }
}

export class FakeCheckboxItem
  extends ChoiceItem
  implements Fake<GoogleAppsScript.Forms.CheckboxItem, ChoiceMethods | 'setValidation' | 'clearValidation'>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'CheckboxItem', items, state);
  }

  setValidation(validation: object): this {
    return this.validate('checkbox', validation);
  }

  clearValidation(): this {
    return this.write('clearValidation', { validation: null });
  }
}

export class FakeMultipleChoiceItem
  extends ChoiceItem
  implements Fake<GoogleAppsScript.Forms.MultipleChoiceItem, ChoiceMethods>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'MultipleChoiceItem', items, state);
  }
}

export class FakeListItem
  extends ChoiceItem
  implements Fake<GoogleAppsScript.Forms.ListItem, ChoiceMethods | 'createResponse'>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'ListItem', items, state);
  }

  /** As Google: an answer that is not one of the item's choices throws. */
  createResponse(response: string): FakeItemResponse {
    const value = String(response);
    if (!this.read('createResponse').choices.includes(value))
      throw this.fail('Invalid response submitted to item. Value must be a valid choice.');
    return new FakeItemResponse(this.env, this, value);
  }
}

export class FakeDateItem
  extends RequirableItem
  implements Fake<GoogleAppsScript.Forms.DateItem, RequirableMethods>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'DateItem', items, state);
  }
}

export class FakeScaleItem
  extends RequirableItem
  implements
    Fake<
      GoogleAppsScript.Forms.ScaleItem,
      | RequirableMethods
      | 'setBounds'
      | 'getLowerBound'
      | 'getUpperBound'
      | 'setLabels'
      | 'getLeftLabel'
      | 'getRightLabel'
    >
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'ScaleItem', items, state);
  }

  /** Google Forms: the lower bound is 0 or 1, the upper 3 to 10. */
  setBounds(lower: number, upper: number): this {
    const state = this.read('setBounds');
    if (![0, 1].includes(lower) || !Number.isInteger(upper) || upper < 3 || upper > 10) {
      throw this.fail(`Invalid argument: bounds (${lower}, ${upper})`);
    }
    state.scale = { ...state.scale, lower, upper };
    return this;
  }

  getLowerBound(): number {
    return this.read('getLowerBound').scale.lower;
  }

  getUpperBound(): number {
    return this.read('getUpperBound').scale.upper;
  }

  setLabels(lower: string, upper: string): this {
    const state = this.read('setLabels');
    state.scale = { ...state.scale, leftLabel: String(lower), rightLabel: String(upper) };
    return this;
  }

  getLeftLabel(): string {
    return this.read('getLeftLabel').scale.leftLabel;
  }

  getRightLabel(): string {
    return this.read('getRightLabel').scale.rightLabel;
  }
}

export class FakeSectionHeaderItem
  extends ItemBase
  implements Fake<GoogleAppsScript.Forms.SectionHeaderItem, CommonMethods>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'SectionHeaderItem', items, state);
  }
}

export class FakePageBreakItem
  extends ItemBase
  implements Fake<GoogleAppsScript.Forms.PageBreakItem, CommonMethods>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'PageBreakItem', items, state);
  }
}

type CastMethods =
  | 'asTextItem'
  | 'asParagraphTextItem'
  | 'asMultipleChoiceItem'
  | 'asCheckboxItem'
  | 'asListItem'
  | 'asDateItem'
  | 'asScaleItem'
  | 'asSectionHeaderItem'
  | 'asPageBreakItem';

/** The generic `Item` of getItems(): common methods plus casts, which throw for another type as Google's do. */
export class FakeItem
  extends ItemBase
  implements Fake<GoogleAppsScript.Forms.Item, CommonMethods | CastMethods>
{
  constructor(env: FakeEnv, items: ItemState[], state: ItemState) {
    super(env, 'Item', items, state);
  }

  asTextItem(): FakeTextItem {
    return this.cast('asTextItem', ItemType.TEXT, FakeTextItem);
  }

  asParagraphTextItem(): FakeParagraphTextItem {
    return this.cast('asParagraphTextItem', ItemType.PARAGRAPH_TEXT, FakeParagraphTextItem);
  }

  asMultipleChoiceItem(): FakeMultipleChoiceItem {
    return this.cast('asMultipleChoiceItem', ItemType.MULTIPLE_CHOICE, FakeMultipleChoiceItem);
  }

  asCheckboxItem(): FakeCheckboxItem {
    return this.cast('asCheckboxItem', ItemType.CHECKBOX, FakeCheckboxItem);
  }

  asListItem(): FakeListItem {
    return this.cast('asListItem', ItemType.LIST, FakeListItem);
  }

  asDateItem(): FakeDateItem {
    return this.cast('asDateItem', ItemType.DATE, FakeDateItem);
  }

  asScaleItem(): FakeScaleItem {
    return this.cast('asScaleItem', ItemType.SCALE, FakeScaleItem);
  }

  asSectionHeaderItem(): FakeSectionHeaderItem {
    return this.cast('asSectionHeaderItem', ItemType.SECTION_HEADER, FakeSectionHeaderItem);
  }

  asPageBreakItem(): FakePageBreakItem {
    return this.cast('asPageBreakItem', ItemType.PAGE_BREAK, FakePageBreakItem);
  }

  private cast<T>(method: string, type: ItemType, View: ItemView<T>): T {
    const state = this.read(method);
    if (state.type !== type) throw this.fail(`Invalid conversion for item type: ${state.type}.`);
    return new View(this.env, this.items, state);
  }
}

export class FakeChoice extends FakeBase implements Fake<GoogleAppsScript.Forms.Choice, 'getValue'> {
  constructor(
    env: FakeEnv,
    private readonly value: string,
  ) {
    super(env, 'Choice');
  }

  getValue(): string {
    this.track('getValue');
    return this.value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Validation builders: Google keeps one criterion per validation, so the last require* wins.

abstract class ValidationBuilder extends FakeBase {
  private rule: { name: string; args: unknown[] } | undefined;
  private helpText = '';

  protected constructor(
    env: FakeEnv,
    className: string,
    private readonly kind: ValidationSpec['kind'],
  ) {
    super(env, className);
  }

  setHelpText(text: string): this {
    this.track('setHelpText');
    this.helpText = String(text);
    return this;
  }

  build(): FakeValidation {
    this.track('build');
    if (!this.rule) throw this.fail('A validation needs a require* rule before build()');
    const { name: rule, args } = this.rule;
    return new FakeValidation({ kind: this.kind, rule, args, helpText: this.helpText });
  }

  protected require(name: string, ...args: unknown[]): this {
    this.track(name);
    this.rule = { name, args };
    return this;
  }
}

type LengthRules =
  | 'requireTextLengthGreaterThanOrEqualTo'
  | 'requireTextLengthLessThanOrEqualTo'
  | 'requireTextMatchesPattern';

export class FakeParagraphTextValidationBuilder
  extends ValidationBuilder
  implements
    Fake<GoogleAppsScript.Forms.ParagraphTextValidationBuilder, LengthRules | 'setHelpText' | 'build'>
{
  constructor(
    env: FakeEnv,
    className = 'ParagraphTextValidationBuilder',
    kind: ValidationSpec['kind'] = 'paragraph',
  ) {
    super(env, className, kind);
  }

  requireTextLengthGreaterThanOrEqualTo(number: number): this {
    return this.require('requireTextLengthGreaterThanOrEqualTo', number);
  }

  requireTextLengthLessThanOrEqualTo(number: number): this {
    return this.require('requireTextLengthLessThanOrEqualTo', number);
  }

  requireTextMatchesPattern(pattern: string): this {
    return this.require('requireTextMatchesPattern', pattern);
  }
}

type TextRules =
  | LengthRules
  | 'requireNumber'
  | 'requireWholeNumber'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberBetween'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl';

/** The text builder has the paragraph builder's length and pattern rules plus number, e-mail and URL rules. */
export class FakeTextValidationBuilder
  extends FakeParagraphTextValidationBuilder
  implements Fake<GoogleAppsScript.Forms.TextValidationBuilder, TextRules | 'setHelpText' | 'build'>
{
  constructor(env: FakeEnv) {
    super(env, 'TextValidationBuilder', 'text');
  }

  requireNumber(): this {
    return this.require('requireNumber');
  }

  requireWholeNumber(): this {
    return this.require('requireWholeNumber');
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.require('requireNumberGreaterThanOrEqualTo', number);
  }

  requireNumberLessThanOrEqualTo(number: number): this {
    return this.require('requireNumberLessThanOrEqualTo', number);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.require('requireNumberBetween', start, end);
  }

  requireTextIsEmail(): this {
    return this.require('requireTextIsEmail');
  }

  requireTextIsUrl(): this {
    return this.require('requireTextIsUrl');
  }
}

export class FakeCheckboxValidationBuilder
  extends ValidationBuilder
  implements
    Fake<
      GoogleAppsScript.Forms.CheckboxValidationBuilder,
      'requireSelectAtLeast' | 'requireSelectAtMost' | 'requireSelectExactly' | 'setHelpText' | 'build'
    >
{
  constructor(env: FakeEnv) {
    super(env, 'CheckboxValidationBuilder', 'checkbox');
  }

  requireSelectAtLeast(number: number): this {
    return this.require('requireSelectAtLeast', number);
  }

  requireSelectAtMost(number: number): this {
    return this.require('requireSelectAtMost', number);
  }

  requireSelectExactly(number: number): this {
    return this.require('requireSelectExactly', number);
  }
}

/** TextValidation, ParagraphTextValidation and CheckboxValidation have no methods in Apps Script. */
export class FakeValidation {
  constructor(readonly spec: ValidationSpec) {}
}
