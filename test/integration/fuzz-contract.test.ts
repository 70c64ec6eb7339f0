import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src-main/core/api/index';
import type { HandlerDef } from '../../src-main/core/api/define';
import type { Method } from '../../src-preload/contract';
import { startSeededHost, type SeededHost } from './fixtures/security-host';

/**
 * Every contract method (enumerated from the handler table, so a new one is fuzzed without
 * touching this file) gets malformed input over HTTP through the BUILT browser host, as admin.
 *
 * - Input the method's own schema rejects → exactly `invalid_input`, HTTP 200, nothing written.
 * - Input the schema accepts (junk that happens to be well-formed): queries are sent too and may
 *   answer ok, not_found, invalid_input, conflict or forbidden; writes (mutations, draft saves) are
 *   not sent (they would legitimately write) and neither are the methods that reach the network.
 * - Never `internal`, never a 5xx, and the host answers app.info afterwards.
 * "Nothing written" is a digest of every table's rows; session last-seen times are left out because
 * every authenticated call slides them by design, and so are the maintenance scheduler's own run
 * records (see digestDatabase). Failed logins are no concern here: malformed
 * login input is rejected by the schema before any password is checked, so no counter moves.
 */

const table = handlers as Record<string, HandlerDef<Method>>;
const methods = Object.keys(table).sort();
/** Would connect to a host, Telegram or BPS if the junk happened to be valid. */
const NETWORK = new Set(['email.testConnection', 'email.saveAccount', 'telegram.saveToken', 'bpsData.saveKey', 'bpsData.test', 'bpsData.search']);
const QUERY_ERRORS = ['not_found', 'invalid_input', 'conflict', 'forbidden'];
const RUNS = 15;

/** A JSON document as text pieces, so keys like __proto__ and literals like 1e999 survive. */
type Doc = { raw: string } | { arr: Doc[] } | { obj: [string, Doc][] };
const serialize = (d: Doc): string =>
  'raw' in d ? d.raw : 'arr' in d ? `[${d.arr.map(serialize).join(',')}]` : `{${d.obj.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;
const json = (v: unknown): Doc => ({ raw: JSON.stringify(v) ?? 'null' });

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'isAdmin', 'role'];
const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e\u0645',
  '../../etc/passwd',
  "'; DROP TABLE officers;--",
  '"',
  '*',
  'NEAR(',
  'OR AND NOT',
  '<script>alert(1)</script>',
  '%00',
  '2026-02-30',
  '9999-99-99',
  'x'.repeat(70_000),
  '🙂'.repeat(20_000),
  'a\r\nb',
);
const scalar: fc.Arbitrary<Doc> = fc.oneof(
  fc.constantFrom<Doc>(
    { raw: 'null' },
    { raw: 'true' },
    { raw: 'false' },
    { raw: '1e999' },
    { raw: '-1e999' },
    { raw: '1e-400' },
    { raw: '123456789012345678901234567890' },
    { raw: '-0' },
  ),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE)).map(json),
  fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), nastyStrings).map(json),
);

/** The top-level field names a method's schema knows (through optional/pipe/union wrappers). */
function fieldNames(schema: z.ZodType): string[] {
  const def = (
    schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] } } }
  )._zod.def;
  if (def.shape) return Object.keys(def.shape);
  if (def.in) return fieldNames(def.in);
  if (def.innerType) return fieldNames(def.innerType);
  if (def.options) return [...new Set(def.options.flatMap(fieldNames))];
  return [];
}

function inputFor(fields: string[]): fc.Arbitrary<Doc> {
  const key =
    fields.length > 0
      ? fc.oneof(fc.constantFrom(...fields), fc.constantFrom(...POLLUTION_KEYS), fc.string())
      : fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string());
  const { value } = fc.letrec<{ value: Doc }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }).map((arr): Doc => ({ arr })),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((obj): Doc => ({ obj })),
    ),
  }));
  // Every known field present with junk in one or more of them: closest to a real call.
  const nearValid = fc
    .tuple(...fields.map((f) => fc.tuple(fc.constant(f), value)), fc.option(fc.tuple(fc.constantFrom(...POLLUTION_KEYS), value)))
    .map((parts): Doc => ({ obj: parts.filter((p): p is [string, Doc] => Array.isArray(p)) }));
  return fc.oneof(
    value,
    fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 5 }).map((obj): Doc => ({ obj })),
    nearValid,
  );
}

let env: SeededHost;
beforeAll(async () => {
  env = await startSeededHost();
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

const health = async () => expect((await env.admin.call('app.info')).body).toMatchObject({ ok: true, value: { name: 'PST Console' } });

describe('fuzzing every contract method over HTTP', () => {
  it('enumerates the whole contract from the handler table', () => {
    expect(methods.length).toBeGreaterThan(60);
    expect(methods).toEqual(expect.arrayContaining(['auth.login', 'officers.update', 'messages.send', 'email.saveAccount', 'reports.export']));
  });

  it.each(methods)('%s: malformed input → invalid_input, no write, no crash', async (method) => {
    const def = table[method]!;
    const before = env.digest();
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(inputFor(fieldNames(def.input)), async (doc) => {
        const body = serialize(doc);
        const accepted = def.input.safeParse(JSON.parse(body)).success;
        if (accepted && (def.kind !== 'query' || NETWORK.has(method))) return; // would write or dial out by design
        const res = await env.admin.call(method, undefined, { rawBody: body });
        expect(res.status, body.slice(0, 200)).toBe(200);
        if (accepted) {
          if (!res.body.ok) expect(QUERY_ERRORS, `${method} ${body.slice(0, 200)} → ${JSON.stringify(res.body)}`).toContain(res.body.error.kind);
        } else {
          rejected++;
          expect(res.body, body.slice(0, 200)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20_260_601), endOnFailure: false },
    );
    expect(rejected, 'the generator must mostly produce malformed input').toBeGreaterThan(RUNS / 3);
    expect(env.digest(), 'nothing written').toEqual(before);
    await health();
  });

  it('unknown and malformed method names → not_found or a 4xx, never a 5xx', async () => {
    for (const path of ['%E0%A4%A', '%', '%zz', '..%2F..%2Fetc%2Fpasswd', '__proto__', 'constructor', 'auth.login%00', 'a'.repeat(5000)]) {
      const res = await fetch(`${env.host.origin}/api/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: env.admin.cookieHeader() },
        body: '{}',
      });
      expect(res.status, path).toBeLessThan(500);
      if (res.status === 200) expect(await res.json(), path).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1 }), async (name) => {
        fc.pre(!Object.hasOwn(table, name));
        const res = await env.admin.call(encodeURIComponent(name), {});
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      }),
      { numRuns: 50 },
    );
    await health();
  });

  it('bodies that are not JSON (or JSON nested past any sane depth) → invalid_input with 400, never a 5xx', async () => {
    const before = env.digest();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    for (const body of ['{"username": ', 'NaN', "{'a':1}", '\u0000', deep, deepObject]) {
      const res = await env.admin.call('auth.login', undefined, { rawBody: body });
      expect(res.status, body.slice(0, 40)).toBeLessThan(500);
      expect(res.body, body.slice(0, 40)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (body) => {
        const res = await env.admin.call('templates.create', undefined, { rawBody: body });
        expect(res.status).toBeLessThan(500);
        expect(res.body.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
    expect(env.digest()).toEqual(before);
    await health();
  });

  it('the host logged no internal failure while being fuzzed', () => {
    expect(env.host.output.filter((line) => /\[api\] .* failed|\[host\] request failed/.test(line))).toEqual([]);
    expect(env.host.process.exitCode).toBeNull();
  });
});
