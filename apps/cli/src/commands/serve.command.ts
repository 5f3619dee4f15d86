import { EXIT } from '../cli-io.js';
import type { CommandRun } from '../cli.js';

/** The HTTP API, as `npm start` runs it; the server keeps the process alive until a signal. */
export async function serveCommand({ config }: CommandRun): Promise<number> {
  const { startApi } = await import('../../../api/src/bootstrap.js');
  await startApi(config);
  return EXIT.ok;
}
