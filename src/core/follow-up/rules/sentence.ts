/** A clause as a sentence of its own (a finding's fact): capital first letter, full stop. */
export const sentence = (clause: string): string => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
