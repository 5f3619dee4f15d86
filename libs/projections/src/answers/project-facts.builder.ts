import type {
  ActualCollectif,
  BilanFiledFact,
  ActualProjectFacts,
  CampaignParameters,
  ChildFact,
  CofundingFacts,
  CollectifSessionFact,
  CommonProjectFacts,
  EnrolmentInterval,
  LocalDate,
  ObjectiveCode,
  PaymentFact,
  PlannedProjectFacts,
  SchoolLevel,
  Sourced,
  StaffAssignment,
  StaffMemberFact,
} from '@clas/domain';
import { addDays, collectifLevelOf, forecastPs, PARENT_OBJECTIVES, SCHOOL_LEVELS, schoolYearOf, sourced } from '@clas/domain';
import type { OperatorFoldState } from '../folds/operator.fold.js';
import type { BilanState, CollectifState, ProjectFoldState, SessionState } from '../folds/project-state.js';

/**
 * From fold states to the rules' facts (rules/facts). Each fact keeps the ids of the events it
 * was folded from (R-PS-EXPLAIN). Facts the catalogue does not carry as such are derived as
 * documented in `PLANNED_FACT_ASSUMPTIONS`, and every answer repeats those notes.
 */

/** Where a planned fact comes from when the application has no field of its own for it. */
export const PLANNED_FACT_ASSUMPTIONS: readonly string[] = [
  'R-ELIG-PUBLIC (planned): school levels are those of the planned collectifs; orientation with the school and the parents is read from objective S2 of the application',
  "R-ELIG-CHARTER: adherence to the 2001 charter is the operator's signed laïcité charter declaration",
  "R-ELIG-STAFF (planned): the application has no staffing per collectif; the campaign's staff per collectif is taken as planned",
  'R-ELIG-TRAINING (planned): filing under a campaign that requires the training is taken as the commitment to it',
];

const levelsOfCollectifLevel = (level: string): SchoolLevel[] => SCHOOL_LEVELS.filter((l) => collectifLevelOf(l) === level);

/** Sessions the children attend (parent-only meetings are not part of the rhythm, R-PS-WEEK). */
const isChildrenSession = (s: SessionState): boolean => s.kind !== 'parents';

export function sortedCollectifs(project: ProjectFoldState): CollectifState[] {
  return Object.keys(project.collectifs)
    .sort()
    .map((id) => project.collectifs[id]);
}

/** The current bilan: the latest filed one, unless it was returned for correction. */
export function currentBilan(project: ProjectFoldState): BilanState | null {
  const last = project.bilans[project.bilans.length - 1];
  return last && last.status !== 'returned' ? last : null;
}

export function paymentFacts(project: ProjectFoldState): PaymentFact[] {
  return project.payments.map((p) => ({ paymentId: p.paymentId, date: p.date, amount: p.amount, kind: p.kind, eventIds: [p.eventId] }));
}

export function enrolmentIntervals(collectif: CollectifState): EnrolmentInterval[] {
  const intervals: EnrolmentInterval[] = [];
  for (const child of collectif.children) {
    for (const e of child.enrolments) {
      intervals.push({
        childId: child.childId,
        from: e.enrolledOn,
        // The fold keeps the first day absent (exclusive); the rules want the last day enrolled.
        to: e.leftOn === null ? null : addDays(e.leftOn, -1),
        needsReinforcedAttention: child.disabilityNeeds,
        eventIds: e.eventIds,
      });
    }
  }
  return intervals;
}

/**
 * Inside `withSharedFacts`, a collectif's actual facts are built once and shared by every answer
 * of the scope (eligibility and payable PS read the same collectifs), so the rules' per-facts
 * memo (weeks of activity) hits. Only for a synchronous scope over states nobody evolves meanwhile.
 */
let sharedActualCollectifs: WeakMap<CollectifState, ActualCollectif> | null = null;

export function withSharedFacts<T>(work: () => T): T {
  const previous = sharedActualCollectifs;
  sharedActualCollectifs = new WeakMap();
  try {
    return work();
  } finally {
    sharedActualCollectifs = previous;
  }
}

export function actualCollectif(collectif: CollectifState): ActualCollectif {
  const shared = sharedActualCollectifs?.get(collectif);
  if (shared !== undefined) return shared;
  const built = buildActualCollectif(collectif);
  sharedActualCollectifs?.set(collectif, built);
  return built;
}

function buildActualCollectif(collectif: CollectifState): ActualCollectif {
  const sessions: CollectifSessionFact[] = collectif.sessions
    .filter(isChildrenSession)
    .map((s) => ({ date: s.date, minutes: s.minutes, cancelled: s.cancelled, activities: s.activityTypes, eventIds: s.eventIds }));
  const staffAssignments: StaffAssignment[] = collectif.staff.flatMap((m) =>
    m.assignments.map((a) => ({
      staffId: m.staffId,
      from: a.assignedOn,
      to: a.unassignedOn === null ? null : addDays(a.unassignedOn, -1),
      eventIds: a.eventIds,
    })),
  );
  return {
    collectifId: collectif.collectifId,
    ...(collectif.opened ? { rural: collectif.opened.rural } : {}),
    sessions,
    enrolments: enrolmentIntervals(collectif),
    staffAssignments,
  };
}

/** The project's staff over its collectifs, once per person (facts of the latest assignment). */
function staffFacts(project: ProjectFoldState): Sourced<StaffMemberFact>[] | null {
  const byId = new Map<string, Sourced<StaffMemberFact>>();
  for (const c of sortedCollectifs(project)) {
    for (const m of c.staff) {
      const previous = byId.get(m.staffId);
      byId.set(
        m.staffId,
        sourced(
          {
            staffId: m.staffId,
            isNew: m.isNew,
            criminalRecordCheckedOn: m.criminalRecordCheckDate,
            fondamentauxTrainingOn: m.trainingAttendedDate ?? previous?.value.fondamentauxTrainingOn ?? null,
          },
          [...new Set([...(previous?.eventIds ?? []), ...m.eventIds])],
        ),
      );
    }
  }
  return byId.size === 0 ? null : [...byId.values()];
}

function common(
  project: ProjectFoldState,
  operator: OperatorFoldState | null,
  asOf: LocalDate,
): Omit<CommonProjectFacts, 'objectives' | 'cofunding'> {
  const app = project.application;
  const appIds = app ? [app.eventId] : [];
  const charter = operator?.declarations.laicite_charter ?? null;
  const insurance = operator?.declarations.insurance ?? null;
  const coordinator = operator?.coordinator ?? null;
  return {
    projectId: project.projectId,
    schoolYear: project.ref?.schoolYear ?? schoolYearOf(asOf),
    asOf,
    rural: sourced(app?.content.territory.rural ?? false, appIds),
    familyFeePerChildPerYear: app ? sourced(app.content.budget.familyFeePerChild, appIds) : null,
    charterCommitment: charter && charter.documentDate <= asOf ? sourced(true, [charter.eventId]) : null,
    coordinator: coordinator
      ? sourced(
          {
            personId: coordinator.personId,
            levelYearsAfterBac: coordinator.qualificationLevel,
            animationOrEducationExperience: coordinator.hasRelevantExperience,
          },
          [coordinator.eventId],
        )
      : null,
    operator: {
      insurance: insurance ? sourced({ declaredOn: insurance.documentDate, validUntil: insurance.expiresOn }, [insurance.eventId]) : null,
      laiciteCharterSignedOn: charter ? sourced(charter.documentDate, [charter.eventId]) : null,
    },
    staff: staffFacts(project),
  };
}

/** R-ELIG-COFUNDING (planned): the Caf lines the decision (or, before it, the application) implies, before R-PS-80. */
function plannedCofunding(project: ProjectFoldState, params: CampaignParameters): CofundingFacts | null {
  const app = project.application;
  if (!app) return null;
  const approval = project.decision?.approval ?? null;
  const ids = approval && project.decision ? [app.eventId, ...project.decision.eventIds] : [app.eventId];
  const n = approval?.approvedCollectifs ?? app.content.collectifs.length;
  const cost = approval?.forecastOperatingCost ?? app.content.budget.totalOperatingCost;
  const bonusOn = (granted: { collectifs: number } | null | undefined, requested: unknown) =>
    approval ? (granted?.collectifs ?? 0) : requested ? n : 0;
  const statement = forecastPs({
    parameters: params,
    approvedCollectifs: sourced(n, ids),
    plannedTotalCost: sourced(cost, ids),
    bonusEnfantsCollectifs: sourced(bonusOn(approval?.bonusesGranted.enfants, app.content.bonusRequests.enfants), ids),
    bonusParentsCollectifs: sourced(bonusOn(approval?.bonusesGranted.parents, app.content.bonusRequests.parents), ids),
    otherCafFunding: sourced(app.content.budget.otherCafFunding, [app.eventId]),
  });
  // The Caf pays the PS and bonuses only after the R-PS-80 reduction, so that is the Caf funding
  // R-ELIG-COFUNDING must weigh: the rule fails only when other Caf funding alone exceeds 80 %
  // (worked example 2: 1 304 € reduced to 900 € + 1 500 € = 2 400 € = 80 % of 3 000 € → met).
  return {
    totalCost: sourced(cost, ids),
    cafFunding: [
      sourced({ label: 'PS Clas and bonuses after the 80 % reduction (R-PS-80)', amount: statement.payable }, ids),
      sourced({ label: 'other Caf funding', amount: app.content.budget.otherCafFunding }, [app.eventId]),
    ],
  };
}

export function plannedProjectFacts(
  project: ProjectFoldState,
  operator: OperatorFoldState | null,
  params: CampaignParameters,
  asOf: LocalDate,
): PlannedProjectFacts {
  const app = project.application;
  const ids = app ? [app.eventId] : [];
  const objectives: Partial<Record<ObjectiveCode, Sourced<string>>> = {};
  for (const o of app?.content.objectives ?? []) objectives[o.code] = sourced(o.description, ids);
  const s2 = objectives.S2 ?? null;
  const orientation = s2 !== null && s2.value.trim() !== '';
  return {
    ...common(project, operator, asOf),
    basis: 'planned',
    objectives,
    cofunding: plannedCofunding(project, params),
    targetPublic: app
      ? sourced(
          {
            schoolLevels: [...new Set(app.content.collectifs.flatMap((c) => levelsOfCollectifLevel(c.level)))],
            orientedWithParentsAgreement: orientation,
            needIdentifiedWithSchool: orientation,
            orientationRecorded: orientation,
          },
          ids,
        )
      : null,
    collectifs: app
      ? app.content.collectifs.map((c) =>
          sourced(
            {
              label: c.ref,
              plannedChildren: c.plannedChildren,
              plannedStaff: params.staff.perCollectif,
              includesChildNeedingReinforcedAttention: c.disabilityNeeds,
              rural: c.rural,
            },
            ids,
          ),
        )
      : null,
    rhythm: app
      ? sourced(
          {
            weeklySessionMinutes: app.content.schedule.filter((s) => s.kind !== 'parents').map((s) => s.minutes),
            weeks: app.content.plannedWeeks,
            oneOff: app.content.plannedWeeks <= 1,
          },
          ids,
        )
      : null,
    activities: app ? sourced(app.content.activityTypes, ids) : null,
    trainingCommitment: app ? sourced(true, ids) : null,
  };
}

/** What was carried out, per objective (R-ELIG-AXES on actual facts). */
function actualObjectives(project: ProjectFoldState): Partial<Record<ObjectiveCode, Sourced<string>>> {
  const objectives: Partial<Record<ObjectiveCode, Sourced<string>>> = {};
  const app = project.application;
  const collectifs = sortedCollectifs(project);
  const firstHeld = collectifs.flatMap((c) => c.sessions.filter((s) => !s.cancelled && isChildrenSession(s))).slice(0, 1);
  // E1–E4 are carried out through the sessions themselves: stated in the application, and sessions held.
  if (app && firstHeld.length) {
    for (const o of app.content.objectives) {
      if (o.code === 'E1' || o.code === 'E2' || o.code === 'E3' || o.code === 'E4')
        objectives[o.code] = sourced(`${o.description} (sessions held)`, [app.eventId, ...firstHeld[0].eventIds]);
    }
  }
  const attendance = collectifs.flatMap((c) => c.attendance);
  if (attendance.length) objectives.E5 = sourced(`attendance recorded for ${attendance.length} session(s)`, attendance[0].eventIds);
  for (const objective of PARENT_OBJECTIVES) {
    const actions = project.parentActions.filter((a) => a.objective === objective);
    if (actions.length) {
      const parents = actions.reduce((n, a) => n + a.parentsReached, 0);
      objectives[objective] = sourced(
        `${actions.length} parent action(s), ${parents} parent(s) reached`,
        actions.map((a) => a.eventId),
      );
    }
  }
  for (const objective of ['S1', 'S2'] as const) {
    const held = project.concertations.filter((c) => c.objective === objective);
    if (held.length)
      objectives[objective] = sourced(
        `${held.length} concertation(s) with the schools`,
        held.map((c) => c.eventId),
      );
  }
  const s3 = project.concertations.filter((c) => c.objective === 'S3');
  const before = s3.filter((c) => c.moment === 'before_start');
  const atBilan = s3.filter((c) => c.moment === 'at_bilan');
  // S3 asks for a concertation before the start AND one at the bilan: one without the other is not done yet.
  if (before.length && atBilan.length)
    objectives.S3 = sourced(
      'concertation before the start and at the bilan',
      [...before, ...atBilan].map((c) => c.eventId),
    );
  if (project.partnerRelations.length) {
    objectives.T1 = sourced(
      `${project.partnerRelations.length} partner relation(s)`,
      project.partnerRelations.map((p) => p.eventId),
    );
  }
  return objectives;
}

export function actualProjectFacts(project: ProjectFoldState, operator: OperatorFoldState | null, asOf: LocalDate): ActualProjectFacts {
  const collectifs = sortedCollectifs(project);
  const children = new Map<string, Sourced<ChildFact>>();
  for (const c of collectifs) {
    for (const child of c.children) {
      children.set(
        child.childId,
        sourced(
          {
            childId: child.childId,
            schoolLevel: child.schoolLevel,
            orientedBy: child.orientedBy,
            parentalConsent: child.parentalConsentDate <= asOf,
          },
          child.enrolments.flatMap((e) => e.eventIds),
        ),
      );
    }
  }
  const bilan = currentBilan(project);
  return {
    ...common(project, operator, asOf),
    basis: 'actual',
    objectives: actualObjectives(project),
    cofunding: bilan
      ? {
          totalCost: sourced(bilan.financial.actualTotalCost, bilan.eventIds),
          cafFunding: [sourced({ label: 'Caf amounts received', amount: bilan.financial.cafAmountsReceived }, bilan.eventIds)],
        }
      : null,
    children: [...children.values()],
    collectifs: collectifs.map(actualCollectif),
  };
}

/**
 * R-BILAN-1 parts as the rules read them (convention continuation, R-BILAN-DUE): one BilanFiled
 * covers the three parts, assessed by the Caf's validation or return.
 */
export function bilanFiledFacts(projects: readonly ProjectFoldState[]): Sourced<BilanFiledFact>[] {
  const out: Sourced<BilanFiledFact>[] = [];
  for (const p of projects) {
    if (!p.ref) continue;
    for (const b of p.bilans) {
      const assessment = b.status === 'validated' ? 'compliant' : b.status === 'returned' ? 'non_compliant' : 'pending';
      for (const kind of ['qualitative', 'quantitative', 'financial'] as const) {
        out.push(sourced({ projectId: p.projectId, schoolYear: p.ref.schoolYear, kind, filedOn: b.filedOn, assessment }, b.eventIds));
      }
    }
  }
  return out;
}
