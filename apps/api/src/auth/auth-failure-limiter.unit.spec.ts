import { describe, expect, it } from '@jest/globals';
import { AuthFailureLimiter, clientKeyOf } from './auth-failure-limiter.js';

/** A clock the test moves by hand. */
const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('failed-authentication limiter (429 after too many 401s from one address)', () => {
  it('lets an address fail maxFailures times, then blocks it until its window ends, with the seconds left', () => {
    const time = clock();
    const limiter = new AuthFailureLimiter({ maxFailures: 3, windowSeconds: 60 }, time.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
      limiter.recordFailure('10.0.0.1');
    }
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
    time.advance(20_500);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(40);
    time.advance(39_000);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    time.advance(500);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    // A new window: three more tries.
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
  });

  it('counts each address on its own', () => {
    const limiter = new AuthFailureLimiter({ maxFailures: 1, windowSeconds: 60 }, clock().now);
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
  });

  it('keeps memory bounded: past its capacity it forgets the window that started first', () => {
    const time = clock();
    const limiter = new AuthFailureLimiter({ maxFailures: 1, windowSeconds: 60 }, time.now, 2);
    limiter.recordFailure('a');
    time.advance(1000);
    limiter.recordFailure('b');
    time.advance(59_500);
    // a's window ended and a starts a new one: b's, still running, is now the oldest and is forgotten for c.
    limiter.recordFailure('a');
    limiter.recordFailure('c');
    expect(['a', 'b', 'c'].map((client) => limiter.retryAfterSeconds(client) > 0)).toEqual([true, false, true]);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(clientKeyOf('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKeyOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKeyOf('2001:db8:0:12:aaaa::1')).toBe('2001:db8:0:12::/64');
    expect(clientKeyOf('2001:0db8:0000:0012:ffff:0:0:2')).toBe('2001:db8:0:12::/64');
    expect(clientKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(clientKeyOf('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
  });
});
