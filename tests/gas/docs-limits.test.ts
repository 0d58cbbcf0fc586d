import { ALLOCATIONS, APPLICATIONS } from '../../src/core/workbook/contract';
import {
  EXAMPLE_ALLOCATIONS,
  EXAMPLE_APPLICATIONS,
  exampleWorkbook,
  sheetRows,
} from '../../src/example/agder';
import { WRITES_PER_MINUTE } from './fakes/docs-api';
import { deskWith, LEADER, SECRETARY, type Desk } from './desk-helpers';

/**
 * Google's limits for documents: 60 Docs API write requests per minute per user (paced, 429 retried with
 * backoff), 6 minutes per execution (stop in time, the next run continues through `Dokumenter`), and a
 * 403 on batchUpdate told as plainly as one on get.
 */

/** The example workbook with `n` granted projects (copies of the first one, illustrative). */
function withGrants(n: number) {
  const values = exampleWorkbook();
  const ids = Array.from({ length: n }, (_, i) => `2025-05-${String(101 + i)}`);
  values[APPLICATIONS.name] = sheetRows(APPLICATIONS, [
    ...EXAMPLE_APPLICATIONS,
    ...ids.map((caseId, i) => ({ ...EXAMPLE_APPLICATIONS[0]!, caseId, title: `Prosjekt ${i + 1}` })),
  ]);
  values[ALLOCATIONS.name] = sheetRows(ALLOCATIONS, [
    ...EXAMPLE_ALLOCATIONS,
    ...ids.map((caseId) => ({ ...EXAMPLE_ALLOCATIONS[0]!, caseId })),
  ]);
  return values;
}

const LETTERS = 35;
/** The example's own letters: two grant offers and one for its supplementary grant. */
const EXAMPLE_LETTERS = 3;
const recorded = (sb: Desk) => {
  const [header, ...data] = sb.spreadsheet.sheetData('Dokumenter').values as unknown[][];
  const key = header!.indexOf('Nøkkel');
  const id = header!.indexOf('Dokument-ID');
  return data.filter((r) => r[key] !== '').map((r) => ({ key: r[key], id: r[id] }));
};

function letters(sb: Desk) {
  sb.ui.answerAlert(); // in case of a refusal
  sb.call('createLetters');
}

describe('the Docs API per-minute limit', () => {
  test(`${LETTERS + EXAMPLE_LETTERS} letters (${2 * (LETTERS + EXAMPLE_LETTERS)} write requests) are paced under ${WRITES_PER_MINUTE} a minute`, () => {
    const sb = deskWith(withGrants(LETTERS));
    letters(sb);
    const docs = sb.fakes.Docs.Documents;
    expect(sb.calls.count('Docs.Documents.create')).toBe(LETTERS + EXAMPLE_LETTERS);
    expect(docs.refused).toBe(0);
    expect(sb.fakes.Utilities.sleeps.length).toBeGreaterThan(0);
    expect(recorded(sb)).toHaveLength(LETTERS + EXAMPLE_LETTERS);
    expect(new Set(recorded(sb).map((r) => r.id)).size).toBe(LETTERS + EXAMPLE_LETTERS);
    expect(sb.ui.html.at(-1)!.content).not.toContain('ikke laget ennå');
    for (const { id } of recorded(sb)) expect(docs.snapshot(String(id)).length).toBeGreaterThan(3);
  });

  test('a 429 (the limit used up by another run of the same user) is retried with backoff', () => {
    const sb = deskWith();
    const docs = sb.fakes.Docs.Documents;
    sb.runAs({ email: SECRETARY }, () => {
      for (let i = 0; i < WRITES_PER_MINUTE; i++) docs.create({ title: 'another run' });
    });
    letters(sb);
    expect(docs.refused).toBeGreaterThan(0);
    expect(sb.fakes.Utilities.sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
    expect(recorded(sb).map((r) => r.key)).toEqual([
      'letter:2025-05-001',
      'letter:2025-05-002',
      'supplement:2025-05-001:1',
    ]);
  });

  test('a limit that never frees stops with a clear message and leaves no claim behind', () => {
    const sb = deskWith();
    const docs = sb.fakes.Docs.Documents;
    docs.create = () => {
      throw new Error(
        "API call to docs.documents.create failed with error: Quota exceeded for quota metric 'Write requests' (HTTP 429).",
      );
    };
    letters(sb);
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(
      /høyst 60 endringer i minuttet.*fortsetter Tilskudd der det stoppet/,
    );
    // The placeholder of the claimed key is freed: a run right after is not told it is "busy".
    const rows = sb.spreadsheet.sheetData('Dokumenter').values;
    expect(rows.slice(1).every((r) => r[rows[0]!.indexOf('Oppdatert')] === '')).toBe(true);
  });
});

describe('the 6-minute limit', () => {
  test('stops in time, says how many remain, and the next run continues without doubles', () => {
    const sb = deskWith(withGrants(LETTERS));
    const docs = sb.fakes.Docs.Documents;
    const slow = docs.batchUpdate.bind(docs);
    // Google takes 10 s per document here.
    docs.batchUpdate = ((resource: Parameters<typeof slow>[0], id: string) => {
      sb.clock.advance(10_000);
      return slow(resource, id);
    }) as typeof docs.batchUpdate;
    letters(sb);
    const first = recorded(sb).length;
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(LETTERS + EXAMPLE_LETTERS);
    expect(sb.ui.html.at(-1)!.content).toContain(`${LETTERS + EXAMPLE_LETTERS - first} dokumenter gjenstår`);
    expect(sb.ui.html.at(-1)!.content).toContain('ikke laget ennå');
    // Every document made is recorded with its id: none is left half-claimed.
    expect(recorded(sb).every((r) => r.id !== '')).toBe(true);

    letters(sb);
    expect(recorded(sb)).toHaveLength(LETTERS + EXAMPLE_LETTERS);
    expect(sb.calls.count('Docs.Documents.create')).toBe(LETTERS + EXAMPLE_LETTERS);
    expect(new Set(recorded(sb).map((r) => r.id)).size).toBe(LETTERS + EXAMPLE_LETTERS);
  });
});

describe('403 on batchUpdate', () => {
  test('a member with view access only gets the same clear message as for get, and nothing changes', () => {
    const sb = deskWith();
    sb.ui.answerPrompt('09.05.2025').answerPrompt('19-2025').answerPrompt('2025-05-001, 2025-05-002');
    sb.call('createMemo');
    const [memo] = recorded(sb);
    sb.fakes.Docs.Documents.share(String(memo!.id), LEADER, 'reader');
    const col = (sb.spreadsheet.sheetData('Søknader').values[0] as string[]).indexOf('Innstilt beløp');
    sb.spreadsheet
      .sheet('Søknader')
      .getRange(3, col + 1)
      .setValue(500_000);
    sb.ui
      .answerPrompt('09.05.2025')
      .answerPrompt('19-2025')
      .answerPrompt('2025-05-001, 2025-05-002')
      .answerAlert();
    sb.runAs({ email: LEADER }, () => sb.call('createMemo'));
    expect(sb.ui.alerts.at(-1)!.prompt).toMatch(
      /Dokumentet https:\/\/docs\.google\.com\/document\/d\/fake-doc-1\/edit kan ikke oppdateres av deg \(Google svarte: .*batchUpdate.*The caller does not have permission\).*be vedkommende dele det/,
    );
    expect(recorded(sb)).toEqual([memo]);
    expect(sb.calls.count('Docs.Documents.create')).toBe(1);
  });
});
