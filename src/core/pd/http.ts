// HTTP to PD (and TiDB's status port) over undici: endpoints tried in turn starting with the one that
// answered last; a connection failure, a timeout or a 503 (`no leader`) moves on to the next one, any
// other HTTP answer ends the search. Bodies over a size cap are refused while they stream in. TLS takes
// PEM contents and trusts only the CA it is given. Failures are values with a catalog message.

import { Agent, request } from 'undici';
import { msg, type Msg } from '../l10n/message';
import { errorText, parseBody, shorten } from './decode';
import type { JsonValue } from './json';
import type { PdRequest } from './requests';
import type { Decoded } from './types';

/** PEM contents (not paths): tidb-ansible's `conf/ssl/ca.pem`, `client.pem`, `client-key.pem`. */
export interface TlsPem {
  ca: string;
  cert?: string;
  key?: string;
}

export interface HttpOptions {
  endpoints: readonly string[];
  /** Who answers, for messages. */
  service?: 'PD' | 'TiDB';
  timeoutMs?: number;
  /** Larger answers are refused (default 64 MiB). */
  maxBodyBytes?: number;
  tls?: TlsPem;
  /** One line per request (method, URL, outcome); nothing secret is in it. */
  log?: (line: string) => void;
  /** Each request with PD's answer or why none came: the journal records what a run sent and what PD said. */
  onExchange?: (req: PdRequest, outcome: { status: number; text: string; endpoint: string } | { reason: Msg; endpoint: string }) => void;
}

export type PdErrorKind = 'unreachable' | 'http' | 'decode' | 'too-large' | 'aborted' | 'refused' | 'not-applied';

export interface PdError {
  kind: PdErrorKind;
  message: Msg;
  /** The HTTP status of an `http` error. */
  status?: number;
  endpoint?: string;
}

export type PdResult<T> = { ok: true; value: T } | { ok: false; error: PdError };

export interface HttpAnswer {
  status: number;
  text: string;
  endpoint: string;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export const failure = (kind: PdErrorKind, message: Msg, extra: { status?: number; endpoint?: string } = {}): { ok: false; error: PdError } => ({
  ok: false,
  error: { kind, message, ...extra },
});

/** An HTTP answer that is not the success expected: PD's reason quoted (both versions' error bodies read). */
export const httpFailure = (a: HttpAnswer, service = 'PD') =>
  failure('http', msg('pd.http', { service, status: a.status, answer: errorText(a.text) }), { status: a.status, endpoint: a.endpoint });

/** A 200 answer decoded, or the HTTP or decoding failure. */
export function decodeAnswer<T>(a: HttpAnswer, decode: (v: JsonValue) => Decoded<T>, service = 'PD'): PdResult<T> {
  if (a.status !== 200) return httpFailure(a, service);
  const body = parseBody(a.text);
  const d = body.ok ? decode(body.value) : body;
  return d.ok ? d : failure('decode', d.error, { endpoint: a.endpoint });
}

/** `host:port` or a URL to an origin (a path prefix is kept); undefined for anything else (a query, credentials, another scheme). */
export function normalizeEndpoint(e: string, tls = false): string | undefined {
  const trimmed = e.trim().replace(/\/+$/, '');
  if (!trimmed) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `${tls ? 'https' : 'http'}://${trimmed}`);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

export class HttpTransport {
  readonly endpoints: readonly string[];
  private readonly service: 'PD' | 'TiDB';
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly agent: Agent;
  private readonly disposed = new AbortController();
  private preferred = 0;

  constructor(private readonly opts: HttpOptions) {
    this.endpoints = [...new Set(opts.endpoints.flatMap((e) => normalizeEndpoint(e, !!opts.tls) ?? []))];
    this.service = opts.service ?? 'PD';
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const tls = opts.tls;
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      connections: 4,
      ...(tls ? { connect: { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: true } } : {}),
    });
  }

  /** The endpoint that answered last. */
  get endpoint(): string | undefined {
    return this.endpoints[this.preferred];
  }

  async send(req: PdRequest): Promise<PdResult<HttpAnswer>> {
    if (!this.endpoints.length) return failure('unreachable', msg('pd.noEndpoint', { service: this.service }));
    const failures: Msg[] = [];
    for (let k = 0; k < this.endpoints.length; k++) {
      const index = (this.preferred + k) % this.endpoints.length;
      const endpoint = this.endpoints[index];
      if (this.disposed.signal.aborted) break;
      const r = await this.once(endpoint, req);
      this.opts.onExchange?.(req, 'reason' in r ? { reason: r.reason, endpoint } : r.ok ? r.value : { reason: r.error.message, endpoint });
      if ('reason' in r) {
        if (this.disposed.signal.aborted) break;
        failures.push(msg('pd.failure.at', { endpoint, reason: r.reason }));
        continue;
      }
      if (!r.ok || r.value.status !== 503) {
        this.preferred = index;
        return r;
      }
      // a follower without a leader: another member may have one
      failures.push(msg('pd.failure.at', { endpoint, reason: msg('pd.failure.unavailable', { answer: errorText(r.value.text) }) }));
    }
    if (this.disposed.signal.aborted) return failure('aborted', msg('pd.aborted', { service: this.service }));
    return failure('unreachable', msg('pd.unreachable', { service: this.service, failures }));
  }

  /** One endpoint: its answer, a refusal of an oversized body, or why nothing came back. */
  private async once(endpoint: string, req: PdRequest): Promise<PdResult<HttpAnswer> | { reason: Msg }> {
    const started = Date.now();
    const url = endpoint + req.path;
    const line = (outcome: string) => this.opts.log?.(`${req.method} ${url} ${outcome} (${Date.now() - started} ms)`);
    try {
      const res = await request(url, {
        method: req.method,
        dispatcher: this.agent,
        signal: AbortSignal.any([this.disposed.signal, AbortSignal.timeout(this.timeoutMs)]),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        ...(req.body !== undefined ? { body: req.body, headers: { 'content-type': 'application/json' } } : {}),
      });
      const tooLarge = () => {
        line(`-> ${res.statusCode}, body over ${this.maxBodyBytes} bytes: refused`);
        return failure('too-large', msg('pd.tooLarge', { service: this.service, limit: this.maxBodyBytes }), { status: res.statusCode, endpoint });
      };
      if (Number(res.headers['content-length']) > this.maxBodyBytes) {
        res.body.destroy();
        return tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        // leaving the loop destroys the stream: nothing more is read
        if (size > this.maxBodyBytes) return tooLarge();
        chunks.push(chunk);
      }
      line(`-> ${res.statusCode}`);
      return { ok: true, value: { status: res.statusCode, text: new TextDecoder().decode(Buffer.concat(chunks)), endpoint } };
    } catch (e) {
      const reason = this.describe(e);
      line('failed');
      return { reason };
    }
  }

  private describe(e: unknown): Msg {
    const err = (e ?? {}) as { name?: unknown; code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
    if (err.name === 'TimeoutError' || err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
      return msg('pd.failure.timeout', { ms: this.timeoutMs });
    }
    // an error's fields are whatever the layer below put there (a DOMException's code is a number)
    const first = [err.code, err.cause?.code, err.cause?.message, err.message].find((x): x is string => typeof x === 'string' && x !== '');
    return msg('pd.failure.connection', { code: shorten(first ?? String(e), 120) });
  }

  dispose(): void {
    this.disposed.abort();
    void this.agent.close().catch(() => undefined);
  }
}
