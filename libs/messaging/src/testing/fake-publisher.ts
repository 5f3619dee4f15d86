import type { OutboundMessage, Publisher } from '../publisher.port.js';

/** Records what a broker acknowledged; can refuse sends or hold them to test the relay's ack logic. */
export class FakePublisher implements Publisher {
  readonly acked: OutboundMessage[] = [];
  readonly batches: number[] = [];
  attempts = 0;
  /** Number of upcoming publish calls to reject. */
  failNext = 0;
  /** While set, publish waits on it (the broker has not answered yet). */
  gate: Promise<void> | null = null;
  private ackWaiters: { count: number; resolve: () => void }[] = [];

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    this.attempts++;
    if (this.gate !== null) await this.gate;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('broker not available');
    }
    this.acked.push(...messages);
    this.batches.push(messages.length);
    this.ackWaiters = this.ackWaiters.filter((waiter) => {
      if (this.acked.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves once at least `count` messages were acknowledged. */
  waitForAcked(count: number): Promise<void> {
    if (this.acked.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.ackWaiters.push({ count, resolve }));
  }

  async close(): Promise<void> {}
}
