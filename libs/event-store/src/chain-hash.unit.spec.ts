import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EventHasher, GENESIS_HASH, encodeEvents } from './chain-hash.js';
import { NO_PREVIOUS_SEAL, RunningHash, SealKeyring, keyIdOf, sealHash, sealPayload, sealSignerFromPem, signSeal } from './seal.js';

/** The README's worked example: a third party re-implementing the chain checks itself against these values (recomputed in Python too). */
const EXAMPLE = {
  eventId: '0190f0a0-0000-7000-8000-000000000001',
  type: 'SessionHeld',
  schemaVersion: 1,
  data: '{"sessionId":"varsovie-s001","minutes":90,"label":"Atelier lecture – été"}',
  metadata: '{"actor":"op-11-lire-grandir","role":"operator","caf":"11"}',
  occurredAt: '2026-11-20T16:00:00.000Z',
  recordedAt: '2026-11-20T18:30:00.000Z',
};

/** L(f1…fk): the uint32 big-endian UTF-8 byte lengths, then the UTF-8 bytes — written out independently of chain-hash.ts. */
const l = (fields: string[]): Buffer => {
  const bytes = fields.map((field) => Buffer.from(field, 'utf8'));
  const lengths = Buffer.alloc(4 * bytes.length);
  bytes.forEach((b, i) => lengths.writeUInt32BE(b.length, 4 * i));
  return Buffer.concat([lengths, ...bytes]);
};
const e = (streamId: string, event: typeof EXAMPLE): Buffer =>
  l([
    'clas.event.v1',
    streamId,
    event.eventId,
    event.type,
    String(event.schemaVersion),
    event.occurredAt,
    event.recordedAt,
    event.metadata,
    event.data,
  ]);
const STREAM = 'collectif-col-varsovie-1';
const SECOND = { ...EXAMPLE, eventId: '0190f0a0-0000-7000-8000-000000000002' };

describe('the chain hash (README "Tamper evidence")', () => {
  it('is SHA-256(previous append hash || E(e1) || … || E(en)) with the documented encoding, and matches the worked example', () => {
    const hasher = new EventHasher();
    const first = hasher.hashAppend(GENESIS_HASH, STREAM, [EXAMPLE]);
    expect(first).toEqual(createHash('sha256').update(Buffer.alloc(32)).update(e(STREAM, EXAMPLE)).digest());
    expect(first.toString('hex')).toBe('39f90476aa65e0a49a21a7ea87c98e187d89bbd3beb8a3b0f021dd1803805796');
    // The next append of the stream, two events, chained to the first.
    const second = hasher.hashAppend(first, STREAM, [EXAMPLE, SECOND]);
    expect(second).toEqual(createHash('sha256').update(first).update(e(STREAM, EXAMPLE)).update(e(STREAM, SECOND)).digest());
    expect(second.toString('hex')).toBe('f8754e82bc92949b2b5e158cc4f226f7aea96ff3b0d26ccea4dae0ec53532453');
    // What PostgreSQL receives to hash after the previous hash it reads.
    expect(encodeEvents(STREAM, [EXAMPLE, SECOND])).toEqual(Buffer.concat([e(STREAM, EXAMPLE), e(STREAM, SECOND)]));
  });

  it('changes with every field, the stream id, the previous hash, the order and the grouping of events', () => {
    const hasher = new EventHasher();
    const hex = (previous: Buffer, stream: string, events: Array<typeof EXAMPLE>) =>
      hasher.hashAppend(previous, stream, events).toString('hex');
    const base = hex(GENESIS_HASH, 's', [EXAMPLE, SECOND]);
    const variants = [
      hex(Buffer.alloc(32, 1), 's', [EXAMPLE, SECOND]),
      hex(GENESIS_HASH, 't', [EXAMPLE, SECOND]),
      hex(GENESIS_HASH, 's', [SECOND, EXAMPLE]),
      hex(GENESIS_HASH, 's', [EXAMPLE]),
      ...Object.keys(EXAMPLE).map((key) =>
        hex(GENESIS_HASH, 's', [
          { ...EXAMPLE, [key]: key === 'schemaVersion' ? 2 : `${String(EXAMPLE[key as keyof typeof EXAMPLE])} ` },
          SECOND,
        ]),
      ),
      // The lengths: moving a character from one field to the next changes the bytes hashed.
      hex(GENESIS_HASH, 's', [{ ...EXAMPLE, occurredAt: EXAMPLE.occurredAt.slice(0, -1), recordedAt: `Z${EXAMPLE.recordedAt}` }, SECOND]),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('counts UTF-8 bytes for non-ASCII fields, short and long, and grows its buffer for a large append', () => {
    const unicode = { ...EXAMPLE, type: 'Événement😀', eventId: 'é\ud800x', data: JSON.stringify({ text: '😀é'.repeat(20_000) }) };
    const events = Array.from({ length: 30 }, () => unicode);
    const manual = createHash('sha256')
      .update(Buffer.alloc(32))
      .update(Buffer.concat(events.map((event) => e('unicode-é-😀', event))))
      .digest();
    expect(new EventHasher().hashAppend(GENESIS_HASH, 'unicode-é-😀', events)).toEqual(manual);
  });
});

describe('seals', () => {
  const key = generateKeyPairSync('ed25519');
  const signer = sealSignerFromPem(key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);

  it('sign the documented bytes with Ed25519; the key id is the SPKI fingerprint; the running hash is over (position, hash)', () => {
    expect(signer.keyId).toBe(
      createHash('sha256')
        .update(key.publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex')
        .slice(0, 32),
    );
    expect(keyIdOf(key.publicKey)).toBe(signer.keyId);
    const eventHash = Buffer.alloc(32, 0xab);
    const running = new RunningHash(Buffer.alloc(32));
    running.add(7, eventHash);
    running.add(2 ** 40 + 3, eventHash);
    const position = (p: number) => {
      const b = Buffer.alloc(8);
      b.writeBigUInt64BE(BigInt(p));
      return b;
    };
    const expected = createHash('sha256')
      .update(l(['clas.log.v1']))
      .update(Buffer.alloc(32))
      .update(position(7))
      .update(eventHash)
      .update(position(2 ** 40 + 3))
      .update(eventHash)
      .digest();
    expect(running.peek()).toEqual(expected);
    const seal = signSeal(
      {
        index: 1,
        upTo: 2 ** 40 + 3,
        events: 2,
        runningHash: expected.toString('hex'),
        previous: NO_PREVIOUS_SEAL,
        sealedAt: '2026-12-03T10:00:00.000Z',
      },
      signer,
    );
    expect(sealPayload(seal)).toEqual(
      l(['clas.seal.v1', '1', String(2 ** 40 + 3), '2', seal.runningHash, NO_PREVIOUS_SEAL, seal.sealedAt, signer.keyId]),
    );
    expect(sealHash(seal)).toBe(createHash('sha256').update(sealPayload(seal)).digest('hex'));
    const keyring = SealKeyring.fromPem([key.publicKey.export({ type: 'spki', format: 'pem' }) as string]);
    expect(keyring.check(seal)).toBe('valid');
    expect(keyring.check({ ...seal, events: 3 })).toBe('invalid');
    expect(keyring.check({ ...seal, signature: 'not base64 at all' })).toBe('invalid');
    expect(new SealKeyring([generateKeyPairSync('ed25519').publicKey]).check(seal)).toBe('unknown-key');
  });

  it('refuse a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => sealSignerFromPem(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)).toThrow('Ed25519');
    expect(() => new SealKeyring([rsa.publicKey])).toThrow('Ed25519');
  });
});
