// The HTTP client's error paths against a scripted server on 127.0.0.1: what the operator reads when no
// endpoint is usable, when a request is cancelled, refused for size or fails to connect, what the journal
// (onExchange) and the log record, and what is sent.

import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import { describe, it } from 'node:test';
import { render, type Msg } from '../../src/core/l10n/message';
import { decodeStoreList } from '../../src/core/pd/decode';
import { decodeAnswer, HttpTransport, type HttpOptions, type PdError, type PdResult } from '../../src/core/pd/http';
import type { PdRequest } from '../../src/core/pd/requests';
import { serve, type Script } from '../support/scriptedHttp';

const GET: PdRequest = { method: 'GET', path: '/pd/api/v1/stores' };
const en = (m: Msg) => render(m, 'en');
const failed = <T>(r: PdResult<T>): PdError => {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
};

/** A transport on a scripted server (and any further endpoints), closed however the test ends. */
async function withServer(script: Script, opts: Partial<HttpOptions>, fn: (t: HttpTransport, url: string, seen: () => number) => Promise<void>) {
  const server = await serve(script);
  const t = new HttpTransport({ timeoutMs: 2000, ...opts, endpoints: [...(opts.endpoints ?? []), server.url] });
  try {
    await fn(t, server.url, () => server.seen.length);
  } finally {
    t.dispose();
    await server.close();
  }
}

/** A URL where nothing listens any more. */
async function deadUrl(): Promise<string> {
  const s = await serve(() => ({ status: 200 }));
  await s.close();
  return s.url;
}

describe('HTTP client: failures the operator reads', () => {
  it('names the endpoint of a 200 answer it cannot decode', () => {
    const e = failed(decodeAnswer({ status: 200, text: '<html>', endpoint: 'http://127.0.0.1:2379' }, (v) => decodeStoreList(v, true)));
    assert.deepEqual([e.kind, e.endpoint], ['decode', 'http://127.0.0.1:2379']);
  });

  it('refuses to send without a usable endpoint, naming the service', async () => {
    for (const [service, expected] of [
      [undefined, 'no PD endpoint is configured'],
      ['TiDB', 'no TiDB endpoint is configured'],
    ] as const) {
      const t = new HttpTransport({ endpoints: ['ftp://127.0.0.1:1', ' ', 'http://127.0.0.1:1/?x=1'], service });
      try {
        assert.deepEqual(t.endpoints, []);
        const e = failed(await t.send(GET));
        assert.deepEqual([e.kind, en(e.message)], ['unreachable', expected]);
      } finally {
        t.dispose();
      }
    }
  });

  it('sends nothing once disposed, and says the request was cancelled', async () => {
    const exchanges: unknown[] = [];
    await withServer(
      () => ({ status: 200 }),
      { service: 'TiDB', onExchange: (_req, o) => exchanges.push(o) },
      async (t, _url, seen) => {
        t.dispose();
        const e = failed(await t.send(GET));
        assert.deepEqual([e.kind, en(e.message)], ['aborted', 'the TiDB request was cancelled']);
        assert.equal(seen(), 0);
        assert.deepEqual(exchanges, []);
      },
    );
  });

  it('journals a refused connection by its code and an oversized answer by its limit, and reports the latter with status and endpoint', async () => {
    const dead = await deadUrl();
    const exchanges: { reason?: string; endpoint: string }[] = [];
    const onExchange: HttpOptions['onExchange'] = (_req, o) => exchanges.push({ endpoint: o.endpoint, ...('reason' in o ? { reason: en(o.reason) } : {}) });
    await withServer(
      () => ({ status: 200, body: '12345678901' }),
      { endpoints: [dead], maxBodyBytes: 10, onExchange },
      async (t, url) => {
        const e = failed(await t.send(GET));
        assert.deepEqual([e.kind, e.status, e.endpoint, en(e.message)], ['too-large', 200, url, "PD's answer is larger than 10 bytes: refused"]);
        assert.deepEqual(exchanges, [
          { endpoint: dead, reason: 'ECONNREFUSED' },
          { endpoint: url, reason: "PD's answer is larger than 10 bytes: refused" },
        ]);
      },
    );
  });

  it("quotes the first code or message an error carries, and treats undici's own timeouts as timeouts", () => {
    const t = new HttpTransport({ endpoints: [], timeoutMs: 1500 });
    // the errors undici and Node throw, as `once` catches them
    const reasonFor = (e: unknown) => en((t as unknown as { describe(e: unknown): Msg }).describe(e));
    try {
      assert.equal(reasonFor({ code: 'UND_ERR_HEADERS_TIMEOUT', message: 'Headers Timeout Error' }), 'no answer within 1500 ms');
      assert.equal(reasonFor({ code: 'UND_ERR_BODY_TIMEOUT', message: 'Body Timeout Error' }), 'no answer within 1500 ms');
      assert.equal(reasonFor({ code: '', cause: { code: 'ECONNRESET' }, message: 'other side closed' }), 'ECONNRESET');
      assert.equal(reasonFor({ name: 'AbortError', code: 20, message: 'This operation was aborted' }), 'This operation was aborted');
    } finally {
      t.dispose();
    }
  });
});

describe('HTTP client: what is sent and logged', () => {
  it('sends a JSON content type only with a body, and logs each request with its time', async () => {
    const types: (string | undefined)[] = [];
    const lines: string[] = [];
    await withServer(
      (req) => (types.push(req.headers['content-type']), { status: 200 }),
      { log: (l) => lines.push(l) },
      async (t, url) => {
        assert.ok((await t.send(GET)).ok);
        assert.ok((await t.send({ method: 'POST', path: '/pd/api/v1/store/61/limit', body: '{"rate":15}' })).ok);
        assert.deepEqual(types, [undefined, 'application/json']);
        assert.equal(lines.length, 2);
        const m = /^GET (\S+) -> 200 \((\d+) ms\)$/.exec(lines[0]);
        assert.ok(m, lines[0]);
        assert.equal(m[1], `${url}/pd/api/v1/stores`);
        assert.ok(Number(m[2]) < 10_000, 'the time taken, not a date');
      },
    );
  });
});

describe('HTTP client: the body size cap', () => {
  it('reads an answer of exactly the cap, with or without a Content-Length', async () => {
    for (const headers of [{ 'content-length': '10' }, { 'transfer-encoding': 'chunked' }] as Record<string, string>[]) {
      await withServer(
        () => ({ status: 200, body: '1234567890', headers }),
        { maxBodyBytes: 10 },
        async (t) => {
          const r = await t.send(GET);
          assert.ok(r.ok, JSON.stringify(headers));
          assert.equal(r.value.text, '1234567890');
        },
      );
    }
  });

  it('refuses an announced oversized body at once, without waiting for it', async () => {
    // announces 11 bytes, sends one and holds the rest: only the Content-Length tells
    const stall = (res: http.ServerResponse) => {
      res.writeHead(200, { 'content-length': '11' });
      res.write('1');
    };
    await withServer(
      () => stall,
      { maxBodyBytes: 10, timeoutMs: 1000 },
      async (t) => {
        assert.equal(failed(await t.send(GET)).kind, 'too-large');
      },
    );
  });
});
