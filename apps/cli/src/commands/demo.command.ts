import { rm } from 'node:fs/promises';
import { ClasCommandBus } from '@clas/application';
import { campaignStreamId, parisDateOf, schoolYear } from '@clas/domain';
import { ClasQueries, InMemoryStreamDirectory } from '@clas/projections';
import { type ClasConfig, localApiUrl } from '@clas/runtime';
import { configuredTokenService } from '@clas/auth';
import { type PersonRecord, openPersonalData } from '@clas/personal-data';
import { CliFailure, EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';
import { demoReport } from '../demo/demo-report.js';
import { type DemoSeason, demoSeason } from '../demo/demo-season.js';
import { personName } from '../demo/season-builders.js';
import { playSeason } from '../demo/season-player.js';
import { SimulatedClock } from '../demo/simulated-clock.js';
import { openStore } from '../open-store.js';
import { sealLog } from '../sealing.js';
import { ProgressBar } from '../progress-bar.js';

const DEMO_CAMPAIGNS = [campaignStreamId('40', schoolYear('2025-2026')), campaignStreamId('11', schoolYear('2026-2027'))];

const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);

/** `--reset`: the demo's own SQLite files (log, personal data, read models), with their WAL companions. */
async function resetFiles(config: ClasConfig): Promise<string[]> {
  if (config.eventStore !== 'sqlite')
    throw new CliFailure(
      `--reset deletes SQLite files only; with ${config.eventStore}, point the configuration at an empty store instead`,
      EXIT.usage,
    );
  const files = [config.sqlitePath, config.personalDataPath, ...(isUrl(config.readDb) ? [] : [config.readDb])].filter(
    (f) => f !== ':memory:',
  );
  for (const file of files) {
    for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
  }
  return files;
}

/** Names for the children and staff who had joined by today: what `clas erase` removes. */
async function writeNames(config: ClasConfig, season: DemoSeason, today: string): Promise<number> {
  const store = await openPersonalData(config);
  let count = 0;
  try {
    for (const { cafCode, operatorId, stats } of season.collectifs) {
      for (const person of stats.persons.filter((p) => p.since <= today)) {
        const name = personName(count);
        const record: PersonRecord = {
          personId: person.personId,
          kind: person.kind,
          ...name,
          contact:
            person.kind === 'staff'
              ? { email: `${person.personId}@example.org`, phone: null, address: null }
              : { email: null, phone: null, address: null },
          cafCode,
          operatorId,
          updatedAt: new Date(`${person.since}T12:00:00Z`).toISOString(),
        };
        await store.put(record);
        count++;
      }
    }
  } finally {
    await store.close();
  }
  return count;
}

/**
 * Plays the demo season into the configured store, on a simulated clock that ends at today
 * (the CLI's clock): the store stamps each event with the day the season says it was typed in.
 */
export async function demoCommand({ args, io, config, log }: CommandRun): Promise<number> {
  // The tokens it prints are signed with the secret the API will use (CLAS_JWT_SECRET or the
  // data directory's generated one): resolved first, so a secret problem stops it before any write.
  const tokens = configuredTokenService(config);
  if (args.values.reset === true) log.event('reset', { deleted: await resetFiles(config) });

  const now = io.clock.now().toISOString();
  const season = demoSeason();
  const steps = season.plan.playable(now);
  if (steps.length === 0) throw new CliFailure(`nothing to play: today (${now}) is before the demo season starts`);
  const clock = new SimulatedClock(steps[0]!.recordAt);
  const store = await openStore(config, clock);
  try {
    for (const streamId of DEMO_CAMPAIGNS) {
      if ((await store.streamVersion(streamId)) >= 0) {
        throw new CliFailure(
          `the demo has already been played on this database (${streamId} exists). Run \`clas demo --reset\` to start again, or set CLAS_SQLITE_PATH to a new file.`,
        );
      }
    }
    const directory = new InMemoryStreamDirectory(store);
    const bus = new ClasCommandBus(store, { directory });
    const queries = new ClasQueries(store, directory, clock);
    const bar = new ProgressBar(io.stderr, 'demo', { unit: 'commands' });
    let month = '';
    let monthStart = 0;
    const result = await playSeason(season.plan, { bus, queries, clock, now }, ({ index, total, step, events }) => {
      const stepMonth = parisDateOf(step.recordAt).slice(0, 7);
      if (stepMonth !== month) {
        if (month) bar.line(`demo ${month}  ${String(index - 1 - monthStart).padStart(4)} commands  (${events} events so far)`);
        month = stepMonth;
        monthStart = index - 1;
      }
      bar.update(index, index / total, `simulated ${parisDateOf(step.recordAt)}`);
      if (index === total) bar.line(`demo ${month}  ${String(index - monthStart).padStart(4)} commands  (${events} events)`);
    });
    bar.finish(result.commands, `up to ${parisDateOf(now)}`);
    // The season ends sealed: `clas verify` finds every event under a signed seal.
    await sealLog(config, store, io.clock, log, io.stderr);
    const names = await writeNames(config, season, parisDateOf(now));
    log.event('demo played', { ...result, elapsedMs: Math.round(result.elapsedMs), personalDataRecords: names });
    const report = await demoReport({
      result,
      queries: new ClasQueries(store, directory, io.clock),
      tokens,
      baseUrl: localApiUrl(config),
      now,
    });
    io.stdout.write(`${report}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
