import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SealKeyring, signSeal, NO_PREVIOUS_SEAL } from '@clas/event-store';
import { sealPublicKeyPemOf, sealSignerOf } from './seal-key.js';

describe('the seal key (issue 11 §5)', () => {
  it('is generated once into the data directory (Ed25519, mode 0600); its public part checks what it signs', () => {
    const sealKeyPath = join(mkdtempSync(join(tmpdir(), 'clas-seal-key-')), 'data', 'seal-key.pem');
    expect(sealPublicKeyPemOf({ sealKeyPath })).toBeNull();
    const first = sealSignerOf({ sealKeyPath });
    expect(first.created).toBe(true);
    expect(readFileSync(sealKeyPath, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(statSync(sealKeyPath).mode & 0o777).toBe(0o600);
    const again = sealSignerOf({ sealKeyPath });
    expect(again).toMatchObject({ created: false, keyId: first.keyId });
    const publicPem = sealPublicKeyPemOf({ sealKeyPath })!;
    expect(publicPem).toContain('-----BEGIN PUBLIC KEY-----');
    const seal = signSeal(
      { index: 1, upTo: 3, events: 3, runningHash: 'ab'.repeat(32), previous: NO_PREVIOUS_SEAL, sealedAt: '2026-12-03T10:00:00.000Z' },
      again,
    );
    expect(SealKeyring.fromPem([publicPem]).check(seal)).toBe('valid');
  });
});
