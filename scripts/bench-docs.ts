// Google Docs request sizes: the public overview of generated portfolios (its longest document) as the
// bundle sends it (docsRequests in chunks by requestChunks), against Google's limits.
import { checkWorkbook } from '../src/core/check/check';
import { buildOverview } from '../src/core/documents/overview';
import {
  docCharacters,
  docsRequests,
  DOC_CHARACTERS,
  REQUEST_BYTES,
  requestChunks,
  utf8Length,
} from '../src/core/documents/docs-requests';
import type { DocModel } from '../src/core/documents/model';
import { portfolio } from './bench-core';

export interface DocsRow {
  document: string;
  applications: number;
  characters: number;
  /** The whole document's requests as one body, in bytes (what one batchUpdate would have been). */
  wholeBytes: number;
  chunks: number;
  largestBytes: number;
  /** Refused before anything is made (beyond DOC_CHARACTERS): the .docx from the CLI instead. */
  refused: boolean;
}

function measure(document: string, applications: number, model: DocModel): DocsRow {
  const characters = docCharacters(model);
  const requests = docsRequests(model);
  const chunks = requestChunks(requests);
  const size = (r: unknown[]) => utf8Length(JSON.stringify({ requests: r }));
  return {
    document,
    applications,
    characters,
    wholeBytes: size(requests),
    chunks: chunks.length,
    largestBytes: Math.max(...chunks.map(size)),
    refused: characters > DOC_CHARACTERS,
  };
}

export function benchDocs(): { rows: DocsRow[]; limit: number } {
  const today = new Date(Date.UTC(2025, 10, 19));
  const rows = [1_000, 5_000, 10_000].map((n) =>
    measure('overview 2025', n, buildOverview(checkWorkbook(portfolio(n), { today }), 2025)),
  );
  return { rows, limit: REQUEST_BYTES };
}
