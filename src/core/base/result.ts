/** Outcome of parsing one cell: the value, or a reason a secretariat member can act on. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason };

/** A reason in both locales, so parsing stays independent of the caller's language. */
export interface Reason {
  nb: string;
  en: string;
}

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(nb: string, en: string): Parsed<T> => ({ ok: false, reason: { nb, en } });

export type Lang = keyof Reason;
