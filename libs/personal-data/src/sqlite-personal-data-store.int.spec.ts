import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlitePersonalDataStore } from './sqlite-personal-data-store.js';
import { personalDataStoreContract } from './testing/personal-data-store.contract.js';

/** A file of its own (with its WAL), as CLAS_PERSONAL_DATA_PATH gives it to the API and `clas erase`. */
personalDataStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clas-personal-data-'));
  const path = join(dir, 'personal-data.sqlite');
  return {
    open: async () => new SqlitePersonalDataStore(path),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
