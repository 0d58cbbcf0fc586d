import { PROTECTED_SHEETS, firstLeader, protectionEditors } from '../../../src/core/access/protections';
import { PERMISSIONS } from '../../../src/core/access/roles';

const MEMBERS = [
  ['Navn', 'E-post', 'Rolle'],
  ['Leder', 'Leder@Example.no ', 'Leder'],
  ['Sekretær', 'sekretar@example.no', 'Sekretær'],
  ['Bruker', 'bruker@example.no', 'Brukerrepresentant'],
  ['Leser', 'leser@example.no', 'Leser'],
  ['Ukjent rolle', 'ukjent@example.no', 'Sjef'],
  ['Uten e-post', '', 'Leder'],
];

const editorsOf = (name: string) =>
  protectionEditors(MEMBERS, PROTECTED_SHEETS.find((p) => p.spec.name === name)!.writtenBy);

describe('who may edit the protected sheets (from the role table)', () => {
  test('Medlemmer: the leader only', () => {
    expect(editorsOf('Medlemmer')).toEqual(['leder@example.no']);
  });

  test('Logg: everyone whose role may change something; never a reader or an unknown role', () => {
    expect(editorsOf('Logg')).toEqual(['bruker@example.no', 'leder@example.no', 'sekretar@example.no']);
  });

  test('Vurderinger: the assessors; Dokumenter: those who write documents', () => {
    expect(editorsOf('Vurderinger')).toEqual([
      'bruker@example.no',
      'leder@example.no',
      'sekretar@example.no',
    ]);
    expect(editorsOf('Dokumenter')).toEqual(['leder@example.no', 'sekretar@example.no']);
  });

  test('every protected sheet is written only by actions of the role table', () => {
    for (const { writtenBy } of PROTECTED_SHEETS)
      for (const action of writtenBy) expect(Object.keys(PERMISSIONS)).toContain(action);
    expect(PROTECTED_SHEETS.map((p) => p.spec.name)).toEqual([
      'Medlemmer',
      'Logg',
      'Vurderinger',
      'Dokumenter',
      'Innstillinger',
      'Tildelinger',
      'Utbetalinger',
      'Avtaleparter',
      'Statusrapporter',
      'Frister',
      'Handlingsplan',
      'Handlingsplan-historikk',
      'Avviksfarger',
      'Innspill',
      'Søknader',
      'Budsjett',
    ]);
  });

  test('settings: the leader only; money sheets: those who register money, never a user representative', () => {
    expect(editorsOf('Innstillinger')).toEqual(['leder@example.no']);
    expect(editorsOf('Tildelinger')).toEqual(['leder@example.no', 'sekretar@example.no']);
    expect(editorsOf('Utbetalinger')).toEqual(['leder@example.no', 'sekretar@example.no']);
  });

  test('only where people type by design is a protection warning-only, with the response key protected for real', () => {
    const warning = PROTECTED_SHEETS.filter((p) => p.warningOnly).map((p) => p.spec.name);
    expect(warning).toEqual(['Søknader', 'Budsjett']);
    expect(PROTECTED_SHEETS.find((p) => p.spec.name === 'Søknader')!.column?.header).toBe('Svar-ID');
  });

  test('the first Leder is the member who must run set-up', () => {
    expect(firstLeader(MEMBERS)).toBe('Leder@Example.no');
    expect(firstLeader([MEMBERS[0]!, MEMBERS[2]!])).toBeNull();
  });
});
