import { createHash, createPrivateKey, createPublicKey, sign, verify, type Hash, type KeyObject } from 'node:crypto';
import { HASH_BYTES, framed, sha256 } from './chain-hash.js';
import type { Seal } from './tamper-evidence.port.js';

/**
 * Seals: signed checkpoints of the global order (README.md "Tamper evidence").
 *
 *   running(k) = SHA-256( F("clas.log.v1") || running(k-1) || for each event e with
 *                         upTo(k-1) < position ≤ upTo(k), in position order:
 *                         uint64 big-endian position || hash(e) )          running(0) = 32 zero bytes
 *   S(k)       = F("clas.seal.v1") || F(index) || F(upTo) || F(events) || F(runningHash hex)
 *                || F(previous hex) || F(sealedAt) || F(keyId)              (F: chain-hash.ts)
 *   signature  = Ed25519(S(k));   previous(k+1) = hex SHA-256(S(k));   previous(1) = 64 zeros
 *   keyId      = first 32 hex digits of SHA-256(public key in SPKI DER)
 */
export const LOG_HASH_DOMAIN = 'clas.log.v1';
export const SEAL_DOMAIN = 'clas.seal.v1';
export const NO_PREVIOUS_SEAL = '0'.repeat(2 * HASH_BYTES);
const ENTRY_BYTES = 8 + HASH_BYTES;

export function sealPayload(seal: Omit<Seal, 'signature'>): Buffer {
  return framed([
    SEAL_DOMAIN,
    String(seal.index),
    String(seal.upTo),
    String(seal.events),
    seal.runningHash,
    seal.previous,
    seal.sealedAt,
    seal.keyId,
  ]);
}

/** What the next seal names as `previous`. */
export function sealHash(seal: Seal): string {
  return sha256(sealPayload(seal)).toString('hex');
}

export function keyIdOf(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' }))
    .toString('hex')
    .slice(0, 32);
}

/** The key that signs seals (the private part stays with the sealer). */
export interface SealSigner {
  keyId: string;
  publicKey: KeyObject;
  sign(payload: Buffer): string;
}

export function sealSignerFromPem(privateKeyPem: string): SealSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`the seal key must be an Ed25519 private key, got ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), publicKey, sign: (payload) => sign(null, payload, privateKey).toString('base64') };
}

/** Public keys by key id: all a third party needs to check seals. */
export class SealKeyring {
  private readonly keys = new Map<string, KeyObject>();

  constructor(publicKeys: readonly KeyObject[]) {
    for (const key of publicKeys) {
      if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a seal public key must be Ed25519, got ${key.asymmetricKeyType}`);
      this.keys.set(keyIdOf(key), key);
    }
  }

  /** PEM (SPKI) text of each key. */
  static fromPem(pems: readonly string[]): SealKeyring {
    return new SealKeyring(pems.map((pem) => createPublicKey(pem)));
  }

  get size(): number {
    return this.keys.size;
  }

  /** 'valid' | 'invalid' | 'unknown-key' */
  check(seal: Seal): 'valid' | 'invalid' | 'unknown-key' {
    const key = this.keys.get(seal.keyId);
    if (key === undefined) return 'unknown-key';
    let signature: Buffer;
    try {
      signature = Buffer.from(seal.signature, 'base64');
    } catch {
      return 'invalid';
    }
    return verify(null, sealPayload(seal), key, signature) ? 'valid' : 'invalid';
  }
}

/** Signs a seal built by the sealer. */
export function signSeal(fields: Omit<Seal, 'signature' | 'keyId'>, signer: SealSigner): Seal {
  const unsigned = { ...fields, keyId: signer.keyId };
  return { ...unsigned, signature: signer.sign(sealPayload(unsigned)) };
}

/**
 * The running hash of one segment (between two seals), fed event by event. Entries are buffered
 * so the hash is updated once per ~1000 events rather than once per event.
 */
export class RunningHash {
  private hash: Hash;
  private readonly buffer = Buffer.allocUnsafe(ENTRY_BYTES * 1024);
  private used = 0;

  constructor(previous: Uint8Array) {
    this.hash = RunningHash.start(previous);
  }

  private static start(previous: Uint8Array): Hash {
    return createHash('sha256')
      .update(framed([LOG_HASH_DOMAIN]))
      .update(previous);
  }

  add(position: number, eventHash: Uint8Array): void {
    if (this.used === this.buffer.length) this.flush();
    const at = this.used;
    this.buffer.writeUInt32BE(Math.floor(position / 0x1_0000_0000), at);
    this.buffer.writeUInt32BE(position >>> 0, at + 4);
    this.buffer.set(eventHash, at + 8);
    this.used += ENTRY_BYTES;
  }

  private flush(): void {
    if (this.used > 0) this.hash.update(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** The running hash so far, without ending the segment. */
  peek(): Buffer {
    this.flush();
    return this.hash.copy().digest();
  }

  /** Ends the segment at a seal; the next segment starts from `next` (the seal's running hash). */
  restart(next: Uint8Array): void {
    this.used = 0;
    this.hash = RunningHash.start(next);
  }
}
