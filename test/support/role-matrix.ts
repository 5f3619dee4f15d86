import { expect } from '@jest/globals';
import type request from 'supertest';
import type { Actor, ClasCommand, CommandBus } from '@clas/application';
import { COMMAND_BUS } from '../../apps/api/src/tokens.js';
import { actors } from '@clas/application/testing';
import type { EventStore } from '@clas/event-store';
import type { ApiHarness } from './api-harness.js';

/**
 * A table-driven role × endpoint matrix for command routes: each cell gets its own aggregate,
 * prepared in-process through the real bus (actor `system`), then one HTTP call as the cell's
 * role. 403 by role comes from the guard (COMMAND_ROLES), 403 by scope from the bus.
 */
export type MatrixRole = 'agent' | 'agentElsewhere' | 'committee' | 'owner' | 'otherOperator' | 'auditor' | 'dashboard' | 'anonymous';
export const MATRIX_ROLES: readonly MatrixRole[] = [
  'agent',
  'agentElsewhere',
  'committee',
  'owner',
  'otherOperator',
  'auditor',
  'dashboard',
  'anonymous',
];
/** Who plays each role of a matrix on the season fixtures: the owner is op-1's user, the other operator op-2's. */
export const MATRIX_ACTORS: Record<Exclude<MatrixRole, 'anonymous'>, Actor> = {
  agent: actors.agent,
  agentElsewhere: actors.agentElsewhere,
  committee: actors.committee,
  owner: actors.operator,
  otherOperator: actors.otherOperator,
  auditor: actors.auditor,
  dashboard: actors.dashboard,
};

/** COMMAND_ROLES OPERATOR_SIDE: the owning operator, or a Caf agent of its Caf. */
export const OPERATOR_SIDE: Record<MatrixRole, number> = {
  agent: 201,
  agentElsewhere: 403,
  committee: 403,
  owner: 201,
  otherOperator: 403,
  auditor: 403,
  dashboard: 403,
  anonymous: 401,
};
/** COMMAND_ROLES CAF_SIDE: a Caf agent of the aggregate's Caf only. */
export const CAF_SIDE: Record<MatrixRole, number> = {
  agent: 201,
  agentElsewhere: 403,
  committee: 403,
  owner: 403,
  otherOperator: 403,
  auditor: 403,
  dashboard: 403,
  anonymous: 401,
};

/** COMMAND_ROLES COMMITTEE_SECRETARIAT: the committee of the Caf, or a Caf agent of it as its secretariat. */
export const COMMITTEE_SECRETARIAT: Record<MatrixRole, number> = {
  agent: 201,
  agentElsewhere: 403,
  committee: 201,
  owner: 403,
  otherOperator: 403,
  auditor: 403,
  dashboard: 403,
  anonymous: 401,
};

export interface MatrixEndpoint {
  name: string;
  /**
   * Commands that put the cell's own aggregate in the state the route needs (n: unique per cell);
   * a function step builds its command from the store once the earlier ones are in (a document hash).
   */
  setup?(n: number): Array<ClasCommand | ((store: EventStore) => Promise<ClasCommand>)>;
  /** The request, without Authorization. */
  call(http: ApiHarness['http'], n: number): request.Test;
  expected: Record<MatrixRole, number>;
  /** The error `code` expected with a status other than 401/403 (e.g. 422 → REFERENCE_OUT_OF_SCOPE). */
  codes?: Partial<Record<number, string>>;
}

export function matrixCells(endpoints: readonly MatrixEndpoint[]) {
  return endpoints.flatMap((endpoint, e) =>
    MATRIX_ROLES.map((role, r) => [endpoint.name, role, endpoint.expected[role], endpoint, e * 100 + r] as const),
  );
}

export async function runCell(
  api: ApiHarness,
  actors: Record<Exclude<MatrixRole, 'anonymous'>, Actor>,
  endpoint: MatrixEndpoint,
  role: MatrixRole,
  n: number,
  status: number,
): Promise<void> {
  // Each cell is its own story on its own aggregate: received on its own calendar (R-LIFE-RECEIPT).
  api.story?.restart();
  const bus = api.app.get<CommandBus>(COMMAND_BUS);
  for (const step of endpoint.setup?.(n) ?? []) {
    const command = typeof step === 'function' ? await step(api.store) : step;
    const outcome = await bus.execute({ command, actor: { id: 'matrix-setup', role: 'system', caf: null, operatorId: null } });
    if (!outcome.ok) throw new Error(`setup ${command.type} failed: ${JSON.stringify(outcome)}`);
  }
  const head = await api.store.headPosition();
  const call = endpoint.call(api.http, n);
  const res = await (role === 'anonymous' ? call : call.set('Authorization', `Bearer ${api.tokens.issue(actors[role], 600)}`));
  const code = status === 403 ? 'FORBIDDEN' : status === 401 ? 'UNAUTHENTICATED' : endpoint.codes?.[status];
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  // A refused call writes nothing; an accepted one writes its event(s).
  expect((await api.store.headPosition()) > head).toBe(status === 201);
}
