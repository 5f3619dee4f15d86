/**
 * The commands of `clas`, their options and their help text: one table that drives both the
 * argument parsing (`node:util` parseArgs) and `--help`, so the two cannot drift apart.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in the help, e.g. `<file>`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  details: string[];
  options: Record<string, OptionSpec>;
  positionals: { min: number; max: number };
}

const AS_OF_OPTIONS: Record<string, OptionSpec> = {
  at: {
    type: 'string',
    value: '<date|instant>',
    description: 'the world as it was then (occurredAt ≤ at); a date YYYY-MM-DD means the end of that day in Europe/Paris; default now',
  },
  'known-at': {
    type: 'string',
    value: '<date|instant>',
    description: 'using only what had been recorded by then (recordedAt ≤ knownAt); same format; default now',
  },
};

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'serve',
    usage: 'clas serve',
    summary: 'start the HTTP API (HOST:PORT, default 127.0.0.1:3000; OpenAPI at /docs)',
    details: ['Runs until SIGTERM/SIGINT. Same as `npm start`.'],
    options: {},
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'demo',
    usage: 'clas demo [--reset]',
    summary: 'play a realistic season (Landes 2025-2026, Aude 2026-2027) into the configured store',
    details: [
      'Opens the Landes 2025-2026 and Aude 2026-2027 campaigns (with two small earlier Landes campaigns for',
      'the multi-year history) and plays the season through the command bus, day by day on a simulated',
      'clock so that recordedAt follows the calendar: operators, filings (one late: refused, then declared',
      'not receivable), examinations, committee decisions and a correction recorded later, collectifs with',
      'children leaving and replaced, staff, two sessions a week with attendance (some typed in days later),',
      'parent actions, school concertations, partners, bilans, payments and a recovery, a convention with',
      'amendments. Landes runs its whole year; Aude runs up to today (the clock). Ends with a summary,',
      'example queries and ready-to-use tokens. Refuses to play twice on the same database.',
    ],
    options: {
      reset: { type: 'boolean', description: 'delete the SQLite event store, personal-data and read-model files first' },
    },
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'import',
    usage: 'clas import <file.ndjson>',
    summary: 'execute one command per line ({type, commandId, occurredAt, data, expectedVersion?})',
    details: [
      'Each line is one command, accepted whole or not at all; a failing line does not stop the file.',
      'stdout: one JSON report per line (accepted | duplicate | rejected | invalid, with the reason), then the',
      'totals. stderr: a progress bar. Exit 0 when every line was accepted or a duplicate, 1 otherwise.',
      'The commands run as the `system` actor (the import is an operator-run batch, scoped by the file).',
    ],
    options: {},
    positionals: { min: 1, max: 1 },
  },
  {
    name: 'export',
    usage: 'clas export [--out <file>]',
    summary: 'seal the log, then write it as NDJSON (global order) with its hashes and seals, to stdout by default',
    details: [
      'The output restores with `clas restore` (same event ids, versions and recordedAt), and anyone holding',
      'the public key (`clas seal-key`) checks it with `clas verify --export <file> --public-key <key.pem>`.',
      'Each event line carries its chain hash; a {"seal": …} line follows the event each seal ends at.',
    ],
    options: { out: { type: 'string', short: 'o', value: '<file>', description: 'write to this file instead of stdout' } },
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'restore',
    usage: 'clas restore <file.ndjson>',
    summary: 'restore an export into an empty store',
    details: [
      'Refuses a store that already holds events. recordedAt is kept; metadata.restored marks the events.',
      'Seal lines are skipped: the restored log gets hash chains (and seals) of its own; check the file itself with `clas verify --export`.',
    ],
    options: {},
    positionals: { min: 1, max: 1 },
  },
  {
    name: 'rebuild',
    usage: 'clas rebuild',
    summary: 'rebuild the stored read models (CLAS_READ_DB) from the log, with a progress bar',
    details: ['Stop the projector worker first: the rebuild truncates and replays the read models.'],
    options: {},
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'query',
    usage: 'clas query <question> <id…> [--at <date|instant>] [--known-at <date|instant>]',
    summary: 'answer a question at any date, JSON on stdout',
    details: [
      'Questions:',
      '  eligibility <projectId>         lifecycle, decision (with corrections), every criterion',
      '  ps <projectId>                  forecast / actual PS, payments, due or to recover',
      '  bilan <projectId>               the project bilan computed from events',
      '  history <projectId>             the events of the project and its collectifs',
      '  convention <conventionId>       a multi-year convention at the date',
      '  departmental <cafCode> <year>   the departmental bilan, e.g. 40 2025-2026',
      '  committee <cafCode> <year>      the committee: orientations, meetings and their decisions',
      "  ranking <cafCode> <year> <meetingId>  a meeting's files ranked against the orientations",
      '  envelope <cafCode> <year>       R-BUDGET-ENVELOPE: envelope, committed, consumed, remaining, overrides',
      'An unknown id (or one that did not exist at the date) prints a message on stderr and exits 4.',
    ],
    options: AS_OF_OPTIONS,
    positionals: { min: 2, max: 4 },
  },
  {
    name: 'token',
    usage: 'clas token --role <role> [--caf <code>] [--operator <id>] [--sub <id>] [--ttl <8h>]',
    summary: "print a signed bearer token for the API (the API's secret: CLAS_JWT_SECRET, or the one generated in CLAS_DATA_DIR)",
    details: ['Roles: caf_agent, committee, operator (needs --operator), auditor, dashboard. No --caf = national scope.'],
    options: {
      role: { type: 'string', value: '<role>', description: 'caf_agent | committee | operator | auditor | dashboard' },
      caf: { type: 'string', value: '<code>', description: 'the Caf (département code) the user works for, e.g. 11' },
      operator: { type: 'string', value: '<id>', description: 'the operator of an operator user' },
      sub: { type: 'string', value: '<id>', description: 'opaque user id (default: cli-<role>)' },
      ttl: { type: 'string', value: '<duration>', description: 'validity, e.g. 3600s, 30m, 8h (default 8h; at most CLAS_TOKEN_MAX_TTL)' },
    },
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'erase',
    usage: 'clas erase <personId>',
    summary: "erase a person's names and contacts from the personal-data store (the log is untouched)",
    details: ['Right to erasure (domain.md §8): the person still counts in every figure, under the opaque id.'],
    options: {},
    positionals: { min: 1, max: 1 },
  },
  {
    name: 'verify',
    usage: 'clas verify [--from <position>] | clas verify --export <file> --public-key <key.pem>',
    summary: 'recompute the hash chains and check the signed seals of the log (or of an export file)',
    details: [
      'Streams the log in global order, recomputes every event’s chain hash and every seal’s running hash,',
      'and checks the seals’ Ed25519 signatures. stdout: a JSON summary; stderr: progress. Exit 0 when intact,',
      '3 with the first broken position, stream and what broke (hash_mismatch, version_gap, version_order,',
      'position_order, missing_hash, seal_mismatch, seal_signature, seal_unknown_key, seal_sequence).',
      'Events after the last seal are covered by the chains only (the summary counts them as "unsealed").',
      'Without --public-key the public part of the configured seal key (CLAS_SEAL_KEY_PATH) checks the seals.',
    ],
    options: {
      from: {
        type: 'string',
        value: '<position>',
        description: 'resume from the last seal below this position (what precedes it was verified before)',
      },
      export: {
        type: 'string',
        value: '<file>',
        description: 'check an export file instead of the store: no database, the public key alone',
      },
      'public-key': { type: 'string', value: '<key.pem>', description: 'PEM file with the seal public key(s) (`clas seal-key` prints it)' },
    },
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'seal',
    usage: 'clas seal',
    summary: 'sign a seal over the log up to its visible head (the API also seals every CLAS_SEAL_INTERVAL_MS)',
    details: [
      'Recomputes the chain hashes of the events since the last seal, then signs their running hash with the',
      'seal key (CLAS_SEAL_KEY_PATH, generated on first use). Prints the seal as JSON. Exit 3 without signing',
      'when those events do not match their chains.',
    ],
    options: {},
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'seal-key',
    usage: 'clas seal-key',
    summary: 'print the public key that checks the seals (PEM), for auditors',
    details: ['The private key stays in CLAS_SEAL_KEY_PATH (mode 0600); it is generated on first use.'],
    options: {},
    positionals: { min: 0, max: 0 },
  },
];

export const specOf = (name: string): CommandSpec | undefined => COMMAND_SPECS.find((spec) => spec.name === name);

const ENVIRONMENT = [
  'CLAS_EVENT_STORE   sqlite (default) | postgres | eventstoredb',
  'CLAS_SQLITE_PATH   event log file (default ./data/clas.sqlite)',
  'CLAS_DATABASE_URL  postgres:// URL when CLAS_EVENT_STORE=postgres',
  'CLAS_ESDB_URL      esdb:// connection string when CLAS_EVENT_STORE=eventstoredb',
  'CLAS_READ_DB       read-model database, SQLite path or postgres:// URL (default ./data/clas-read.sqlite)',
  'CLAS_PERSONAL_DATA_PATH  names and contacts, SQLite (default ./data/clas-personal.sqlite; in PostgreSQL with CLAS_EVENT_STORE=postgres)',
  'CLAS_DATA_DIR      generated secrets, mode 0600 (default: the directory of CLAS_SQLITE_PATH, ./data)',
  'CLAS_JWT_SECRET    HS256 secret of the API tokens (≥ 32 characters; unset: generated once into CLAS_DATA_DIR/jwt-secret)',
  'CLAS_TOKEN_MAX_TTL longest token lifetime the API accepts and `clas token` issues (default 12h)',
  'HOST               interface of `clas serve` (default 127.0.0.1; 0.0.0.0 in a container)',
  'CLAS_SEAL_KEY_PATH Ed25519 key signing the seals (default <CLAS_DATA_DIR>/seal-key.pem, generated on first use)',
  'PORT               HTTP port of `clas serve` (default 3000)',
];

export function generalHelp(): string {
  const width = Math.max(...COMMAND_SPECS.map((s) => s.name.length));
  return [
    'clas — the Clas back office on the command line',
    '',
    'Usage: clas <command> [options]     (npm run --silent clas -- <command> [options])',
    '',
    'Commands:',
    ...COMMAND_SPECS.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    'Run `clas <command> --help` for the options of a command.',
    'The configuration comes from the environment and is printed as JSON on stderr at start:',
    ...ENVIRONMENT.map((line) => `  ${line}`),
    '',
    'Exit codes: 0 ok, 1 failure, 2 bad arguments, 3 the log was altered (verify, seal), 4 not found.',
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
    return `  ${flag.padEnd(30)} ${o.description}`;
  });
  return [
    `Usage: ${spec.usage}`,
    '',
    spec.summary,
    '',
    ...spec.details,
    '',
    ...(options.length > 0
      ? ['Options:', ...options, `  ${'-h, --help'.padEnd(30)} this help`, '']
      : ['Options:', `  ${'-h, --help'.padEnd(30)} this help`, '']),
  ].join('\n');
}
