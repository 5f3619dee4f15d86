import { describe, expect, it } from '@jest/globals';
import {
  cafCode,
  cents,
  type Infer,
  int,
  list,
  localDate,
  named,
  nullable,
  object,
  oneOf,
  optional,
  partial,
  omit,
  record,
  refine,
  text,
  union,
  withMeta,
} from './schema.js';
import { toJsonSchema } from './json-schema.js';
import { validate } from './validate.js';

const decision = object({
  outcome: oneOf(['approved', 'refused'] as const),
  approvedCollectifs: int(1, 50),
  amount: cents(),
  note: optional(text(20)),
  meeting: nullable(localDate()),
  groups: list(object({ id: text(10), size: int(1, 12) }), { min: 1, max: 3, unique: { key: (g) => g.id, what: 'group id' } }),
});
type Decision = Infer<typeof decision>;
const good: Decision = { outcome: 'approved', approvedCollectifs: 2, amount: 100, meeting: null, groups: [{ id: 'g1', size: 8 }] };

const fieldOf = (value: unknown) => validate(decision, value, 'decision')?.details.field;
const messageOf = (value: unknown) => validate(decision, value, 'decision')?.message;

describe('payload schemas (R-INPUT): one declaration gives the type, the check and the JSON Schema', () => {
  it('R-INPUT accepts a value of the declared shape', () => {
    expect(validate(decision, good)).toBeNull();
    expect(validate(decision, { ...good, note: 'vu', meeting: '2026-10-05' })).toBeNull();
  });

  it('R-INPUT answers the first problem as an INVALID_INPUT rejection naming the full path', () => {
    expect(validate(decision, { ...good, approvedCollectifs: 0 }, 'data.decision')).toEqual({
      code: 'INVALID_INPUT',
      ruleId: 'R-INPUT',
      message: 'data.decision.approvedCollectifs: must be an integer between 1 and 50',
      details: { field: 'data.decision.approvedCollectifs' },
    });
    expect(messageOf({ ...good, amount: -1 })).toBe('decision.amount: must be an integer ≥ 0 (cents)');
    expect(messageOf({ ...good, amount: 1.5 })).toBe('decision.amount: must be an integer ≥ 0 (cents)');
    expect(messageOf({ ...good, outcome: 'maybe' })).toBe('decision.outcome: must be one of approved, refused');
  });

  it('R-INPUT optional fields may be left out but not sent as null; nullable ones may be null', () => {
    expect(messageOf({ ...good, note: null })).toBe('decision.note: must be a non-empty text of at most 20 characters');
    expect(messageOf({ ...good, note: '   ' })).toBe('decision.note: must be a non-empty text of at most 20 characters');
    const { meeting: _meeting, ...withoutMeeting } = good;
    expect(messageOf(withoutMeeting)).toBe('decision.meeting: must be a calendar date YYYY-MM-DD in years 1900–2199');
    expect(messageOf({ ...good, meeting: '2026-02-30' })).toBe('decision.meeting: must be a calendar date YYYY-MM-DD in years 1900–2199');
  });

  it('R-INPUT refuses unknown fields and non-objects, naming them', () => {
    expect(messageOf({ ...good, surprise: 1 })).toBe('decision.surprise: is not an accepted field');
    expect(messageOf([good])).toBe('decision: must be an object');
    expect(messageOf(null)).toBe('decision: must be an object');
    expect(validate(decision, 'x')?.details.field).toBe('');
  });

  it('R-INPUT lists: a list, its bounds, each item by index, no repeated key', () => {
    expect(messageOf({ ...good, groups: {} })).toBe('decision.groups: must be a list');
    expect(messageOf({ ...good, groups: [] })).toBe('decision.groups: must be a list of 1 to 3 items');
    expect(
      fieldOf({
        ...good,
        groups: [
          { id: 'g1', size: 8 },
          { id: 'g2', size: 13 },
        ],
      }),
    ).toBe('decision.groups[1].size');
    expect(
      messageOf({
        ...good,
        groups: [
          { id: 'g1', size: 8 },
          { id: 'g1', size: 9 },
        ],
      }),
    ).toBe('decision.groups: must not repeat a group id');
  });

  it('R-INPUT records, unions on a discriminator and refinements', () => {
    expect(validate(record(text(5)), { a: 'x', b: 'toolong' }, 'sources')?.message).toBe(
      'sources.b: must be a non-empty text of at most 5 characters',
    );
    const payment = union('kind', {
      advance: object({ kind: oneOf(['advance'] as const), amount: cents() }),
      recovery: object({ kind: oneOf(['recovery'] as const), reason: text(10) }),
    });
    expect(validate(payment, { kind: 'advance', amount: 5 })).toBeNull();
    expect(validate(payment, { kind: 'gift' }, 'p')?.message).toBe('p.kind: must be one of advance, recovery');
    expect(validate(payment, { kind: 'recovery', amount: 5 }, 'p')?.details.field).toBe('p.reason');
    const range = refine(object({ from: int(0, 9), to: int(0, 9) }), (r) =>
      r.from > r.to ? { path: 'to', message: 'must not be before from' } : null,
    );
    expect(validate(range, { from: 3, to: 2 }, 'r')?.message).toBe('r.to: must not be before from');
    expect(validate(range, { from: 'a', to: 2 }, 'r')?.details.field).toBe('r.from');
  });

  it('R-INPUT a node may name its own rule id, and the département must exist', () => {
    const capped = object({ cafCode: cafCode(), planned: withMeta(int(1, 10), { ruleId: 'R-ELIG-COLLECTIVE' }) });
    expect(validate(capped, { cafCode: '11', planned: 11 })).toMatchObject({ ruleId: 'R-ELIG-COLLECTIVE', details: { field: 'planned' } });
    expect(validate(capped, { cafCode: '99', planned: 1 })).toMatchObject({
      ruleId: 'R-INPUT',
      message: 'cafCode: must be the code of a département (e.g. "11", "2A", "974")',
    });
  });

  it('R-INPUT partial and omit derive a patch and a body without its path fields', () => {
    const params = object({ cafCode: cafCode(), cap: cents(), weeks: int(1, 53) });
    expect(validate(partial(omit(params, ['cafCode'])), { weeks: 3 })).toBeNull();
    expect(validate(partial(omit(params, ['cafCode'])), { cafCode: '11' })?.message).toBe('cafCode: is not an accepted field');
  });

  it('generates a JSON Schema with named components referred to once', () => {
    const components = {};
    const group = named('Group', object({ size: int(1, 12) }), { description: 'a group' });
    const json = toJsonSchema(object({ a: group, b: optional(list(group)), c: nullable(cents()) }), components);
    expect(json).toEqual({
      type: 'object',
      properties: {
        a: { $ref: '#/components/schemas/Group' },
        b: { type: 'array', items: { $ref: '#/components/schemas/Group' }, minItems: 0, maxItems: 1000 },
        c: { anyOf: [{ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }, { type: 'null' }] },
      },
      required: ['a', 'c'],
      additionalProperties: false,
    });
    expect(components).toEqual({
      Group: {
        type: 'object',
        properties: { size: { type: 'integer', minimum: 1, maximum: 12 } },
        required: ['size'],
        additionalProperties: false,
        description: 'a group',
      },
    });
  });
});
