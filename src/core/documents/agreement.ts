import type { CheckResult } from '../check/check';
import { tilskuddError } from '../base/errors';
import { dueDatesFor } from '../follow-up/deadlines/due-dates';
import { formatMoney } from '../parse/money';
import { formatPeriod } from '../parse/period';
import { decidingBody } from '../workbook/bodies';
import { h, i, ol, p, table, type Block, type DocModel } from './model';
import { letterGrants } from './letter';
import { namesGroupOfMunicipalities } from '../applications/parties';
import { norwegianDate } from './memo';

/**
 * The draft of a granted project's written agreement (*samarbeidsavtale*): the guidelines require one per
 * project that documents agreement between the municipalities and the hospital trust, describes the measure
 * and how it supports the grant's purpose, its budget with what each party contributes and, where relevant,
 * who is responsible for the patients; each party signs and archives it. Built from the application, the
 * board's decision (`Tildelinger`), the budget, the settings and, when there is one, the `Avtaleparter` sheet.
 * Norwegian only: the agreement is a Norwegian legal text.
 */
export function buildAgreement(result: CheckResult, caseId: string): DocModel {
  const { grants, withheld } = letterGrants(result);
  const held = withheld.find((w) => w.allocation.caseId === caseId);
  if (held)
    throw tilskuddError(
      `Sak ${caseId}: tildelingen har feil i egne data (${held.errors.map((f) => f.message.nb).join(' ')}). Rett Tildelinger først.`,
      `Case ${caseId}: the allocation has errors in its own data (${held.errors.map((f) => f.message.en).join(' ')}). Fix Allocations first.`,
    );
  const grant = grants.find((g) => g.application.caseId === caseId);
  if (!grant)
    throw tilskuddError(
      `Sak ${caseId} har ingen ordinær tildeling med søknad i Søknader og Tildelinger. Velg en innvilget sak.`,
      `Case ${caseId} has no ordinary allocation with an application in Applications and Allocations. Choose a granted case.`,
    );
  const s = result.portfolio.settings;
  const { application: app, allocation: a } = grant;
  const amount = a.amount.ok ? a.amount.value : 0;
  const period = a.period?.ok ? a.period.value : app.period.ok ? app.period.value : null;
  const kr = (n: number) => `${formatMoney(n, false)} kr`;
  const board = decidingBody(s);

  // The parties are legal entities, one line each: as registered in Avtaleparter, else the application's
  // municipalities and the hospital trust, with a line to fill in for each group the application names
  // («Alle 25 kommuner i Agder»), which no one can sign for (`agreement-parties-unnamed` warns).
  const registered = (result.portfolio.agreementParties ?? []).filter((x) => x.caseId === caseId);
  const groups = registered.length > 0 ? [] : app.municipalities.filter(namesGroupOfMunicipalities);
  const parties =
    registered.length > 0
      ? registered.map((x) => ({ name: x.party, orgNumber: x.orgNumber, archiveRef: x.archiveRef }))
      : [
          ...app.municipalities
            .filter((m) => !namesGroupOfMunicipalities(m))
            .map((m) => ({ name: m, orgNumber: '', archiveRef: '' })),
          ...groups.map((g) => ({
            name: `[Hver kommune i «${g}» som egen part]`,
            orgNumber: '',
            archiveRef: '',
          })),
          ...(app.hospital === true ? [{ name: s.hospitalTrust, orgNumber: '', archiveRef: '' }] : []),
        ];

  const budget = result.portfolio.budget.filter((b) => b.caseId === caseId && b.amount.ok);
  const budgetSum = budget.reduce((sum, b) => sum + (b.amount.ok ? b.amount.value : 0), 0);
  const own = (x: typeof app.ownMunicipality) => (x?.ok ? x.value : 0);
  const financing: string[][] = [
    ['Finansiering', 'Beløp'],
    [`Tilskudd (${a.decision})`.replace(' ()', ''), kr(amount)],
    // Not stated in the application: a blank for the parties to fill in, not a zero they never said.
    ['Egne ressurser, kommunene', app.ownMunicipality?.ok ? kr(app.ownMunicipality.value) : '[Beløp]'],
    [`Egne ressurser, ${s.hospitalTrustShort}`, app.ownHospital?.ok ? kr(app.ownHospital.value) : '[Beløp]'],
    [
      app.ownMunicipality?.ok && app.ownHospital?.ok ? 'Sum' : 'Sum av beløpene som er oppgitt',
      kr(amount + own(app.ownMunicipality) + own(app.ownHospital)),
    ],
  ];

  const dues = period ? dueDatesFor(period, s) : [];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const reporting = dues.map((d) => [
    `${d.type === 'final' ? 'Sluttrapport' : 'Halvårsrapport'} innen ${norwegianDate(iso(d.due))}`,
  ]);
  const decided = a.date.ok ? norwegianDate(iso(a.date.value)) : '';

  const blocks: Block[] = [
    table(
      [
        ['Prosjekt', app.title],
        ['Saksnr', app.caseId],
        ['Vedtak', `${a.decision} ${decided}`.trim()],
        ['Periode', period ? formatPeriod(period) : 'Ikke oppgitt'],
        ['Tilskudd', kr(amount)],
        ...(app.steeringGroup !== '' ? [['Styringsgruppe', app.steeringGroup]] : []),
      ],
      { keyValue: true },
    ),
    p(
      i('Utkast laget fra søknaden og vedtaket. Partene fyller inn det som står i hakeparentes og signerer.'),
    ),
    h(2, '1 Parter'),
    p(
      `Avtalen er inngått mellom partene nedenfor om gjennomføring av ${app.title}, som ${board.inText} har tildelt tilskudd fra ${s.community}.`,
    ),
    table([['Part', 'Org.nr'], ...parties.map((x) => [x.name, x.orgNumber || '[Org.nr]'])], { header: true }),
    ...(groups.length > 0
      ? [
          p(
            i(
              `Søknaden oppgir ${groups.map((g) => `«${g}»`).join(', ')} som part. Hver kommune er en egen part som signerer avtalen: sekretariatet fører kommunene inn i Avtaleparter, med org.nr, og lager utkastet på nytt før det sendes til signering.`,
            ),
          ),
        ]
      : []),
    p(`Prosjekteier og kontakt: ${app.applicant}${app.email === '' ? '' : `, ${app.email}`}.`),
    h(2, '2 Formål og tiltak'),
    p(app.need === '' ? '[Beskriv tiltaket.]' : app.need),
    p(`Formålet med tilskuddet: ${s.grantPurpose}`),
    p(
      app.priorityAreas.length > 0
        ? `Tiltaket støtter formålet gjennom de prioriterte områdene: ${app.priorityAreas.join(', ')}.`
        : '[Beskriv hvordan tiltaket støtter formålet med tilskuddet.]',
    ),
    ...(app.benefitPlan === '' ? [] : [p(`Gevinstrealisering: ${app.benefitPlan}`)]),
    h(2, '3 Periode'),
    p(
      period
        ? `Tiltaket gjennomføres i perioden ${formatPeriod(period)}.`
        : '[Periode: fra måned og år til måned og år.]',
    ),
    h(2, '4 Budsjett og partenes bidrag'),
    p(
      'Tilskuddet er en delfinansiering som supplerer partenes egen ressursinnsats. Hver part bidrar med ressursene nedenfor.',
    ),
    table(financing, { header: true, widths: [3, 1] }),
    ...(budget.length > 0
      ? [
          p('Budsjett for gjennomføringen, som i søknaden:'),
          table(
            [
              ['Post', 'Beløp'],
              ...budget.map((b) => [b.item, kr(b.amount.ok ? b.amount.value : 0)]),
              ['Sum', kr(budgetSum)],
            ],
            { header: true, widths: [3, 1] },
          ),
        ]
      : [p('[Budsjett for gjennomføringen: poster og beløp.]')]),
    h(2, '5 Ansvar for pasientene'),
    p(
      i(
        '[Fyll inn der det er relevant: hvem av partene som har ansvaret for pasienten(e) i gjennomføringen av tiltaket. Søknaden sier ikke noe om dette. Skriv «Ikke relevant» hvis tiltaket ikke berører pasientbehandling.]',
      ),
    ),
    h(2, '6 Rapportering'),
    p(
      `Prosjektet rapporterer status (rødt/gult/grønt for framdrift, økonomi og risiko) til porteføljesekretariatet, ${s.secretariatEmail}, innen fristene nedenfor, og bidrar til den årlige meldingen med effekter, læringspunkter og mulighet for spredning.`,
    ),
    ...(reporting.length > 0 ? [ol(reporting)] : [p('[Rapportfrister.]')]),
    h(2, '7 Utbetaling'),
    p(s.paymentTerms),
    h(2, '8 Ubrukte midler'),
    p(
      `Midler som ikke er brukt når perioden er slutt, betales tilbake eller inndras av ${board.inText}. Sekretariatet følger opp ubrukte midler ${s.refundDeadlineMonths} måneder etter prosjektslutt. Tiltaket skal ikke medføre varige økte driftsutgifter som tilskuddet forutsettes å dekke.`,
    ),
    h(2, '9 Endringer og arkivering'),
    p(
      `Endringer i tiltak, periode eller budsjett avtales skriftlig med porteføljesekretariatet. Avtalen signeres av hver part, og hver part arkiverer den i sitt eget arkiv og oppgir arkivreferansen til sekretariatet.`,
    ),
    h(2, '10 Signaturer'),
    table(
      [
        ['Part', 'Sted og dato', 'Signatur', 'Arkivref.'],
        ...parties.map((x) => [x.name, '', '', x.archiveRef]),
      ],
      { header: true, widths: [3, 2, 3, 2] },
    ),
  ];
  return { title: `Samarbeidsavtale – ${app.title}`, blocks };
}
