import type { ReadDatabase, SqlExecutor } from '../../read-models/read-database.js';

/**
 * Where a transaction of the read database crashes:
 * - `before-transaction`: the work of the batch is folded, nothing is written;
 * - `before-checkpoint`: states, directory rows and answers are written, not the checkpoint;
 * - `before-commit`: everything is written, the transaction has not committed (rolled back);
 * - `after-commit`: the transaction committed, the caller never hears of it.
 */
export type CrashPoint = 'before-transaction' | 'before-checkpoint' | 'before-commit' | 'after-commit';

/**
 * Fault injection for the projector's tests, as a decorator of the port it is given (test code,
 * nothing of it in the projector's options): `crash(point, n)` is asked at each point of the
 * n-th transaction (1-based, counted from this wrapper's creation) and throws a simulated crash
 * when it returns true. The projector's first transaction on an empty database is its reset
 * (checkpoint 0): batch k then commits in transaction k + 1.
 */
export function crashingReadDatabase(db: ReadDatabase, crash: (point: CrashPoint, transaction: number) => boolean): ReadDatabase {
  let transactions = 0;
  const at = (point: CrashPoint, n: number) => {
    if (crash(point, n)) throw new Error(`simulated crash ${point} of transaction ${n}`);
  };
  const transaction = async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const n = ++transactions;
    at('before-transaction', n);
    const result = await db.transaction(async (tx) => {
      const watched: SqlExecutor = {
        query: (sql, params) => {
          // The checkpoint is the last write of a commit (Projector.commit, reset).
          if (sql.includes('rm_checkpoint')) at('before-checkpoint', n);
          return tx.query(sql, params);
        },
      };
      const done = await work(watched);
      at('before-commit', n);
      return done;
    });
    at('after-commit', n);
    return result;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
