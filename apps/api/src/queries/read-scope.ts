import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type Scope, UNKNOWN_OWNER, canRead, canReadChildLevel } from '@clas/application';
import type { ListScope, StreamDirectory } from '@clas/projections';
import { forbidden, notFound } from '../http/api-error.js';
import { STREAM_DIRECTORY } from '../tokens.js';

/**
 * Who may read what (README-api-patterns.md, "Who sees what"), with the application's own
 * rules (canRead, canReadChildLevel): a project or convention is looked up in the stream
 * directory to learn its operator and Caf. Out of scope → 403, whether it exists or not (issue 11
 * §4: an unknown id and another's get the same answer); unknown → 404 only to a reader whose
 * scope is everything (a national auditor).
 */
@Injectable()
export class ReadScope {
  constructor(@Inject(STREAM_DIRECTORY) private readonly directory: StreamDirectory) {}

  /** Project-level answers carry child-level detail (enrolments, attendance): never for dashboards. */
  async project(actor: Actor, projectId: string): Promise<void> {
    await this.directory.catchUp();
    const entry = await this.directory.project(projectId);
    this.check(actor, entry ? { cafCode: entry.cafCode, operatorId: entry.operatorId } : null, `project ${projectId}`, true);
    if (!entry) throw notFound('project', projectId);
  }

  async convention(actor: Actor, conventionId: string): Promise<void> {
    await this.directory.catchUp();
    const entry = await this.directory.convention(conventionId);
    this.check(actor, entry ? { cafCode: entry.cafCode, operatorId: entry.operatorId } : null, `convention ${conventionId}`, true);
    if (!entry) throw notFound('convention', conventionId);
  }

  /**
   * A row of a read-model list read by its id (a collectif, an operator): same answers as above,
   * from the row's owners. `childLevel`: the row is project-level detail (not for dashboards).
   */
  row(actor: Actor, owner: Scope | null, what: string, id: string, childLevel: boolean): void {
    this.check(actor, owner, `${what} ${id}`, childLevel);
    if (owner === null) throw notFound(what, id);
  }

  /** A departmental aggregate: no operator owns it, so operators never read it. */
  department(actor: Actor, cafCode: string): void {
    this.check(actor, { cafCode, operatorId: null }, `the departmental figures of Caf ${cafCode}`, false);
  }

  /** `scope` null: nothing of that id exists, which only a reader of everything may learn. */
  private check(actor: Actor, scope: Scope | null, what: string, childLevel: boolean): void {
    if (childLevel && !canReadChildLevel(actor)) throw forbidden(`role ${actor.role} reads aggregates only, not ${what}`);
    if (!canRead(actor, scope ?? UNKNOWN_OWNER)) throw forbidden(`${actor.role} ${actor.id} may not read ${what}`);
  }
}

/**
 * The rows a reader may list (issue 13), forced under its filters: an operator its own, a Caf
 * agent or committee its Caf's, an auditor or dashboard its Caf's or all (national), the system
 * everything. A role without the id its scope needs (an operator token without operatorId) lists nothing: 403.
 */
export function listScopeOf(actor: Actor): ListScope {
  switch (actor.role) {
    case 'operator':
      if (actor.operatorId === null) throw forbidden(`operator ${actor.id} has no operatorId`);
      return { cafCode: null, operatorId: actor.operatorId };
    case 'caf_agent':
    case 'committee':
      if (actor.caf === null) throw forbidden(`${actor.role} ${actor.id} has no Caf`);
      return { cafCode: actor.caf, operatorId: null };
    case 'auditor':
    case 'dashboard':
      return { cafCode: actor.caf, operatorId: null };
    case 'system':
      return { cafCode: null, operatorId: null };
    default: {
      const never: never = actor.role;
      throw forbidden(`unknown role ${String(never)}`);
    }
  }
}
