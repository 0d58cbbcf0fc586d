import type { Reason } from './result';

/**
 * Input the product cannot work with at all (a missing sheet or header, an invalid setting). Carries the
 * text in both locales; `message` is Norwegian, the default UI language.
 */
export class TilskuddError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.nb);
    this.name = 'TilskuddError';
  }
}

export const tilskuddError = (nb: string, en: string): TilskuddError => new TilskuddError({ nb, en });
