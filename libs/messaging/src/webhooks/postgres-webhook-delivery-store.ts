import pg from 'pg';
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

/** The two keys of the dispatcher's advisory lock: "Clas" and "whks" in ASCII, apart from the read models' writer lock. */
const ADVISORY_CLASS = 0x436c6173;
const ADVISORY_WEBHOOKS = 0x77686b73;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS clas_webhook_checkpoint (name TEXT PRIMARY KEY, position BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS clas_webhook_subscriptions (
  subscription_id TEXT PRIMARY KEY, caf_code TEXT NOT NULL, url TEXT NOT NULL, event_types TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clas_webhook_secrets (subscription_id TEXT PRIMARY KEY, secret TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clas_webhook_deliveries (
  delivery_id BIGSERIAL PRIMARY KEY,
  subscription_id TEXT NOT NULL, caf_code TEXT NOT NULL, url TEXT NOT NULL,
  event_id TEXT NOT NULL, event_type TEXT NOT NULL, stream_id TEXT NOT NULL, global_position BIGINT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT, last_status_code INTEGER, last_error TEXT,
  created_at TEXT NOT NULL, delivered_at TEXT,
  UNIQUE (subscription_id, event_id));
CREATE INDEX IF NOT EXISTS clas_webhook_deliveries_due ON clas_webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE TABLE IF NOT EXISTS clas_webhook_attempts (
  delivery_id BIGINT NOT NULL REFERENCES clas_webhook_deliveries (delivery_id),
  attempt INTEGER NOT NULL, attempted_at TEXT NOT NULL, status_code INTEGER, error TEXT, duration_ms INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, attempt));
`;

interface DeliveryRow {
  delivery_id: string;
  subscription_id: string;
  caf_code: string;
  url: string;
  event_id: string;
  event_type: string;
  stream_id: string;
  global_position: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

// BIGSERIAL and BIGINT come back as strings from pg: positions and ids stay far below 2^53.
const deliveryOf = (r: DeliveryRow): Delivery => ({
  deliveryId: Number(r.delivery_id),
  subscriptionId: r.subscription_id,
  cafCode: r.caf_code,
  url: r.url,
  eventId: r.event_id,
  eventType: r.event_type,
  streamId: r.stream_id,
  globalPosition: Number(r.global_position),
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/**
 * The server adapter: tables `clas_webhook_*` in a PostgreSQL database (by default the log's,
 * so every API instance shares one delivery log and one dispatcher). Instants are ISO text, as
 * in SQLite: they sort as they compare.
 */
export class PostgresWebhookDeliveryStore implements WebhookDeliveryStore {
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  static async open(url: string): Promise<PostgresWebhookDeliveryStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection ended by the server (restart, failover, a forced DROP DATABASE) is an
    // 'error' event of the pool; unhandled it would crash the API. The pool has already dropped
    // that client and the next query opens a new one; a query in flight still gets its own error.
    pool.on('error', () => undefined);
    // Two API processes starting together would race on CREATE … IF NOT EXISTS: one at a time.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_CLASS, ADVISORY_WEBHOOKS + 1]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    return new PostgresWebhookDeliveryStore(pool, url);
  }

  get description(): string {
    return `postgres ${this.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
  }

  async checkpoint(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>("SELECT position FROM clas_webhook_checkpoint WHERE name = 'dispatcher'");
    return rows.length === 0 ? 0 : Number(rows[0].position);
  }

  async activeSubscriptions(): Promise<ActiveSubscription[]> {
    const { rows } = await this.pool.query<{ subscription_id: string; caf_code: string; url: string; event_types: string }>(
      'SELECT * FROM clas_webhook_subscriptions ORDER BY subscription_id',
    );
    return rows.map((r) => ({
      subscriptionId: r.subscription_id,
      cafCode: r.caf_code,
      url: r.url,
      eventTypes: JSON.parse(r.event_types) as string[],
    }));
  }

  async ingest(batch: IngestBatch, now: string): Promise<void> {
    await this.transaction(async (client) => {
      for (const change of batch.changes) {
        if ('subscribed' in change) {
          const s = change.subscribed;
          await client.query(
            `INSERT INTO clas_webhook_subscriptions (subscription_id, caf_code, url, event_types) VALUES ($1, $2, $3, $4)
             ON CONFLICT (subscription_id) DO UPDATE SET caf_code = EXCLUDED.caf_code, url = EXCLUDED.url, event_types = EXCLUDED.event_types`,
            [s.subscriptionId, s.cafCode, s.url, JSON.stringify(s.eventTypes)],
          );
        } else await client.query('DELETE FROM clas_webhook_subscriptions WHERE subscription_id = $1', [change.unsubscribed]);
      }
      for (const d of batch.deliveries)
        await client.query(
          `INSERT INTO clas_webhook_deliveries (subscription_id, caf_code, url, event_id, event_type, stream_id, global_position, body, status, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $9) ON CONFLICT (subscription_id, event_id) DO NOTHING`,
          [d.subscriptionId, d.cafCode, d.url, d.eventId, d.eventType, d.streamId, d.globalPosition, d.body, now],
        );
      await client.query(
        `INSERT INTO clas_webhook_checkpoint (name, position) VALUES ('dispatcher', $1) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
        [batch.checkpoint],
      );
    });
  }

  async due(now: string, limit: number): Promise<Delivery[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT * FROM clas_webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, delivery_id LIMIT $2`,
      [now, limit],
    );
    return rows.map(deliveryOf);
  }

  async recordAttempt(
    deliveryId: number,
    a: DeliveryAttempt,
    outcome: { status: DeliveryStatus; nextAttemptAt: string | null },
  ): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        'INSERT INTO clas_webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)',
        [deliveryId, a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs],
      );
      await client.query(
        `UPDATE clas_webhook_deliveries SET status = $1, attempts = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5,
         delivered_at = CASE WHEN $1 = 'delivered' THEN $6 ELSE delivered_at END WHERE delivery_id = $7`,
        [outcome.status, a.attempt, outcome.nextAttemptAt, a.statusCode, a.error, a.attemptedAt, deliveryId],
      );
    });
  }

  async storeSecret(subscriptionId: string, secret: string, now: string): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO clas_webhook_secrets (subscription_id, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (subscription_id) DO NOTHING',
      [subscriptionId, secret, now],
    );
    return result.rowCount === 1;
  }

  async secretOf(subscriptionId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ secret: string }>('SELECT secret FROM clas_webhook_secrets WHERE subscription_id = $1', [
      subscriptionId,
    ]);
    return rows[0]?.secret ?? null;
  }

  async deliveriesOf(subscriptionId: string, limit: number): Promise<DeliveryWithAttempts[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      'SELECT * FROM clas_webhook_deliveries WHERE subscription_id = $1 ORDER BY delivery_id DESC LIMIT $2',
      [subscriptionId, limit],
    );
    const result: DeliveryWithAttempts[] = [];
    for (const r of rows) {
      const attempts = await this.pool.query<{
        attempt: number;
        attempted_at: string;
        status_code: number | null;
        error: string | null;
        duration_ms: number;
      }>('SELECT * FROM clas_webhook_attempts WHERE delivery_id = $1 ORDER BY attempt', [r.delivery_id]);
      result.push({
        ...deliveryOf(r),
        attemptLog: attempts.rows.map((a) => ({
          attempt: a.attempt,
          attemptedAt: a.attempted_at,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
        })),
      });
    }
    return result;
  }

  /**
   * A session advisory lock on a connection of its own (not the pool's): it dies with the
   * session, so a killed process never leaves it behind.
   */
  async tryLock(): Promise<DispatcherLock | null> {
    const client = new pg.Client({ connectionString: this.url });
    // An error on the idle lock connection would otherwise crash the process; the lock is then gone with the session.
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
      ADVISORY_CLASS,
      ADVISORY_WEBHOOKS,
    ]);
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
    return { resource: `${this.description} advisory lock`, release: () => client.end() };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
