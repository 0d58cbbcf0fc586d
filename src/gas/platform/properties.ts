/**
 * This spreadsheet's document properties, stamped with its own id. *Make a copy* of a spreadsheet copies
 * its bound script with the properties its users stored (form ids, the trigger owner, case-id marks), so a
 * copy would otherwise act on the master's forms and numbers. Every property Tilskudd keeps is read and
 * written here: while the stamp names another spreadsheet they are all absent, and the first write (or
 * set-up's `claimDocumentProperties`) clears them and stamps this spreadsheet's id. A store without a
 * stamp is an installation from before the stamp, in this very spreadsheet: trusted, and stamped.
 */
export const STAMP_PROPERTY = 'tilskudd.spreadsheetId';

export interface DocumentProperties {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): void;
  setProperties(values: Record<string, string>): void;
  deleteProperty(key: string): void;
}

/** This spreadsheet's id, asked once (an execution's globals last as long as it does). */
let ownId: string | undefined;
const spreadsheetId = () => (ownId ??= SpreadsheetApp.getActiveSpreadsheet().getId());

export function documentProperties(): DocumentProperties {
  const props = PropertiesService.getDocumentProperties();
  const own = spreadsheetId();
  let stamp = props.getProperty(STAMP_PROPERTY);
  const foreign = () => stamp !== null && stamp !== own;
  const claim = () => {
    if (stamp === own) return;
    if (foreign()) props.deleteAllProperties();
    props.setProperty(STAMP_PROPERTY, own);
    stamp = own;
  };
  return {
    getProperty: (key) => (foreign() ? null : props.getProperty(key)),
    getProperties: () => (foreign() ? {} : props.getProperties()),
    setProperty: (key, value) => {
      claim();
      props.setProperty(key, value);
    },
    setProperties: (values) => {
      claim();
      props.setProperties(values);
    },
    deleteProperty: (key) => {
      if (!foreign()) props.deleteProperty(key);
    },
  };
}

/**
 * Set-up in a copy: drops every property that is not this spreadsheet's (the master's trigger owner,
 * form ids, marks) before anything reads them unstamped. Returns whether there were any.
 */
export function claimDocumentProperties(): boolean {
  const props = PropertiesService.getDocumentProperties();
  const own = spreadsheetId();
  const stamp = props.getProperty(STAMP_PROPERTY);
  if (stamp === own) return false;
  const foreign = stamp !== null;
  if (foreign) props.deleteAllProperties();
  props.setProperty(STAMP_PROPERTY, own);
  return foreign;
}
