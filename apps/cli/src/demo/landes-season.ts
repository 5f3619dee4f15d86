import { type CampaignParameters, LANDES_2025_2026, type LocalDate, localDate, parisInstant, schoolYear } from '@clas/domain';
import { type CollectifStats, writeCollectif } from './collectif-script.js';
import { LANDES_2025_2026_CALENDAR, later, paris } from './school-calendar.js';
import {
  BONUS_ENFANTS,
  BONUS_PARENTS,
  type ProjectFacts,
  applicationContent,
  cafAgent,
  children,
  committee,
  operatorUser,
  writeAdvance,
  writeApproval,
  writeCommitteeMeeting,
  writeBilan,
  writeCampaignOpening,
  writeConcertation,
  writeOperator,
  writeParentActions,
  writePartner,
  writeSettlement,
  writeAgreementSigned,
} from './season-builders.js';
import type { SeasonPlan } from './season-plan.js';

export const LANDES = {
  campaign: '40-2025-2026',
  labrit: { operatorId: 'op-40-labrit', projectId: 'prj-40-2025-labrit', collectifId: 'col-40-labrit-1' },
  saintSever: {
    operatorId: 'op-40-saint-sever',
    projectId: 'prj-40-2025-saint-sever',
    collectifIds: ['col-40-saint-sever-1', 'col-40-saint-sever-2'],
  },
  late: { operatorId: 'op-40-horizon', projectId: 'prj-40-2025-horizon' },
  conventionId: 'conv-40-saint-sever',
  history: ['prj-40-2023-saint-sever', 'prj-40-2024-saint-sever'],
} as const;

const d = localDate;
const agent = cafAgent('40');
const board = committee('40');
/** R-COMMITTEE-MEETING (000): the institutions sitting on the Landes committee. */
const LANDES_MEMBERS = [
  { institution: 'caf' as const },
  { institution: 'ddets' as const },
  { institution: 'dsden' as const },
  { institution: 'conseil_departemental' as const },
  { institution: 'msa' as const },
];
const LANDES_MEETING = 'cttee-40-2025-10-01';
const PERIOD = { from: d('2025-10-06'), to: d('2026-06-26') };

/**
 * The small earlier Landes campaigns the convention's history needs (R-CONV-SUPPORT: approved
 * in 2 earlier school years). Only their figures of 2025-2026 are known (seed 000): they are
 * reused, with that year's deadline date.
 */
function earlierCampaign(year: '2023-2024' | '2024-2025'): CampaignParameters {
  const deadline = d(`${year.slice(0, 4)}-07-30`);
  return {
    ...LANDES_2025_2026,
    schoolYear: schoolYear(year),
    deadlines: { newApplication: deadline, renewal: deadline },
    sources: { ...LANDES_2025_2026.sources, schoolYear: `demo: an earlier Landes campaign, with the 2025-2026 figures of seed 000` },
  };
}

function saintSeverContent(year: string, cost: number) {
  const first = Number(year.slice(0, 4));
  return applicationContent({
    title: 'Clas de Saint-Sever : lire, jouer, comprendre',
    schoolCycle: 'primary',
    territory: { commune: 'Saint-Sever', epci: 'CC Chalosse Tursan', rural: false, qpv: false },
    collectifs: [
      {
        ref: 'c1',
        place: { name: 'École Jules-Ferry', commune: 'Saint-Sever' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 10,
      },
      {
        ref: 'c2',
        place: { name: 'Médiathèque du Cap de Gascogne', commune: 'Saint-Sever' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 10,
      },
    ],
    weekdays: ['tuesday', 'thursday'],
    start: '16:45',
    minutes: 90,
    period: { from: d(`${first}-10-06`), to: d(`${first + 1}-06-26`) },
    plannedWeeks: 30,
    totalOperatingCost: cost,
    coFunders: [
      { name: 'Commune de Saint-Sever', kind: 'commune', amount: Math.round(cost * 0.45) },
      { name: 'Conseil départemental des Landes', kind: 'departement', amount: Math.round(cost * 0.12) },
    ],
    bonusRequests: { enfants: BONUS_ENFANTS, parents: null },
  });
}

export interface LandesOutcome {
  stats: CollectifStats[];
}

/** Landes 2025-2026, the whole school year, and the two earlier years of Saint-Sever. */
export function writeLandesSeason(plan: SeasonPlan): LandesOutcome {
  const C = LANDES.campaign;
  // History: two small earlier campaigns, Saint-Sever approved in each.
  for (const year of ['2023-2024', '2024-2025'] as const) {
    const first = Number(year.slice(0, 4));
    const campaign = `40-${year}`;
    writeCampaignOpening(plan, campaign, agent, d(`${first}-03-01`), earlierCampaign(year));
    if (year === '2023-2024') {
      writeOperator(plan, {
        campaign,
        agent,
        operatorId: LANDES.saintSever.operatorId,
        cafCode: '40',
        name: 'Commune de Saint-Sever',
        kind: 'collectivite',
        registeredOn: d('2023-03-15'),
      });
    }
    const p: ProjectFacts = {
      campaign,
      projectId: `prj-40-${first}-saint-sever`,
      operatorId: LANDES.saintSever.operatorId,
      cafCode: '40',
      schoolYear: year,
    };
    writeCommitteeMeeting(plan, {
      campaign,
      cafCode: '40',
      schoolYear: year,
      actor: board,
      meetingId: `cttee-40-${first}-10-02`,
      date: d(`${first}-10-02`),
      members: LANDES_MEMBERS,
      agenda: [p.projectId],
    });
    writeApproval(plan, p, {
      content: saintSeverContent(year, 1_300_000),
      filedOn: d(`${first}-06-16`),
      examinedOn: d(`${first}-09-04`),
      decidedOn: d(`${first}-10-02`),
      meetingId: `cttee-40-${first}-10-02`,
      approvedRefs: ['c1', 'c2'],
      bonuses: { enfants: 2, parents: null },
      agent,
      committee: board,
      ...(year === '2024-2025' ? { renewalOf: 'prj-40-2023-saint-sever' } : {}),
    });
  }

  writeCampaignOpening(plan, C, agent, d('2025-03-03'), LANDES_2025_2026);
  writeOperator(plan, {
    campaign: C,
    agent,
    operatorId: LANDES.labrit.operatorId,
    cafCode: '40',
    name: 'Les Petits Lecteurs de Labrit',
    kind: 'association',
    registeredOn: d('2025-03-20'),
  });
  writeOperator(plan, {
    campaign: C,
    agent,
    operatorId: LANDES.late.operatorId,
    cafCode: '40',
    name: 'Horizon Adour',
    kind: 'association',
    registeredOn: d('2025-04-02'),
  });

  // Worked example 2: rural, 1 collectif of 6, 3 000 €, other Caf funding 1 500 €, bonus parents → 900,00 €.
  const labrit: ProjectFacts = {
    campaign: C,
    projectId: LANDES.labrit.projectId,
    operatorId: LANDES.labrit.operatorId,
    cafCode: '40',
    schoolYear: '2025-2026',
  };
  const labritCoFunders = [
    { name: 'Commune de Labrit', kind: 'commune' as const, amount: 45_000 },
    { name: 'MSA Sud Aquitaine', kind: 'msa' as const, amount: 15_000 },
  ];
  // R-COMMITTEE-MEETING (000): the Landes committee of 1 October 2025 examines Labrit and Saint-Sever.
  writeCommitteeMeeting(plan, {
    campaign: C,
    cafCode: '40',
    schoolYear: '2025-2026',
    actor: board,
    orientations: {
      on: d('2025-05-20'),
      priorities: [
        { code: 'EPCI_NOT_COVERED', weight: 4, label: 'Territoires non couverts' },
        { code: 'RURAL', weight: 3 },
        { code: 'PARENT_INVOLVEMENT', weight: 2 },
      ],
    },
    meetingId: LANDES_MEETING,
    date: d('2025-10-01'),
    members: LANDES_MEMBERS,
    agenda: [LANDES.labrit.projectId, LANDES.saintSever.projectId],
    minutes: { on: d('2025-10-03'), text: 'Le comité agrée Labrit (bonus parents) et le renouvellement de Saint-Sever.' },
  });
  writeApproval(plan, labrit, {
    content: applicationContent({
      title: 'Clas rural de Labrit',
      schoolCycle: 'primary',
      territory: { commune: 'Labrit', epci: 'CC Cœur Haute Lande', rural: true, qpv: false },
      collectifs: [
        {
          ref: 'c1',
          place: { name: 'Salle des associations', commune: 'Labrit' },
          level: 'primary',
          rural: true,
          disabilityNeeds: false,
          plannedChildren: 6,
        },
      ],
      weekdays: ['tuesday', 'thursday'],
      start: '16:45',
      minutes: 90,
      period: PERIOD,
      plannedWeeks: 30,
      totalOperatingCost: 300_000,
      coFunders: labritCoFunders,
      otherCafFunding: 150_000,
      bonusRequests: { enfants: null, parents: BONUS_PARENTS },
    }),
    filedOn: d('2025-07-01'),
    examinedOn: d('2025-09-08'),
    decidedOn: d('2025-10-01'),
    meetingId: LANDES_MEETING,
    approvedRefs: ['c1'],
    bonuses: { enfants: null, parents: 1 },
    agent,
    committee: board,
  });
  writeAdvance(plan, labrit, agent, d('2025-10-15'), 0.5);

  // Saint-Sever renews (its third year): 2 collectifs, 14 000 €, bonus enfants on both.
  const sever: ProjectFacts = {
    campaign: C,
    projectId: LANDES.saintSever.projectId,
    operatorId: LANDES.saintSever.operatorId,
    cafCode: '40',
    schoolYear: '2025-2026',
  };
  const severContent = saintSeverContent('2025-2026', 1_400_000);
  writeApproval(plan, sever, {
    content: severContent,
    filedOn: d('2025-06-24'),
    examinedOn: d('2025-09-08'),
    decidedOn: d('2025-10-01'),
    meetingId: LANDES_MEETING,
    approvedRefs: ['c1', 'c2'],
    bonuses: { enfants: 2, parents: null },
    agent,
    committee: board,
    renewalOf: 'prj-40-2024-saint-sever',
  });
  writeAdvance(plan, sever, agent, d('2025-10-15'), 0.5);

  // A late filing: received on 4 August, it is refused at once (R-LIFE-1), although the operator dates it 29 July:
  // receivability is judged on the day the Caf receives it (R-LIFE-RECEIPT). The Caf then records the paper file as not receivable.
  const lateRef = {
    projectId: LANDES.late.projectId,
    operatorId: LANDES.late.operatorId,
    cafCode: '40',
    schoolYear: schoolYear('2025-2026'),
  };
  plan.add({
    recordAt: later(d('2025-08-04'), 0, '10:15'),
    campaign: C,
    actor: operatorUser(LANDES.late.operatorId),
    expectRejection: 'FILED_AFTER_DEADLINE',
    source: plan.command('FileApplication', paris('2025-07-29', '18:00'), {
      ...lateRef,
      applicationKind: 'new',
      content: applicationContent({
        title: 'Clas Horizon Adour',
        schoolCycle: 'primary',
        territory: { commune: 'Dax', epci: 'CA du Grand Dax', rural: false, qpv: true },
        collectifs: [
          {
            ref: 'c1',
            place: { name: 'Maison des associations', commune: 'Dax' },
            level: 'primary',
            rural: false,
            disabilityNeeds: false,
            plannedChildren: 10,
          },
        ],
        weekdays: ['monday', 'thursday'],
        start: '17:00',
        minutes: 90,
        period: PERIOD,
        plannedWeeks: 28,
        totalOperatingCost: 800_000,
        coFunders: [{ name: 'Ville de Dax', kind: 'commune', amount: 300_000 }],
      }),
    }),
  });
  plan.add({
    recordAt: later(d('2025-08-06'), 0, '09:40'),
    campaign: C,
    actor: agent,
    source: plan.command('DeclareNotReceivable', paris('2025-08-06', '09:30'), {
      ...lateRef,
      reason: 'filed_after_deadline',
      ruleId: 'R-LIFE-1',
      explanation: 'dossier papier reçu le 4 août 2025, après la clôture du 30 juillet 2025',
    }),
  });

  // The year of the collectifs.
  const stats: CollectifStats[] = [];
  const labritUser = operatorUser(LANDES.labrit.operatorId);
  stats.push(
    writeCollectif(plan, {
      campaign: C,
      actor: labritUser,
      collectifId: LANDES.labrit.collectifId,
      projectId: labrit.projectId,
      plannedRef: 'c1',
      place: { name: 'Salle des associations', commune: 'Labrit' },
      level: 'primary',
      rural: true,
      disabilityNeeds: false,
      openedOn: d('2025-10-02'),
      staff: [
        {
          staffId: 'staff-40-labrit-1',
          status: 'professional',
          criminalRecordCheckDate: d('2025-09-12'),
          assignedOn: d('2025-10-02'),
          isNew: false,
        },
        {
          staffId: 'staff-40-labrit-2',
          status: 'volunteer',
          criminalRecordCheckDate: d('2025-09-20'),
          assignedOn: d('2025-10-02'),
          isNew: true,
        },
      ],
      children: children('child-40-labrit', 6, ['CE1', 'CE2', 'CM1', 'CM2'], d('2025-10-06'), [
        { index: 2, on: d('2026-01-19'), replaced: true },
      ]),
      schedule: { weekdays: [1, 3], start: '16:45', minutes: 90 },
      period: PERIOD,
      calendar: LANDES_2025_2026_CALENDAR,
    }),
  );
  const severUser = operatorUser(LANDES.saintSever.operatorId);
  const severStats = LANDES.saintSever.collectifIds.map((collectifId, i) =>
    writeCollectif(plan, {
      campaign: C,
      actor: severUser,
      collectifId,
      projectId: sever.projectId,
      plannedRef: `c${i + 1}`,
      place: severContent.collectifs[i]!.place,
      level: 'primary',
      rural: false,
      disabilityNeeds: false,
      openedOn: d('2025-10-02'),
      staff: [
        {
          staffId: `staff-40-sever-${i + 1}a`,
          status: 'professional',
          criminalRecordCheckDate: d('2025-09-05'),
          assignedOn: d('2025-10-02'),
          isNew: false,
        },
        {
          staffId: `staff-40-sever-${i + 1}b`,
          status: 'volunteer',
          criminalRecordCheckDate: d('2025-09-15'),
          assignedOn: d('2025-10-02'),
          isNew: i === 1,
        },
      ],
      // The second group dwindles after Christmas: four children leave, none replaced, and it stops in February.
      children:
        i === 0
          ? children(`child-40-sever${i + 1}`, 10, ['CP', 'CE1', 'CE2'], d('2025-10-06'), [
              { index: 4, on: d('2025-12-01'), replaced: true },
              { index: 7, on: d('2026-03-09'), replaced: true },
            ])
          : children(`child-40-sever${i + 1}`, 9, ['CM1', 'CM2'], d('2025-10-06'), [
              { index: 1, on: d('2026-01-12'), replaced: false },
              { index: 3, on: d('2026-01-12'), replaced: false },
              { index: 5, on: d('2026-01-19'), replaced: false },
              { index: 8, on: d('2026-01-26'), replaced: false },
            ]),
      schedule: { weekdays: i === 0 ? [1, 3] : [0, 3], start: '16:45', minutes: 90 },
      period: PERIOD,
      calendar: LANDES_2025_2026_CALENDAR,
      ...(i === 1 ? { lastSessionOn: d('2026-02-05') } : {}),
    }),
  );
  stats.push(...severStats);

  // Parents (P1–P5), school (S3 before the start and at the bilan), territory (T1).
  const labritParents = writeParentActions(plan, labrit, [
    { objective: 'P1', date: d('2025-10-07'), parents: 6, description: "réunion d'information à l'inscription" },
    { objective: 'P2', date: d('2025-12-16'), parents: 5, description: 'goûter de Noël parents-enfants' },
    { objective: 'P3', date: d('2026-01-27'), parents: 4, description: 'atelier ENT : suivre la scolarité en ligne' },
    { objective: 'P4', date: d('2026-03-17'), parents: 3, description: 'rencontre avec le Reaap des Landes' },
    { objective: 'P5', date: d('2026-05-19'), parents: 6, description: 'café des parents' },
  ]);
  const severParents = writeParentActions(plan, sever, [
    { objective: 'P1', date: d('2025-10-09'), parents: 16, description: "réunion d'information à l'inscription" },
    { objective: 'P2', date: d('2025-12-18'), parents: 12, description: 'spectacle des enfants et goûter' },
    { objective: 'P3', date: d('2026-02-03'), parents: 9, description: 'visite de la classe avec les enseignants' },
    { objective: 'P5', date: d('2026-06-16'), parents: 11, description: "fête de fin d'année" },
  ]);
  for (const p of [labrit, sever]) {
    const school = p === labrit ? ['École de Labrit'] : ['École Jules-Ferry', 'École du Cap de Gascogne'];
    writeConcertation(plan, p, 's3-start', 'before_start', d('2025-09-25'), school);
    writeConcertation(plan, p, 's3-bilan', 'at_bilan', d('2026-06-23'), school);
    writePartner(
      plan,
      p,
      't1',
      p === labrit ? 'Médiathèque intercommunale Cœur Haute Lande' : 'Reaap des Landes',
      p === labrit ? 'library' : 'reaap',
      d('2025-11-14'),
      'prêt de livres, accueil des familles',
    );
  }

  // Bilans (July), validated in September, then the balance — or a recovery for Saint-Sever,
  // whose second group stopped in February: the advance exceeds the PS it is owed.
  writeBilan(plan, labrit, {
    stats: [stats[0]!],
    parentsReached: labritParents,
    actualTotalCost: 300_000,
    coFunders: labritCoFunders,
    otherCafFunding: 150_000,
    filedOn: d('2026-07-08'),
    validatedOn: d('2026-09-15'),
    agent,
    summary: 'Un groupe stable de six enfants, une forte implication des familles au café des parents.',
  });
  writeBilan(plan, sever, {
    stats: severStats,
    parentsReached: severParents,
    actualTotalCost: 1_250_000,
    coFunders: [{ name: 'Commune de Saint-Sever', kind: 'commune', amount: 560_000 }],
    otherCafFunding: 0,
    filedOn: d('2026-07-10'),
    validatedOn: d('2026-09-15'),
    agent,
    summary:
      "Le groupe de l'école Jules-Ferry a fonctionné toute l'année ; celui de la médiathèque s'est arrêté en février faute d'enfants.",
  });
  // R-AGREEMENT-ANNUAL: Labrit has no multi-year convention: it signs the annual agreement before its balance;
  // Saint-Sever's balance is paid under its 4-year convention (signed 15 October 2025), which covers 2025-2026.
  writeAgreementSigned(plan, labrit, d('2025-11-04'));
  writeSettlement(plan, labrit, agent, d('2026-10-01'));
  writeSettlement(plan, sever, agent, d('2026-10-01'));

  writeConvention(plan);
  return { stats };
}

/** R-CONV-1: Saint-Sever, approved in 2023-2024 and 2024-2025, asks for a 4-year Cof from 2025-2026. */
function writeConvention(plan: SeasonPlan): void {
  const C = LANDES.campaign;
  const conventionId = LANDES.conventionId;
  const user = operatorUser(LANDES.saintSever.operatorId);
  const step = (date: LocalDate, time: string, actor: typeof user, source: ReturnType<SeasonPlan['command']>) =>
    plan.add({ recordAt: later(date, 0, time), campaign: C, actor, source });
  step(
    d('2025-09-10'),
    '11:00',
    user,
    plan.command('RequestConvention', parisInstant(d('2025-09-10'), '10:50'), {
      conventionId,
      operatorId: LANDES.saintSever.operatorId,
      cafCode: '40',
      projectIds: [LANDES.saintSever.projectId],
      startSchoolYear: schoolYear('2025-2026'),
      years: 4,
      terms: { startDate: d('2025-10-06'), collectifs: 2, children: 20, weeks: 30 },
    }),
  );
  step(d('2025-10-15'), '15:00', agent, plan.command('SignConvention', parisInstant(d('2025-10-15'), '14:50'), { conventionId }));
  step(
    d('2025-10-16'),
    '10:00',
    agent,
    plan.command('NotifyYearlyCollectifs', parisInstant(d('2025-10-16'), '09:50'), {
      conventionId,
      schoolYear: schoolYear('2025-2026'),
      collectifs: 2,
      collectifIds: [...LANDES.saintSever.collectifIds],
    }),
  );
  step(
    d('2026-01-20'),
    '16:00',
    user,
    plan.command('RequestConventionAmendment', parisInstant(d('2026-01-20'), '15:50'), {
      conventionId,
      amendmentId: 'am-1',
      changes: { children: 16 },
      reason: 'quatre départs en janvier dans le groupe de la médiathèque',
    }),
  );
  step(
    d('2026-02-10'),
    '10:00',
    agent,
    plan.command('ValidateConventionAmendment', parisInstant(d('2026-02-10'), '09:50'), { conventionId, amendmentId: 'am-1' }),
  );
  // R-CONV-2: year 2 goes on because the 2025-2026 bilan was received in July.
  step(
    d('2026-09-16'),
    '10:00',
    agent,
    plan.command('NotifyYearlyCollectifs', parisInstant(d('2026-09-16'), '09:50'), {
      conventionId,
      schoolYear: schoolYear('2026-2027'),
      collectifs: 1,
    }),
  );
  step(
    d('2026-10-05'),
    '16:00',
    user,
    plan.command('RequestConventionAmendment', parisInstant(d('2026-10-05'), '15:50'), {
      conventionId,
      amendmentId: 'am-2',
      changes: { collectifs: 1, weeks: 32 },
      reason: 'un seul groupe, sur 32 semaines à partir de 2026-2027',
    }),
  );
}
