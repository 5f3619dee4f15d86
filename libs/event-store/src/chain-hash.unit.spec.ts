import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EventHasher, GENESIS_HASH, encodeEvents } from './chain-hash.js';
import { NO_PREVIOUS_SEAL, RunningHash, SealKeyring, keyIdOf, sealHash, sealPayload, sealSignerFromPem, signSeal } from './seal.js';

/** The README's worked example: a third party re-implementing the chain checks itself against these values. */
const EXAMPLE = {
  eventId: '0190f0a0-0000-7000-8000-000000000001',
  type: 'SessionHeld',
  schemaVersion: 1,
  data: '{"sessionId":"varsovie-s001","minutes":90,"label":"Atelier lecture – été"}',
  metadata: '{"actor":"op-11-lire-grandir","role":"operator","caf":"11"}',
  occurredAt: '2026-11-20T16:00:00.000Z',
  recordedAt: '2026-11-20T18:30:00.000Z',
};

/** F(s): uint32 big-endian byte length, then the UTF-8 bytes — written out independently of chain-hash.ts. */
const f = (text: string): Buffer => {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};

describe('the chain hash (README "Tamper evidence")', () => {
  it('is SHA-256(previous || E(event)) with the documented framing, and matches the worked example', () => {
    const e = Buffer.concat(['clas.event.v1', 'collectif-col-varsovie-1', EXAMPLE.eventId, EXAMPLE.type, '1', EXAMPLE.data, EXAMPLE.metadata, EXAMPLE.occurredAt, EXAMPLE.recordedAt].map(f));
    const first = createHash('sha256').update(Buffer.alloc(32)).update(e).digest();
    const hasher = new EventHasher();
    const computed = hasher.next(GENESIS_HASH, 'collectif-col-varsovie-1', EXAMPLE);
    expect(computed.toString('hex')).toBe(first.toString('hex'));
    expect(computed.toString('hex')).toBe('01b5b4753e8cdd8410a7b9a3e876c5a82be31c66b61e63dd0f26213bbebdf25a');
    const second = hasher.next(computed, 'collectif-col-varsovie-1', { ...EXAMPLE, eventId: '0190f0a0-0000-7000-8000-000000000002' });
    expect(hasher.chain(GENESIS_HASH, 'collectif-col-varsovie-1', [EXAMPLE, { ...EXAMPLE, eventId: '0190f0a0-0000-7000-8000-000000000002' }])).toEqual([computed, second]);
    // What PostgreSQL receives: E(e) per event, concatenated, with the lengths.
    const encoded = encodeEvents('collectif-col-varsovie-1', [EXAMPLE]);
    expect(encoded.payload).toEqual(e);
    expect(encoded.lengths).toEqual([e.length]);
  });

  it('changes with every field, and the stream id and the previous hash', () => {
    const hasher = new EventHasher();
    const base = hasher.next(GENESIS_HASH, 's', EXAMPLE).toString('hex');
    const variants = [
      hasher.next(Buffer.alloc(32, 1), 's', EXAMPLE),
      hasher.next(GENESIS_HASH, 't', EXAMPLE),
      ...Object.keys(EXAMPLE).map((key) => hasher.next(GENESIS_HASH, 's', { ...EXAMPLE, [key]: key === 'schemaVersion' ? 2 : `${String(EXAMPLE[key as keyof typeof EXAMPLE])} ` })),
      // Framing: moving a character from one field to the next changes the bytes hashed.
      hasher.next(GENESIS_HASH, 's', { ...EXAMPLE, occurredAt: EXAMPLE.occurredAt.slice(0, -1), recordedAt: `Z${EXAMPLE.recordedAt}` }),
    ].map((h) => h.toString('hex'));
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('hashes a long or multi-byte event exactly (the scratch buffer grows)', () => {
    const big = { ...EXAMPLE, data: JSON.stringify({ text: '😀é'.repeat(20_000) }) };
    const manual = createHash('sha256')
      .update(Buffer.alloc(32))
      .update(Buffer.concat(['clas.event.v1', 's', big.eventId, big.type, '1', big.data, big.metadata, big.occurredAt, big.recordedAt].map(f)))
      .digest();
    expect(new EventHasher().next(GENESIS_HASH, 's', big)).toEqual(manual);
  });
});

describe('seals', () => {
  const key = generateKeyPairSync('ed25519');
  const signer = sealSignerFromPem(key.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);

  it('sign the documented bytes with Ed25519; the key id is the SPKI fingerprint; the running hash is over (position, hash)', () => {
    expect(signer.keyId).toBe(createHash('sha256').update(key.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32));
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
    const expected = createHash('sha256').update(f('clas.log.v1')).update(Buffer.alloc(32)).update(position(7)).update(eventHash).update(position(2 ** 40 + 3)).update(eventHash).digest();
    expect(running.peek()).toEqual(expected);
    const seal = signSeal({ index: 1, upTo: 2 ** 40 + 3, events: 2, runningHash: expected.toString('hex'), previous: NO_PREVIOUS_SEAL, sealedAt: '2026-12-03T10:00:00.000Z' }, signer);
    expect(sealPayload(seal)).toEqual(Buffer.concat(['clas.seal.v1', '1', String(2 ** 40 + 3), '2', seal.runningHash, NO_PREVIOUS_SEAL, seal.sealedAt, signer.keyId].map(f)));
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
