import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type Scope, UNKNOWN_OWNER, canRead, canReadChildLevel } from '@clas/application';
import type { StreamDirectory } from '@clas/projections';
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
