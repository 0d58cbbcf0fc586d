import type { ACTION_PLAN, FieldKey, PLAN_HISTORY, REGIONAL_INPUT } from '../core/workbook/contract';

/**
 * The action plan in SSU's annual review of its handlingsplan (valid to the end of 2026): the
 * three focus areas and their main goals as the review words them, and the measures it names with the status
 * it reports. Owners (roles, no person), organisations, regions, deadlines and indicators are
 * ILLUSTRATIVE: the seed does not give them. `Nr` is left empty: the product numbers the rows. The
 * secretariat's assessments are the review's own recommendations, placed on the measure they name.
 */
type Row<K extends string> = Partial<Record<K, unknown>>;
type PlanRow = Row<FieldKey<typeof ACTION_PLAN>>;

const focus = (text: string, comment = ''): PlanRow => ({ level: 'Fokusområde', text, comment });
const goal = (text: string): PlanRow => ({ level: 'Hovedmål', text });
const measure = (text: string, status: string, comment: string, extra: PlanRow = {}): PlanRow => ({
  level: 'Tiltak',
  text,
  status,
  comment,
  // Illustrative defaults, overridden per measure below.
  owner: 'Sekretariatsleder',
  organisation: 'Sekretariatet',
  region: 'Hele Agder',
  due: '2026',
  ...extra,
});

export const EXAMPLE_PLAN: PlanRow[] = [
  focus(
    'Tjenesteinnovasjon som bidrar til økt bærekraft i den samlede helsetjenesten, med koordinerte helsetjenester av god kvalitet',
    'Prioritert område: flere tiltak er igangsatt og vurdert til gult og grønt, særlig prosjekt Agdermodellen og prosjekt Akuttmedisinsk kjede.',
  ),
  goal('Pasienter opplever en sammenhengende og koordinert akuttmedisinsk kjede'),
  measure(
    'Prosjekt Akuttmedisinsk kjede',
    'Gul',
    'Pågår; har nylig fått midler fra Rekrutterings- og samhandlingstilskuddet.',
    {
      owner: 'Prosjektleder akuttmedisinsk kjede',
      organisation: 'SSHF',
      indicator: 'Samhandlingsavvik i akuttkjeden per kvartal (illustrativt)',
    },
  ),
  goal(
    'Barn og unge opplever sømløse og sammenhengende helsetjenester med et sterkere fokus på tidlig innsats/forebygging',
  ),
  measure('Prosjekt Agdermodellen', 'Gul', 'Pågår; har nylig fått midler fra tilskuddet (sak 2025-05-001).', {
    owner: 'Prosjektleder Agdermodellen',
    organisation: 'Faglig samarbeidsutvalg barn og unge',
    indicator: 'Antall samhandlingsforløp tatt i bruk (mål: 3) (illustrativt)',
    cases: '2025-05-001',
  }),
  // The seed repeats the first goal's wording here; its measure is about mental health care for the elderly.
  goal('Pasienter opplever en sammenhengende og koordinert akuttmedisinsk kjede'),
  measure(
    'Utarbeide gode pasientforløp for de vanligste og mest krevende forløpene innen psykisk helsevern og rusbehandling for eldre (65+)',
    'Rød',
    'Ikke påbegynt.',
    {
      owner: 'Leder FSU psykisk helse og rus',
      organisation: 'Kommunene og SSHF',
      indicator: 'Antall forløp beskrevet (illustrativt)',
    },
  ),
  goal('Forebygge og utsette skrøpelighet i gruppen eldre 65+'),
  measure(
    'Oppfølging av SSU-rapporten «Skrøpelige eldre»',
    'Gul',
    'Flere tiltak er konkret oppfølging av rapporten.',
    {
      owner: 'Leder FSU eldre',
      organisation: 'Kommunene og SSHF',
      region: 'Østre Agder',
      indicator: 'Reinnleggelser 65+ innen 30 dager (illustrativt)',
      cases: '2025-05-002',
    },
  ),
  goal('Digital transformasjon'),
  measure(
    'Arbeidsgruppen for helseteknologi følger opp innspillene fra RS-ene',
    'Gul',
    'Innspillene fra RS-ene tas inn i arbeidsgruppens oppdrag, i tett samarbeid med IKT-miljøene.',
    {
      owner: 'Leder arbeidsgruppe helseteknologi',
      indicator: 'Tiltak fra RS-innspillene som er satt i gang (illustrativt)',
      secretariatAssessment:
        'Innspillene om helseteknologi tas inn i arbeidet; arbeidsgruppen får i oppdrag å følge dem opp, i tett samarbeid med IKT-miljøene.',
    },
  ),
  goal('Koordinerte rehabiliteringsforløp med god kvalitet på tjenestene'),
  measure('Oppfølging av råd fra Agder-rapporten om somatisk rehabilitering', 'Rød', 'Ikke påbegynt.', {
    owner: 'Leder FSU rehabilitering',
    organisation: 'Kommunene og SSHF',
    indicator: 'Råd fulgt opp av totalt (illustrativt)',
  }),

  {
    ...focus(
      'Rett kompetanse på rett sted til rett tid',
      'Fremkommer i stor grad på rødt nivå, selv om feltet er svært sentralt med demografiutviklingen og rekrutteringsutfordringene.',
    ),
    secretariatAssessment:
      'SSU bør særskilt konkretisere fokusområdet og i nært samarbeid med RS vurdere om tiltakene er hensiktsmessige og realistiske.',
  },
  goal('I Helsefellesskapet utøves tillitsbasert samhandlingsledelse (ledelse av mellomrommet)'),
  measure('Felles lederutvikling for SSU-representanter', 'Rød', 'Ikke diskutert eller fulgt opp.', {
    owner: 'Leder SSU',
    indicator: 'Samlinger gjennomført (illustrativt)',
  }),
  measure(
    'System for hospitering for stedlige ledere i ytterste ledd',
    'Grønn',
    'På plass; ledere er velkommen til å hospitere. Omfanget er ikke kartlagt.',
    {
      owner: 'HR-leder',
      organisation: 'SSHF',
      due: '2025',
      indicator: 'Antall hospiteringer per år (illustrativt)',
    },
  ),
  goal('Arbeidsstyrken optimaliseres gjennom god samhandlingsledelse'),
  measure(
    'Aktivt jobbe med ansvar og oppgavedeling mellom yrkesgrupper og forvaltningsnivå',
    'Rød',
    'Ikke drøftet; arbeid pågår hos partene, men ikke konkret samhandling via SSU.',
    {
      owner: 'Leder AU-RS',
      organisation: 'Kommunene og SSHF',
      indicator: 'Avklarte oppgaveoverføringer (illustrativt)',
    },
  ),
  measure(
    'Samhandle om å beholde og rekruttere: arbeidsgruppe på strategisk nivå',
    'Rød',
    'Gruppen er ikke etablert.',
    {
      owner: 'Leder SSU',
      indicator: 'Plan for rekrutteringssamarbeid vedtatt (illustrativt)',
      secretariatAssessment:
        'Det bør vurderes om arbeidsgruppen på strategisk nivå skal iverksettes for å gi en strategisk retning til arbeidet.',
    },
  ),
  goal('Godt og nyttig samarbeid med frivillige og ideelle organisasjoner'),
  measure(
    'Modeller for bruk av erfaringskompetanse og samarbeid med frivillige/ideelle organisasjoner testes ut',
    'Rød',
    'Arbeidet har ikke startet opp.',
    {
      owner: 'Brukerrepresentant i SSU',
      organisation: 'Brukerutvalget',
      indicator: 'Modeller prøvd ut (illustrativt)',
    },
  ),

  focus('Pådriver i utviklingen av Agder', 'Fremkommer i hovedsak på grønt og gult nivå.'),
  goal('Åpen og proaktiv kommunikasjon til alle interessenter om vår felles helsetjeneste på Agder'),
  measure('Kommunikasjonsgruppe for Helsefellesskapet', 'Grønn', 'Gruppen er fulltallig og etablert.', {
    owner: 'Kommunikasjonsrådgiver',
    due: '2025',
    indicator: 'Nyhetsbrev per år (illustrativt)',
  }),
  measure(
    'Felles nettside med relevant innhold for Helsefellesskapets aktører og øvrige ansatte i kommunene og sykehuset',
    'Rød',
    'Dagens løsning er en statisk publiseringsside på sykehusets domene. Ny sak til SSU anbefales.',
    {
      owner: 'Kommunikasjonsrådgiver',
      indicator: 'Nettside i bruk av alle parter (illustrativt)',
      secretariatAssessment: 'Prioriteres for ny vurdering; ny sak legges fram for SSU.',
    },
  ),
  goal(
    'Vi har et forpliktende bilateralt samarbeid mellom helsevesenet og lokale og nasjonale politiske myndigheter',
  ),
  measure(
    'Partnerskapsmøter to ganger i året',
    'Grønn',
    'Utviklet etter innspill fra administrativt og politisk nivå; innarbeidet i årshjulet.',
    { owner: 'Leder SSU', due: '2025', indicator: 'Møter avholdt per år (mål: 2) (illustrativt)' },
  ),
  goal(
    'Fremme befolkningens helse og forebygge sykdom ved å sikre synergier og samarbeid med sentrale aktører',
  ),
  measure(
    'Utvikle samhandlingen med Fylkeskommunen og #Vårt Agder',
    'Gul',
    'Fylkeskommunedirektøren er representert i SSU; samarbeid om kunnskapsgrunnlag og analyse gjenstår (analysegruppen).',
    {
      owner: 'Leder analysegruppen',
      organisation: 'Agder fylkeskommune',
      indicator: 'Felles analyser levert (illustrativt)',
      secretariatAssessment:
        'Samarbeidet om kunnskapsgrunnlag og analysearbeid anbefales vurdert av analysegruppen.',
    },
  ),
];

/**
 * ILLUSTRATIVE: the review saved a year earlier (every measure, as *Lagre vurdering* writes it), so the
 * example's review document shows what changed: five measures moved on, the rest kept their light.
 */
export const EXAMPLE_PLAN_HISTORY: Array<Row<FieldKey<typeof PLAN_HISTORY>>> = [
  ['1.1.1', 'Rød', 'Prosjektet er under planlegging.'],
  ['1.2.1', 'Gul', 'Første fase pågår.'],
  ['1.3.1', 'Rød', 'Ikke påbegynt.'],
  ['1.4.1', 'Gul', 'Rapporten er lagt fram.'],
  ['1.5.1', 'Rød', 'Arbeidsgruppen er ikke opprettet.'],
  ['1.6.1', 'Rød', 'Ikke påbegynt.'],
  ['2.1.1', 'Rød', 'Ikke diskutert.'],
  ['2.1.2', 'Gul', 'System for hospitering er under utarbeidelse.'],
  ['2.2.1', 'Rød', 'Ikke drøftet.'],
  ['2.2.2', 'Rød', 'Gruppen er ikke etablert.'],
  ['2.3.1', 'Rød', 'Ikke startet.'],
  ['3.1.1', 'Gul', 'Gruppen er under etablering.'],
  ['3.1.2', 'Rød', 'Løsninger er drøftet.'],
  ['3.2.1', 'Gul', 'Møteformen utvikles.'],
  ['3.3.1', 'Gul', 'Fylkeskommunedirektøren er invitert inn i SSU.'],
].map(([nr, status, comment]) => ({ date: new Date('2024-11-15T00:00:00Z'), nr, status, comment }));

/**
 * ILLUSTRATIVE: the regional councils' input to the review (`Innspill`), one row per region and measure.
 * The seed summarises the RS input by theme, not by measure; these rows place some of its points under
 * the measures they concern. Setesdal, Lister, Kristiansand and Østre Agder are the seed's RS.
 */
export const EXAMPLE_INPUT: Array<Row<FieldKey<typeof REGIONAL_INPUT>>> = [
  [
    'Lister',
    '1.3.1',
    'Rød',
    'Tilbudet til alvorlig psykisk syke med sammensatte lidelser bør prioriteres, tilpasset regionens særegenhet.',
    '2025-10-14',
  ],
  ['Lister', '1.4.1', 'Gul', 'Trygg hjemme og sårbehandling bør videreføres som satsinger.', '2025-10-14'],
  [
    'Setesdal',
    '1.5.1',
    'Gul',
    'Digitale samtalerom i hver kommune og digitale konsultasjoner: avstandene må kunne løses på annen måte enn der sykehuset ligger i egen region.',
    '2025-10-21',
  ],
  [
    'Kristiansand (inkl. Lindesnes)',
    '1.5.1',
    'Gul',
    'Beslutningsstøtte og kunstig intelligens for treffsikre tjenester og god ressursbruk.',
    '2025-10-23',
  ],
  [
    'Kristiansand (inkl. Lindesnes)',
    '2.2.2',
    'Rød',
    'Finansiering og ressurstilgang må være vurdert før arbeidsgruppen settes i gang.',
    '2025-10-23',
  ],
  [
    'Østre Agder',
    '2.2.1',
    'Rød',
    'Oppgaveglidning mellom forvaltningsnivåene bør konkretiseres, og ansvaret knyttes til navngitte ledere.',
    '2025-10-28',
  ],
  [
    'Østre Agder',
    '3.1.2',
    'Rød',
    'Ønsker hyppigere statusrapportering og nyhetsbrev fra samhandlingsarbeidet; nettsiden bør bære dem.',
    '2025-10-28',
  ],
].map(([region, nr, assessment, comment, date]) => ({
  region,
  nr,
  assessment,
  comment,
  date: new Date(`${date!}T00:00:00Z`),
  submittedBy: `Leder RS ${region!}`,
}));
