import fc from 'fast-check';
import { NOTE_PREFIX, rememberedFill, withOwnNote, withoutOwnNote } from '../../../src/core/workbook/notes';

describe('the product part of a cell note', () => {
  test('keeps what a person wrote before and after it', () => {
    const note = `Sjekk med økonomi\n${NOTE_PREFIX}[budget-incomplete] Plassholder\n[fyll før] #d9ead3\nRingt 12.5.`;
    expect(withoutOwnNote(note)).toBe('Sjekk med økonomi\nRingt 12.5.');
    expect(rememberedFill(note)).toBe('#d9ead3');
  });

  test('a note that is only the product part leaves nothing, not an empty line', () => {
    expect(withoutOwnNote(`${NOTE_PREFIX}[a] x\n[b] y`)).toBe('');
    expect(withoutOwnNote(`\n\n${NOTE_PREFIX}[a] x\n\n`)).toBe('');
    expect(withoutOwnNote('Bare mitt')).toBeNull();
    expect(rememberedFill('Bare mitt')).toBeNull();
  });

  test('a person’s own line starting «Tilskudd: » is theirs, not the product’s part (it was removed)', () => {
    expect(withoutOwnNote('Tilskudd: innvilget 2024 fra Helsedir')).toBeNull();
    const note = withOwnNote('Tilskudd: innvilget 2024', ['[budget-incomplete] Plassholder']);
    expect(withoutOwnNote(note)).toBe('Tilskudd: innvilget 2024');
  });

  test('a message with line breaks stays on one line, so no part of it is taken for a person’s text', () => {
    const note = withOwnNote('', ['[rule] first\nsecond']);
    expect(note).toBe(`${NOTE_PREFIX}[rule] first second`);
    expect(withoutOwnNote(note)).toBe('');
  });

  const personLine = fc
    .string({ maxLength: 30 })
    .map((s) => s.replace(/\n/g, ' '))
    .filter((s) => !/^(Tilskudd: )?\[[^\]\n]+\] /.test(s) && s.trim() !== '');
  test('round trip: the person part and the remembered fill come back as they were', () => {
    fc.assert(
      fc.property(
        fc.array(personLine, { maxLength: 4 }),
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom('#d9ead3', '#cfe2f3')),
        (person, messages, fill) => {
          const note = withOwnNote(
            person.join('\n'),
            messages.map((m, i) => `[rule-${i}] ${m}`),
            fill,
          );
          expect(withoutOwnNote(note)).toBe(person.join('\n'));
          expect(rememberedFill(note)).toBe(fill);
        },
      ),
    );
  });
});
