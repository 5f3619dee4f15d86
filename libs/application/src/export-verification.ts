import { ChainVerifier, type ChainRecord, type Seal, type SealKeyring, type VerificationSummary } from '@clas/event-store';
import { chainRecordOf, type ExportedEvent } from './log-export.js';

const BATCH = 1000;

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isText = (value: unknown): value is string => typeof value === 'string';

function isEventLine(line: Record<string, unknown>): line is Record<string, unknown> & ExportedEvent {
  return (
    isInteger(line.globalPosition) &&
    isText(line.streamId) &&
    isInteger(line.streamVersion) &&
    isText(line.eventId) &&
    isText(line.type) &&
    isInteger(line.schemaVersion) &&
    'data' in line &&
    typeof line.metadata === 'object' &&
    line.metadata !== null &&
    isText(line.occurredAt) &&
    isText(line.recordedAt)
  );
}

function isSeal(value: unknown): value is Seal {
  const seal = value as Record<string, unknown> | null;
  return (
    typeof seal === 'object' &&
    seal !== null &&
    isInteger(seal.index) &&
    isInteger(seal.upTo) &&
    isInteger(seal.events) &&
    isText(seal.runningHash) &&
    isText(seal.previous) &&
    isText(seal.sealedAt) &&
    isText(seal.keyId) &&
    isText(seal.signature)
  );
}

/**
 * Checks an export with the public keys alone, no database: the file is streamed once through
 * the same ChainVerifier as `clas verify` on a store (memory: one head per stream). A line that
 * is neither an event nor a seal is an error naming the line.
 */
export async function verifyExport(
  lines: AsyncIterable<string> | Iterable<string>,
  options: { keyring: SealKeyring; onProgress?: (events: number) => void },
): Promise<VerificationSummary> {
  const verifier = new ChainVerifier({ keyring: options.keyring });
  let batch: ChainRecord[] = [];
  let events = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await verifier.add(batch);
    events += batch.length;
    batch = [];
    options.onProgress?.(events);
  };
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const text = raw.trim();
    if (text === '') continue;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`line ${lineNumber}: malformed JSON: ${(error as Error).message}`, { cause: error });
    }
    if (typeof line === 'object' && line !== null && 'seal' in line && isSeal(line.seal)) {
      await flush();
      verifier.addSeal(line.seal);
    } else if (typeof line === 'object' && line !== null && isEventLine(line)) {
      batch.push(chainRecordOf(line));
      if (batch.length === BATCH) await flush();
    } else {
      throw new Error(`line ${lineNumber}: neither an exported event nor a seal`);
    }
    if (verifier.broken !== null) break;
  }
  await flush();
  return verifier.finish();
}
