/**
 * One installable trigger per spreadsheet and handler. A user sees only their own triggers, so the
 * installer is remembered in the document properties: when another member installed it, none is added
 * (two triggers would both fire) and their address is returned; the user's own earlier one is replaced.
 */
export interface Installed {
  installed: boolean;
  owner: string;
}

export function installOnce(
  handler: string,
  create: (builder: GoogleAppsScript.Script.TriggerBuilder) => void,
  user: string,
  takeOver = false,
): Installed {
  const props = PropertiesService.getDocumentProperties();
  const ownerKey = `tilskudd.triggerOwner.${handler}`;
  const owner = props.getProperty(ownerKey) ?? '';
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  if (owner !== '' && owner !== user && mine.length === 0 && !takeOver) return { installed: false, owner };
  for (const t of mine) ScriptApp.deleteTrigger(t);
  create(ScriptApp.newTrigger(handler));
  props.setProperty(ownerKey, user);
  return { installed: true, owner: user };
}

/** Whether `uid` is one of this user's installed triggers for `handler` (real trigger events carry it). */
export function isTriggerOf(handler: string, uid: unknown): boolean {
  if (typeof uid !== 'string' || uid === '') return false;
  return ScriptApp.getProjectTriggers().some(
    (t) => t.getUniqueId() === uid && t.getHandlerFunction() === handler,
  );
}
