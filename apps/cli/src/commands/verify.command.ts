import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { verifyExport } from '@clas/application';
import { SealKeyring, verifyLog, type VerificationSummary } from '@clas/event-store';
import { sealPublicKeyPemOf } from '@clas/runtime';
import { CliFailure, EXIT, UsageError } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { withStore } from '../open-store.js';
import { ProgressBar } from '../progress-bar.js';

const PEM_PUBLIC_KEY = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

const UNSEALED_NOTE =
  'covered by the per-stream hash chains only, not yet by a signed seal: an edit there that also recomputes the later hashes of its stream, or events removed from the end of the log, show only once a seal covers them';

/** One or more PEM public keys (several when the seal key was rotated). */
async function readPublicKeys(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliFailure(`cannot read the public key file ${path}: ${(error as Error).message}`, EXIT.usage);
  }
  const keys = text.match(PEM_PUBLIC_KEY) ?? [];
  if (keys.length === 0)
    throw new UsageError(`${path} holds no PEM public key (-----BEGIN PUBLIC KEY-----); \`clas seal-key\` prints one`, 'verify');
  return keys;
}

function keyringOf(pems: string[]): SealKeyring {
  try {
    return SealKeyring.fromPem(pems);
  } catch (error) {
    throw new UsageError(`not an Ed25519 seal public key: ${(error as Error).message}`, 'verify');
  }
}

function positionOption(raw: string | boolean | undefined): number | undefined {
  if (typeof raw !== 'string') return undefined;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw new UsageError(`--from must be a global position (an integer ≥ 0), got ${JSON.stringify(raw)}`, 'verify');
  return Number(raw);
}

async function verifyFile(path: string, keyring: SealKeyring, bar: ProgressBar): Promise<VerificationSummary> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliFailure(`cannot read ${path}`);
  }
  let characters = 0;
  const input = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  async function* counted(): AsyncIterable<string> {
    for await (const line of input) {
      characters += line.length + 1;
      yield line;
    }
  }
  try {
    return await verifyExport(counted(), { keyring, onProgress: (events) => bar.update(events, size > 0 ? characters / size : null) });
  } catch (error) {
    throw new CliFailure(`${path}: ${(error as Error).message}`);
  } finally {
    input.close();
  }
}

/**
 * `clas verify`: recomputes the chains and seals of the store, or of an export file with the
 * public key alone. JSON summary on stdout, progress on stderr; exit 3 naming the first break.
 */
export async function verifyCommand({ args, io, config }: CommandRun): Promise<number> {
  const exportFile = typeof args.values.export === 'string' ? args.values.export : null;
  const keyFile = typeof args.values['public-key'] === 'string' ? args.values['public-key'] : null;
  const from = positionOption(args.values.from);
  if (exportFile !== null && from !== undefined) throw new UsageError('--from applies to the store; an export is checked whole', 'verify');
  const pems = keyFile === null ? null : await readPublicKeys(keyFile);
  const bar = new ProgressBar(io.stderr, 'verify', { unit: 'events' });
  const started = performance.now();
  let summary: VerificationSummary;
  let source: Record<string, unknown>;
  if (exportFile !== null) {
    if (pems === null)
      throw new UsageError(
        '--export needs --public-key <key.pem>: the public key that checks the seals (`clas seal-key` prints it)',
        'verify',
      );
    summary = await verifyFile(exportFile, keyringOf(pems), bar);
    source = { export: exportFile, publicKey: keyFile };
  } else {
    const configured =
      pems ??
      (() => {
        const pem = sealPublicKeyPemOf(config);
        return pem === null ? null : [pem];
      })();
    summary = await withStore(config, async (store) => {
      if (configured === null && (await store.lastSeal()) !== null) {
        throw new CliFailure(
          `the log has seals but no public key to check them: give --public-key <key.pem>, or CLAS_SEAL_KEY_PATH (${config.sealKeyPath} does not exist)`,
          EXIT.usage,
        );
      }
      return verifyLog(store, {
        keyring: configured === null ? null : keyringOf(configured),
        ...(from === undefined ? {} : { from }),
        onProgress: ({ events, position, head }) => bar.update(events, head > 0 ? position / head : null),
      });
    });
    source = {
      store: config.eventStore,
      ...(config.eventStore === 'sqlite' ? { path: config.sqlitePath } : {}),
      publicKey: keyFile ?? (configured === null ? null : config.sealKeyPath),
    };
  }
  bar.finish(summary.events);
  const elapsedMs = Math.round(performance.now() - started);
  const report = {
    ...summary,
    source,
    unsealed: { ...summary.unsealed, ...(summary.unsealed.events > 0 ? { note: UNSEALED_NOTE } : {}) },
    elapsedMs,
    eventsPerSecond: elapsedMs > 0 ? Math.round((summary.events * 1000) / elapsedMs) : null,
  };
  io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const broken = summary.break;
  if (broken !== null) {
    const where =
      broken.streamId === null ? '' : ` (stream ${broken.streamId}${broken.streamVersion === null ? '' : ` v${broken.streamVersion}`})`;
    io.stderr.write(`clas verify: BROKEN at position ${broken.position}${where}: ${broken.problem}: ${broken.message}\n`);
    return EXIT.tampered;
  }
  if (summary.unsealed.events > 0) {
    io.stderr.write(
      `clas verify: intact; the last ${summary.unsealed.events} events (positions ${summary.unsealed.firstPosition}..${summary.unsealed.lastPosition}) are ${UNSEALED_NOTE}\n`,
    );
  } else {
    io.stderr.write(`clas verify: intact; every event is covered by a signed seal\n`);
  }
  return EXIT.ok;
}
