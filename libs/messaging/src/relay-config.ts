import { DEFAULT_FORBIDDEN_FIELDS } from './personal-data-guard.js';
import { DEFAULT_TOPIC } from './event-relay.js';

/**
 * The relay's own settings, read once at start, validated, printed. (The event store settings —
 * CLAS_EVENT_STORE, CLAS_ESDB_URL, … — come from @clas/runtime's loadConfig.)
 */
export interface RelayConfig {
  brokers: string[];
  topic: string;
  checkpointPath: string;
  clientId: string;
  batchSize: number;
  forbiddenFields: string[];
}

export class RelayConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid relay configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RelayConfigError';
  }
}

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;
// Kafka's legal topic names: up to 249 of [a-zA-Z0-9._-].
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function loadRelayConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const problems: string[] = [];
  const rawBrokers = env.CLAS_KAFKA_BROKERS?.trim() ?? '';
  const brokers = rawBrokers === '' ? [] : rawBrokers.split(',').map((broker) => broker.trim());
  if (brokers.length === 0) problems.push('CLAS_KAFKA_BROKERS is required, e.g. kafka:9092 or b1:9092,b2:9092');
  for (const broker of brokers) {
    const port = Number(broker.split(':').pop());
    if (!BROKER.test(broker) || port < 1 || port > 65535) problems.push(`CLAS_KAFKA_BROKERS: ${JSON.stringify(broker)} is not host:port`);
  }
  const topic = env.CLAS_KAFKA_TOPIC?.trim() || DEFAULT_TOPIC;
  if (!TOPIC.test(topic) || topic === '.' || topic === '..')
    problems.push(`CLAS_KAFKA_TOPIC=${JSON.stringify(topic)} is not a legal Kafka topic name`);
  const checkpointPath = env.CLAS_RELAY_CHECKPOINT_PATH?.trim() || './data/relay-checkpoint.sqlite';
  const clientId = env.CLAS_KAFKA_CLIENT_ID?.trim() || 'clas-relay';
  let batchSize = 500;
  const rawBatch = env.CLAS_RELAY_BATCH_SIZE?.trim();
  if (rawBatch !== undefined && rawBatch !== '') {
    batchSize = Number(rawBatch);
    if (!/^\d+$/.test(rawBatch) || batchSize < 1 || batchSize > 10_000)
      problems.push(`CLAS_RELAY_BATCH_SIZE=${JSON.stringify(rawBatch)} must be an integer between 1 and 10000`);
  }
  let forbiddenFields = [...DEFAULT_FORBIDDEN_FIELDS];
  const rawFields = env.CLAS_RELAY_FORBIDDEN_FIELDS?.trim();
  if (rawFields !== undefined && rawFields !== '') {
    forbiddenFields = rawFields.split(',').map((field) => field.trim());
    const bad = forbiddenFields.filter((field) => !FIELD.test(field));
    if (bad.length > 0) problems.push(`CLAS_RELAY_FORBIDDEN_FIELDS: ${bad.map((f) => JSON.stringify(f)).join(', ')} are not field names`);
  }
  if (problems.length > 0) throw new RelayConfigError(problems);
  return { brokers, topic, checkpointPath, clientId, batchSize, forbiddenFields };
}
