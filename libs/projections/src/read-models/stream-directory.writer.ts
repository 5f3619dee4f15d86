import { parseStreamId } from '@clas/domain';
import type { RecordedEvent } from '@clas/domain';
import { DIRECTORY_EVENT_TYPES } from '../time-travel/stream-directory.port.js';
import type { ReadDatabase, SqlExecutor } from './read-database.js';

export interface StreamDirectoryRow {
  streamId: string;
  kind: string;
  projectId: string | null;
  campaignKey: string | null;
  operatorId: string | null;
  cafCode: string | null;
  schoolYear: string | null;
  /** Conventions: the projects covered. */
  projectIds: string[] | null;
  firstPosition: number;
}

const COLUMNS = [
  'stream_id',
  'kind',
  'project_id',
  'campaign_key',
  'operator_id',
  'caf_code',
  'school_year',
  'project_ids',
  'first_position',
] as const;

export function campaignKeyOf(cafCode: string, schoolYear: string): string {
  return `${cafCode}:${schoolYear}`;
}

/** The types that open an aggregate (time-travel/stream-directory.port.ts) besides any stream's version 0. */
const OPENING_TYPES: ReadonlySet<string> = new Set(DIRECTORY_EVENT_TYPES);

/**
 * Every event carries its routing ids (ProjectRef, CollectifRef…), so the event that opens a
 * stream says what the stream belongs to; the directory needs nothing else. First entry wins:
 * an aggregate never changes owner.
 */
export function directoryRowOf(event: RecordedEvent): StreamDirectoryRow | null {
  if (event.streamVersion !== 0 && !OPENING_TYPES.has(event.type)) return null;
  const parsed = parseStreamId(event.streamId);
  // A Caf's webhook subscriptions name their Caf in the stream id and belong to no campaign: no
  // question looks them up here, and a rebuild (campaign by campaign) would never write the row.
  if (parsed === null || parsed.kind === 'webhooks') return null;
  const data = (event.data ?? {}) as {
    projectId?: unknown;
    operatorId?: unknown;
    cafCode?: unknown;
    schoolYear?: unknown;
    projectIds?: unknown;
  };
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const cafCode = parsed.kind === 'campaign' ? parsed.cafCode : text(data.cafCode);
  const schoolYear = parsed.kind === 'campaign' ? parsed.schoolYear : text(data.schoolYear);
  return {
    streamId: event.streamId,
    kind: parsed.kind,
    projectId: parsed.kind === 'project' ? parsed.id : text(data.projectId),
    campaignKey: cafCode && schoolYear ? campaignKeyOf(cafCode, schoolYear) : null,
    operatorId: parsed.kind === 'operator' ? parsed.id : text(data.operatorId),
    cafCode,
    schoolYear,
    projectIds: parsed.kind === 'convention' && Array.isArray(data.projectIds) ? (data.projectIds as string[]) : null,
    firstPosition: event.globalPosition,
  };
}

export class StreamDirectoryWriter {
  constructor(private readonly db: ReadDatabase) {}

  /** Rows in log order; the first of a stream wins, in the batch and against the table. */
  async save(tx: SqlExecutor, rows: readonly StreamDirectoryRow[]): Promise<void> {
    const first = new Map<string, StreamDirectoryRow>();
    for (const row of rows) if (!first.has(row.streamId)) first.set(row.streamId, row);
    await this.db.upsert(
      tx,
      'rm_stream_directory',
      COLUMNS,
      ['stream_id'],
      [...first.values()].map((r) => [
        r.streamId,
        r.kind,
        r.projectId,
        r.campaignKey,
        r.operatorId,
        r.cafCode,
        r.schoolYear,
        r.projectIds === null ? null : JSON.stringify(r.projectIds),
        r.firstPosition,
      ]),
      'keep',
    );
  }

  async clear(tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM ${this.db.table('rm_stream_directory')}`);
  }
}

/** The directory as rows of the events that add one (a projection's `eventRows`). */
export const streamDirectoryRows = {
  rowOf: directoryRowOf,
  writer: (db: ReadDatabase) => new StreamDirectoryWriter(db),
};
