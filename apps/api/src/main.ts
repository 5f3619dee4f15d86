import { ConfigError, loadConfig } from '@clas/runtime';
import { startApi } from './bootstrap.js';

try {
  await startApi(loadConfig());
} catch (error) {
  // A bad configuration or an unreachable store is a clear message and a non-zero exit, never a hang.
  const message = error instanceof ConfigError ? error.message : `cannot start: ${(error as Error).message}`;
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'api', msg: message }) + '\n');
  process.exit(error instanceof ConfigError ? 2 : 1);
}
