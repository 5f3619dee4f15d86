import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';
import { commandDifferences, commandPayloadHash, type CommandExecution } from './command-fingerprint.js';

describe('canonical JSON (RFC 8785 for JSON values)', () => {
  it('sorts object keys by UTF-16 code units at every depth, integer-like keys included; arrays keep their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, '10': true, '9': false, é: 'x', Z: 0 })).toBe(
      '{"10":true,"9":false,"Z":0,"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1,"é":"x"}',
    );
  });

  it('writes what JSON.stringify writes for every other value: no whitespace, escapes, toJSON, absent undefined', () => {
    const value = {
      s: 'quote " back \\ \n é 😀',
      n: [0.1, -0, 1e21, 5],
      at: new Date('2026-09-01T07:00:00.000Z'),
      gone: undefined,
      list: [undefined, 1],
    };
    expect(canonicalJson(value)).toBe(JSON.stringify({ at: value.at, list: [null, 1], n: value.n, s: value.s }));
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('the payload hash of a command', () => {
  it('is the same whatever the key order of the data, and names its algorithm', () => {
    const hash = commandPayloadHash(
      { sessionId: 'ses-1', minutes: 90, place: { commune: 'Carcassonne', name: 'École' } },
      '2026-11-03T17:00:00.000Z',
    );
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      commandPayloadHash({ place: { name: 'École', commune: 'Carcassonne' }, minutes: 90, sessionId: 'ses-1' }, '2026-11-03T17:00:00.000Z'),
    ).toBe(hash);
  });

  it('changes with any value of the data and with the declared occurredAt; an undeclared one is null, not "now"', () => {
    const data = { sessionId: 'ses-1', minutes: 90 };
    const hash = commandPayloadHash(data, '2026-11-03T17:00:00.000Z');
    expect(commandPayloadHash({ ...data, minutes: 91 }, '2026-11-03T17:00:00.000Z')).not.toBe(hash);
    expect(commandPayloadHash(data, '2026-11-03T17:00:00.001Z')).not.toBe(hash);
    expect(commandPayloadHash(data, null)).not.toBe(hash);
    expect(commandPayloadHash(data, null)).toBe(commandPayloadHash({ minutes: 90, sessionId: 'ses-1' }, null));
  });
});

describe('commandDifferences (R-IDEMPOTENCY)', () => {
  const stored: CommandExecution = {
    streamId: 'collectif-col-1',
    metadata: { actor: 'user-op-1', commandType: 'RecordSession', payloadHash: 'sha256:a' },
  };

  it('is empty for a true retry and names every field that differs, in a fixed order', () => {
    expect(commandDifferences(stored, stored)).toEqual([]);
    expect(
      commandDifferences(stored, {
        streamId: 'collectif-col-9',
        metadata: { actor: 'user-op-2', commandType: 'CancelSession', payloadHash: 'sha256:b' },
      }),
    ).toEqual(['stream', 'type', 'actor', 'payload']);
    expect(commandDifferences(stored, { ...stored, metadata: { ...stored.metadata, payloadHash: 'sha256:b' } })).toEqual(['payload']);
  });

  it('compares a field only when both sides carry it (events recorded before fingerprints existed)', () => {
    const legacy: CommandExecution = { streamId: 'collectif-col-1', metadata: { actor: 'user-op-1' } };
    expect(commandDifferences(legacy, stored)).toEqual([]);
    expect(commandDifferences(legacy, { ...stored, metadata: { ...stored.metadata, actor: 'user-op-2' } })).toEqual(['actor']);
    expect(commandDifferences(legacy, { ...stored, streamId: 'collectif-col-2' })).toEqual(['stream']);
  });
});
