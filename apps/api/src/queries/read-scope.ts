import { Inject, Injectable } from '@nestjs/common';
import { type Actor, canRead, canReadChildLevel } from '@clas/application';
import type { StreamDirectory } from '@clas/projections';
import { forbidden, notFound } from '../http/api-error.js';
import { STREAM_DIRECTORY } from '../tokens.js';

/**
 * Who may read what (README-api-patterns.md, "Who sees what"), with the application's own
 * rules (canRead, canReadChildLevel): a project or convention is looked up in the stream
 * directory to learn its operator and Caf. Unknown → 404 first, then out of scope → 403.
 */
@Injectable()
export class ReadScope {
  constructor(@Inject(STREAM_DIRECTORY) private readonly directory: StreamDirectory) {}

  /** Project-level answers carry child-level detail (enrolments, attendance): never for dashboards. */
  async project(actor: Actor, projectId: string): Promise<void> {
    await this.directory.catchUp();
    const entry = await this.directory.project(projectId);
    if (!entry) throw notFound('project', projectId);
    this.check(actor, { cafCode: entry.cafCode, operatorId: entry.operatorId }, `project ${projectId}`, true);
  }

  async convention(actor: Actor, conventionId: string): Promise<void> {
    await this.directory.catchUp();
    const entry = await this.directory.convention(conventionId);
    if (!entry) throw notFound('convention', conventionId);
    this.check(actor, { cafCode: entry.cafCode, operatorId: entry.operatorId }, `convention ${conventionId}`, true);
  }

  /** A departmental aggregate: no operator owns it, so operators never read it. */
  department(actor: Actor, cafCode: string): void {
    this.check(actor, { cafCode, operatorId: null }, `the departmental figures of Caf ${cafCode}`, false);
  }

  private check(actor: Actor, scope: { cafCode: string; operatorId: string | null }, what: string, childLevel: boolean): void {
    if (childLevel && !canReadChildLevel(actor)) throw forbidden(`role ${actor.role} reads aggregates only, not ${what}`);
    if (!canRead(actor, scope)) throw forbidden(`${actor.role} ${actor.id} may not read ${what}`);
  }
}
