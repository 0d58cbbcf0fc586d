import { choicesFor, VOCABULARY_OF } from '../../../src/core/workbook/choices';
import { SHEETS } from '../../../src/core/workbook/sheets';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings';
import { isActive, isGrantedStatus } from '../../../src/core/workbook/status';
import {
  LIGHTS,
  PLAN_LIGHTS,
  STATUSES,
  choicesOf,
  idsOf,
  parseTerm,
  parseYesNo,
  wordsOf,
} from '../../../src/core/workbook/vocabulary';

describe('the vocabularies', () => {
  const all = Object.entries(VOCABULARY_OF);

  it.each(all)('%s: no word names two terms, and every word reads back as its term', (_kind, v) => {
    const seen = new Map<string, string>();
    for (const id of idsOf(v!)) {
      for (const word of wordsOf(v!, id)) {
        expect([word, seen.get(word) ?? id]).toEqual([word, id]);
        seen.set(word, id);
        expect(parseTerm(v!, word.toUpperCase())).toBe(id);
      }
    }
  });

  it('offers in every dropdown exactly the words of its vocabulary', () => {
    for (const spec of Object.values(SHEETS)) {
      for (const field of spec.fields) {
        const v = VOCABULARY_OF[field.kind];
        if (v) expect(choicesFor(field, DEFAULT_SETTINGS)).toEqual(choicesOf(v));
      }
    }
  });

  it('reads the plan lights as the status lights, and more', () => {
    for (const id of idsOf(LIGHTS)) {
      for (const word of wordsOf(LIGHTS, id)) expect(parseTerm(PLAN_LIGHTS, word)).toBe(id);
    }
    expect(parseTerm(PLAN_LIGHTS, 'started')).toBe('yellow');
    expect(parseTerm(LIGHTS, 'Venter')).toBeNull();
  });

  it('reads what a status means from its words', () => {
    expect(choicesOf(STATUSES)).toContain('Avsluttet');
    expect(['Avslått', 'avslag', 'Trukket', 'Withdrawn'].map((s) => isActive({ status: s }))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(
      ['Tildelt', 'Innvilget', 'Delvis innvilget', 'Forprosjekt', 'Pågående', 'Ongoing'].every(
        isGrantedStatus,
      ),
    ).toBe(true);
    expect(['Mottatt', 'Innstilt', 'Avsluttet', 'noe annet', ''].some(isGrantedStatus)).toBe(false);
    expect(isActive({ status: 'noe annet' })).toBe(true);
  });
});

describe('parseYesNo', () => {
  it.each([
    ['Ja', true],
    ['J', true],
    ['j', true],
    ['ja', true],
    [' JA ', true],
    ['Yes', true],
    ['y', true],
    ['true', true],
    ['x', true],
    ['X', true],
    [true, true],
    [1, true],
    ['Nei', false],
    ['nei', false],
    ['No', false],
    ['false', false],
    ['n', false],
    [false, false],
    [0, false],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    ['kanskje', null],
    ['Ja, delvis', null],
  ])('%p → %p', (cell, expected) => {
    expect(parseYesNo(cell)).toBe(expected);
  });
});
