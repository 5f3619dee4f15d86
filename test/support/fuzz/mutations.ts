import { type Draft, type FuzzWorld, type JsonPath, deleteAt, getAt, label, setAt, setRaw, somePath } from './fuzz-draft.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * The ways a request goes wrong. Each mutation changes one part of a draft and names what it
 * did (that label is printed with a failing request), or returns null when it does not apply
 * (no body, no query).
 */
export type Mutation = (draft: Draft, random: SeededRandom, world: FuzzWorld) => string | null;

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '9999-12-31',
  '0000-01-01',
  '1899-12-31',
  '2200-01-01',
  '+275760-09-13',
  '2026-10-20 ',
  '20261020',
  '2026-W41',
];
const IMPOSSIBLE_INSTANTS = [
  '2026-02-30T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-06-01T24:00:00Z',
  '2026-06-01T23:60:00Z',
  '2026-06-01T23:59:60Z',
  '2026-06-01T10:00:00+99:00',
  '2026-06-01T10:00:00',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2199-12-31T23:59:59.999-01:00',
  'Mon, 01 Jun 2026 10:00:00 GMT',
  '1780308000000',
];
const ODD_NUMBERS: Array<number | { raw: string }> = [
  -1,
  -2_147_483_649,
  0,
  1.5,
  0.1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  { raw: '-0' },
  { raw: '1e999' },
  { raw: '-1e999' },
  { raw: '1e-400' },
  { raw: '123456789012345678901234567890' },
];
const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e3', '0x10', ' 12 ', '', 'null', 'undefined', 'true', '[]', '{}', '-0', '١٢', '12abc'];
const ODD_TEXTS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  'e\u0301',
  '\u202eevil',
  '😀',
  '\uffff',
  '\ufeffbom',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\t\r\n',
  '   ',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '%s%n%x',
  '__proto__',
];
const ODD_KEYS = [
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  ' ',
  '$where',
  'a.b',
  'é',
  '\u0000',
  'data',
  'commandId',
  'type',
];
const OTHER_TYPES: unknown[] = [0, -1, 'x', '', true, false, null, [], {}, [1, 2], { a: 1 }, ['x']];
const DEPTHS = [16, 31, 32, 33, 40, 1_000, 5_000, 20_000];

function nestedText(levels: number, random: SeededRandom): string {
  if (random.chance(0.5)) return '['.repeat(levels) + '1' + ']'.repeat(levels);
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

const isDateLike = (path: JsonPath, value: unknown): boolean =>
  (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) || /(At|Date|date|On|^from|^to)$/.test(String(path[path.length - 1]));

/** A body field, or the root when the body has none (a new key then). */
function target(draft: Draft, random: SeededRandom, filter?: (path: JsonPath, value: unknown) => boolean): JsonPath | null {
  if (typeof draft.body !== 'object' || draft.body === null) return null;
  return somePath(draft, random, filter) ?? ['data'];
}

export const BODY_MUTATIONS: Record<string, Mutation> = {
  wrongType(draft, random) {
    const path = target(draft, random);
    if (!path) return null;
    setAt(draft.body, path, structuredClone(random.pick(OTHER_TYPES)));
    return `wrong type at ${label(path)}`;
  },
  missingField(draft, random) {
    const path = target(draft, random);
    if (!path) return null;
    deleteAt(draft.body, path);
    return `missing ${label(path)}`;
  },
  extraField(draft, random) {
    const parent = target(draft, random, (_, value) => typeof value === 'object' && value !== null && !Array.isArray(value));
    if (!parent) return null;
    const key = random.pick(ODD_KEYS);
    const path = random.chance(0.3) ? [key] : [...parent, key];
    if (getAt(draft.body, path.slice(0, -1)) === undefined && path.length > 1) return null;
    setAt(draft.body, path, structuredClone(random.pick(OTHER_TYPES)));
    return `extra field ${label(path)}`;
  },
  oddNumber(draft, random) {
    const path = target(draft, random, (_, value) => typeof value === 'number' || random.chance(0.2));
    if (!path) return null;
    const n = random.pick(ODD_NUMBERS);
    if (typeof n === 'number') setAt(draft.body, path, n);
    else setRaw(draft, path, n.raw);
    return `number ${typeof n === 'number' ? n : n.raw} at ${label(path)}`;
  },
  nanLikeString(draft, random) {
    const path = target(draft, random, (_, value) => typeof value === 'number' || typeof value === 'string');
    if (!path) return null;
    const text = random.pick(NAN_LIKE);
    setAt(draft.body, path, text);
    return `string ${JSON.stringify(text)} at ${label(path)}`;
  },
  impossibleDate(draft, random) {
    const path = somePath(draft, random, isDateLike) ?? (typeof draft.body === 'object' && draft.body !== null ? ['occurredAt'] : null);
    if (!path) return null;
    const value = random.pick([...IMPOSSIBLE_DATES, ...IMPOSSIBLE_INSTANTS]);
    setAt(draft.body, path, value);
    return `date ${JSON.stringify(value)} at ${label(path)}`;
  },
  deepNesting(draft, random) {
    const path = random.chance(0.2) ? [] : target(draft, random);
    if (!path) return null;
    const levels = random.pick(DEPTHS);
    if (path.length === 0) draft.bodyBytes = Buffer.from(nestedText(levels, random));
    else setRaw(draft, path, nestedText(levels, random));
    return `${levels} levels of nesting at ${label(path)}`;
  },
  longString(draft, random) {
    const path = target(draft, random);
    if (!path) return null;
    const length = random.pick([101, 201, 1_001, 4_001, 10_000, 70_000]);
    setAt(draft.body, path, random.pick(['x', 'é', '😀', '\u0000']).repeat(length));
    return `string of ${length} characters at ${label(path)}`;
  },
  oddText(draft, random) {
    const path = target(draft, random, (_, value) => typeof value === 'string' || random.chance(0.1));
    if (!path) return null;
    const text = random.pick(ODD_TEXTS);
    setAt(draft.body, path, text);
    return `text ${JSON.stringify(text)} at ${label(path)}`;
  },
  oddArray(draft, random) {
    const path = target(draft, random, (_, value) => Array.isArray(value) || random.chance(0.1));
    if (!path) return null;
    const current = getAt(draft.body, path);
    const item = Array.isArray(current) && current.length > 0 ? current[0] : 'x';
    const length = random.pick([0, 2, 13, 1_000, 10_000]);
    setAt(
      draft.body,
      path,
      Array.from({ length }, () => structuredClone(item)),
    );
    return `array of ${length} at ${label(path)}`;
  },
  malformedJson(draft, random) {
    const valid = JSON.stringify(draft.body ?? {});
    const text = random.pick([
      '',
      '{',
      '{"commandId":',
      'null',
      '"text"',
      '42',
      '[]',
      'true',
      `${valid}garbage`,
      `\ufeff${valid}`,
      `${valid.slice(0, -1)},}`,
      '{"a":1,"a":2}',
      "{'a':1}",
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":undefined}',
      '/*c*/{}',
      '{"a":"\\x"}',
      '{"a":"\\ud800"}',
      valid.slice(0, random.int(0, valid.length)),
    ]);
    draft.bodyBytes = Buffer.from(text);
    return `body ${JSON.stringify(text.slice(0, 60))}`;
  },
  binaryBody(draft, random) {
    draft.bodyBytes = Buffer.from(Array.from({ length: random.int(1, 2_000) }, () => random.int(0, 255)));
    return 'binary body';
  },
};

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/JSON',
  'application/merge-patch+json',
  'application/vnd.api+json',
  '*/*',
  '',
  'application/json;;;',
  'x',
];

export const TRANSPORT_MUTATIONS: Record<string, Mutation> = {
  contentType(draft, random) {
    if (random.chance(0.2)) {
      delete draft.headers['content-type'];
      return 'no Content-Type';
    }
    draft.headers['content-type'] = random.pick(CONTENT_TYPES);
    return `Content-Type ${JSON.stringify(draft.headers['content-type'])}`;
  },
  contentEncoding(draft, random) {
    if (draft.body === undefined && draft.bodyBytes === undefined) return null;
    const choice = random.int(0, 2);
    if (choice === 0) {
      const encoding = random.pick(['gzip', 'deflate', 'br'] as const);
      draft.compress = { encoding, truncate: random.chance(0.5) };
      return `${draft.compress.truncate ? 'truncated ' : ''}${encoding} body`;
    }
    draft.headers['content-encoding'] = random.pick(
      choice === 1
        ? ['gzip', 'deflate', 'br']
        : ['compress', 'zstd', 'x-gzip', 'gzip, gzip', 'identity', 'GZIP', ' ', 'br;q=1', 'identity, gzip'],
    );
    return `Content-Encoding ${JSON.stringify(draft.headers['content-encoding'])} on a plain body`;
  },
  badToken(draft, random, world) {
    const valid = random.pick(world.bearers).bearer;
    const token = valid.slice('Bearer '.length);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    const choices: Array<[string, string | undefined]> = [
      ['none', undefined],
      ['scheme only', 'Bearer'],
      ['empty token', 'Bearer '],
      ['not a JWT', 'Bearer not-a-jwt'],
      ['three dots', 'Bearer a.b.c'],
      ['Basic', 'Basic dXNlcjpwYXNz'],
      ['lowercase scheme', `bearer ${token}`],
      ['flipped signature', `Bearer ${header}.${payload}.${flip(signature, random.int(0, signature.length - 1))}`],
      ['no signature', `Bearer ${header}.${payload}.`],
      ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`],
      [
        'role system, unsigned',
        `Bearer ${header}.${b64({ sub: 'x', role: 'system', caf: null, operatorId: null, exp: 4102444800 })}.${signature}`,
      ],
      ['expired', world.expiredBearer],
      ['trailing text', `${valid} extra`],
      ['5 000 characters', `Bearer ${'A'.repeat(5_000)}`],
      ['latin-1 byte', `Bearer ${token}\u00e9`],
      ['another actor', random.pick(world.bearers).bearer],
    ];
    const [name, value] = random.pick(choices);
    if (value === undefined) delete draft.headers.authorization;
    else draft.headers.authorization = value;
    return `token: ${name}`;
  },
  ifMatch(draft, random) {
    if (draft.method === 'GET') return null;
    draft.headers['if-match'] = random.pick(['"3"', '3', 'W/"3"', '*', '-1', '99999999999999999999', 'abc', '""', '"1", "2"', '0', '1e3']);
    return `If-Match ${draft.headers['if-match']}`;
  },
  correlationId(draft, random) {
    draft.headers['x-correlation-id'] = random.pick(['', ' ', 'a'.repeat(5_000), '../x', '<x>', 'é', 'req-1']);
    return 'odd x-correlation-id';
  },
  otherMethod(draft, random) {
    draft.method = random.pick(['GET', 'PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS', 'HEAD'].filter((m) => m !== draft.method));
    return `method ${draft.method}`;
  },
};

const ODD_IDS = [
  '..',
  '.',
  '%2e%2e',
  '%00',
  '%2F',
  '%2f..%2f',
  'a'.repeat(101),
  'a'.repeat(3_000),
  '%C3%A9',
  '%E9',
  '%',
  '%zz',
  '%C0%AF',
  '%20',
  'prj-1%3Fx%3D1',
  '__proto__',
  'constructor',
  '%F0%9F%98%80',
  'null',
  '-1',
  '1e999',
  '%27',
  '%22',
  '%3Cscript%3E',
  'prj-1;x',
  'PRJ-1',
  '',
];

export const PATH_MUTATIONS: Record<string, Mutation> = {
  oddId(draft, random, world) {
    const names = Object.keys(draft.params);
    if (names.length === 0) return null;
    const name = random.pick(names);
    // Sometimes a real id of another kind (a collectif where a project is expected).
    const others = Object.entries(world.ids)
      .filter(([kind]) => kind !== name)
      .flatMap(([, ids]) => ids);
    draft.params[name] = random.chance(0.25) && others.length > 0 ? encodeURIComponent(random.pick(others)) : random.pick(ODD_IDS);
    return `path ${name}=${draft.params[name]!.slice(0, 40)}`;
  },
  pathSuffix(draft, random) {
    draft.pathSuffix = random.pick(['/', '//', '/extra', '/..', '/%2e%2e', '?', '#x', ';a=1']);
    return `path suffix ${draft.pathSuffix}`;
  },
};

const QUERY_DATES = [
  ...IMPOSSIBLE_DATES,
  ...IMPOSSIBLE_INSTANTS,
  '2026-10-20',
  '2199-12-31',
  '1900-01-01',
  '2026-10-20T10:00:00+14:00',
  'now',
  '',
  '%00',
  '2026-10-20%00',
];
const QUERY_NUMBERS = ['-1', '0', '1', '1e999', 'NaN', '9007199254740993', '1.5', 'abc', '', '0x10', '1001', '100000000', '%20 1'];

export const QUERY_MUTATIONS: Record<string, Mutation> = {
  queryValue(draft, random) {
    if (draft.route.query.length === 0) return null;
    const { name } = random.pick(draft.route.query);
    const values = /at$/i.test(name)
      ? QUERY_DATES
      : name === 'format'
        ? ['csv', 'xlsx', 'json', 'pdf', '', 'CSV', 'json%00']
        : QUERY_NUMBERS;
    const value = random.pick(values);
    draft.query = draft.query.filter(([key]) => key !== name);
    draft.query.push([name, /^[\w.:+%-]*$/.test(value) ? value.replace(/\+/g, '%2B') : encodeURIComponent(value)]);
    return `query ${name}=${value}`;
  },
  queryRepeated(draft, random) {
    if (draft.query.length === 0) return null;
    const [key, value] = random.pick(draft.query);
    draft.query.push([key, value]);
    return `query ${key} twice`;
  },
  queryOdd(draft, random) {
    const pair = random.pick<[string, string]>([
      ['unknown', '1'],
      ['at[a]', '1'],
      ['at[]', '2026-10-20'],
      ['__proto__', 'x'],
      ['constructor[prototype]', 'x'],
      ['%zz', '1'],
      ['', ''],
      ['knownAt', '%E9'],
    ]);
    draft.query.push(pair);
    return `query ${pair[0]}=${pair[1]}`;
  },
};
