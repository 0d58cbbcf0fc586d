import type { Spreadsheet } from './sheets';
import { documentProperties } from './properties';

/**
 * The document's two installable triggers, one of each type (an add-on may hold no more per user and
 * document): the spreadsheet's form-submit trigger, which routes every linked form's response to its
 * journal, and the hourly clock trigger, which sweeps every journal and sends the day's reminders.
 * A user sees only their own triggers, so the member who holds them is remembered in the document
 * properties: when another member holds them, none is added (they would both fire) and their address is
 * returned.
 */
export const SUBMIT_HANDLER = 'onFormSubmit';
export const HOURLY_HANDLER = 'runHourly';
/**
 * Handlers of earlier versions (four triggers: one per form and a sweep and a daily reminder run). They
 * stay as globals forwarding to the two above, since another member's old trigger cannot be deleted here.
 */
export const OLD_HANDLERS = ['onStatusFormSubmit', 'registerMissingResponses', 'sendReminders'];
const HANDLERS = [SUBMIT_HANDLER, HOURLY_HANDLER, ...OLD_HANDLERS];

const OWNER_PROPERTY = 'tilskudd.triggers.owner';
/** Where earlier versions remembered who installed which trigger. */
const OLD_OWNER_PROPERTIES = [
  'tilskudd.triggerOwner',
  ...OLD_HANDLERS.map((handler) => `tilskudd.triggerOwner.${handler}`),
];

export interface Installed {
  installed: boolean;
  /** Who holds the document's triggers now. */
  owner: string;
  /** Members still holding an earlier version's triggers: each must run set-up once to remove theirs. */
  oldOwners: string[];
}

/** Who holds the triggers, and whether that is someone else while this user has none of them. */
export function triggerOwner(user: string): { owner: string; someoneElse: boolean } {
  const props = documentProperties();
  // An earlier version's installer is not asked about: set-up moves to this user's two (see oldOwners).
  const owner = props.getProperty(OWNER_PROPERTY) ?? '';
  const mine = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === SUBMIT_HANDLER);
  return { owner, someoneElse: owner !== '' && owner !== user && !mine };
}

/**
 * Installs the two triggers for `user`, replacing every trigger of theirs that this project made (an
 * earlier version's four included). When another member holds the triggers, only this user's old ones
 * are removed, unless `takeOver` (the member confirmed that the other's no longer work). Call it holding
 * the lock.
 */
export function installTriggers(ss: Spreadsheet, user: string, takeOver = false): Installed {
  const props = documentProperties();
  const holder = props.getProperty(OWNER_PROPERTY) ?? '';
  // Handler names alone cannot tell an earlier version's `onFormSubmit` from this one's: the holder does.
  const install = takeOver || holder === '' || holder === user;
  for (const t of myTriggers()) ScriptApp.deleteTrigger(t);
  for (const key of OLD_OWNER_PROPERTIES) if (props.getProperty(key) === user) props.deleteProperty(key);
  if (install) {
    ScriptApp.newTrigger(SUBMIT_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
    props.setProperty(OWNER_PROPERTY, user);
  }
  return { installed: install, owner: install ? user : holder, oldOwners: oldOwners(user) };
}

/** This user's triggers of this project (of this version or an earlier one). */
const myTriggers = () =>
  ScriptApp.getProjectTriggers().filter((t) => HANDLERS.includes(t.getHandlerFunction()));

/**
 * Whether this user holds triggers of this project: then set-up moves them to the two (or removes them
 * when another member holds the two) whatever the user's role now, as no one is given anything new.
 */
export const holdsTriggers = (): boolean => myTriggers().length > 0;

/** Members other than `user` whom the document names as holding an earlier version's triggers. */
export function oldOwners(user: string): string[] {
  const props = documentProperties();
  const named = OLD_OWNER_PROPERTIES.map((key) => props.getProperty(key) ?? '');
  return [...new Set(named.filter((who) => who !== '' && who !== user))];
}

/** Whether the document has triggers to keep (someone installed them, in this version or an earlier one). */
export const triggersInstalled = (): boolean => {
  const props = documentProperties();
  return [OWNER_PROPERTY, ...OLD_OWNER_PROPERTIES].some((key) => props.getProperty(key) !== null);
};

/** Whether `uid` is one of this user's installed triggers for one of `handlers` (real events carry it). */
export function isTriggerOf(handlers: readonly string[], uid: unknown): boolean {
  if (typeof uid !== 'string' || uid === '') return false;
  return ScriptApp.getProjectTriggers().some(
    (t) => t.getUniqueId() === uid && handlers.includes(t.getHandlerFunction()),
  );
}

/** What to tell a member about triggers that are not theirs (empty when there is nothing to say). */
export function triggerNote(result: Installed, nb: boolean): string {
  const parts: string[] = [];
  if (!result.installed)
    parts.push(
      nb
        ? `Svarene registreres og påminnelsene sendes av utløserne som ${result.owner} installerte. Bare ett sett skal finnes.`
        : `Responses are registered and reminders sent by the triggers ${result.owner} installed. There must be only one set.`,
    );
  if (result.oldOwners.length > 0)
    parts.push(
      nb
        ? `${result.oldOwners.join(', ')} har utløsere fra en tidligere versjon. Be dem velge Tilskudd › Sett opp arbeidsboka én gang, så fjernes de (ingen svar går tapt imens).`
        : `${result.oldOwners.join(', ')} hold triggers of an earlier version. Ask them to choose Tilskudd › Set up workbook once to remove them (no response is lost meanwhile).`,
    );
  return parts.join('\n\n');
}
