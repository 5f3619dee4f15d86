import type { RecordedEvent } from '@clas/domain';
import type { EventStore } from '@clas/event-store';
import {
  DIRECTORY_EVENT_TYPES,
  type ConventionEntry,
  type ProjectEntry,
  type StreamDirectory,
} from '../time-travel/stream-directory.port.js';
import { CheckpointRepository } from './checkpoint.repository.js';
import type { ReadDatabase } from './read-database.js';
import { campaignKeyOf, directoryRowOf, type StreamDirectoryRow } from './stream-directory.writer.js';

interface Row {
  stream_id: string;
  operator_id: string | null;
  caf_code: string | null;
  school_year: string | null;
  project_ids: string | null;
}

const idOf = (streamId: string, kind: string): string => streamId.slice(kind.length + 1);
const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/**
 * The stream directory read from rm_stream_directory (written by the projector). The table
 * lags the log by at most the projector's last batch, so `catchUp` scans the opening events
 * after the projector's checkpoint into a small in-memory overlay: an aggregate created just
 * before a question is never missed (read-your-writes), and nothing here writes the table.
 */
export class TypeormStreamDirectory implements StreamDirectory {
  private readonly checkpoints: CheckpointRepository;
  private overlay = new Map<string, StreamDirectoryRow>();
  private overlayPosition = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: ReadDatabase,
    private readonly store: EventStore,
    private readonly projectionName: string,
  ) {
    this.checkpoints = new CheckpointRepository(db);
  }

  catchUp(): Promise<void> {
    const run = this.queue.then(() => this.scan());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scan(): Promise<void> {
    // Nothing appended since the last scan (the usual case for a question): one head lookup.
    if (this.overlayPosition > 0 && (await this.store.headPosition()) <= this.overlayPosition) return;
    const stored = (await this.checkpoints.read(this.db, this.projectionName))?.position ?? 0;
    if (stored > this.overlayPosition) {
      this.overlay = new Map([...this.overlay].filter(([, row]) => row.firstPosition > stored));
      this.overlayPosition = stored;
    }
    for (;;) {
      const page = await this.store.readAllPage({ after: this.overlayPosition, types: DIRECTORY_EVENT_TYPES, limit: 1000 });
      for (const event of page.events) {
        const row = directoryRowOf(event as RecordedEvent);
        if (row !== null && !this.overlay.has(row.streamId)) this.overlay.set(row.streamId, row);
      }
      this.overlayPosition = Math.max(this.overlayPosition, page.nextAfter);
      if (page.isEnd || page.events.length === 0) return;
    }
  }

  private async rows(where: string, params: readonly unknown[]): Promise<Row[]> {
    return this.db.query<Row>(
      `SELECT "stream_id", "operator_id", "caf_code", "school_year", "project_ids" FROM ${this.db.table('rm_stream_directory')} WHERE ${where}`,
      params,
    );
  }

  private overlayRows(predicate: (row: StreamDirectoryRow) => boolean): StreamDirectoryRow[] {
    return [...this.overlay.values()].filter(predicate);
  }

  async project(projectId: string): Promise<ProjectEntry | null> {
    const streamId = `project-${projectId}`;
    const [row] = await this.rows(`"stream_id" = ${this.db.p(0)}`, [streamId]);
    if (row !== undefined && row.operator_id && row.caf_code && row.school_year) {
      return { projectId, operatorId: row.operator_id, cafCode: row.caf_code, schoolYear: row.school_year };
    }
    const extra = this.overlay.get(streamId);
    if (extra?.operatorId && extra.cafCode && extra.schoolYear)
      return { projectId, operatorId: extra.operatorId, cafCode: extra.cafCode, schoolYear: extra.schoolYear };
    return null;
  }

  private async ids(
    kind: string,
    column: 'project_id' | 'campaign_key' | 'operator_id',
    value: string,
    field: 'projectId' | 'campaignKey' | 'operatorId',
  ): Promise<string[]> {
    const rows = await this.rows(`"kind" = ${this.db.p(0)} AND "${column}" = ${this.db.p(1)}`, [kind, value]);
    const extra = this.overlayRows((r) => r.kind === kind && r[field] === value);
    return sorted([...rows.map((r) => idOf(r.stream_id, kind)), ...extra.map((r) => idOf(r.streamId, kind))]);
  }

  collectifsOfProject(projectId: string): Promise<string[]> {
    return this.ids('collectif', 'project_id', projectId, 'projectId');
  }

  projectsOfCampaign(cafCode: string, schoolYear: string): Promise<string[]> {
    return this.ids('project', 'campaign_key', campaignKeyOf(cafCode, schoolYear), 'campaignKey');
  }

  projectsOfOperator(operatorId: string): Promise<string[]> {
    return this.ids('project', 'operator_id', operatorId, 'operatorId');
  }

  async convention(conventionId: string): Promise<ConventionEntry | null> {
    const streamId = `convention-${conventionId}`;
    const [row] = await this.rows(`"stream_id" = ${this.db.p(0)}`, [streamId]);
    if (row !== undefined && row.operator_id && row.caf_code) {
      return {
        conventionId,
        operatorId: row.operator_id,
        cafCode: row.caf_code,
        projectIds: row.project_ids ? (JSON.parse(row.project_ids) as string[]) : [],
      };
    }
    const extra = this.overlay.get(streamId);
    if (extra?.operatorId && extra.cafCode)
      return { conventionId, operatorId: extra.operatorId, cafCode: extra.cafCode, projectIds: extra.projectIds ?? [] };
    return null;
  }

  conventionsOfOperator(operatorId: string): Promise<string[]> {
    return this.ids('convention', 'operator_id', operatorId, 'operatorId');
  }
}
