import { about, finding, type Rule } from '../../engine/rule';
import { applicationRule } from '../../applications/application-rule';
import type { CellRef, Finding } from '../../engine/findings';

/**
 * Form answers the intake kept but could not place: answers to questions the mapping does not know
 * (renamed or added in the form) wait in `Andre svar`; an answer over the cell limit was cut.
 */
export const formAnswerUnmapped = applicationRule({
  id: 'form-answer-unmapped',
  severity: 'warning',
  family: 'data',
  field: 'otherAnswers',
  test: (a) =>
    a.otherAnswers === ''
      ? null
      : {
          nb: `søknaden har svar på spørsmål som ikke hører til noen kolonne (${firstTitles(a.otherAnswers, 'nb')}). Flytt svarene til riktig kolonne og tøm cellen, eller gi spørsmålet i skjemaet tilbake tittelen fra søknadsskjemaet.`,
          en: `the application has answers to questions that belong to no column (${firstTitles(a.otherAnswers, 'en')}). Move the answers to the right column and empty the cell, or give the form's question back its title from the application form.`,
          fact: {
            nb: 'Søknaden har svar som ikke er ført inn i søknadens felt.',
            en: 'The application has answers not entered in its fields.',
          },
        },
});

const firstTitles = (text: string, lang: 'nb' | 'en'): string =>
  text
    .split('\n')
    .map((line) => line.split(':')[0]!.trim())
    .filter((t) => t !== '')
    .slice(0, 3)
    .map((t) => (lang === 'nb' ? `«${t}»` : `"${t}"`))
    .join(', ');

export const formAnswerTruncated: Rule = {
  id: 'form-answer-truncated',
  severity: 'warning',
  family: 'data',
  check(ctx) {
    const out: Finding[] = [];
    for (const app of ctx.active) {
      for (const field of app.truncated) {
        const cell: CellRef = { sheet: 'applications', row: app.row, field };
        const ref = app.caseId;
        out.push(
          finding(
            formAnswerTruncated,
            ref,
            [cell],
            (lang) =>
              lang === 'nb'
                ? `${about(ref, cell, lang)}svaret var lengre enn de 50 000 tegnene en celle kan holde, og er avkortet. Hele svaret står i arket med skjemasvarene: kort det ned og lim det inn, eller legg det ved saken.`
                : `${about(ref, cell, lang)}the answer was longer than the 50,000 characters a cell holds, and was cut. The whole answer is in the form responses sheet: shorten it and paste it in, or attach it to the case.`,
            (lang) =>
              lang === 'nb'
                ? 'Et svar i søknaden er avkortet; hele svaret står i skjemasvarene.'
                : 'An answer in the application was cut; the whole answer is in the form responses.',
          ),
        );
      }
    }
    return out;
  },
};
