import { AUDE_2026_2027, localDate } from '@clas/domain';
import { type CollectifStats, writeCollectif } from './collectif-script.js';
import { AUDE_2026_2027_CALENDAR, later, paris } from './school-calendar.js';
import {
  BONUS_ENFANTS,
  type ProjectFacts,
  applicationContent,
  cafAgent,
  children,
  committee,
  operatorUser,
  writeAdvance,
  writeLetterSent,
  writeApproval,
  writeCommitteeMeeting,
  writeCampaignOpening,
  writeFiling,
  writeConcertation,
  writeOperator,
  writeParentActions,
  writePartner,
} from './season-builders.js';
import type { SeasonPlan } from './season-plan.js';

export const AUDE = {
  campaign: '11-2026-2027',
  lireGrandir: {
    operatorId: 'op-11-lire-grandir',
    projectId: 'prj-11-2026-lire-grandir',
    collectifIds: ['col-11-lire-grandir-1', 'col-11-lire-grandir-2'],
  },
  limoux: {
    operatorId: 'op-11-limoux',
    projectId: 'prj-11-2026-limoux',
    collectifIds: ['col-11-limoux-1', 'col-11-limoux-2', 'col-11-limoux-3'],
  },
  leLien: { operatorId: 'op-11-le-lien', projectId: 'prj-11-2026-le-lien', collectifId: 'col-11-le-lien-1' },
  /** Lire et Grandir's collège project: filed in time, left for the tour (docs/tour.md) to examine and decide. */
  varsovie: { projectId: 'prj-11-2026-varsovie' },
  /** Worked example 3: recorded on the decision day (2 collectifs), corrected on this day (3). */
  decisionOn: '2026-10-05',
  /** R-COMMITTEE-MEETING: the committee of 5 October, where the three decisions are taken. */
  meetingId: 'cttee-11-2026-10-05',
  correctionOn: '2026-11-10',
  /** R-NOTIFY: the letters go out the day after the decision, and the day after the correction. */
  letterOn: '2026-10-06',
  correctionLetterOn: '2026-11-12',
  /**
   * R-BUDGET-ENVELOPE: 14 000 € set before the committee, so that its last approval (Le Lien)
   * goes beyond it with a reasoned override; 6 000 € more on 2 November cover it, Limoux's
   * correction and the Varsovie approval of the tour (docs/tour.md §5).
   */
  envelope: { setOn: '2026-09-20', amount: 1_400_000, amendedOn: '2026-11-02', delta: 600_000 },
} as const;

const d = localDate;
const agent = cafAgent('11');
const board = committee('11');
const PERIOD = { from: d('2026-11-03'), to: d('2027-06-15') };

/**
 * Aude 2026-2027 (seed 004): three operators — an association (worked example 1), a commune
 * (worked example 3: the decision corrected later) and a centre social with its Caf approval
 * period and a collège group. The whole year is written; what lies after today is not played.
 */
export function writeAudeSeason(plan: SeasonPlan): CollectifStats[] {
  const C = AUDE.campaign;
  writeCampaignOpening(plan, C, agent, d('2026-04-01'), AUDE_2026_2027);
  plan.add({
    recordAt: later(d(AUDE.envelope.setOn), 0, '10:05'),
    campaign: C,
    actor: agent,
    source: plan.command('SetBudgetEnvelope', paris(AUDE.envelope.setOn, '10:00'), {
      cafCode: '11',
      schoolYear: AUDE_2026_2027.schoolYear,
      amount: AUDE.envelope.amount,
    }),
  });
  plan.add({
    recordAt: later(d(AUDE.envelope.amendedOn), 0, '10:05'),
    campaign: C,
    actor: agent,
    source: plan.command('AmendBudgetEnvelope', paris(AUDE.envelope.amendedOn, '10:00'), {
      cafCode: '11',
      schoolYear: AUDE_2026_2027.schoolYear,
      change: { kind: 'delta', delta: AUDE.envelope.delta },
      reason: 'Dotation complémentaire votée par le conseil d’administration du 2 novembre',
    }),
  });
  writeOperator(plan, {
    campaign: C,
    agent,
    operatorId: AUDE.lireGrandir.operatorId,
    cafCode: '11',
    name: 'Lire et Grandir',
    kind: 'association',
    registeredOn: d('2026-04-10'),
  });
  writeOperator(plan, {
    campaign: C,
    agent,
    operatorId: AUDE.limoux.operatorId,
    cafCode: '11',
    name: 'Commune de Limoux',
    kind: 'collectivite',
    registeredOn: d('2026-04-15'),
  });
  writeOperator(plan, {
    campaign: C,
    agent,
    operatorId: AUDE.leLien.operatorId,
    cafCode: '11',
    name: 'Centre social Le Lien',
    kind: 'centre_social',
    cafApproval: { from: d('2024-01-01'), to: d('2028-12-31') },
    registeredOn: d('2026-04-20'),
  });

  // Worked example 1: urban, 2 collectifs, 18 000 €, bonus enfants on both → 6 293,80 €.
  const lire: ProjectFacts = {
    campaign: C,
    projectId: AUDE.lireGrandir.projectId,
    operatorId: AUDE.lireGrandir.operatorId,
    cafCode: '11',
    schoolYear: '2026-2027',
  };
  const lireContent = applicationContent({
    title: 'Clas Jean-Jaurès – La Conte',
    schoolCycle: 'primary',
    territory: { commune: 'Carcassonne', epci: 'Carcassonne Agglo', rural: false, qpv: true },
    collectifs: [
      {
        ref: 'c1',
        place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 12,
      },
      {
        ref: 'c2',
        place: { name: 'Médiathèque Grain d’sel', commune: 'Carcassonne' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        plannedChildren: 10,
      },
    ],
    weekdays: ['tuesday', 'thursday'],
    start: '16:45',
    minutes: 90,
    period: PERIOD,
    plannedWeeks: 28,
    totalOperatingCost: 1_800_000,
    coFunders: [
      { name: 'Ville de Carcassonne', kind: 'commune', amount: 600_000 },
      { name: 'Préfecture – politique de la ville', kind: 'politique_de_la_ville', amount: 250_000 },
    ],
    bonusRequests: { enfants: BONUS_ENFANTS, parents: null },
  });
  // R-COMMITTEE-ORIENTATIONS (004): the committee's priorities for 2026-2027; R-COMMITTEE-MEETING: its meeting of
  // 5 October (members from 004) examines the three files decided that day and Varsovie, left for the tour.
  writeCommitteeMeeting(plan, {
    campaign: C,
    cafCode: '11',
    schoolYear: '2026-2027',
    actor: board,
    orientations: {
      on: d('2026-06-02'),
      priorities: [
        { code: 'QPV', weight: 3, label: 'Quartiers prioritaires de Carcassonne, Limoux, Narbonne et Lézignan' },
        { code: 'PARENT_INVOLVEMENT', weight: 3, label: 'Renforcer les relations des parents avec l’école' },
        { code: 'COLLEGE', weight: 2, label: 'Accompagnement des collégiens' },
        { code: 'DISABILITY_INCLUSION', weight: 1 },
      ],
    },
    meetingId: AUDE.meetingId,
    date: d(AUDE.decisionOn),
    members: [
      { institution: 'caf', name: 'Elisabet Bosch-Crespi', role: 'responsable du service développement territorial' },
      { institution: 'prefecture', name: 'Marion Cèze', role: 'politique de la ville' },
      { institution: 'prefecture', name: 'Véronique Soussan', role: 'déléguée du Préfet' },
      { institution: 'dsden', name: 'Isabelle Malafosse' },
      { institution: 'conseil_departemental', name: 'Lucie Couzigne', role: 'directrice adjointe santé, PMI, prévention' },
    ],
    agenda: [AUDE.lireGrandir.projectId, AUDE.limoux.projectId, AUDE.leLien.projectId, AUDE.varsovie.projectId],
    minutes: {
      on: d('2026-10-07'),
      text: 'Le comité a agréé les projets Lire et Grandir, Limoux et Le Lien ; le dossier Varsovie reste à instruire.',
    },
  });
  writeApproval(plan, lire, {
    content: lireContent,
    filedOn: d('2026-06-22'),
    examinedOn: d('2026-09-01'),
    decidedOn: d(AUDE.decisionOn),
    meetingId: AUDE.meetingId,
    approvedRefs: ['c1', 'c2'],
    bonuses: { enfants: 2, parents: null },
    agent,
    committee: board,
  });
  writeAdvance(plan, lire, agent, d('2026-10-20'), 0.5);
  // R-NOTIFY: each decision of the committee is notified by its letter the next day.
  writeLetterSent(plan, lire, agent, d(AUDE.letterOn), `dec-${lire.projectId}`);

  // Worked example 3: three groups planned; the committee's decision is recorded as 2, then corrected to 3 from the same date.
  const limoux: ProjectFacts = {
    campaign: C,
    projectId: AUDE.limoux.projectId,
    operatorId: AUDE.limoux.operatorId,
    cafCode: '11',
    schoolYear: '2026-2027',
  };
  const limouxPlaces = ['École du Sacré-Cœur', 'École Jean-Moulin', 'Espace jeunes Aragon'];
  const limouxContent = applicationContent({
    title: 'Clas de Limoux',
    schoolCycle: 'primary',
    territory: { commune: 'Limoux', epci: 'CC du Limouxin', rural: false, qpv: true },
    collectifs: limouxPlaces.map((name, i) => ({
      ref: `c${i + 1}`,
      place: { name, commune: 'Limoux' },
      level: 'primary' as const,
      rural: false,
      disabilityNeeds: false,
      plannedChildren: 10,
    })),
    weekdays: ['monday', 'thursday'],
    start: '17:00',
    minutes: 90,
    period: PERIOD,
    plannedWeeks: 28,
    totalOperatingCost: 2_400_000,
    coFunders: [{ name: 'Commune de Limoux', kind: 'commune', amount: 1_100_000 }],
  });
  const limouxDecision = writeApproval(plan, limoux, {
    content: limouxContent,
    filedOn: d('2026-07-15'),
    examinedOn: d('2026-09-01'),
    decidedOn: d(AUDE.decisionOn),
    meetingId: AUDE.meetingId,
    approvedRefs: ['c1', 'c2'],
    bonuses: { enfants: null, parents: null },
    agent,
    committee: board,
  });
  plan.add({
    recordAt: later(d(AUDE.correctionOn), 0, '11:30'),
    campaign: C,
    actor: board,
    source: plan.command('CorrectCommitteeDecision', paris(AUDE.correctionOn, '11:20'), {
      projectId: limoux.projectId,
      decisionId: limouxDecision,
      reason: 'erreur de saisie : le comité du 5 octobre a agréé les trois collectifs',
      changes: { approvedCollectifs: 3, approvedCollectifRefs: ['c1', 'c2', 'c3'] },
    }),
  });
  writeAdvance(plan, limoux, agent, d('2026-10-20'), 0.5);
  writeLetterSent(plan, limoux, agent, d(AUDE.letterOn), limouxDecision);
  // The correction has its own letter, saying what changed (2 → 3 collectifs).
  writeLetterSent(plan, limoux, agent, d(AUDE.correctionLetterOn), `${limouxDecision}-rectificatif-1`);

  // The centre social: a collège group (R-LIFE-3: its own project), one child needing reinforced attention.
  const lien: ProjectFacts = {
    campaign: C,
    projectId: AUDE.leLien.projectId,
    operatorId: AUDE.leLien.operatorId,
    cafCode: '11',
    schoolYear: '2026-2027',
  };
  writeApproval(plan, lien, {
    content: applicationContent({
      title: 'Clas collège du centre social Le Lien',
      schoolCycle: 'secondary',
      territory: { commune: 'Castelnaudary', epci: 'CC Castelnaudary Lauragais Audois', rural: false, qpv: false },
      collectifs: [
        {
          ref: 'c1',
          place: { name: 'Centre social Le Lien', commune: 'Castelnaudary' },
          level: 'college',
          rural: false,
          disabilityNeeds: true,
          plannedChildren: 9,
        },
      ],
      weekdays: ['tuesday', 'friday'],
      start: '17:15',
      minutes: 90,
      period: PERIOD,
      plannedWeeks: 28,
      totalOperatingCost: 900_000,
      coFunders: [{ name: 'Commune de Castelnaudary', kind: 'commune', amount: 350_000 }],
    }),
    filedOn: d('2026-08-03'),
    examinedOn: d('2026-09-02'),
    decidedOn: d(AUDE.decisionOn),
    meetingId: AUDE.meetingId,
    approvedRefs: ['c1'],
    bonuses: { enfants: null, parents: null },
    agent,
    committee: board,
    // R-BUDGET-ENVELOPE: its 2 811,90 € exceed the 2 082,40 € left after Lire et Grandir and Limoux by 729,50 €.
    envelopeOverride: {
      reason: 'Seul Clas collège du Lauragais ; une dotation complémentaire est demandée au conseil d’administration',
    },
  });
  writeAdvance(plan, lien, agent, d('2026-10-21'), 0.5);
  writeLetterSent(plan, lien, agent, d(AUDE.letterOn), `dec-${lien.projectId}`);

  // R-LIFE-3: Lire et Grandir's collège pupils are a second project. Filed in time; the Caf has not examined it yet.
  const varsovie: ProjectFacts = {
    campaign: C,
    projectId: AUDE.varsovie.projectId,
    operatorId: AUDE.lireGrandir.operatorId,
    cafCode: '11',
    schoolYear: '2026-2027',
  };
  writeFiling(plan, varsovie, {
    filedOn: d('2026-07-30'),
    content: applicationContent({
      title: 'Clas collège Varsovie',
      schoolCycle: 'secondary',
      territory: { commune: 'Carcassonne', epci: 'Carcassonne Agglo', rural: false, qpv: true },
      collectifs: [
        {
          ref: 'c1',
          place: { name: 'Collège Varsovie', commune: 'Carcassonne' },
          level: 'college',
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
      totalOperatingCost: 900_000,
      coFunders: [{ name: 'Ville de Carcassonne', kind: 'commune', amount: 300_000 }],
    }),
  });

  const stats: CollectifStats[] = [];
  AUDE.lireGrandir.collectifIds.forEach((collectifId, i) => {
    stats.push(
      writeCollectif(plan, {
        campaign: C,
        actor: operatorUser(lire.operatorId),
        collectifId,
        projectId: lire.projectId,
        plannedRef: `c${i + 1}`,
        place: lireContent.collectifs[i]!.place,
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        openedOn: d('2026-10-12'),
        // New staff (R-ELIG-TRAINING, Aude): the "fondamentaux" module is attended in November.
        staff: [
          {
            staffId: `staff-11-lire-${i + 1}a`,
            status: 'professional',
            criminalRecordCheckDate: d('2026-09-18'),
            assignedOn: d('2026-10-12'),
            isNew: false,
          },
          {
            staffId: `staff-11-lire-${i + 1}b`,
            status: 'volunteer',
            criminalRecordCheckDate: d('2026-10-01'),
            assignedOn: d('2026-10-12'),
            isNew: true,
            trainingOn: d('2026-11-14'),
          },
        ],
        children: children(
          `child-11-lire${i + 1}`,
          i === 0 ? 12 : 10,
          ['CP', 'CE1', 'CE2', 'CM1', 'CM2'],
          d('2026-11-02'),
          i === 0 ? [{ index: 5, on: d('2026-11-16'), replaced: true }] : [],
        ),
        schedule: { weekdays: [1, 3], start: '16:45', minutes: 90 },
        period: PERIOD,
        calendar: AUDE_2026_2027_CALENDAR,
      }),
    );
  });
  AUDE.limoux.collectifIds.forEach((collectifId, i) => {
    // The third group opens once the correction is known.
    const openedOn = d(i < 2 ? '2026-10-12' : '2026-11-12');
    const start = d(i < 2 ? '2026-11-02' : '2026-11-16');
    stats.push(
      writeCollectif(plan, {
        campaign: C,
        actor: operatorUser(limoux.operatorId),
        collectifId,
        projectId: limoux.projectId,
        plannedRef: `c${i + 1}`,
        place: { name: limouxPlaces[i]!, commune: 'Limoux' },
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
        openedOn,
        staff: [
          {
            staffId: `staff-11-limoux-${i + 1}a`,
            status: 'professional',
            criminalRecordCheckDate: d('2026-09-25'),
            assignedOn: openedOn,
            isNew: false,
          },
          {
            staffId: `staff-11-limoux-${i + 1}b`,
            status: 'professional',
            criminalRecordCheckDate: d('2026-09-28'),
            assignedOn: openedOn,
            isNew: true,
            trainingOn: d('2026-11-14'),
          },
        ],
        children: children(`child-11-limoux${i + 1}`, 10, ['CE1', 'CE2', 'CM1', 'CM2'], start),
        schedule: { weekdays: [0, 3], start: '17:00', minutes: 90 },
        period: { from: start, to: PERIOD.to },
        calendar: AUDE_2026_2027_CALENDAR,
      }),
    );
  });
  const lienChildren = children('child-11-lien', 9, ['6e', '5e', '4e', '3e'], d('2026-11-02'));
  lienChildren[3]!.disabilityNeeds = true;
  stats.push(
    writeCollectif(plan, {
      campaign: C,
      actor: operatorUser(lien.operatorId),
      collectifId: AUDE.leLien.collectifId,
      projectId: lien.projectId,
      plannedRef: 'c1',
      place: { name: 'Centre social Le Lien', commune: 'Castelnaudary' },
      level: 'college',
      rural: false,
      disabilityNeeds: true,
      openedOn: d('2026-10-12'),
      staff: [
        {
          staffId: 'staff-11-lien-a',
          status: 'professional',
          criminalRecordCheckDate: d('2026-09-10'),
          assignedOn: d('2026-10-12'),
          isNew: false,
        },
        {
          staffId: 'staff-11-lien-b',
          status: 'volunteer',
          criminalRecordCheckDate: d('2026-09-30'),
          assignedOn: d('2026-10-12'),
          isNew: true,
          trainingOn: d('2026-11-14'),
        },
      ],
      children: lienChildren,
      schedule: { weekdays: [1, 4], start: '17:15', minutes: 90 },
      period: PERIOD,
      calendar: AUDE_2026_2027_CALENDAR,
    }),
  );

  for (const p of [lire, limoux, lien]) {
    writeConcertation(plan, p, 's3-start', 'before_start', d('2026-10-08'), [
      p === lien ? 'Collège Blaise-d’Auriol' : `Écoles de ${p === lire ? 'Carcassonne' : 'Limoux'}`,
    ]);
    writeConcertation(plan, p, 's3-bilan', 'at_bilan', d('2027-06-22'), [
      p === lien ? 'Collège Blaise-d’Auriol' : `Écoles de ${p === lire ? 'Carcassonne' : 'Limoux'}`,
    ]);
    writePartner(
      plan,
      p,
      't1',
      p === lire ? 'Médiathèque Grain d’sel' : p === limoux ? 'Reaap de l’Aude' : 'Programme de réussite éducative',
      p === lire ? 'library' : p === limoux ? 'reaap' : 'pre',
      d('2026-10-20'),
      'rencontre de lancement et calendrier commun',
    );
    writeParentActions(plan, p, [
      { objective: 'P1', date: d('2026-11-05'), parents: p === lien ? 7 : 15, description: "réunion d'information à l'inscription" },
      { objective: 'P2', date: d('2026-12-17'), parents: 12, description: 'goûter de fin de trimestre' },
      { objective: 'P3', date: d('2027-02-04'), parents: 9, description: "comprendre l'ENT et le carnet de liaison" },
      { objective: 'P4', date: d('2027-03-18'), parents: 6, description: 'permanence du Reaap' },
      { objective: 'P5', date: d('2027-06-10'), parents: 14, description: "fête de fin d'année" },
    ]);
  }
  return stats;
}
