import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  Delivery,
  DeliveryAttempt,
  DeliveryStatus,
  DeliveryWithAttempts,
  DispatcherLock,
  IngestBatch,
  WebhookDeliveryStore,
} from './webhook-delivery-store.port.js';
import type { ActiveSubscription } from './webhook-subscriptions.js';

interface DeliveryRow {
  delivery_id: number;
  subscription_id: string;
  caf_code: string;
  url: string;
  event_id: string;
  event_type: string;
  stream_id: string;
  global_position: number;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

interface AttemptRow {
  attempt: number;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

const deliveryOf = (r: DeliveryRow): Delivery => ({
  deliveryId: r.delivery_id,
  subscriptionId: r.subscription_id,
  cafCode: r.caf_code,
  url: r.url,
  eventId: r.event_id,
  eventType: r.event_type,
  streamId: r.stream_id,
  globalPosition: r.global_position,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

const SCHEMA = `
CREATE TABLE IF NOT EXISTS webhook_checkpoint (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
  subscription_id TEXT PRIMARY KEY, caf_code TEXT NOT NULL, url TEXT NOT NULL, event_types TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webhook_secrets (subscription_id TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  delivery_id INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id TEXT NOT NULL, caf_code TEXT NOT NULL, url TEXT NOT NULL,
  event_id TEXT NOT NULL, event_type TEXT NOT NULL, stream_id TEXT NOT NULL, global_position INTEGER NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT, last_status_code INTEGER, last_error TEXT,
  created_at TEXT NOT NULL, delivered_at TEXT,
  UNIQUE (subscription_id, event_id));
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE TABLE IF NOT EXISTS webhook_attempts (
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (delivery_id),
  attempt INTEGER NOT NULL, attempted_at TEXT NOT NULL, status_code INTEGER, error TEXT, duration_ms INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt));
`;

/**
 * The embedded delivery log: a SQLite file of its own beside the event log (CLAS_WEBHOOK_DB),
 * WAL with synchronous=FULL so that a checkpoint, once moved, never outlives the deliveries it
 * stands for. It holds the secrets, so it is never exported with the log.
 */
export class SqliteWebhookDeliveryStore implements WebhookDeliveryStore {
  private readonly db: Database.Database;

  constructor(private readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { timeout: 5_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  get description(): string {
    return `sqlite ${this.path}`;
  }

  async checkpoint(): Promise<number> {
    const row = this.db.prepare("SELECT position FROM webhook_checkpoint WHERE name = 'dispatcher'").get() as
      { position: number } | undefined;
    return row?.position ?? 0;
  }

  async activeSubscriptions(): Promise<ActiveSubscription[]> {
    const rows = this.db.prepare('SELECT * FROM webhook_subscriptions ORDER BY subscription_id').all() as Array<{
      subscription_id: string;
      caf_code: string;
      url: string;
      event_types: string;
    }>;
    return rows.map((r) => ({
      subscriptionId: r.subscription_id,
      cafCode: r.caf_code,
      url: r.url,
      eventTypes: JSON.parse(r.event_types) as string[],
    }));
  }

  async ingest(batch: IngestBatch, now: string): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO webhook_deliveries (subscription_id, caf_code, url, event_id, event_type, stream_id, global_position, body, status, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (subscription_id, event_id) DO NOTHING`,
    );
    const subscribe = this.db.prepare(
      `INSERT INTO webhook_subscriptions (subscription_id, caf_code, url, event_types) VALUES (?, ?, ?, ?)
       ON CONFLICT (subscription_id) DO UPDATE SET caf_code = excluded.caf_code, url = excluded.url, event_types = excluded.event_types`,
    );
    const unsubscribe = this.db.prepare('DELETE FROM webhook_subscriptions WHERE subscription_id = ?');
    const move = this.db.prepare(
      `INSERT INTO webhook_checkpoint (name, position) VALUES ('dispatcher', ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
    this.db.transaction(() => {
      for (const change of batch.changes) {
        if ('subscribed' in change) {
          const s = change.subscribed;
          subscribe.run(s.subscriptionId, s.cafCode, s.url, JSON.stringify(s.eventTypes));
        } else unsubscribe.run(change.unsubscribed);
      }
      for (const d of batch.deliveries)
        insert.run(d.subscriptionId, d.cafCode, d.url, d.eventId, d.eventType, d.streamId, d.globalPosition, d.body, now, now);
      move.run(batch.checkpoint);
    })();
  }

  async due(now: string, limit: number): Promise<Delivery[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, delivery_id LIMIT ?`,
      )
      .all(now, limit) as DeliveryRow[];
    return rows.map(deliveryOf);
  }

  async recordAttempt(
    deliveryId: number,
    a: DeliveryAttempt,
    outcome: { status: DeliveryStatus; nextAttemptAt: string | null },
  ): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(deliveryId, a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs);
      this.db
        .prepare(
          `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
           delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END WHERE delivery_id = ?`,
        )
        .run(outcome.status, a.attempt, outcome.nextAttemptAt, a.statusCode, a.error, outcome.status, a.attemptedAt, deliveryId);
    })();
  }

  async storeSecret(subscriptionId: string, secret: string, now: string): Promise<boolean> {
    return (
      this.db
        .prepare(
          'INSERT INTO webhook_secrets (subscription_id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (subscription_id) DO NOTHING',
        )
        .run(subscriptionId, secret, now).changes === 1
    );
  }

  async secretOf(subscriptionId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT secret FROM webhook_secrets WHERE subscription_id = ?').get(subscriptionId) as
      { secret: string } | undefined;
    return row?.secret ?? null;
  }

  async deliveriesOf(subscriptionId: string, limit: number): Promise<DeliveryWithAttempts[]> {
    const rows = this.db
      .prepare('SELECT * FROM webhook_deliveries WHERE subscription_id = ? ORDER BY delivery_id DESC LIMIT ?')
      .all(subscriptionId, limit) as DeliveryRow[];
    const attempts = this.db.prepare('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt');
    return rows.map((r) => ({
      ...deliveryOf(r),
      attemptLog: (attempts.all(r.delivery_id) as AttemptRow[]).map((a) => ({
        attempt: a.attempt,
        attemptedAt: a.attempted_at,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
    }));
  }

  /**
   * An exclusive lock on a sidecar file (`<file>-dispatcher.lock`) held in a transaction that
   * never commits: it dies with the file descriptor, so a kill -9 leaves no stale lock
   * (as the read models' writer lock). A ':memory:' database is private to its process.
   */
  async tryLock(): Promise<DispatcherLock | null> {
    if (this.path === ':memory:') return { resource: ':memory:', release: async () => undefined };
    const resource = `${this.path}-dispatcher.lock`;
    const db = new Database(resource, { timeout: 0 });
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
      throw error;
    }
    return {
      resource,
      release: async () => {
        if (db.open) db.close();
      },
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
