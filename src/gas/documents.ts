import { DOCUMENTS_SHEET, readTable } from '../core/workbook/contract';
import { clearBody, docsRequests, footerRequests, type DocsRequest } from '../core/documents/docs-requests';
import type { DocModel } from '../core/documents/model';
import { tilskuddError } from '../core/base/errors';
import { hash53 } from '../core/base/hash';
import type { Settings } from '../core/workbook/settings';
import { cellText, isDate } from '../core/base/text';
import { inLock, type Desk } from './desk';
import { escapeHtml } from './html';
import { appendLog } from './log';
import { rowFor, type Sheet } from './sheets';

/**
 * Writes document models to Google Docs through the Docs advanced service: one `batchUpdate` per
 * document, whatever its length. Each document is remembered in `Dokumenter` under a key with a hash of
 * its content, so running again updates the same document, or does nothing when nothing changed.
 * New documents are counted per day against Google's quota, with a clear message before the limit; the
 * quota is per account, so the count is kept in the user's properties.
 */
export interface Published {
  key: string;
  title: string;
  url: string;
  /** `busy`: another run is writing this document right now. */
  status: 'created' | 'updated' | 'unchanged' | 'busy';
}

const COUNT_PROPERTY = 'tilskudd.docsCreated.';
const urlOf = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

function documents(): GoogleAppsScript.Docs.Collection.DocumentsCollection {
  if (typeof Docs === 'undefined' || !Docs) {
    throw tilskuddError(
      'Google Docs-tjenesten (Docs API) er ikke slått på for skriptet. Den står i appsscript.json; publiser prosjektet på nytt med «npm run deploy».',
      'The Google Docs advanced service is not enabled for the script. It is in appsscript.json; deploy again with "npm run deploy".',
    );
  }
  return Docs.Documents!;
}

export function publishDocuments(
  desk: Desk,
  settings: Settings,
  items: Array<{ key: string; model: DocModel }>,
): Published[] {
  const sheet = inLock(() => {
    const found = desk.sheets.find(DOCUMENTS_SHEET);
    if (found) return found;
    const created = desk.sheets.insert(DOCUMENTS_SHEET);
    created
      .getRange(1, 1, 1, DOCUMENTS_SHEET.fields.length)
      .setValues([DOCUMENTS_SHEET.fields.map((f) => f.header)]);
    return created;
  });
  const known = new Set(
    readTable(DOCUMENTS_SHEET, sheet.getDataRange().getValues()).rows.map((r) => cellText(r.get('key'))),
  );
  const props = PropertiesService.getUserProperties();
  const counter =
    COUNT_PROPERTY + Utilities.formatDate(new Date(), desk.ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  const createdToday = Number(props.getProperty(counter) ?? 0);
  const toCreate = items.filter((i) => !known.has(i.key)).length;
  if (createdToday + toCreate > settings.docsPerDay) {
    throw tilskuddError(
      `Google tillater ${settings.docsPerDay} nye dokumenter per dag for denne kontoen. ${createdToday} er laget i dag, og dette ville laget ${toCreate} til. Prøv igjen i morgen (eksisterende dokumenter kan oppdateres), eller sett «Dokumenter per dag» til 1500 hvis kontoen er Google Workspace.`,
      `Google allows ${settings.docsPerDay} new documents a day for this account. ${createdToday} were created today and this would create ${toCreate} more. Try again tomorrow (existing documents can be updated), or set "Documents per day" to 1500 for a Google Workspace account.`,
    );
  }

  const api = documents();
  return items.map(({ key, model }) => {
    const hash = hash53(JSON.stringify(model));
    // The key is claimed under the lock, so two runs at once never write the same document twice.
    const claim = inLock(() => claimKey(sheet, key, model.title, hash));
    if (claim.kind === 'unchanged' || claim.kind === 'busy') {
      return { key, title: model.title, url: claim.url, status: claim.kind };
    }
    const rewritten = claim.kind === 'existing' ? rewrite(api, claim.id, model) : null;
    const documentId = rewritten ?? create(api, model);
    const status: Published['status'] = rewritten ? 'updated' : 'created';
    const at = claim.row;
    inLock(() => {
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      const row = rowFor(DOCUMENTS_SHEET, header, {
        key,
        title: model.title,
        url: urlOf(documentId),
        documentId,
        hash,
        updated: new Date(),
      });
      sheet.getRange(at, 1, 1, row.length).setValues([row]);
      if (status === 'created')
        props.setProperty(counter, String(Number(props.getProperty(counter) ?? 0) + 1));
      appendLog(desk.sheets, desk.user, [
        {
          action: status === 'created' ? 'Dokument laget' : 'Dokument oppdatert',
          caseId: key,
          after: urlOf(documentId),
        },
      ]);
    });
    return { key, title: model.title, url: urlOf(documentId), status };
  });
}

type Claim =
  | { kind: 'unchanged'; url: string }
  | { kind: 'busy'; url: string }
  | { kind: 'existing'; row: number; id: string }
  | { kind: 'new'; row: number };

/** A run that claimed a key but wrote nothing for this long is taken to have stopped. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/** Under the lock: the key's row as it is now, or a placeholder row marking it as being written. */
function claimKey(sheet: Sheet, key: string, title: string, hash: string): Claim {
  const values = sheet.getDataRange().getValues();
  const row = readTable(DOCUMENTS_SHEET, values).rows.find((r) => cellText(r.get('key')) === key);
  const id = row ? cellText(row.get('documentId')) : '';
  if (row && id !== '') {
    return cellText(row.get('hash')) === hash
      ? { kind: 'unchanged', url: cellText(row.get('url')) }
      : { kind: 'existing', row: row.row, id };
  }
  const claimed = row?.get('updated');
  if (row && isDate(claimed) && Date.now() - claimed.getTime() < STALE_CLAIM_MS)
    return { kind: 'busy', url: '' };
  const at = row ? row.row : values.length + 1;
  const placeholder = rowFor(DOCUMENTS_SHEET, values[0]!, { key, title, updated: new Date() });
  sheet.getRange(at, 1, 1, placeholder.length).setValues([placeholder]);
  return { kind: 'new', row: at };
}

type Api = GoogleAppsScript.Docs.Collection.DocumentsCollection;

const batch = (api: Api, id: string, requests: DocsRequest[]) =>
  api.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);

/**
 * Sends `requests` and writes the model's footer. With a footer already in the document that is one
 * batchUpdate; a new footer's id comes in the reply to `createFooter`, so its text needs a second.
 */
function writeWithFooter(
  api: Api,
  id: string,
  requests: DocsRequest[],
  model: DocModel,
  footer?: Footer,
): void {
  if (footer) {
    batch(api, id, [...requests, ...footerRequests(model.footer, footer.id, footer.end)]);
    return;
  }
  if (!model.footer) {
    batch(api, id, requests);
    return;
  }
  const replies = batch(api, id, [...requests, { createFooter: { type: 'DEFAULT' } }]).replies ?? [];
  const footerId = (replies[replies.length - 1] as { createFooter?: { footerId?: string } } | undefined)
    ?.createFooter?.footerId;
  if (footerId) batch(api, id, footerRequests(model.footer, footerId, 1));
}

interface Footer {
  id: string;
  /** The end index of its content (1 when empty). */
  end: number;
}

function create(api: Api, model: DocModel): string {
  const id = api.create({ title: model.title }).documentId!;
  writeWithFooter(api, id, docsRequests(model), model);
  return id;
}

/**
 * Rewrites an existing document in one batchUpdate; `null` when it no longer exists, and a new one is made
 * instead. A document this user may not open (it belongs to the member who made it) stops with the reason.
 */
function rewrite(api: Api, id: string, model: DocModel): string | null {
  let content: GoogleAppsScript.Docs.Schema.StructuralElement[];
  let footer: Footer | undefined;
  try {
    const doc = api.get(id);
    content = doc.body?.content ?? [];
    const footerId = doc.documentStyle?.defaultFooterId;
    const footerContent = footerId
      ? ((doc.footers as Record<string, { content?: Array<{ endIndex?: number }> }> | undefined)?.[footerId]
          ?.content ?? [])
      : [];
    if (footerId) footer = { id: footerId, end: footerContent[footerContent.length - 1]?.endIndex ?? 1 };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/not found/i.test(message)) return null;
    throw tilskuddError(
      `Dokumentet ${urlOf(id)} kan ikke oppdateres av deg (Google svarte: ${message}). Det tilhører den som laget det: be vedkommende dele det med deg for redigering, eller kjøre dette selv.`,
      `The document ${urlOf(id)} cannot be updated by you (Google answered: ${message}). It belongs to whoever made it: ask them to share it with you for editing, or to run this themselves.`,
    );
  }
  const requests = [...clearBody(content[content.length - 1]?.endIndex ?? 2), ...docsRequests(model)];
  writeWithFooter(api, id, requests, model, footer);
  return id;
}

/** A small dialog with the documents' links; every value is escaped. */
export function showLinks(desk: Desk, title: string, published: Published[], settings: Settings): void {
  const nb = desk.lang === 'nb';
  const status = {
    created: nb ? 'laget' : 'created',
    updated: nb ? 'oppdatert' : 'updated',
    unchanged: nb ? 'uendret' : 'unchanged',
    busy: nb ? 'lages nå av en annen kjøring' : 'being written by another run',
  };
  const day = Utilities.formatDate(new Date(), desk.ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  const used = Number(PropertiesService.getUserProperties().getProperty(COUNT_PROPERTY + day) ?? 0);
  const warn =
    used >= settings.docsPerDay * 0.9
      ? `<p class="warn">${escapeHtml(nb ? `${used} av ${settings.docsPerDay} nye dokumenter er brukt i dag.` : `${used} of ${settings.docsPerDay} new documents used today.`)}</p>`
      : '';
  const items = published
    .map(
      (p) =>
        `<li><a href="${escapeHtml(p.url)}" target="_blank" rel="noopener">${escapeHtml(p.title)}</a> <span>(${status[p.status]})</span></li>`,
    )
    .join('');
  const html = `<style>body{font:14px/1.5 system-ui,sans-serif;margin:16px}li{margin:6px 0}span{color:#5f6368}.warn{color:#b06000}</style><ul>${items}</ul>${warn}`;
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(460).setHeight(260),
    title,
  );
}
