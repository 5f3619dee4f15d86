import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { sealSignerFromPem, type SealSigner } from '@clas/event-store';
import type { ClasConfig } from './config.js';
import { readOrCreateSecretFile } from './secret-file.js';

/** A new Ed25519 private key, PKCS#8 PEM: what the data directory keeps (mode 0600). */
const newSealKey = (): string => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

/**
 * The key that signs seals (CLAS_SEAL_KEY_PATH), generated at the first start of the API, `clas
 * seal` or `clas demo`. Every process sharing the data directory signs with the same key.
 */
export function sealSignerOf(config: Pick<ClasConfig, 'sealKeyPath'>): SealSigner & { created: boolean; path: string } {
  const file = readOrCreateSecretFile(config.sealKeyPath, newSealKey);
  return { ...sealSignerFromPem(file.value), created: file.created, path: file.path };
}

/** The public part (SPKI PEM) of the configured seal key if it exists: never creates one (verify only reads). */
export function sealPublicKeyPemOf(config: Pick<ClasConfig, 'sealKeyPath'>): string | null {
  if (!existsSync(config.sealKeyPath)) return null;
  return createPublicKey(readFileSync(config.sealKeyPath, 'utf8')).export({ type: 'spki', format: 'pem' }) as string;
}
