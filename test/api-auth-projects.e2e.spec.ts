import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import type { ClasCommand, CommandBus } from '@clas/application';
import { localDate, schoolYear } from '@clas/domain';
import {
  actors,
  agreementSignature,
  approvedInMeeting,
  audeParameters,
  commands,
  meetingIdOf,
  content,
  nextCommandId,
  paris,
} from '@clas/application/testing';
import type { EventStore } from '@clas/event-store';
import { COMMAND_BUS } from '../apps/api/src/tokens.js';
import { type ApiHarness, startApi } from './support/api-harness.js';
import { bilanData } from './support/project-requests.js';
import {
  CAF_SIDE,
  type MatrixEndpoint,
  type MatrixRole,
  OPERATOR_SIDE,
  matrixCells,
  runCell,
  MATRIX_ACTORS,
} from './support/role-matrix.js';
import { seedSeason } from './support/season.seed.js';

/**
 * Issue 6: who may call each project route. OPERATOR_SIDE (the project's operator, or a Caf
 * agent of its Caf), CAF_SIDE (a Caf agent of its Caf), COMMITTEE (the committee of its Caf:
 * separation of duties, the agents who pay do not approve). Each cell works on its own project
 * prj-m<n> (op-1, Caf 11, 2026-2027), put in the state the route needs through the real bus.
 */
const COMMITTEE: Record<MatrixRole, number> = {
  agent: 403,
  agentElsewhere: 403,
  committee: 201,
  owner: 403,
  otherOperator: 403,
  auditor: 403,
  dashboard: 403,
  anonymous: 401,
};

const uuid = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const prj = (n: number) => `prj-m${n}`;
const ref = { operatorId: 'op-1', cafCode: '11', schoolYear: '2026-2027' };

/** Each state: the commands that lead to it (actor `system`), builders of @clas/application's test fixtures. */
const filed = (n: number): ClasCommand[] => [commands.fileApplication(prj(n))];
const underExamination = (n: number): ClasCommand[] => [...filed(n), commands.openExamination(prj(n))];
const approved = (n: number): ClasCommand[] => [...underExamination(n), ...approvedInMeeting(prj(n))];
const fileBilan = (n: number) =>
  ({
    type: 'FileBilan',
    commandId: nextCommandId('bilan'),
    occurredAt: paris('2027-07-01'),
    data: { projectId: prj(n), ...bilanData('bilan-1') },
  }) as ClasCommand;
const validateBilan = (n: number): ClasCommand => ({
  type: 'ValidateBilan',
  commandId: nextCommandId('validate'),
  occurredAt: paris('2027-07-10'),
  data: { projectId: prj(n), bilanId: 'bilan-1' },
});
const payAdvance = (n: number): ClasCommand => ({
  type: 'PayAdvance',
  commandId: nextCommandId('advance'),
  occurredAt: paris('2026-10-20'),
  data: { projectId: prj(n), paymentId: 'adv-1', amount: 300_000 },
});
const bilanFiled = (n: number): ClasCommand[] => [...approved(n), fileBilan(n)];
const paidAndValidated = (n: number): ClasCommand[] => [...approved(n), payAdvance(n), fileBilan(n), validateBilan(n)];
/** R-AGREEMENT-ANNUAL: the balance is paid under the signed annual agreement (signed once the approval is in). */
const balanceDue = (n: number) => [
  ...approved(n),
  (store: EventStore) => agreementSignature(store, prj(n), paris('2026-12-01')),
  fileBilan(n),
  validateBilan(n),
];

const post = (http: ApiHarness['http'], path: string, n: number, occurredAt: string, data?: Record<string, unknown>) =>
  request(http)
    .post(path)
    .send({ commandId: uuid(n), occurredAt, ...(data === undefined ? {} : { data }) });

const MATRIX: MatrixEndpoint[] = [
  {
    name: 'POST /projects (DraftProject)',
    call: (http, n) =>
      post(http, '/projects', n, paris('2026-06-01'), { projectId: prj(n), ...ref, title: 'Clas', schoolCycle: 'primary' }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/application',
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/application`, n, paris('2026-06-20'), { ...ref, applicationKind: 'new', content: content() }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/short-renewal (of prj-1, 2027-2028)',
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/short-renewal`, n, paris('2027-06-01'), {
        ...ref,
        schoolYear: '2027-2028',
        previousProjectId: 'prj-1',
        collectifs: content().collectifs,
        budget: content().budget,
        plannedPeriod: { from: '2027-11-02', to: '2028-06-15' },
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/not-receivable',
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/not-receivable`, n, paris('2026-08-12'), {
        ...ref,
        reason: 'filed_after_deadline',
        ruleId: 'R-LIFE-1',
        explanation: 'dossier papier reçu le 12 août',
      }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /projects/:id/withdrawal',
    setup: filed,
    call: (http, n) => post(http, `/projects/${prj(n)}/withdrawal`, n, paris('2026-07-01'), { reason: 'local indisponible' }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/examination',
    setup: filed,
    call: (http, n) => post(http, `/projects/${prj(n)}/examination`, n, paris('2026-09-01')),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /projects/:id/decision',
    setup: (n) => [...underExamination(n), commands.holdMeeting([prj(n)])],
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/decision`, n, paris('2026-10-05', '14:00'), {
        decisionId: `dec-${n}`,
        meetingId: meetingIdOf(prj(n)),
        effectiveDate: '2026-10-05',
        decision: {
          outcome: 'approved',
          approvedCollectifs: 2,
          bonusesGranted: { enfants: null, parents: null },
          forecastOperatingCost: 1_800_000,
        },
      }),
    expected: COMMITTEE,
  },
  {
    name: 'POST /projects/:id/decision/corrections',
    setup: approved,
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/decision/corrections`, n, paris('2026-11-10'), {
        decisionId: `dec-${prj(n)}`,
        reason: 'coût retenu mal saisi',
        changes: { forecastOperatingCost: 1_700_000 },
      }),
    expected: COMMITTEE,
  },
  {
    name: 'POST /projects/:id/parent-actions',
    setup: filed,
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/parent-actions`, n, paris('2026-11-20'), {
        actionId: 'pa-1',
        objective: 'P1',
        date: '2026-11-20',
        parentsReached: 9,
        description: 'réunion',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/school-concertations',
    setup: filed,
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/school-concertations`, n, paris('2026-10-01'), {
        concertationId: 'sc-1',
        objective: 'S3',
        moment: 'before_start',
        date: '2026-10-01',
        schools: ['École Jean-Jaurès'],
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/partner-relations',
    setup: filed,
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/partner-relations`, n, paris('2026-11-05'), {
        relationId: 'pr-1',
        partnerName: 'Médiathèque',
        partnerKind: 'library',
        date: '2026-11-05',
        description: 'prêt de salle',
      }),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/bilans',
    setup: approved,
    call: (http, n) => post(http, `/projects/${prj(n)}/bilans`, n, paris('2027-07-01'), bilanData('bilan-1')),
    expected: OPERATOR_SIDE,
  },
  {
    name: 'POST /projects/:id/bilans/validation',
    setup: bilanFiled,
    call: (http, n) => post(http, `/projects/${prj(n)}/bilans/validation`, n, paris('2027-07-10'), { bilanId: 'bilan-1' }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /projects/:id/bilans/return',
    setup: bilanFiled,
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/bilans/return`, n, paris('2027-07-10'), { bilanId: 'bilan-1', reasons: ['coût réel à justifier'] }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /projects/:id/payments/advance',
    setup: approved,
    call: (http, n) => post(http, `/projects/${prj(n)}/payments/advance`, n, paris('2026-10-20'), { paymentId: 'adv-1', amount: 300_000 }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /projects/:id/payments/balance',
    setup: balanceDue,
    call: (http, n) => post(http, `/projects/${prj(n)}/payments/balance`, n, paris('2027-07-20'), { paymentId: 'bal-1', amount: 329_380 }),
    expected: CAF_SIDE,
  },
  {
    name: 'POST /projects/:id/payments/recovery',
    setup: paidAndValidated,
    call: (http, n) =>
      post(http, `/projects/${prj(n)}/payments/recovery`, n, paris('2027-07-20'), {
        recoveryId: 'rec-1',
        amount: 10_000,
        reason: 'trop-perçu',
      }),
    expected: CAF_SIDE,
  },
];

describe('role × project endpoint matrix (issue 6)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    // The Aude 2026-2027 season with prj-1 approved (op-1), and the 2027-2028 call open for the short renewals.
    await seedSeason(api);
    const parameters = {
      ...audeParameters(),
      schoolYear: schoolYear('2027-2028'),
      deadlines: { newApplication: localDate('2027-08-06'), renewal: localDate('2027-06-29') },
    };
    const opened = await api.app.get<CommandBus>(COMMAND_BUS).execute({ command: commands.openCampaign(parameters), actor: actors.agent });
    if (!opened.ok) throw new Error(`opening 2027-2028 failed: ${JSON.stringify(opened)}`);
  });
  afterAll(() => api.close());

  it.each(matrixCells(MATRIX))('%s as %s → %i', (_, role, status, endpoint, n) => runCell(api, MATRIX_ACTORS, endpoint, role, n, status));
});
