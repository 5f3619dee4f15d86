import { describe, expect, it } from '@jest/globals';
import { formatDuration, parseDurationSeconds } from './duration.js';

describe('durations (CLAS_TOKEN_MAX_TTL, CLAS_AUTH_FAILURE_WINDOW, clas token --ttl)', () => {
  it('reads seconds, minutes, hours, days and bare seconds', () => {
    expect(['3600s', '30m', '8h', '7d', '90', ' 2h '].map(parseDurationSeconds)).toEqual([3600, 1800, 28_800, 604_800, 90, 7200]);
  });

  it('refuses zero, signs, fractions, other units and words', () => {
    for (const bad of ['0', '0h', '-1h', '1.5h', '1w', '8 h', 'forever', '', '12345678'])
      expect({ bad, seconds: parseDurationSeconds(bad) }).toEqual({ bad, seconds: null });
  });

  it('prints the largest whole unit', () => {
    expect([43_200, 90, 60, 86_400 * 30, 1].map(formatDuration)).toEqual(['12h', '90s', '1m', '30d', '1s']);
  });
});
