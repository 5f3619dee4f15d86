import { describe, expect, it } from '@jest/globals';
import { MAX_NESTING_DEPTH } from '../shared/nesting-depth.js';
import { checkCommandEnvelope } from './input-validation.js';

const nested = (levels: number): Record<string, unknown> => {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
};
const envelope = (extra: Record<string, unknown>) => ({ commandId: 'c-1', occurredAt: '2026-10-05T08:00:00Z', data: {}, ...extra });

describe('the command envelope (R-INPUT): the last check before any decider, whoever calls the bus', () => {
  it('accepts a well-formed envelope', () => {
    expect(checkCommandEnvelope(envelope({}))).toBeNull();
  });

  it('refuses an occurredAt that Date.parse would roll over or that lies outside years 1900–2199, naming occurredAt', () => {
    for (const occurredAt of [
      '2026-02-30T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '9999-12-31T00:00:00Z',
      '2026-10-05',
    ]) {
      expect(checkCommandEnvelope(envelope({ occurredAt }))).toMatchObject({
        code: 'INVALID_INPUT',
        ruleId: 'R-INPUT',
        details: { field: 'occurredAt', value: occurredAt },
      });
    }
  });

  it(`refuses data nesting deeper than the command document's limit (${MAX_NESTING_DEPTH} levels with the envelope), naming data`, () => {
    expect(checkCommandEnvelope(envelope({ data: nested(MAX_NESTING_DEPTH - 1) }))).toBeNull();
    expect(checkCommandEnvelope(envelope({ data: nested(MAX_NESTING_DEPTH) }))).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'data' },
    });
    expect(checkCommandEnvelope(envelope({ data: nested(100_000) }))).toMatchObject({
      message: `data: must not nest objects or arrays more than ${MAX_NESTING_DEPTH} levels deep`,
    });
  });
});
