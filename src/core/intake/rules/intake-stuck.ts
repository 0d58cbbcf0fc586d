import { finding, type Rule } from '../../engine/rule';
import type { Reason } from '../../base/result';
import type { CheckContext } from '../../check/context';

/**
 * A journal whose intake could not register (a refused sweep or submission: a missing column, a
 * protected sheet, a form no one here can open), since when and why, as the adapter recorded it.
 */
export interface IntakeStuck {
  /** The form, in messages («søknadsskjemaet»). */
  journal: Reason;
  since: Date;
  reason: Reason;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export const intakeStuck: Rule = {
  id: 'intake-stuck',
  severity: 'error',
  family: 'data',
  check(ctx: CheckContext) {
    return ctx.intakeStuck.map((s) =>
      finding(
        intakeStuck,
        '',
        [],
        (lang) =>
          lang === 'nb'
            ? `Svar fra ${s.journal.nb} er ikke registrert siden ${day(s.since)}: ${s.reason.nb} Svarene venter i arket med skjemasvarene og registreres når årsaken er rettet (Tilskudd › Søknader og vurdering › Registrer manglende svar).`
            : `Responses of the ${s.journal.en} have not been registered since ${day(s.since)}: ${s.reason.en} They wait in the form responses sheet and are registered once the cause is fixed (Tilskudd › Applications and assessment › Register missing responses).`,
        (lang) =>
          lang === 'nb'
            ? `Skjemasvar blir ikke registrert (${s.journal.nb}).`
            : `Form responses are not being registered (${s.journal.en}).`,
      ),
    );
  },
};
