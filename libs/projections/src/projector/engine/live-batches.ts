/**
 * The live half of the batch loop: takes events from a subscription into batches of at most
 * `batchSize`, a partial batch going out `batchMs` after its first event, until `signal`
 * aborts or the subscription ends. Each batch is handed to `apply` (awaited) before the next
 * one is gathered; events `isNew` refuses (already applied) are dropped.
 */
export async function forEachLiveBatch<E>(
  events: AsyncIterator<E>,
  options: { batchSize: number; batchMs: number; signal: AbortSignal; isNew(event: E): boolean },
  apply: (batch: E[]) => Promise<void>,
): Promise<void> {
  const { batchSize, batchMs, signal } = options;
  const aborted = new Promise<'abort'>((resolve) => signal.addEventListener('abort', () => resolve('abort'), { once: true }));
  // A pending `next()` survives a timeout: the event it brings belongs to the next batch.
  let pending: Promise<IteratorResult<E>> | null = null;
  let ended = false;
  while (!signal.aborted && !ended) {
    const batch: E[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timeout: Promise<'timeout'> | null = null;
    while (batch.length < batchSize) {
      pending ??= events.next();
      const waiters: Promise<IteratorResult<E> | 'abort' | 'timeout'>[] = [pending, aborted];
      if (batch.length > 0) {
        timeout ??= new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), batchMs)));
        waiters.push(timeout);
      }
      const result = await Promise.race(waiters);
      if (result === 'abort' || result === 'timeout') break;
      pending = null;
      if (result.done) {
        ended = true;
        break;
      }
      if (options.isNew(result.value)) batch.push(result.value);
    }
    clearTimeout(timer);
    if (batch.length > 0) await apply(batch);
  }
}
