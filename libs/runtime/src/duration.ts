const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * A duration as people write it in configuration and on the command line: "3600s", "30m", "8h",
 * "7d", or a bare number of seconds. One parser for CLAS_TOKEN_MAX_TTL, CLAS_AUTH_FAILURE_WINDOW
 * and `clas token --ttl`, so they accept the same spellings. Null when the text is not one
 * (zero included: no duration here means "nothing").
 */
export function parseDurationSeconds(text: string): number | null {
  const m = /^(\d{1,7})([smhd]?)$/.exec(text.trim());
  if (!m || Number(m[1]) === 0) return null;
  return Number(m[1]) * UNIT_SECONDS[(m[2] || 's') as keyof typeof UNIT_SECONDS];
}

/** The largest unit that divides the duration: 43200 → "12h", 90 → "90s". For messages. */
export function formatDuration(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) return `${seconds / UNIT_SECONDS[unit]}${unit}`;
  }
  return `${seconds}s`;
}
