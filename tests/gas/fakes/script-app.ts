import { enumOf, type Fake, FakeBase, type FakeEnv } from './services';

type Script = typeof GoogleAppsScript.Script;
type EventType = GoogleAppsScript.Script.EventType;
type TriggerSource = GoogleAppsScript.Script.TriggerSource;

export const EventType = enumOf<Script['EventType']>(
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
);
export const TriggerSource = enumOf<Script['TriggerSource']>(
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
);
export const AuthMode = enumOf<Script['AuthMode']>('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const WeekDay = enumOf<typeof GoogleAppsScript.Base.Weekday>(
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
);

/** Quotas page: 20 triggers per user per script. */
export const TRIGGERS_PER_USER = 20;

/** How a clock trigger repeats, as given to the builder. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  afterMs?: number;
  at?: number;
  timeZone?: string;
}

/** A readable installed trigger, for tests (`FakeScriptApp.allTriggers`). */
export interface TriggerSpec {
  uniqueId: string;
  handler: string;
  eventType: EventType;
  source: TriggerSource;
  /** The spreadsheet or form id; null for clock triggers. */
  sourceId: string | null;
  /** Triggers belong to the account that created them and run as it. */
  owner: string;
  schedule?: ClockSchedule;
}

type Install = (spec: Omit<TriggerSpec, 'uniqueId' | 'owner'>) => FakeTrigger;

const idOf = (container: string | { getId(): string }): string =>
  typeof container === 'string' ? container : container.getId();

export class FakeScriptApp
  extends FakeBase
  implements
    Fake<
      GoogleAppsScript.Script.ScriptApp,
      | 'newTrigger'
      | 'getProjectTriggers'
      | 'deleteTrigger'
      | 'getScriptId'
      | 'EventType'
      | 'TriggerSource'
      | 'WeekDay'
      | 'AuthMode'
    >
{
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  private readonly triggers: TriggerSpec[] = [];
  private lastId = 9000000;

  constructor(
    env: FakeEnv,
    private readonly scriptId = 'fake-script-id',
  ) {
    super(env, 'ScriptApp');
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.track('newTrigger', true);
    return new FakeTriggerBuilder(this.env, String(functionName), (spec) => this.install(spec));
  }

  /** Google: only the current user's triggers for this project, as new objects each time. */
  getProjectTriggers(): FakeTrigger[] {
    this.track('getProjectTriggers', true);
    return this.mine().map((spec) => new FakeTrigger(this.env, spec));
  }

  /** Takes a trigger from this fake; one the current user does not own (or already deleted) throws. */
  deleteTrigger(trigger: object): void {
    this.track('deleteTrigger', true);
    const id = trigger instanceof FakeTrigger ? trigger.spec.uniqueId : undefined;
    const index = this.triggers.findIndex(
      (t) => t.uniqueId === id && t.owner === this.env.execution.effectiveUser,
    );
    if (index < 0) throw this.fail('No such trigger for this user');
    this.triggers.splice(index, 1);
  }

  getScriptId(): string {
    this.track('getScriptId');
    return this.scriptId;
  }

  /** Test helper: every installed trigger, of every user. */
  allTriggers(): TriggerSpec[] {
    return this.triggers.map((t) => ({ ...t }));
  }

  private mine(): TriggerSpec[] {
    return this.triggers.filter((t) => t.owner === this.env.execution.effectiveUser);
  }

  /**
   * Test helper: a trigger an earlier, bound-script version installed before the add-on rule held (an
   * old installation to move), owned by `owner`.
   */
  installLegacy(spec: Omit<TriggerSpec, 'uniqueId'>): TriggerSpec {
    const installed = { ...spec, uniqueId: String(++this.lastId) };
    this.triggers.push(installed);
    return { ...installed };
  }

  private install(spec: Omit<TriggerSpec, 'uniqueId' | 'owner'>): FakeTrigger {
    if (this.mine().length >= TRIGGERS_PER_USER) {
      throw this.fail(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    // The add-on rule (one bundle serves both): one trigger of each type per user and document.
    if (
      this.mine().some(
        (t) => t.eventType === spec.eventType && t.source === spec.source && t.sourceId === spec.sourceId,
      )
    ) {
      const kind = spec.eventType === EventType.CLOCK ? 'time-based' : String(spec.eventType);
      throw this.fail(
        `This add-on has created too many ${kind} triggers in this document for this Google user account.`,
      );
    }
    const installed = {
      ...spec,
      uniqueId: String(++this.lastId),
      owner: this.env.execution.effectiveUser,
    };
    this.triggers.push(installed);
    return new FakeTrigger(this.env, installed);
  }
}

export class FakeTrigger
  extends FakeBase
  implements
    Fake<
      GoogleAppsScript.Script.Trigger,
      'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource'
    >
{
  constructor(
    env: FakeEnv,
    readonly spec: TriggerSpec,
  ) {
    super(env, 'Trigger');
  }

  getUniqueId(): string {
    this.track('getUniqueId');
    return this.spec.uniqueId;
  }

  getHandlerFunction(): string {
    this.track('getHandlerFunction');
    return this.spec.handler;
  }

  getEventType(): EventType {
    this.track('getEventType');
    return this.spec.eventType;
  }

  getTriggerSource(): TriggerSource {
    this.track('getTriggerSource');
    return this.spec.source;
  }

  /** Not in the Fake pick: the typings say string, but a clock trigger has no source id (null). */
  getTriggerSourceId(): string | null {
    this.track('getTriggerSourceId');
    return this.spec.sourceId;
  }
}

export class FakeTriggerBuilder
  extends FakeBase
  implements Fake<GoogleAppsScript.Script.TriggerBuilder, 'forSpreadsheet' | 'forForm' | 'timeBased'>
{
  constructor(
    env: FakeEnv,
    private readonly handler: string,
    private readonly install: Install,
  ) {
    super(env, 'TriggerBuilder');
  }

  forSpreadsheet(sheet: string | { getId(): string }): FakeSpreadsheetTriggerBuilder {
    this.track('forSpreadsheet');
    return new FakeSpreadsheetTriggerBuilder(this.env, {
      handler: this.handler,
      source: TriggerSource.SPREADSHEETS,
      sourceId: idOf(sheet),
      install: this.install,
    });
  }

  forForm(form: string | { getId(): string }): FakeFormTriggerBuilder {
    this.track('forForm');
    return new FakeFormTriggerBuilder(this.env, {
      handler: this.handler,
      source: TriggerSource.FORMS,
      sourceId: idOf(form),
      install: this.install,
    });
  }

  timeBased(): FakeClockTriggerBuilder {
    this.track('timeBased');
    return new FakeClockTriggerBuilder(this.env, this.handler, this.install);
  }
}

interface ContainerTarget {
  handler: string;
  source: TriggerSource;
  sourceId: string;
  install: Install;
}

/** What spreadsheet and form trigger builders share: one event type, then create(). */
abstract class ContainerTriggerBuilder extends FakeBase {
  private eventType: EventType | undefined;

  protected constructor(
    env: FakeEnv,
    className: string,
    private readonly target: ContainerTarget,
  ) {
    super(env, className);
  }

  onOpen(): this {
    return this.on('onOpen', EventType.ON_OPEN);
  }

  onFormSubmit(): this {
    return this.on('onFormSubmit', EventType.ON_FORM_SUBMIT);
  }

  create(): FakeTrigger {
    this.track('create');
    if (this.eventType === undefined)
      throw this.fail('Choose the trigger event (onOpen, onFormSubmit, ...) before create()');
    const { handler, source, sourceId } = this.target;
    return this.target.install({ handler, eventType: this.eventType, source, sourceId });
  }

  protected on(method: string, eventType: EventType): this {
    this.track(method);
    this.eventType = eventType;
    return this;
  }
}

export class FakeFormTriggerBuilder
  extends ContainerTriggerBuilder
  implements Fake<GoogleAppsScript.Script.FormTriggerBuilder, 'onOpen' | 'onFormSubmit' | 'create'>
{
  constructor(env: FakeEnv, target: ContainerTarget) {
    super(env, 'FormTriggerBuilder', target);
  }
}

export class FakeSpreadsheetTriggerBuilder
  extends ContainerTriggerBuilder
  implements
    Fake<
      GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
      'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'
    >
{
  constructor(env: FakeEnv, target: ContainerTarget) {
    super(env, 'SpreadsheetTriggerBuilder', target);
  }

  onEdit(): this {
    return this.on('onEdit', EventType.ON_EDIT);
  }

  onChange(): this {
    return this.on('onChange', EventType.ON_CHANGE);
  }
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

type ClockMethods =
  | 'everyMinutes'
  | 'everyHours'
  | 'everyDays'
  | 'everyWeeks'
  | 'atHour'
  | 'nearMinute'
  | 'onWeekDay'
  | 'onMonthDay'
  | 'after'
  | 'at'
  | 'inTimezone'
  | 'create';

export class FakeClockTriggerBuilder
  extends FakeBase
  implements Fake<GoogleAppsScript.Script.ClockTriggerBuilder, ClockMethods>
{
  private readonly schedule: ClockSchedule = {};

  constructor(
    env: FakeEnv,
    private readonly handler: string,
    private readonly install: Install,
  ) {
    super(env, 'ClockTriggerBuilder');
  }

  /** Google: "The value you passed to everyMinutes must be 1, 5, 10, 15 or 30." */
  everyMinutes(n: number): this {
    this.track('everyMinutes');
    if (!EVERY_MINUTES.includes(n))
      throw this.fail(`The value you passed to everyMinutes must be 1, 5, 10, 15 or 30.`);
    return this.set({ everyMinutes: n });
  }

  everyHours(n: number): this {
    this.track('everyHours');
    if (!EVERY_HOURS.includes(n))
      throw this.fail(`The value you passed to everyHours must be 1, 2, 4, 6, 8 or 12.`);
    return this.set({ everyHours: n });
  }

  everyDays(n: number): this {
    this.track('everyDays');
    return this.set({ everyDays: this.whole(n, 1, Infinity, 'everyDays') });
  }

  everyWeeks(n: number): this {
    this.track('everyWeeks');
    return this.set({ everyWeeks: this.whole(n, 1, Infinity, 'everyWeeks') });
  }

  atHour(hour: number): this {
    this.track('atHour');
    return this.set({ atHour: this.whole(hour, 0, 23, 'atHour') });
  }

  nearMinute(minute: number): this {
    this.track('nearMinute');
    return this.set({ nearMinute: this.whole(minute, 0, 59, 'nearMinute') });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    this.track('onWeekDay');
    return this.set({ onWeekDay: String(day) });
  }

  onMonthDay(day: number): this {
    this.track('onMonthDay');
    return this.set({ onMonthDay: this.whole(day, 1, 31, 'onMonthDay') });
  }

  after(durationMilliseconds: number): this {
    this.track('after');
    return this.set({ afterMs: this.whole(durationMilliseconds, 0, Infinity, 'after') });
  }

  at(date: GoogleAppsScript.Base.Date): this {
    this.track('at');
    return this.set({ at: date.getTime() });
  }

  inTimezone(timezone: string): this {
    this.track('inTimezone');
    return this.set({ timeZone: timezone });
  }

  /** A repetition or a time is required; an hour or minute only makes sense for daily, weekly or monthly runs. */
  create(): FakeTrigger {
    this.track('create');
    const s = this.schedule;
    const repeats = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.onWeekDay, s.onMonthDay];
    if (repeats.every((r) => r === undefined) && s.afterMs === undefined && s.at === undefined) {
      throw this.fail(
        'Clock trigger needs a schedule (everyMinutes/Hours/Days/Weeks, onWeekDay, onMonthDay, after or at)',
      );
    }
    const daily = [s.everyDays, s.everyWeeks, s.onWeekDay, s.onMonthDay].some((r) => r !== undefined);
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && !daily) {
      throw this.fail('atHour and nearMinute need everyDays, everyWeeks, onWeekDay or onMonthDay');
    }
    return this.install({
      handler: this.handler,
      eventType: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      sourceId: null,
      schedule: { ...s },
    });
  }

  private set(part: ClockSchedule): this {
    Object.assign(this.schedule, part);
    return this;
  }

  private whole(n: number, min: number, max: number, method: string): number {
    if (!Number.isInteger(n) || n < min || n > max) throw this.fail(`Invalid argument for ${method}: ${n}`);
    return n;
  }
}
