import type { DEADLINES, FieldKey, STATUS_REPORTS } from '../core/workbook/contract';

/**
 * Illustrative status reports for the two projects of SSU case 18-2025 (the seeds hold none): every
 * light, comment, figure and answer below is invented to show the follow-up, and marked so in the
 * sheet (`Rapportert av`). Agdermodellen reports on 1 November 2025 and 1 May 2026 and still owes its
 * final report (due 30 September 2026); the data centre's pre-project reported late in November 2025
 * and closed with a final report in February 2026.
 */
type Row<K extends string> = Partial<Record<K, unknown>>;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const BY = 'Prosjektleder (eksempel)';

export const EXAMPLE_STATUS_REPORTS: Array<Row<FieldKey<typeof STATUS_REPORTS>>> = [
  {
    caseId: '2025-05-001',
    due: day('2025-11-01'),
    received: day('2025-10-28'),
    type: 'Halvårsrapport',
    progress: 'Grønn',
    economy: 'Gul',
    risk: 'Grønn',
    comment: 'Oppstarten ble forsinket én måned: prosjektleder på plass fra 1. september.',
    milestones: 'Forløp for angst: utkast ferdig. Forløp for depresjon: arbeidsgruppe i gang.',
    deviations: 'Lønnsmidler brukes senere enn planlagt; ingen endring i totalbudsjettet.',
    dependencies: 'Felles sammenkart forutsetter tilgang til kommunenes fagsystemer.',
    spent: 280_000,
    forecast: 1_060_000,
    benefits: 'Baseline: 0 av 3 forløp beskrevet. Nå: 1 av 3 i utkast.',
    reportedBy: BY,
  },
  {
    caseId: '2025-05-001',
    due: day('2026-05-01'),
    received: day('2026-04-30'),
    type: 'Halvårsrapport',
    progress: 'Gul',
    economy: 'Grønn',
    risk: 'Rød',
    comment: 'Fastlegene i to regioner deltar ennå ikke i forløpet for spiseforstyrrelser.',
    milestones: 'Forløpene for angst og depresjon er tatt i bruk i to regioner.',
    deviations: 'Forløpet for spiseforstyrrelser er forsinket; tiltak: møte med fastlegeutvalgene i juni.',
    dependencies: 'Avhenger av avtalen om fastlegenes deltakelse i helsefellesskapet.',
    spent: 690_000,
    forecast: 1_120_000,
    benefits: 'Baseline: 0 av 3 forløp i bruk. Nå: 2 av 3 i bruk i to regioner.',
    changes: 'Forlenge perioden til desember 2026 uten nye midler.',
    decisions: 'SSU bes ta stilling til å forlenge prosjektperioden til 31.12.2026.',
    learning: 'Forløp som utvikles sammen med brukerne tas raskere i bruk.',
    spread: 'Forløpene kan tas i bruk i alle regioner og i andre helsefellesskap.',
    reportedBy: BY,
  },
  {
    caseId: '2025-05-002',
    due: day('2025-11-01'),
    received: day('2025-11-05'),
    type: 'Halvårsrapport',
    progress: 'Gul',
    economy: 'Grønn',
    risk: 'Gul',
    comment: 'Avtalen om deling av data er ikke signert; personvernkonsekvensvurdering pågår.',
    deviations: 'Analysene starter når avtalen er signert; tiltak: juridisk avklaring i november.',
    spent: 240_000,
    forecast: 625_000,
    reportedBy: BY,
  },
  {
    caseId: '2025-05-002',
    due: day('2026-02-28'),
    received: day('2026-02-20'),
    type: 'Sluttrapport',
    progress: 'Grønn',
    economy: 'Grønn',
    risk: 'Gul',
    comment: 'Fase 2 (datasenteret i drift) krever ny søknad.',
    spent: 610_000,
    forecast: 610_000,
    benefits: 'Datagrunnlag for 5 år koblet; tre analyser av reinnleggelser levert.',
    goals: 'Forprosjektets mål er nådd: juridisk grunnlag og første analyser er på plass.',
    learning: 'Avtaler om deling av data må være på plass før oppstart.',
    spread: 'Modellen kan brukes av de andre regionene i Agder.',
    receiver: 'Østre Agder-samarbeidet, analyseenheten',
    benefitOwner: 'Kommunalsjef helse i vertskommunen (rolle)',
    readyForOperations: 'Nei',
    reportedBy: BY,
  },
];

/** No extensions or exemptions yet: `Frister` starts empty and the product fills it. */
export const EXAMPLE_DEADLINES: Array<Row<FieldKey<typeof DEADLINES>>> = [];
