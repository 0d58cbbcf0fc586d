import { SELECTION_CRITERIA } from '../assessment/form';
import { MONTH_NAMES_NB } from '../parse/period';
import { formatMoney } from '../parse/money';
import { CATEGORY_IDS, CATEGORY_LABELS } from '../workbook/categories';
import { decidingBody } from '../workbook/bodies';
import type { Settings } from '../workbook/settings';
import { b, h, ol, p, table, ul, type DocModel } from './model';

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`.replace('.', ',');
const dayOf = (d: { day: number; month: number }) => `${d.day}. ${MONTH_NAMES_NB[d.month - 1]}`;

/**
 * The information for applicants the secretariat publishes (on the website and as a document), generated
 * from the settings alone, so it says what the desk will check: the purpose and priorities, who may apply
 * and for what, the criteria, the split key, the rounds and deadlines, how to apply, the templates, and
 * what happens after. Norwegian: it is published to Norwegian applicants.
 */
export function buildInformation(s: Settings): DocModel {
  const board = decidingBody(s);
  const deadlines = s.applicationDeadlines.map(dayOf);
  const statusDays = s.statusDueDates.map(dayOf);
  return {
    title: `Tilskudd til samhandling og rekruttering – informasjon til søkere`,
    blocks: [
      p(
        `${s.community} forvalter tilskuddet. ${board.name} vedtar tildelingene etter innstilling fra porteføljesekretariatet.`,
      ),
      h(2, 'Formål'),
      p(s.grantPurpose),
      h(2, 'Nasjonale føringer og prioriterte områder'),
      p('Tiltak innenfor disse områdene prioriteres:'),
      ul(s.priorityAreas.map((a) => [a])),
      h(2, 'Hvem kan søke, og hva kan det søkes om'),
      ul([
        [
          `Kommunene og ${s.hospitalTrust} søker sammen og kan likeverdig foreslå tiltak. Søknaden skal ha minst én kommune og helseforetaket som parter, og enigheten mellom dem skal være dokumentert.`,
        ],
        [
          'Tilskuddet brukes først og fremst til innovasjon og forbedringsarbeid, men også til felles eller integrerte tiltak og drift, og til administrative kostnader.',
        ],
        [
          'Tilskuddet er en delfinansiering: partene bidrar med egne ressurser (egenandel fra kommunene og helseforetaket).',
        ],
        ['Tiltaket skal i hovedsak ikke medføre varige økte driftsutgifter.'],
        [
          'Det kan søkes om et hovedprosjekt eller et forprosjekt som videreutvikler en prosjektidé før en hovedsøknad.',
        ],
      ]),
      h(2, 'Fordeling av rammen'),
      p('Rammen fordeles veiledende slik:'),
      table(
        [['Kategori', 'Andel'], ...CATEGORY_IDS.map((id) => [CATEGORY_LABELS[id].nb, percent(s.key[id])])],
        { header: true, widths: [3, 1] },
      ),
      h(2, 'Kriterier for utvelgelse'),
      p('Alle kriteriene må være oppfylt:'),
      ul(SELECTION_CRITERIA.map((c) => [c.nb])),
      h(2, 'Kriterier for prioritering'),
      p('Søknader som oppfyller utvelgelseskriteriene, prioriteres etter:'),
      ul(s.criteria.map((c) => [c.label])),
      h(2, 'Søknadsrunder og frister'),
      deadlines.length > 0
        ? p(
            `Det er ${deadlines.length === 1 ? 'én søknadsrunde' : `${deadlines.length} søknadsrunder`} i året. Søknadsfrist: `,
            b(deadlines.join(' og ')),
            '.',
          )
        : p(
            `Det er ${s.roundMonths.length === 1 ? 'én søknadsrunde' : `${s.roundMonths.length} søknadsrunder`} i året, i `,
            b(s.roundMonths.map((m) => MONTH_NAMES_NB[m - 1]).join(' og ')),
            '. Fristen for hver runde kunngjøres av porteføljesekretariatet.',
          ),
      h(2, 'Slik søker du'),
      p(
        s.formLink === ''
          ? `Søknaden sendes i søknadsskjemaet. Be om lenken fra porteføljesekretariatet, ${s.secretariatEmail}.`
          : `Søknaden sendes i søknadsskjemaet: ${s.formLink}`,
      ),
      p(
        'Søknaden beskriver behov, kunnskapsgrunnlag, tjenesteinnovasjon, gevinstrealisering, periode, budsjett og egenandeler.',
      ),
      h(2, 'Maler'),
      p(`Malene fås fra porteføljesekretariatet, ${s.secretariatEmail}:`),
      ul([
        ['Søknadsskjema for hovedprosjekt'],
        ['Søknadsskjema for forprosjekt'],
        ['Budsjett (poster og beløp, med egenandeler)'],
        ['Framdriftsplan'],
        ['Samarbeidsavtale mellom partene'],
      ]),
      h(2, 'Hva skjer etter at du har søkt'),
      ol([
        ['Porteføljesekretariatet kontrollerer og vurderer søknaden etter kriteriene over.'],
        [`Sekretariatet legger fram en innstilling for ${board.inText}, som vedtar tildelingene.`],
        [`Søkeren får et brev om vedtaket. Et tilsagn aksepteres innen ${s.acceptanceDays} dager.`],
        [
          'Partene inngår en skriftlig samarbeidsavtale før midlene utbetales. Hver part signerer og arkiverer avtalen.',
        ],
        [
          `Prosjektet rapporterer status halvårlig (frister ${statusDays.join(' og ')}) og leverer sluttrapport innen ${s.finalReportMonths} måneder etter prosjektslutt. Ubrukte midler betales tilbake eller inndras.`,
        ],
      ]),
      h(2, 'Kontakt'),
      p(
        `Porteføljesekretariatet, ${s.community}: ${s.secretariatEmail}. Behov for tilleggsbevilling (inntil ${formatMoney(s.supplementLimit, false)} kr per prosjekt) avklares med sekretariatet.`,
      ),
    ],
  };
}
