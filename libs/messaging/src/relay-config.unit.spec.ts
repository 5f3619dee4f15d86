import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FORBIDDEN_FIELDS } from './personal-data-guard.js';
import { RelayConfigError, loadRelayConfig } from './relay-config.js';

describe('loadRelayConfig', () => {
  it('applies defaults around the required brokers', () => {
    expect(loadRelayConfig({ CLAS_KAFKA_BROKERS: 'kafka:9092' })).toEqual({
      brokers: ['kafka:9092'],
      topic: 'clas.events.v1',
      checkpointPath: './data/relay-checkpoint.sqlite',
      clientId: 'clas-relay',
      batchSize: 500,
      forbiddenFields: [...DEFAULT_FORBIDDEN_FIELDS],
    });
  });

  it('reads every variable', () => {
    const config = loadRelayConfig({
      CLAS_KAFKA_BROKERS: ' b1:9092, b2.internal:19092 ',
      CLAS_KAFKA_TOPIC: 'caf-11.events_v2',
      CLAS_RELAY_CHECKPOINT_PATH: '/var/lib/relay/cp.sqlite',
      CLAS_KAFKA_CLIENT_ID: 'relay-a',
      CLAS_RELAY_BATCH_SIZE: '100',
      CLAS_RELAY_FORBIDDEN_FIELDS: 'email, nir',
    });
    expect(config).toEqual({
      brokers: ['b1:9092', 'b2.internal:19092'],
      topic: 'caf-11.events_v2',
      checkpointPath: '/var/lib/relay/cp.sqlite',
      clientId: 'relay-a',
      batchSize: 100,
      forbiddenFields: ['email', 'nir'],
    });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadRelayConfig({
        CLAS_KAFKA_BROKERS: 'kafka, :9092, k:99999',
        CLAS_KAFKA_TOPIC: 'bad topic!',
        CLAS_RELAY_BATCH_SIZE: '0',
        CLAS_RELAY_FORBIDDEN_FIELDS: 'ok, not ok',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RelayConfigError);
    const problems = (error as RelayConfigError).problems.join('\n');
    expect(problems).toContain('"kafka" is not host:port');
    expect(problems).toContain('":9092" is not host:port');
    expect(problems).toContain('"k:99999" is not host:port');
    expect(problems).toContain('CLAS_KAFKA_TOPIC');
    expect(problems).toContain('CLAS_RELAY_BATCH_SIZE');
    expect(problems).toContain('"not ok"');
  });

  it('requires the brokers', () => {
    expect(() => loadRelayConfig({})).toThrow(/CLAS_KAFKA_BROKERS is required/);
  });
});
