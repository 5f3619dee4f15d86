import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { loadRelayConfig } from '@clas/messaging';
import { loadConfig } from '@clas/runtime';

/**
 * Issue 11: docker-compose.yml is parsed as YAML (today's line 17 merged two entries and
 * swallowed CLAS_KAFKA_BROKERS), interpolated the way compose does it, and every service's
 * environment is handed to the configuration loader its process runs: a missing or malformed
 * variable fails here, not on a deployer's machine.
 */
const COMPOSE_FILE = new URL('../docker-compose.yml', import.meta.url);
const text = readFileSync(COMPOSE_FILE, 'utf8');

type Scalar = string | number | boolean;
interface Service {
  command?: string[];
  environment?: Record<string, Scalar | null>;
  ports?: string[];
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, Service>;
}

/** Compose's variable syntax: $$, $NAME, ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
const VARIABLE = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

interface Reference {
  name: string;
  /** '-' / ':-' carry a default, '?' / ':?' make the variable required. */
  operator: string | null;
}

function referencesIn(value: string): Reference[] {
  return [...value.matchAll(VARIABLE)].filter((m) => !m[1]).map((m) => ({ name: m[2] ?? m[5]!, operator: m[3] ?? null }));
}

/** What compose passes to the container for `value`, given the shell's variables; throws like compose for a required one. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(
    VARIABLE,
    (
      _,
      dollar: string | undefined,
      braced: string | undefined,
      operator: string | undefined,
      argument: string | undefined,
      bare: string | undefined,
    ) => {
      if (dollar) return '$';
      const name = (braced ?? bare)!;
      const set = shell[name];
      // With the colon, an empty value counts as unset.
      const empty = set === undefined || (operator?.startsWith(':') === true && set === '');
      if (operator?.endsWith('?') && empty) throw new Error(`required variable ${name} is missing a value: ${argument}`);
      if (operator?.endsWith('-') && empty) return argument ?? '';
      return set ?? '';
    },
  );
}

const SHELL = { CLAS_JWT_SECRET: 'a'.repeat(64), CLAS_POSTGRES_PASSWORD: 'b'.repeat(48) };
/** Secret-bearing variable names: their value must come from the deployer, never from this file. */
const SECRET_NAME = /(SECRET|PASSWORD|_KEY)$/;

const document = parseDocument(text, { merge: true, uniqueKeys: true });
const compose = document.toJS({ maxAliasCount: 100 }) as Compose;
const services = Object.entries(compose.services);
/** Our own processes: the ones running a built app of this repository. */
const appServices = services.filter(([, s]) => s.command?.some((part) => /^dist\/apps\/(api|projector|relay)\//.test(part)));
const envOf = (service: Service): Record<string, string> =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value ?? ''), SHELL)]));

describe('docker-compose.yml (issue 11)', () => {
  it('is valid YAML: no error, no warning, no duplicate key; every environment is a map of NAME: scalar', () => {
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
    expect(services.length).toBeGreaterThanOrEqual(8);
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        expect({
          service: name,
          key,
          valid: /^[A-Z][A-Z0-9_]*$/.test(key) && ['string', 'number', 'boolean'].includes(typeof value),
        }).toEqual({ service: name, key, valid: true });
      }
    }
  });

  it('holds no secret: secret variables are required from the shell (${X:?…}), never defaulted; URLs take their password from one', () => {
    const references = referencesIn(text);
    expect(references.filter((r) => SECRET_NAME.test(r.name) && r.operator?.endsWith('-'))).toEqual([]);
    const required = new Set(references.filter((r) => r.operator?.endsWith('?')).map((r) => r.name));
    expect([...required].sort()).toEqual(['CLAS_JWT_SECRET', 'CLAS_POSTGRES_PASSWORD']);
    for (const [name, service] of services) {
      for (const [key, raw] of Object.entries(service.environment ?? {})) {
        const value = String(raw);
        if (SECRET_NAME.test(key))
          expect({ service: name, key, value: /^\$\{[A-Z_]+:\?[^}]+\}$/.test(value) }).toEqual({ service: name, key, value: true });
        for (const [, password] of value.matchAll(/^[a-z+]+:\/\/[^:/@]+:([^@]*)@/g)) {
          const from = referencesIn(password);
          expect({
            service: name,
            key,
            password: from.length === 1 && from[0]!.name === password.slice(2, -1) && required.has(from[0]!.name),
          }).toEqual({ service: name, key, password: true });
        }
      }
    }
  });

  it('refuses to run without the secrets (as compose does with ${X:?…})', () => {
    const api = compose.services.api!;
    expect(() => interpolate(String(api.environment!.CLAS_JWT_SECRET), {})).toThrow('required variable CLAS_JWT_SECRET is missing a value');
    expect(() => interpolate(String(api.environment!.CLAS_JWT_SECRET), { CLAS_JWT_SECRET: '' })).toThrow('CLAS_JWT_SECRET');
    expect(() => interpolate(String(compose.services.postgres!.environment!.POSTGRES_PASSWORD), {})).toThrow(
      'required variable CLAS_POSTGRES_PASSWORD is missing a value',
    );
  });

  it('gives each app service an environment its own loader accepts: the API listens on 0.0.0.0 in its container, the relay has its brokers', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'projector', 'relay']);
    for (const [name, service] of appServices) {
      const env = envOf(service);
      const config = loadConfig(env);
      // In a container, loopback is the container itself: 127.0.0.1 would be unreachable.
      expect({ service: name, host: config.host }).toEqual({ service: name, host: '0.0.0.0' });
      expect({
        service: name,
        store: config.eventStore,
        readDb: config.readDb.startsWith('postgresql://'),
        personal: config.personalDataPath.startsWith('postgresql://'),
      }).toEqual({
        service: name,
        store: 'eventstoredb',
        readDb: true,
        personal: true,
      });
      // Every server an app talks to is a service of this file.
      for (const host of Object.values(env).flatMap((v) =>
        [...v.matchAll(/^[a-z+]+:\/\/(?:[^@/]*@)?([a-z0-9-]+):\d+/g)].map((m) => m[1]!),
      )) {
        expect({ service: name, host, defined: host in compose.services }).toEqual({ service: name, host, defined: true });
      }
    }
    const api = loadConfig(envOf(compose.services.api!));
    expect(api.jwtSecret).toBe(SHELL.CLAS_JWT_SECRET);
    expect(compose.services.api!.ports).toEqual([`127.0.0.1:${api.port}:${api.port}`]);
    expect(compose.services.api!.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${api.port}/health`);
    // The secret signs tokens: only the API holds it.
    expect(appServices.filter(([, s]) => s.environment?.CLAS_JWT_SECRET !== undefined).map(([name]) => name)).toEqual(['api']);
    const relay = loadRelayConfig(envOf(compose.services.relay!));
    expect(relay.brokers).toEqual(['kafka:9092']);
    expect(compose.services).toHaveProperty('kafka');
  });

  it('publishes ports on the host loopback only', () => {
    for (const [name, service] of services) {
      for (const port of service.ports ?? [])
        expect({ service: name, port, loopback: port.startsWith('127.0.0.1:') }).toEqual({ service: name, port, loopback: true });
    }
  });
});
