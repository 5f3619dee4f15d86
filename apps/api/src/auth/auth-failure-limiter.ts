import { isIPv6 } from 'node:net';

export interface AuthFailureLimits {
  /** Failed authentications a client address may make per window; the next request gets 429. */
  maxFailures: number;
  windowSeconds: number;
}

interface Window {
  startedAt: number;
  failures: number;
}

/** Beyond this many tracked addresses the oldest window is forgotten: memory stays bounded under a spray from many addresses. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Counts failed authentications (401s) per client address in fixed windows. Once an address
 * has failed `maxFailures` times in its window, every request that needs a token is refused
 * with 429 until the window ends — checked **before** the token is looked at, so a blocked
 * client learns nothing about the tokens it keeps trying (a limiter that still answered 200
 * to a good guess would be no limiter).
 *
 * In memory and per process (documented): several API instances each count on their own,
 * and a restart forgets. One instance per application, never module-level state.
 */
export class AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: AuthFailureLimits,
    private readonly now: () => number = Date.now,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** Whole seconds until `client` may try again (for Retry-After), or 0 when it may now. */
  retryAfterSeconds(client: string): number {
    const window = this.current(client);
    if (!window || window.failures < this.limits.maxFailures) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.limits.windowSeconds * 1000 - this.now()) / 1000));
  }

  recordFailure(client: string): void {
    const window = this.current(client);
    if (window) {
      window.failures++;
      return;
    }
    // Re-inserted at the end: Map order is then window start order, the oldest first.
    this.windows.delete(client);
    if (this.windows.size >= this.capacity) this.windows.delete(this.windows.keys().next().value!);
    this.windows.set(client, { startedAt: this.now(), failures: 1 });
  }

  private current(client: string): Window | undefined {
    const window = this.windows.get(client);
    return window && this.now() - window.startedAt < this.limits.windowSeconds * 1000 ? window : undefined;
  }
}

/**
 * The address the limiter counts: an IPv4 address as is (also when written IPv4-mapped,
 * ::ffff:192.0.2.1), an IPv6 address by its /64 — one host usually holds a whole /64, and
 * counting single IPv6 addresses would let it change address at every try.
 */
export function clientKeyOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
