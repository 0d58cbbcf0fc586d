import { heldBack, publication } from '../../../src/core/documents/publication';
import { letterGrants } from '../../../src/core/documents/letter';
import { likelyMatch } from '../../../src/core/base/text';
import { missingSheet, mapHeaders, APPLICATIONS } from '../../../src/core/workbook/contract';
import { allocation, application, book, check, CASE_ID } from '../builders';

// One rule for every document that goes out: an error in the grant's own data holds it back.
describe('heldBack', () => {
  it('holds back a grant whose decision date is blank, and names the error', () => {
    const result = check(book((b) => (b.allocations = [allocation({ date: '' })])));
    const held = heldBack(result);
    expect(held.map((w) => w.allocation.caseId)).toEqual([CASE_ID]);
    expect(held[0]!.errors.map((f) => f.rule)).toContain('date-invalid');
    const letters = letterGrants(result);
    expect(letters.grants).toEqual([]);
    expect(letters.withheld).toEqual(held);
  });

  it('holds back a grant whose case id two applications share (whose grant it is cannot be told)', () => {
    const result = check(
      book((b) => b.applications.push(application({ title: 'Et annet prosjekt', applicant: 'Noen andre' }))),
    );
    expect(heldBack(result).map((w) => w.allocation.caseId)).toEqual([CASE_ID]);
    expect(letterGrants(result).grants).toEqual([]);
    // The same rule stops the public exports.
    expect(publication(result).allocations).toEqual([]);
  });

  it('never holds back a decided grant for a finding on the application itself', () => {
    const result = check(
      book((b) => (b.budget[0] = { caseId: CASE_ID, item: 'Prosjektleder', amount: '[Beløp]' })),
    );
    expect(result.findings.some((f) => f.severity === 'error' && f.ref === CASE_ID)).toBe(true);
    expect(heldBack(result)).toEqual([]);
    expect(letterGrants(result).grants.map((g) => g.application.caseId)).toEqual([CASE_ID]);
  });
});

describe('likelyMatch: a renamed sheet or header is named', () => {
  it.each([
    ['Søknader', ['Soknader', 'Budsjett'], 'Soknader'],
    ['Søknader', ['Søknad', 'Budsjett'], 'Søknad'],
    ['Søknader', ['SØKNADER 2025'], 'SØKNADER 2025'],
    ['Tittel', ['Titel', 'Søker'], 'Titel'],
    ['Søknader', ['Budsjett', 'Ark1'], undefined],
    ['Beløp', ['Dato', 'Art'], undefined],
  ])('%s among %j → %s', (wanted, names, expected) => {
    expect(likelyMatch(wanted, names)).toBe(expected);
  });

  it('the missing sheet and header messages name the likely match', () => {
    expect(missingSheet(APPLICATIONS, ['Søknad']).message).toMatch(
      /^Fant ikke arket «Søknader»\. Mente du «Søknad»\?/,
    );
    const header = APPLICATIONS.fields.map((f) => (f.key === 'title' ? 'Titel' : f.header));
    expect(() => mapHeaders(APPLICATIONS, header)).toThrow(/Mente du «Titel» for «Tittel»\?/);
  });
});
