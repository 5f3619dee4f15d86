import type { Actor } from '@clas/application';
import {
  type ApplicationContent,
  type BonusRequests,
  type CampaignParameters,
  type CoFunder,
  type CollectifLevel,
  type CommitteeInstitution,
  type OrientationCriterion,
  type SchoolYear,
  type LocalDate,
  type ObjectiveCode,
  type OrientedBy,
  type ParentObjective,
  type PlannedCollectif,
  type SchoolLevel,
  type Territory,
  OBJECTIVE_CODES,
  addDays,
  parisInstant,
} from '@clas/domain';
import type { ChildSpec, CollectifStats } from './collectif-script.js';
import { later } from './school-calendar.js';
import type { SeasonPlan } from './season-plan.js';

export const operatorUser = (operatorId: string): Actor => ({ id: `user-${operatorId}`, role: 'operator', caf: null, operatorId });
export const cafAgent = (caf: string): Actor => ({ id: `agent-${caf}-demo`, role: 'caf_agent', caf, operatorId: null });
export const committee = (caf: string): Actor => ({ id: `committee-${caf}-demo`, role: 'committee', caf, operatorId: null });

const OBJECTIVE_TEXT: Record<ObjectiveCode, string> = {
  E1: 'organiser son travail : cartable, agenda, leçons',
  E2: 'fréquenter la médiathèque et les lieux culturels du quartier',
  E3: 'vie de groupe : règles construites ensemble, projets collectifs',
  E4: 'entraide entre pairs, tutorat des plus grands',
  E5: "feuilles de présence à chaque séance, suivi individuel avec l'enseignant",
  P1: "temps d'information des familles à l'inscription",
  P2: 'goûters et ateliers parents-enfants chaque trimestre',
  P3: "comprendre l'école : visite, ENT, rencontres avec les enseignants",
  P4: 'orientation vers le Reaap et les services sociaux du secteur',
  P5: 'échanges informels à la sortie des séances',
  S1: 'relations suivies avec les directeurs et les CPE',
  S2: 'orientation des enfants par les équipes enseignantes',
  S3: 'concertation avec les équipes avant le démarrage et au bilan',
  T1: 'partenariat avec les associations et la médiathèque du secteur',
};

export const allObjectives = (): ApplicationContent['objectives'] =>
  OBJECTIVE_CODES.map((code) => ({ code, description: OBJECTIVE_TEXT[code] }));

export interface ContentInput {
  title: string;
  schoolCycle: 'primary' | 'secondary';
  territory: Territory;
  collectifs: PlannedCollectif[];
  weekdays: Array<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday'>;
  start: string;
  minutes: number;
  period: { from: LocalDate; to: LocalDate };
  plannedWeeks: number;
  totalOperatingCost: number;
  coFunders: CoFunder[];
  otherCafFunding?: number;
  bonusRequests?: BonusRequests;
}

export function applicationContent(input: ContentInput): ApplicationContent {
  return {
    title: input.title,
    schoolCycle: input.schoolCycle,
    territory: input.territory,
    collectifs: input.collectifs,
    schedule: input.weekdays.map((weekday) => ({ weekday, start: input.start, minutes: input.minutes, kind: 'children' as const })),
    plannedPeriod: input.period,
    plannedWeeks: input.plannedWeeks,
    objectives: allObjectives(),
    activityTypes: ['methodology', 'reading_writing', 'cultural', 'artistic', 'playful', 'scientific', 'outing', 'homework_help'],
    budget: {
      totalOperatingCost: input.totalOperatingCost,
      coFunders: input.coFunders,
      otherCafFunding: input.otherCafFunding ?? 0,
      familyFeePerChild: 0,
    },
    bonusRequests: input.bonusRequests ?? { enfants: null, parents: null },
  };
}

export const BONUS_ENFANTS: BonusRequests['enfants'] = {
  filRouge: "un fil rouge annuel : créer l'exposition « Mon quartier raconté »",
  criteria: ['paid_external_speakers', 'outings_cultural_sport_projects'],
  justification: 'une illustratrice rémunérée intervient six fois ; sorties au musée et au théâtre',
};

export const BONUS_PARENTS: BonusRequests['parents'] = {
  supportProject: 'un café des parents mensuel et un contrat d’engagement enfant / parents / école / structure',
  criteria: ['specific_parent_actions', 'targeted_public'],
  justification: 'familles allophones et éloignées du numérique : ateliers ENT et Pronote',
};

export interface OperatorInput {
  campaign: string;
  agent: Actor;
  operatorId: string;
  cafCode: string;
  name: string;
  kind: 'association' | 'collectivite' | 'centre_social';
  cafApproval?: { from: LocalDate; to: LocalDate };
  registeredOn: LocalDate;
}

/** The Caf opens its campaign at 09:00 (typed in at 09:05) with the département's parameters. */
export function writeCampaignOpening(
  plan: SeasonPlan,
  campaign: string,
  agent: Actor,
  on: LocalDate,
  parameters: CampaignParameters,
): void {
  plan.add({
    recordAt: later(on, 0, '09:05'),
    campaign,
    actor: agent,
    source: plan.command('OpenCampaign', parisInstant(on, '09:00'), { parameters }),
  });
}

/** Registered by the Caf; the coordinator (R-ELIG-COORD) and declarations (R-ELIG-OPERATOR) by the operator. */
export function writeOperator(plan: SeasonPlan, o: OperatorInput): void {
  const user = operatorUser(o.operatorId);
  const at = (date: LocalDate, time: string) => parisInstant(date, time);
  plan.add({
    recordAt: later(o.registeredOn, 0, '09:05'),
    campaign: o.campaign,
    actor: o.agent,
    source: plan.command('RegisterOperator', at(o.registeredOn, '09:00'), {
      operatorId: o.operatorId,
      cafCode: o.cafCode,
      name: o.name,
      kind: o.kind,
      ...(o.cafApproval ? { cafApproval: o.cafApproval } : {}),
    }),
  });
  const next = addDays(o.registeredOn, 3);
  plan.add({
    recordAt: later(next, 0, '14:05'),
    campaign: o.campaign,
    actor: user,
    source: plan.command('AppointCoordinator', at(next, '14:00'), {
      operatorId: o.operatorId,
      personId: `coord-${o.operatorId}`,
      qualificationLevel: 3,
      hasRelevantExperience: true,
    }),
  });
  plan.add({
    recordAt: later(next, 0, '14:10'),
    campaign: o.campaign,
    actor: user,
    source: plan.command('RecordOperatorDeclaration', at(next, '14:06'), {
      operatorId: o.operatorId,
      declaration: 'insurance',
      documentDate: addDays(o.registeredOn, -20),
      expiresOn: `${Number(o.registeredOn.slice(0, 4)) + 3}-12-31` as LocalDate,
      reference: `RC-${o.operatorId.toUpperCase()}`,
    }),
  });
  plan.add({
    recordAt: later(next, 0, '14:12'),
    campaign: o.campaign,
    actor: user,
    source: plan.command('RecordOperatorDeclaration', at(next, '14:07'), {
      operatorId: o.operatorId,
      declaration: 'laicite_charter',
      documentDate: next,
      expiresOn: null,
      reference: 'charte-laicite-2001',
    }),
  });
}

const FIRST_NAMES = [
  'Léa',
  'Nour',
  'Enzo',
  'Inès',
  'Adam',
  'Jade',
  'Malo',
  'Lina',
  'Sacha',
  'Yasmine',
  'Noah',
  'Chloé',
  'Ilyes',
  'Manon',
  'Rayan',
  'Zoé',
];
const LAST_NAMES = ['Martin', 'Benali', 'Dupuy', 'Lafitte', 'Garcia', 'Diallo', 'Laborde', 'Moreau', 'Haddad', 'Castéra', 'Nguyen', 'Roux'];
export const personName = (index: number): { firstName: string; lastName: string } => ({
  firstName: FIRST_NAMES[index % FIRST_NAMES.length]!,
  lastName: LAST_NAMES[(index * 7) % LAST_NAMES.length]!,
});

/**
 * A group of children all starting on `enrolledOn`, levels in turn from `levels`; `leaving`
 * children leave on the given days, each replaced by a newcomer the next Monday after (churn).
 */
export function children(
  prefix: string,
  count: number,
  levels: SchoolLevel[],
  enrolledOn: LocalDate,
  leaving: Array<{ index: number; on: LocalDate; replaced: boolean }> = [],
): ChildSpec[] {
  const oriented: OrientedBy[] = ['teacher', 'teacher', 'cpe', 'social_worker', 'teacher', 'family'];
  const list: ChildSpec[] = Array.from({ length: count }, (_, i) => ({
    childId: `${prefix}-${String(i + 1).padStart(2, '0')}`,
    schoolLevel: levels[i % levels.length]!,
    orientedBy: oriented[i % oriented.length]!,
    enrolledOn,
  }));
  let extra = count;
  for (const l of leaving) {
    const child = list[l.index]!;
    child.leaves = { on: l.on, reason: l.index % 2 === 0 ? 'moved' : 'family_choice' };
    if (l.replaced) {
      extra++;
      let monday = addDays(l.on, 1);
      while (new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
      list.push({
        childId: `${prefix}-${String(extra).padStart(2, '0')}`,
        schoolLevel: child.schoolLevel,
        orientedBy: 'teacher',
        enrolledOn: monday,
      });
    }
  }
  return list;
}

export interface ProjectFacts {
  campaign: string;
  projectId: string;
  operatorId: string;
  cafCode: string;
  schoolYear: string;
}

/** Parent actions P1–P5 over the year (R-ELIG-AXES parents, R-BILAN-2), one per listed date. */
export function writeParentActions(
  plan: SeasonPlan,
  p: ProjectFacts,
  actions: Array<{ objective: ParentObjective; date: LocalDate; parents: number; description: string }>,
): number {
  let reached = 0;
  actions.forEach((a, i) => {
    reached += a.parents;
    plan.add({
      recordAt: later(a.date, 1, '10:00'),
      campaign: p.campaign,
      actor: operatorUser(p.operatorId),
      source: plan.command('RecordParentAction', parisInstant(a.date, '18:00'), {
        projectId: p.projectId,
        actionId: `${p.projectId}-pa${i + 1}`,
        objective: a.objective,
        date: a.date,
        parentsReached: a.parents,
        description: a.description,
      }),
    });
  });
  return reached;
}

export function writeConcertation(
  plan: SeasonPlan,
  p: ProjectFacts,
  id: string,
  moment: 'before_start' | 'during' | 'at_bilan',
  date: LocalDate,
  schools: string[],
): void {
  plan.add({
    recordAt: later(date, 1, '09:30'),
    campaign: p.campaign,
    actor: operatorUser(p.operatorId),
    source: plan.command('RecordSchoolConcertation', parisInstant(date, '17:00'), {
      projectId: p.projectId,
      concertationId: `${p.projectId}-${id}`,
      objective: 'S3',
      moment,
      date,
      schools,
    }),
  });
}

export function writePartner(
  plan: SeasonPlan,
  p: ProjectFacts,
  id: string,
  partnerName: string,
  partnerKind: 'library' | 'reaap' | 'association' | 'pre',
  date: LocalDate,
  description: string,
): void {
  plan.add({
    recordAt: later(date, 2, '11:00'),
    campaign: p.campaign,
    actor: operatorUser(p.operatorId),
    source: plan.command('RecordPartnerRelation', parisInstant(date, '10:00'), {
      projectId: p.projectId,
      relationId: `${p.projectId}-${id}`,
      partnerName,
      partnerKind,
      date,
      description,
    }),
  });
}

/** Step 4: the operator files online; the Caf receives it ten minutes later (R-LIFE-RECEIPT: the deadline is judged then). */
export function writeFiling(
  plan: SeasonPlan,
  p: ProjectFacts,
  a: { content: ApplicationContent; filedOn: LocalDate; renewalOf?: string },
): void {
  const ref = { projectId: p.projectId, operatorId: p.operatorId, cafCode: p.cafCode, schoolYear: p.schoolYear };
  plan.add({
    recordAt: later(a.filedOn, 0, '16:40'),
    campaign: p.campaign,
    actor: operatorUser(p.operatorId),
    source: plan.command('FileApplication', parisInstant(a.filedOn, '16:30'), {
      ...ref,
      applicationKind: a.renewalOf ? 'renewal' : 'new',
      ...(a.renewalOf ? { previousProjectId: a.renewalOf } : {}),
      content: a.content,
    } as never),
  });
}

/**
 * R-COMMITTEE-MEETING, R-COMMITTEE-ORIENTATIONS: the committee's year — its orientations, when
 * given, set on `orientationsOn` — and one meeting held at noon on `date` (its decisions are
 * recorded in the afternoon by writeApproval), its minutes typed in `minutesOn`.
 */
export function writeCommitteeMeeting(
  plan: SeasonPlan,
  m: {
    campaign: string;
    cafCode: string;
    schoolYear: string;
    actor: Actor;
    orientations?: { on: LocalDate; priorities: Array<{ code: OrientationCriterion; weight: number; label?: string }> };
    meetingId: string;
    date: LocalDate;
    members: Array<{ institution: CommitteeInstitution; name?: string; role?: string }>;
    agenda: string[];
    minutes?: { on: LocalDate; text: string };
  },
): void {
  const ref = { cafCode: m.cafCode, schoolYear: m.schoolYear as SchoolYear };
  if (m.orientations) {
    plan.add({
      recordAt: later(m.orientations.on, 0, '10:30'),
      campaign: m.campaign,
      actor: m.actor,
      source: plan.command('SetCommitteeOrientations', parisInstant(m.orientations.on, '10:00'), {
        ...ref,
        orientations: m.orientations.priorities,
      }),
    });
  }
  plan.add({
    recordAt: later(m.date, 0, '12:30'),
    campaign: m.campaign,
    actor: m.actor,
    source: plan.command('HoldCommitteeMeeting', parisInstant(m.date, '12:00'), {
      ...ref,
      meetingId: m.meetingId,
      date: m.date,
      members: m.members,
      agenda: m.agenda,
    }),
  });
  if (m.minutes) {
    plan.add({
      recordAt: later(m.minutes.on, 0, '09:30'),
      campaign: m.campaign,
      actor: m.actor,
      source: plan.command('RecordMeetingMinutes', parisInstant(m.minutes.on, '09:00'), {
        ...ref,
        meetingId: m.meetingId,
        minutes: m.minutes.text,
      }),
    });
  }
}

/** Filing, examination and the committee's approval (steps 4–6). */
export function writeApproval(
  plan: SeasonPlan,
  p: ProjectFacts,
  a: {
    content: ApplicationContent;
    filedOn: LocalDate;
    examinedOn: LocalDate;
    decidedOn: LocalDate;
    /** R-COMMITTEE-MEETING: the meeting (writeCommitteeMeeting) the decision is taken in, held on decidedOn. */
    meetingId: string;
    approvedRefs: string[];
    bonuses: { enfants: number | null; parents: number | null };
    agent: Actor;
    committee: Actor;
    renewalOf?: string;
    /** R-BUDGET-ENVELOPE: the committee approves beyond the Caf's envelope, with this reason. */
    envelopeOverride?: { reason: string };
  },
): string {
  writeFiling(plan, p, a);
  plan.add({
    recordAt: later(a.examinedOn, 0, '09:10'),
    campaign: p.campaign,
    actor: a.agent,
    source: plan.command('OpenExamination', parisInstant(a.examinedOn, '09:00'), { projectId: p.projectId }),
  });
  const decisionId = `dec-${p.projectId}`;
  plan.add({
    recordAt: later(a.decidedOn, 0, '17:30'),
    campaign: p.campaign,
    actor: a.committee,
    source: plan.command('RecordCommitteeDecision', parisInstant(a.decidedOn, '14:00'), {
      projectId: p.projectId,
      decisionId,
      meetingId: a.meetingId,
      effectiveDate: a.decidedOn,
      decision: {
        outcome: 'approved',
        approvedCollectifs: a.approvedRefs.length,
        approvedCollectifRefs: a.approvedRefs,
        bonusesGranted: {
          enfants: a.bonuses.enfants === null ? null : { collectifs: a.bonuses.enfants },
          parents: a.bonuses.parents === null ? null : { collectifs: a.bonuses.parents },
        },
        forecastOperatingCost: a.content.budget.totalOperatingCost,
      },
      ...(a.envelopeOverride ? { envelopeOverride: a.envelopeOverride } : {}),
    }),
  });
  return decisionId;
}

/** R-PS-PAYMENTS: an advance of `share` of the PS payable at that date, computed by the queries. */
export function writeAdvance(plan: SeasonPlan, p: ProjectFacts, agent: Actor, on: LocalDate, share: number): void {
  plan.add({
    recordAt: later(on, 0, '11:00'),
    campaign: p.campaign,
    actor: agent,
    source: async ({ queries, now }) => {
      const ps = await queries.payablePs(p.projectId, { at: now, knownAt: now });
      if (ps.kind !== 'found' || ps.value.payable <= 0) return null;
      return plan.command('PayAdvance', now, {
        projectId: p.projectId,
        paymentId: `${p.projectId}-advance`,
        amount: Math.round(ps.value.payable * share),
      });
    },
  });
}

/**
 * R-NOTIFY: the Caf sends a decision letter (by email, to the operator's opaque recipient id)
 * and records it with the hash of the PDF as the API renders it then.
 */
export function writeLetterSent(plan: SeasonPlan, p: ProjectFacts, agent: Actor, on: LocalDate, letterId: string): void {
  plan.add({
    recordAt: later(on, 0, '11:40'),
    campaign: p.campaign,
    actor: agent,
    source: async ({ queries, now }) => {
      const letter = await queries.letter(p.projectId, letterId);
      // A letter the season sends exists by construction: its absence is a bug of the season, not a day without mail.
      if (letter.kind !== 'found') throw new Error(`season bug: ${p.projectId} has no letter ${letterId} on ${now}`);
      return plan.command('RecordNotificationSent', now, {
        projectId: p.projectId,
        letterId,
        channel: 'email',
        recipientId: `rcpt-${p.operatorId}`,
        documentHash: letter.value.documentHash,
      });
    },
  });
}

/** R-AGREEMENT-ANNUAL: the operator signs the annual agreement drawn from its approval (the hash of the PDF signed). */
export function writeAgreementSigned(plan: SeasonPlan, p: ProjectFacts, on: LocalDate): void {
  plan.add({
    recordAt: later(on, 0, '16:10'),
    campaign: p.campaign,
    actor: operatorUser(p.operatorId),
    source: async ({ queries, now }) => {
      const agreement = await queries.agreement(p.projectId);
      if (agreement.kind !== 'found') throw new Error(`season bug: ${p.projectId} has no approval to sign an agreement on (${now})`);
      return plan.command('RecordAgreementSigned', now, {
        projectId: p.projectId,
        signatoryRole: 'president',
        documentHash: agreement.value.documentHash,
      });
    },
  });
}

/** Step 11: once the bilan is validated, the balance due, or the amount overpaid is recovered. */
export function writeSettlement(plan: SeasonPlan, p: ProjectFacts, agent: Actor, on: LocalDate): void {
  plan.add({
    recordAt: later(on, 0, '11:00'),
    campaign: p.campaign,
    actor: agent,
    source: async ({ queries, now }) => {
      const ps = await queries.payablePs(p.projectId, { at: now, knownAt: now });
      if (ps.kind !== 'found') return null;
      if (ps.value.due > 0)
        return plan.command('PayBalance', now, { projectId: p.projectId, paymentId: `${p.projectId}-balance`, amount: ps.value.due });
      if (ps.value.toRecover > 0) {
        return plan.command('IssueRecovery', now, {
          projectId: p.projectId,
          recoveryId: `${p.projectId}-recovery`,
          amount: ps.value.toRecover,
          reason: 'the advance exceeds the PS computed on the validated bilan (a collectif did not run in compliance)',
        });
      }
      return null;
    },
  });
}

/** Step 10: the operator files its bilan (figures counted from its year), the Caf validates it. */
export function writeBilan(
  plan: SeasonPlan,
  p: ProjectFacts,
  b: {
    stats: CollectifStats[];
    parentsReached: number;
    actualTotalCost: number;
    coFunders: CoFunder[];
    otherCafFunding: number;
    filedOn: LocalDate;
    validatedOn: LocalDate;
    agent: Actor;
    summary: string;
  },
): void {
  const bilanId = `bilan-${p.projectId}`;
  const sum = (f: (s: CollectifStats) => number) => b.stats.reduce((n, s) => n + f(s), 0);
  const enrolled = (level: CollectifLevel) => sum((s) => s.childrenByLevel[level]);
  plan.add({
    recordAt: later(b.filedOn, 0, '15:00'),
    campaign: p.campaign,
    actor: operatorUser(p.operatorId),
    source: async ({ queries, now }) => {
      const ps = await queries.payablePs(p.projectId, { at: now, knownAt: now });
      return plan.command('FileBilan', parisInstant(b.filedOn, '14:45'), {
        projectId: p.projectId,
        bilanId,
        quantitative: {
          collectifsRun: b.stats.filter((s) => s.sessions > 0).length,
          childrenEnrolled: { primary: enrolled('primary'), college: enrolled('college'), lycee: enrolled('lycee') },
          arrivals: sum((s) => s.arrivals),
          departures: sum((s) => s.departures),
          sessionsHeld: sum((s) => s.sessions),
          minutesHeld: sum((s) => s.minutes),
          weeksOfActivity: Math.max(0, ...b.stats.map((s) => s.weeks)),
          attendance: { present: sum((s) => s.present), expected: sum((s) => s.expected) },
          parentsReached: b.parentsReached,
        },
        qualitative: {
          summary: b.summary,
          objectives: (['E1', 'E5', 'P1', 'P2', 'S3', 'T1'] as const).map((code) => ({
            code,
            assessment: `${OBJECTIVE_TEXT[code]} : atteint`,
          })),
        },
        financial: {
          actualTotalCost: b.actualTotalCost,
          coFunders: b.coFunders,
          cafAmountsReceived: ps.kind === 'found' ? ps.value.paid : 0,
          otherCafFunding: b.otherCafFunding,
        },
      });
    },
  });
  plan.add({
    recordAt: later(b.validatedOn, 0, '10:00'),
    campaign: p.campaign,
    actor: b.agent,
    source: plan.command('ValidateBilan', parisInstant(b.validatedOn, '09:45'), { projectId: p.projectId, bilanId }),
  });
}
