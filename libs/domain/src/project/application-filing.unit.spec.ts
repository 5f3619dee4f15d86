import { describe, it, expect } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import type { ApplicationFiledData } from '../events/project.events.js';
import { PREVIOUS_YEAR, audeCampaign, d, paris, plainCampaign } from '../testing/fixtures.js';
import { PROJECT, applicationContent, drafted, filed } from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { ProjectCommand } from './project.commands.js';
import type { PreviousProjectFacts, ProjectContext } from './project.context.js';
import { projectDecider } from './project.decider.js';

const spec = specification(projectDecider);
const campaign = { campaign: audeCampaign() } satisfies ProjectContext;

const fileNew = (occurredAt: string, content = applicationContent()): ProjectCommand => ({
  type: 'FileApplication',
  commandId: 'file-1',
  occurredAt,
  data: { ...PROJECT, applicationKind: 'new', content },
});

const previousProject = (overrides: Partial<PreviousProjectFacts> = {}): PreviousProjectFacts => ({
  projectId: 'prj-0',
  operatorId: PROJECT.operatorId,
  cafCode: PROJECT.cafCode,
  schoolYear: PREVIOUS_YEAR,
  content: applicationContent({ plannedPeriod: { from: d('2025-11-03'), to: d('2026-06-12') } }),
  approved: true,
  ...overrides,
});

const shortRenewal = (occurredAt: string, collectifs = applicationContent().collectifs): ProjectCommand => ({
  type: 'FileShortRenewal',
  commandId: 'renew-1',
  occurredAt,
  data: {
    ...PROJECT,
    previousProjectId: 'prj-0',
    collectifs,
    budget: applicationContent().budget,
    plannedPeriod: { from: d('2026-11-02'), to: d('2027-06-15') },
  },
});

describe('filing an application', () => {
  it('a complete application filed before the deadline is recorded with its full content and the deadline applied', () => {
    spec
      .given([])
      .when(fileNew(paris('2026-07-01')), campaign)
      .then([
        makeEvent(
          'ApplicationFiled',
          {
            ...PROJECT,
            applicationKind: 'new',
            renewalOf: null,
            content: applicationContent(),
            filedOn: d('2026-07-01'),
            deadline: d('2026-08-05'),
            warnings: [],
          },
          paris('2026-07-01'),
        ),
      ]);
  });

  it('R-LIFE-1: an application filed after the campaign deadline is rejected and nothing is recorded', () => {
    const rejection = spec
      .given([])
      .when(fileNew(paris('2026-08-20')), campaign)
      .thenRejected('FILED_AFTER_DEADLINE', 'R-LIFE-1');
    expect(rejection.details).toEqual({ filedOn: '2026-08-20', deadline: '2026-08-05', kind: 'new application' });
  });

  it('R-LIFE-RECEIPT: a filing declared before the deadline but received after it is rejected on the reception day', () => {
    const rejection = spec
      .given([])
      .receivedAt(paris('2026-08-20'))
      .when(fileNew(paris('2026-08-01')), campaign)
      .thenRejected('FILED_AFTER_DEADLINE', 'R-LIFE-1');
    expect(rejection.details).toEqual({ filedOn: '2026-08-20', deadline: '2026-08-05', kind: 'new application' });
  });

  it('R-LIFE-RECEIPT: received on the deadline day, it is receivable; filedOn is the reception day, occurredAt keeps the declared instant', () => {
    const [event] = spec
      .given([])
      .receivedAt('2026-08-05T21:30:00Z')
      .when(fileNew(paris('2026-07-20')), campaign)
      .thenAccepted();
    expect((event.data as ApplicationFiledData).filedOn).toBe('2026-08-05');
    expect(event.occurredAt).toBe(paris('2026-07-20'));
  });

  it('R-LIFE-1: no application without an open campaign for the Caf and year', () => {
    spec
      .given([])
      .when(fileNew(paris('2026-07-01')), { campaign: null })
      .thenRejected('CAMPAIGN_NOT_OPEN', 'R-LIFE-1');
  });

  it('R-LIFE-DATES: 23:30 in Paris on the deadline day is receivable (summer time: 21:30 UTC)', () => {
    const [event] = spec.given([]).when(fileNew('2026-08-05T21:30:00Z'), campaign).thenAccepted();
    expect((event.data as ApplicationFiledData).filedOn).toBe('2026-08-05');
  });

  it('R-LIFE-DATES: 00:10 in Paris the day after is not, although it is still the deadline day in UTC', () => {
    spec.given([]).when(fileNew('2026-08-05T22:10:00Z'), campaign).thenRejected('FILED_AFTER_DEADLINE', 'R-LIFE-1');
  });

  it('R-LIFE-DATES: in winter Paris is UTC+1, and the same boundary moves by an hour', () => {
    const winter = { campaign: audeCampaign({ deadlines: { newApplication: d('2026-12-15'), renewal: d('2026-12-15') } }) };
    spec.given([]).when(fileNew('2026-12-15T22:30:00Z'), winter).thenAccepted();
    spec.given([]).when(fileNew('2026-12-15T23:10:00Z'), winter).thenRejected('FILED_AFTER_DEADLINE', 'R-LIFE-1');
  });

  it('R-LIFE-3: a project mixing a primary and a collège collectif is rejected (two projects, one per cycle)', () => {
    const content = applicationContent();
    content.collectifs[1] = { ...content.collectifs[1], level: 'college' };
    const rejection = spec
      .given([])
      .when(fileNew(paris('2026-07-01'), content), campaign)
      .thenRejected('TWO_CYCLES_IN_ONE_PROJECT', 'R-LIFE-3');
    expect(rejection.details).toMatchObject({ collectifRef: 'c2', level: 'college', schoolCycle: 'primary' });
  });

  it('R-LIFE-3: a project drafted for the secondary cycle cannot be filed for the primary cycle', () => {
    spec
      .given([drafted('secondary')])
      .when(fileNew(paris('2026-07-01')), campaign)
      .thenRejected('PROJECT_CYCLE_MISMATCH', 'R-LIFE-3');
  });

  it('R-LIFE: filing the same project twice is rejected', () => {
    spec
      .given([filed()])
      .when(fileNew(paris('2026-07-01')), campaign)
      .thenRejected('APPLICATION_ALREADY_FILED', 'R-LIFE');
  });

  it('R-LIFE-5: a planned period starting before the Toussaint holidays is accepted with a warning, not refused', () => {
    const content = applicationContent({ plannedPeriod: { from: d('2026-09-14'), to: d('2027-06-15') } });
    const [event] = spec
      .given([])
      .when(fileNew(paris('2026-07-01'), content), campaign)
      .thenAccepted();
    expect((event.data as ApplicationFiledData).warnings).toEqual([
      expect.objectContaining({
        ruleId: 'R-LIFE-5',
        code: 'OUTSIDE_RECOMMENDED_PERIOD',
        details: expect.objectContaining({ from: '2026-09-14' }),
      }),
    ]);
  });

  it('R-ELIG-NO-SPORT: a programme with sport is rejected when the campaign excludes sport, accepted otherwise', () => {
    const content = applicationContent({ activityTypes: ['methodology', 'sport'] });
    spec
      .given([])
      .when(fileNew(paris('2026-07-01'), content), campaign)
      .thenRejected('SPORT_EXCLUDED', 'R-ELIG-NO-SPORT');
    spec
      .given([])
      .when(fileNew(paris('2026-07-01'), content), { campaign: plainCampaign() })
      .thenAccepted();
  });

  it('R-ELIG-NOT-HOMEWORK: a homework-only programme is recorded with a warning for eligibility to weigh', () => {
    const [event] = spec
      .given([])
      .when(fileNew(paris('2026-07-01'), applicationContent({ activityTypes: ['homework_help'] })), campaign)
      .thenAccepted();
    expect((event.data as ApplicationFiledData).warnings.map((w) => w.ruleId)).toEqual(['R-ELIG-NOT-HOMEWORK']);
  });

  it('R-PS-BONUS: a bonus request without any criterion is rejected at filing', () => {
    const content = applicationContent({
      bonusRequests: { enfants: { filRouge: 'theatre', criteria: [], justification: '' }, parents: null },
    });
    const rejection = spec
      .given([])
      .when(fileNew(paris('2026-07-01'), content), campaign)
      .thenRejected('BONUS_REQUEST_INCOMPLETE', 'R-PS-BONUS');
    expect(rejection.details.field).toBe('bonusRequests.enfants');
  });

  it('R-INPUT: a period outside the school year is rejected and names the field (shapes: project.schemas.unit.spec)', () => {
    const content = applicationContent({ plannedPeriod: { from: d('2026-11-02'), to: d('2027-09-15') } });
    const rejection = spec
      .given([])
      .when(fileNew(paris('2026-07-01'), content), campaign)
      .thenRejected('INVALID_INPUT', 'R-INPUT');
    expect(rejection.details.field).toBe('content.plannedPeriod');
  });

  it('R-INPUT: a command without a zoned instant is rejected', () => {
    spec.given([]).receivedAt(paris('2026-07-01')).when(fileNew('2026-07-01 10:00'), campaign).thenRejected('INVALID_INPUT', 'R-INPUT');
  });
});

describe('renewals', () => {
  it('R-LIFE-4: a short renewal at the same places with one collectif fewer is accepted with the rest carried over', () => {
    const [first] = applicationContent().collectifs;
    const [event] = spec
      .given([])
      .when(shortRenewal(paris('2026-06-20'), [first]), { ...campaign, previousProject: previousProject() })
      .thenAccepted();
    const data = event.data as ApplicationFiledData;
    expect(data.applicationKind).toBe('renewal');
    expect(data.renewalOf).toEqual({
      previousProjectId: 'prj-0',
      previousSchoolYear: '2025-2026',
      short: true,
      changedFields: ['collectifs', 'plannedPeriod'],
    });
    expect(data.deadline).toBe('2026-06-28');
    expect(data.content.collectifs).toEqual([first]);
    expect(data.content.objectives).toHaveLength(14);
    expect(data.content.bonusRequests).toEqual(applicationContent().bonusRequests);
  });

  it('R-LIFE-4: a short renewal at a new place is rejected (a full application is needed)', () => {
    const moved = [{ ...applicationContent().collectifs[0], place: { name: 'Salle des fêtes', commune: 'Trèbes' } }];
    spec
      .given([])
      .when(shortRenewal(paris('2026-06-20'), moved), { ...campaign, previousProject: previousProject() })
      .thenRejected('SHORT_RENEWAL_NOT_IDENTICAL', 'R-LIFE-4');
  });

  it('R-LIFE-4 / R-LIFE-1: a short renewal answers the renewal deadline, earlier than the new-application one', () => {
    spec
      .given([])
      .when(shortRenewal(paris('2026-07-01')), { ...campaign, previousProject: previousProject() })
      .thenRejected('FILED_AFTER_DEADLINE', 'R-LIFE-1');
  });

  it('R-LIFE-RECEIPT: a short renewal declared before the renewal deadline but received after it is rejected', () => {
    const rejection = spec
      .given([])
      .receivedAt(paris('2026-06-29'))
      .when(shortRenewal(paris('2026-06-20')), { ...campaign, previousProject: previousProject() })
      .thenRejected('FILED_AFTER_DEADLINE', 'R-LIFE-1');
    expect(rejection.details).toEqual({ filedOn: '2026-06-29', deadline: '2026-06-28', kind: 'renewal' });
  });

  it('R-LIFE-4: only an approved project of the same operator can be renewed', () => {
    spec
      .given([])
      .when(shortRenewal(paris('2026-06-20')), { ...campaign, previousProject: previousProject({ approved: false }) })
      .thenRejected('RENEWAL_OF_UNAPPROVED_PROJECT', 'R-LIFE-4');
    spec
      .given([])
      .when(shortRenewal(paris('2026-06-20')), { ...campaign, previousProject: previousProject({ operatorId: 'op-2' }) })
      .thenRejected('RENEWAL_OF_ANOTHER_OPERATORS_PROJECT', 'R-LIFE-4');
    spec
      .given([])
      .when(shortRenewal(paris('2026-06-20')), { ...campaign, previousProject: null })
      .thenRejected('RENEWAL_OF_UNKNOWN_PROJECT', 'R-LIFE-4');
  });

  it('R-LIFE-2: a renewal is not examined before the prior year qualitative bilan is received (campaign option on)', () => {
    const open: ProjectCommand = {
      type: 'OpenExamination',
      commandId: 'ex-1',
      occurredAt: paris('2026-09-01'),
      data: { projectId: PROJECT.projectId },
    };
    const renewal = filed(applicationContent(), 'renewal');
    spec
      .given([renewal])
      .when(open, { ...campaign, priorQualitativeBilanReceived: false })
      .thenRejected('PRIOR_BILAN_MISSING', 'R-LIFE-2');
    const [event] = spec
      .given([renewal])
      .when(open, { ...campaign, priorQualitativeBilanReceived: true })
      .thenAccepted();
    expect(event.data).toMatchObject({ priorQualitativeBilanReceived: true });
    spec.given([renewal]).when(open, { campaign: plainCampaign(), priorQualitativeBilanReceived: false }).thenAccepted();
  });

  it('a missing context fact is a wiring bug of the caller: it throws instead of rejecting', () => {
    expect(() => spec.given([]).when(fileNew(paris('2026-07-01')), {})).toThrow('context.campaign');
  });
});

describe('receivability and withdrawal', () => {
  it('R-LIFE-1: an agent records a late paper file as not receivable on an empty stream (the Caf keeps a trace)', () => {
    const declare: ProjectCommand = {
      type: 'DeclareNotReceivable',
      commandId: 'nr-1',
      occurredAt: paris('2026-08-10'),
      data: { ...PROJECT, reason: 'filed_after_deadline', ruleId: 'R-LIFE-1', explanation: 'file received by post on 2026-08-10' },
    };
    spec
      .given([])
      .when(declare)
      .then([
        makeEvent(
          'ApplicationFoundNotReceivable',
          {
            ...PROJECT,
            reason: 'filed_after_deadline',
            ruleId: 'R-LIFE-1',
            explanation: 'file received by post on 2026-08-10',
            declaredOn: d('2026-08-10'),
          },
          paris('2026-08-10'),
        ),
      ]);
  });

  it('R-LIFE: a withdrawn application cannot be examined', () => {
    const withdrawn = makeEvent(
      'ApplicationWithdrawn',
      { ...PROJECT, reason: 'no premises', withdrawnOn: d('2026-07-15') },
      paris('2026-07-15'),
    );
    const open: ProjectCommand = {
      type: 'OpenExamination',
      commandId: 'ex-1',
      occurredAt: paris('2026-09-01'),
      data: { projectId: PROJECT.projectId },
    };
    spec.given([filed(), withdrawn]).when(open, campaign).thenRejected('APPLICATION_CLOSED', 'R-LIFE');
  });
});
