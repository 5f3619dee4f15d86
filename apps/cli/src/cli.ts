import { parseArgs } from 'node:util';
import { type ClasConfig, ConfigError, JsonLogger, describeConfig, loadConfig } from '@clas/runtime';
import { type CliIo, CliFailure, EXIT, UsageError, processIo } from './cli-io.js';
import { COMMAND_SPECS, type CommandSpec, commandHelp, generalHelp, specOf } from './command-specs.js';

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** What a command receives: its arguments, the process surface and the validated configuration. */
export interface CommandRun {
  args: ParsedArgs;
  io: CliIo;
  config: ClasConfig;
  /** Structured JSON lines on stderr (stdout carries the command's data). */
  log: JsonLogger;
}

export type CommandHandler = (run: CommandRun) => Promise<number>;

/** Loaded on demand: `clas token` should not pay for loading Nest, `clas serve` needs it. */
const HANDLERS: Record<string, () => Promise<CommandHandler>> = {
  serve: async () => (await import('./commands/serve.command.js')).serveCommand,
  demo: async () => (await import('./commands/demo.command.js')).demoCommand,
  import: async () => (await import('./commands/import.command.js')).importCommand,
  export: async () => (await import('./commands/export.command.js')).exportCommand,
  restore: async () => (await import('./commands/restore.command.js')).restoreCommand,
  rebuild: async () => (await import('./commands/rebuild.command.js')).rebuildCommand,
  query: async () => (await import('./commands/query.command.js')).queryCommand,
  token: async () => (await import('./commands/token.command.js')).tokenCommand,
  erase: async () => (await import('./commands/erase.command.js')).eraseCommand,
  verify: async () => (await import('./commands/verify.command.js')).verifyCommand,
  seal: async () => (await import('./commands/seal.command.js')).sealCommand,
  'seal-key': async () => (await import('./commands/seal-key.command.js')).sealKeyCommand,
};

export function stderrLogger(io: CliIo): JsonLogger {
  return new JsonLogger('clas', new Set(['log', 'warn', 'error', 'fatal']), (line) => io.stderr.write(`${line}\n`));
}

function parse(spec: CommandSpec, args: readonly string[]): ParsedArgs & { help: boolean } {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  ) as Record<string, { type: 'string' | 'boolean'; short?: string }>;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, spec.name);
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  if (help === true) return { values, positionals: parsed.positionals, help: true };
  const { min, max } = spec.positionals;
  if (parsed.positionals.length < min) throw new UsageError(`missing argument${min - parsed.positionals.length > 1 ? 's' : ''}`, spec.name);
  if (parsed.positionals.length > max) throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[max])}`, spec.name);
  return { values, positionals: parsed.positionals, help: false };
}

/**
 * The whole CLI as a function: `argv` without the node and script paths. Returns the exit code;
 * never calls process.exit, so tests run it in-process and `serve` keeps its server running.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(generalHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? specOf(rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : generalHelp());
    return EXIT.ok;
  }
  const spec = specOf(name);
  if (!spec) {
    io.stderr.write(
      `clas: unknown command ${JSON.stringify(name)}; commands: ${COMMAND_SPECS.map((s) => s.name).join(', ')}\nRun \`clas --help\` for the list.\n`,
    );
    return EXIT.usage;
  }
  try {
    const args = parse(spec, rest);
    if (args.help) {
      io.stdout.write(commandHelp(spec));
      return EXIT.ok;
    }
    const config = loadConfig(io.env);
    const log = stderrLogger(io);
    // `serve` prints its own configuration line through the API's logger.
    if (spec.name !== 'serve') log.event('configuration', { command: spec.name, ...describeConfig(config) });
    const handler = await HANDLERS[spec.name]!();
    return await handler({ args: { values: args.values, positionals: args.positionals }, io, config, log });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`clas ${name}: ${error.message}\nUsage: ${spec.usage}\nRun \`clas ${name} --help\` for details.\n`);
      return EXIT.usage;
    }
    // A bad configuration — a variable, or the token secret file it leads to — is exit code 2, found before any write.
    if (error instanceof ConfigError) {
      io.stderr.write(`clas ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      io.stderr.write(`clas ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    io.stderr.write(`clas ${name}: ${e.message ?? String(error)}\n`);
    stderrLogger(io).error(e);
    return EXIT.failure;
  }
}
