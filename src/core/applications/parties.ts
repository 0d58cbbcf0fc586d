/**
 * Whether an entry of `Kommuner` names a group of municipalities («Alle 25 kommuner i Agder», «Kommunene
 * i Østre Agder») rather than one: a group is no legal entity and cannot be a party that signs an
 * agreement, so each municipality in it must be named on its own.
 */
export const namesGroupOfMunicipalities = (entry: string): boolean =>
  /\b(alle|samtlige|kommunene|kommuner|all|municipalities)\b/i.test(entry);
