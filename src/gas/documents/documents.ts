import { DOCUMENTS_SHEET, readTable, type FieldKey } from '../../core/workbook/contract';
import {
  clearBody,
  docCharacters,
  docsRequests,
  DOC_CHARACTERS,
  footerRequests,
  requestChunks,
  type DocsRequest,
} from '../../core/documents/docs-requests';
import { formatMoney } from '../../core/parse/money';
import type { DocModel } from '../../core/documents/model';
import { tilskuddError } from '../../core/base/errors';
import { hash53 } from '../../core/base/hash';
import type { Settings } from '../../core/workbook/settings';
import { cellText, isDate } from '../../core/base/text';
import { inLock, type Desk } from '../platform/desk';
import { escapeHtml, htmlDocument } from '../platform/html';
import { TIME_BUDGET_MS } from '../platform/time-budget';
import { appendLog } from '../platform/log';
import { writeFields, type Sheet } from '../platform/sheets';

/**
 * Writes document models to Google Docs through the Docs advanced service: `batchUpdate`s of at most
 * 2 MB each (Google refuses larger bodies), and no document beyond DOC_CHARACTERS. Each document is remembered in `Dokumenter` under a key with a hash of
 * its content, so running again updates the same document, or does nothing when nothing changed.
 * New documents are counted per day against Google's quota, with a clear message before the limit; the
 * quota is per account, so the count is kept in the user's properties.
 */
export interface Published {
  key: string;
  title: string;
  url: string;
  /**
   * `busy`: another run is writing this document right now. `pending`: not written in this run, which
   * stopped before Google's 6-minute limit; running it again continues here.
   */
  status: 'created' | 'updated' | 'unchanged' | 'busy' | 'pending';
}

/** Earlier versions counted per calendar day, one property per day (`tilskudd.docsCreated.yyyy-MM-dd`). */
const DAY_COUNT_PREFIX = 'tilskudd.docsCreated.';
/** New documents per hour (hours since the epoch → count), the last 24 hours only: one small property. */
const COUNT_PROPERTY = 'tilskudd.docsCreatedPerHour';
const HOUR = 3_600_000;

/**
 * Google's quota of new documents is a rolling 24 hours, not the calendar day: count those made in the
 * last 24 whole hours and this one (a little stricter than Google), and drop older hours. The per-day
 * properties of earlier versions are folded in (as made this hour) and deleted.
 */
function createdLast24h(props: GoogleAppsScript.Properties.Properties, add = 0): number {
  const hour = Math.floor(Date.now() / HOUR);
  let perHour: Record<string, number> = {};
  try {
    perHour = JSON.parse(props.getProperty(COUNT_PROPERTY) ?? '{}') as Record<string, number>;
  } catch {
    // a damaged count starts again
  }
  const kept: Record<string, number> = {};
  for (const [h, n] of Object.entries(perHour))
    if (hour - Number(h) <= 24 && Number(n) > 0) kept[h] = Number(n);
  const legacy = props.getKeys().filter((k) => k.startsWith(DAY_COUNT_PREFIX));
  for (const k of legacy) kept[hour] = (kept[hour] ?? 0) + Number(props.getProperty(k) ?? 0);
  kept[hour] = (kept[hour] ?? 0) + add;
  if (legacy.length > 0 || add > 0) {
    props.setProperty(COUNT_PROPERTY, JSON.stringify(kept));
    for (const k of legacy) props.deleteProperty(k);
  }
  return Object.values(kept).reduce((a, b) => a + b, 0);
}
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
  const createdToday = createdLast24h(props);
  const toCreate = items.filter((i) => !known.has(i.key)).length;
  if (createdToday + toCreate > settings.docsPerDay) {
    throw tilskuddError(
      `Google tillater ${settings.docsPerDay} nye dokumenter per dag for denne kontoen. ${createdToday} er laget siste døgn, og dette ville laget ${toCreate} til. Prøv igjen senere (eksisterende dokumenter kan oppdateres), eller sett «Dokumenter per dag» til 1500 hvis kontoen er Google Workspace.`,
      `Google allows ${settings.docsPerDay} new documents a day for this account. ${createdToday} were created in the last 24 hours and this would create ${toCreate} more. Try again later (existing documents can be updated), or set "Documents per day" to 1500 for a Google Workspace account.`,
    );
  }

  const tooLong = items.find((i) => docCharacters(i.model) > DOC_CHARACTERS);
  if (tooLong) throw tooLongError(tooLong.key, tooLong.model);

  const api = documents();
  const pace = pacer(desk.started);
  let stopped = false;
  return items.map(({ key, model }) => {
    // Out of time: the rest is left for the next run, which skips what is already in Dokumenter.
    if (stopped || pace.late()) {
      stopped = true;
      return { key, title: model.title, url: '', status: 'pending' };
    }
    const hash = hash53(JSON.stringify(model));
    // The key is claimed under the lock, so two runs at once never write the same document twice.
    const claim = inLock(() => claimKey(sheet, key, model.title, hash));
    if (claim.kind === 'unchanged' || claim.kind === 'busy') {
      return { key, title: model.title, url: claim.url, status: claim.kind };
    }
    const made = { id: '' };
    try {
      const rewritten = claim.kind === 'existing' ? rewrite(api, pace, claim.id, model) : null;
      const documentId = rewritten ?? create(api, pace, model, made);
      const status = rewritten ? 'updated' : 'created';
      inLock(() => {
        record(sheet, key, {
          title: model.title,
          url: urlOf(documentId),
          documentId,
          hash,
          updated: new Date(),
        });
        if (status === 'created') createdLast24h(props, 1);
        appendLog(desk.sheets, desk.user, [
          {
            action: status === 'created' ? 'Dokument laget' : 'Dokument oppdatert',
            caseId: key,
            after: urlOf(documentId),
          },
        ]);
      });
      return { key, title: model.title, url: urlOf(documentId), status };
    } catch (e) {
      // Free the claim so the next run does not wait for it; a document made but not filled is kept and
      // filled then (no content hash, so it counts as changed).
      inLock(() =>
        record(
          sheet,
          key,
          made.id === ''
            ? { updated: '' }
            : { documentId: made.id, url: urlOf(made.id), hash: '', updated: '' },
        ),
      );
      if (!(e instanceof OutOfTime)) throw e;
      stopped = true;
      return { key, title: model.title, url: '', status: 'pending' };
    }
  });
}

type Claim =
  | { kind: 'unchanged'; url: string }
  | { kind: 'busy'; url: string }
  | { kind: 'existing'; id: string }
  | { kind: 'new' };

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
      : { kind: 'existing', id };
  }
  const claimed = row?.get('updated');
  if (row && isDate(claimed) && Date.now() - claimed.getTime() < STALE_CLAIM_MS)
    return { kind: 'busy', url: '' };
  writeFields(sheet, DOCUMENTS_SHEET, values, row ? row.row : values.length + 1, {
    key,
    title,
    updated: new Date(),
  });
  return { kind: 'new' };
}

/**
 * Under the lock: writes the key's row, found again by its key (rows may have been sorted or inserted
 * while Google wrote the document), over its current values, so columns a person added keep theirs.
 */
function record(
  sheet: Sheet,
  key: string,
  cells: Partial<Record<FieldKey<typeof DOCUMENTS_SHEET>, unknown>>,
): void {
  const values = sheet.getDataRange().getValues();
  const found = readTable(DOCUMENTS_SHEET, values).rows.find((r) => cellText(r.get('key')) === key);
  writeFields(sheet, DOCUMENTS_SHEET, values, found ? found.row : values.length + 1, { key, ...cells });
}

// ---- Google's limits: 60 Docs write requests per minute per user, 6 minutes per execution ----

const WRITES_PER_MINUTE = 60;
/** Retries of a request Google refused with 429: 1, 2, 4 … 32 s, more than a minute in all. */
const RETRIES = 6;

class OutOfTime extends Error {}

interface Pacer {
  late(): boolean;
  write<T>(request: () => T): T;
}

/**
 * Paces write requests to the per-minute limit (counting this run's own) and retries a 429 with
 * exponential backoff (another run of the same user may share the limit). A wait that would pass the
 * time budget stops the run instead (OutOfTime), so the next run can go on.
 */
function pacer(started: number): Pacer {
  const deadline = started + TIME_BUDGET_MS;
  const writes: number[] = [];
  const sleep = (ms: number) => {
    if (Date.now() + ms > deadline) throw new OutOfTime();
    Utilities.sleep(ms);
  };
  return {
    late: () => Date.now() > deadline,
    write<T>(request: () => T): T {
      for (let attempt = 0; ;) {
        while (writes.length > 0 && writes[0]! <= Date.now() - 60_000) writes.shift();
        if (writes.length >= WRITES_PER_MINUTE) {
          // A second more than the minute: Google's clock and ours need not agree to the millisecond.
          sleep(writes[0]! + 61_000 - Date.now());
          continue;
        }
        try {
          const result = request();
          writes.push(Date.now());
          return result;
        } catch (e) {
          if (!/429|quota exceeded|rate limit/i.test(messageOf(e))) throw e;
          if (attempt === RETRIES) throw tooFast();
          sleep(1000 * 2 ** attempt++);
        }
      }
    },
  };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const tooFast = () =>
  tilskuddError(
    'Google Docs tar imot høyst 60 endringer i minuttet per bruker, og svarte fortsatt «for mange» etter over ett minutt. Det som er laget, er lagret i «Dokumenter»: kjør det samme igjen om noen minutter, så fortsetter Tilskudd der det stoppet.',
    'Google Docs accepts at most 60 changes a minute per user and still answered "too many" after more than a minute. What was made is recorded in "Dokumenter": run the same again in a few minutes and Tilskudd continues where it stopped.',
  );

/** This user may not open or change the document (it belongs to whoever made it): the reason, not a stack. */
function notAllowed(id: string, e: unknown) {
  const message = messageOf(e);
  return tilskuddError(
    `Dokumentet ${urlOf(id)} kan ikke oppdateres av deg (Google svarte: ${message}). Det tilhører den som laget det: be vedkommende dele det med deg for redigering, eller kjøre dette selv.`,
    `The document ${urlOf(id)} cannot be updated by you (Google answered: ${message}). It belongs to whoever made it: ask them to share it with you for editing, or to run this themselves.`,
  );
}

const isPermission = (e: unknown) => /permission|403|forbidden/i.test(messageOf(e));

/** The command that makes the same document as a .docx, by the key's kind (`overview:2025` …). */
const CLI: Record<string, (arg: string) => string> = {
  memo: () => 'npx tilskudd memo FIL.xlsx --out saksfremstilling.docx',
  letter: () => 'npx tilskudd letters FIL.xlsx --out brev',
  overview: (year) =>
    `npx tilskudd publish FIL.xlsx --format overview --year ${year} --out oversikt-${year}.docx`,
  'plan-review': () => 'npx tilskudd report FIL.xlsx --kind plan --out tiltaksplan.docx',
  status: () => 'npx tilskudd report FIL.xlsx --kind status --out statusrapport.docx',
  annual: (year) =>
    `npx tilskudd report FIL.xlsx --kind annual --year ${year} --out arlig-melding-${year}.docx`,
};

function tooLongError(key: string, model: DocModel) {
  const [kind = '', arg = ''] = key.split(':');
  const cli = (CLI[kind] ?? CLI.memo!)(arg);
  const n = formatMoney(docCharacters(model), false);
  const limit = formatMoney(DOC_CHARACTERS, false);
  return tilskuddError(
    `«${model.title}» blir ${n} tegn, for langt for Google Docs (Tilskudd skriver høyst ${limit} tegn i et Google-dokument; Google tar rundt 1 million). Ingenting er laget. Lag dokumentet som Word-fil (.docx) i stedet: last ned regnearket (Fil › Last ned › Microsoft Excel) og kjør ${cli}`,
    `"${model.title}" would be ${n} characters, too long for Google Docs (Tilskudd writes at most ${limit} characters to a Google Doc; Google holds about 1 million). Nothing was made. Make the document as a Word file (.docx) instead: download the spreadsheet (File › Download › Microsoft Excel) and run ${cli}`,
  );
}

type Api = GoogleAppsScript.Docs.Collection.DocumentsCollection;

/** Sends `requests` in chunks within Google's request size, in order; the last chunk's replies. */
function batch(api: Api, pace: Pacer, id: string, requests: DocsRequest[]): object[] {
  let replies: object[] = [];
  for (const chunk of requestChunks(requests)) {
    const request = { requests: chunk } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;
    replies = (pace.write(() => api.batchUpdate(request, id)).replies ?? []) as object[];
  }
  return replies;
}

/**
 * Sends `requests` and writes the model's footer. With a footer already in the document that is one
 * batchUpdate; a new footer's id comes in the reply to `createFooter`, so its text needs a second.
 */
function writeWithFooter(
  api: Api,
  pace: Pacer,
  id: string,
  requests: DocsRequest[],
  model: DocModel,
  footer?: Footer,
): void {
  if (footer) {
    batch(api, pace, id, [...requests, ...footerRequests(model.footer, footer.id, footer.end)]);
    return;
  }
  if (!model.footer) {
    batch(api, pace, id, requests);
    return;
  }
  const replies = batch(api, pace, id, [...requests, { createFooter: { type: 'DEFAULT' } }]);
  const footerId = (replies[replies.length - 1] as { createFooter?: { footerId?: string } } | undefined)
    ?.createFooter?.footerId;
  if (footerId) batch(api, pace, id, footerRequests(model.footer, footerId, 1));
}

interface Footer {
  id: string;
  /** The end index of its content (1 when empty). */
  end: number;
}

function create(api: Api, pace: Pacer, model: DocModel, made: { id: string }): string {
  made.id = pace.write(() => api.create({ title: model.title })).documentId!;
  writeWithFooter(api, pace, made.id, docsRequests(model), model);
  return made.id;
}

/**
 * Rewrites an existing document (cleared, then written again); `null` when it no longer exists, and a new one is made
 * instead. A document this user may not open or change stops with the reason, on `get` and on `batchUpdate`.
 */
function rewrite(api: Api, pace: Pacer, id: string, model: DocModel): string | null {
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
    if (/not found/i.test(messageOf(e))) return null;
    throw notAllowed(id, e);
  }
  const requests = [...clearBody(content[content.length - 1]?.endIndex ?? 2), ...docsRequests(model)];
  try {
    writeWithFooter(api, pace, id, requests, model, footer);
  } catch (e) {
    if (isPermission(e)) throw notAllowed(id, e);
    throw e;
  }
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
    pending: nb ? 'ikke laget ennå' : 'not written yet',
  };
  const used = createdLast24h(PropertiesService.getUserProperties());
  const warn =
    used >= settings.docsPerDay * 0.9
      ? `<p class="warn">${escapeHtml(nb ? `${used} av ${settings.docsPerDay} nye dokumenter er brukt siste døgn.` : `${used} of ${settings.docsPerDay} new documents used in the last 24 hours.`)}</p>`
      : '';
  const items = published
    .map((p) => {
      const name =
        p.url === ''
          ? escapeHtml(p.title)
          : `<a href="${escapeHtml(p.url)}" target="_blank" rel="noopener">${escapeHtml(p.title)}</a>`;
      return `<li>${name} <span>(${status[p.status]})</span></li>`;
    })
    .join('');
  const pending = published.filter((p) => p.status === 'pending').length;
  const more =
    pending === 0
      ? ''
      : `<p class="warn">${escapeHtml(nb ? `${pending} dokumenter gjenstår: Google stopper en kjøring etter 6 minutter. Velg det samme menyvalget igjen, så fortsetter Tilskudd der det stoppet.` : `${pending} documents remain: Google stops a run after 6 minutes. Choose the same menu item again and Tilskudd continues where it stopped.`)}</p>`;
  const html = htmlDocument(
    title,
    desk.lang,
    'body{font:14px/1.5 system-ui,sans-serif;margin:16px;color:#202124}li{margin:6px 0;overflow-wrap:anywhere}span{color:#5f6368}.warn{color:#8a4b00}',
    `${more}<ul>${items}</ul>${warn}`,
  );
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setTitle(title).setWidth(460).setHeight(260),
    title,
  );
}
