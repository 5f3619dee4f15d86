import { INVALID_INPUT, MAX_NESTING_DEPTH, nestingDepthExceeds } from '@clas/domain';
import type { ClasCommand } from './clas-command.js';
import type { Actor, CommandBus, CommandOutcome } from './command-bus.port.js';
import { CLAS_COMMAND_TYPES, isClasCommandType } from './command-routes.js';

export type ImportLineStatus = 'accepted' | 'rejected' | 'duplicate' | 'invalid';

export interface ImportLineReport {
  /** 1-based line number in the file (blank lines count, but are not reported). */
  line: number;
  status: ImportLineStatus;
  commandId?: string;
  type?: string;
  /** Why a line was not accepted: the rule and message, or what is malformed. */
  reason?: string;
  /** The bus's outcome, when the line reached it. */
  outcome?: CommandOutcome;
}

export interface ImportTotals {
  lines: number;
  accepted: number;
  rejected: number;
  duplicate: number;
  invalid: number;
}

export interface ImportOptions {
  /** Correlates every event of this import run (default: each command correlates itself). */
  correlationId?: string;
}

type Parsed =
  { ok: true; command: ClasCommand; expectedVersion?: number } | { ok: false; reason: string; commandId?: string; type?: string };

/** One NDJSON line → a command, or why it is not one (never a throw: a bad line must not stop the file). */
export function parseCommandLine(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `malformed JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'a line must be a JSON object { type, commandId, occurredAt, data }' };
  const { type, commandId, occurredAt, data, expectedVersion } = value as Record<string, unknown>;
  const ids = { ...(typeof commandId === 'string' ? { commandId } : {}), ...(typeof type === 'string' ? { type } : {}) };
  // The same limit as an HTTP body (R-INPUT), before anything walks the line.
  if (nestingDepthExceeds(value))
    return { ok: false, ...ids, reason: `a line must not nest objects or arrays more than ${MAX_NESTING_DEPTH} levels deep` };
  if (!isClasCommandType(type))
    return { ok: false, ...ids, reason: `unknown command type ${JSON.stringify(type)} (known: ${CLAS_COMMAND_TYPES.join(', ')})` };
  if (
    expectedVersion !== undefined &&
    (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion) || expectedVersion < -1)
  ) {
    return { ok: false, ...ids, reason: 'expectedVersion must be an integer ≥ -1' };
  }
  // The envelope and payload are checked by the bus and the decider (R-INPUT), which name the field.
  const command = { type, commandId, occurredAt, data } as ClasCommand;
  return expectedVersion === undefined ? { ok: true, command } : { ok: true, command, expectedVersion };
}

function reportOf(line: number, command: ClasCommand, outcome: CommandOutcome): ImportLineReport {
  const base = { line, commandId: command.commandId, type: command.type, outcome };
  if (outcome.ok) return { ...base, status: outcome.duplicate ? 'duplicate' : 'accepted' };
  switch (outcome.kind) {
    case 'rejected': {
      const { rejection } = outcome;
      // A malformed payload is an invalid line; a business refusal is a rejected one.
      return {
        ...base,
        status: rejection.code === INVALID_INPUT ? 'invalid' : 'rejected',
        reason: `${rejection.ruleId} ${rejection.code}: ${rejection.message}`,
      };
    }
    case 'conflict':
      return {
        ...base,
        status: 'rejected',
        reason: `conflict on ${outcome.streamId}: expected version ${String(outcome.expectedVersion)}, actual ${outcome.actualVersion}`,
      };
    case 'not_found':
      return { ...base, status: 'rejected', reason: `not found: ${outcome.what} ${outcome.id}` };
    case 'forbidden':
      return { ...base, status: 'rejected', reason: `forbidden: ${outcome.reason}` };
  }
}

/**
 * Imports NDJSON commands, one per line, in order. Each line is one command, hence one append:
 * it is accepted whole or not at all, and a failing line does not stop the next ones. Lines
 * are executed one after the other so that later lines see the effects of earlier ones.
 */
export async function importCommands(
  lines: AsyncIterable<string> | Iterable<string>,
  bus: CommandBus,
  actor: Actor,
  onLine: (report: ImportLineReport) => void = () => undefined,
  options: ImportOptions = {},
): Promise<ImportTotals> {
  const totals: ImportTotals = { lines: 0, accepted: 0, rejected: 0, duplicate: 0, invalid: 0 };
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const text = raw.trim();
    if (text === '') continue;
    totals.lines++;
    const parsed = parseCommandLine(text);
    let report: ImportLineReport;
    if (!parsed.ok) {
      const { ok: _ok, ...rest } = parsed;
      report = { line: lineNumber, status: 'invalid', ...rest };
    } else {
      const outcome = await bus.execute({
        command: parsed.command,
        actor,
        ...(parsed.expectedVersion !== undefined ? { expectedVersion: parsed.expectedVersion } : {}),
        ...(options.correlationId !== undefined ? { correlationId: options.correlationId } : {}),
      });
      report = reportOf(lineNumber, parsed.command, outcome);
    }
    totals[report.status]++;
    onLine(report);
  }
  return totals;
}
