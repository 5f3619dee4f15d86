import { sealSignerOf } from '@clas/runtime';
import { EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';

/** The public key an auditor needs (`clas verify --export <file> --public-key <key.pem>`), PEM on stdout. */
export async function sealKeyCommand({ io, config, log }: CommandRun): Promise<number> {
  const signer = sealSignerOf(config);
  if (signer.created) log.event('seal key generated', { path: signer.path, keyId: signer.keyId });
  io.stdout.write(signer.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  log.event('seal public key', { keyId: signer.keyId, path: signer.path });
  return EXIT.ok;
}
