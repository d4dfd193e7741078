// PD's HTTP API (what pd-ctl calls) over undici: endpoints tried in turn, the one that answered
// remembered, a timeout per request, keep-alive, and everything aborted on dispose.

import { Agent, request } from 'undici';
import { decodeRules, decodeStore, decodeStores, parseJson } from './decode';
import type { PdRequest } from './requests';
import type { Decoded, PlacementRule, Store, StoreId } from './types';

export interface PdError {
  kind: 'unreachable' | 'http' | 'decode' | 'aborted';
  message: string;
  status?: number;
  endpoint?: string;
}

export type PdResult<T> = { ok: true; value: T } | { ok: false; error: PdError };

export interface PdClientOptions {
  endpoints: string[];
  timeoutMs?: number;
  /** Called with one line per request (method, URL, outcome); nothing secret is in it. */
  log?: (line: string) => void;
}

interface Answer {
  status: number;
  text: string;
  endpoint: string;
}

const ALL_STATES = '?state=0&state=1&state=2';

export function normalizeEndpoint(e: string): string {
  const trimmed = e.trim().replace(/\/+$/, '');
  return /^https?:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
}

export class PdClient {
  private readonly endpoints: string[];
  private readonly timeoutMs: number;
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 4 });
  private readonly disposed = new AbortController();
  private preferred = 0;

  constructor(private readonly opts: PdClientOptions) {
    this.endpoints = opts.endpoints.map(normalizeEndpoint).filter((e) => e !== 'http://');
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  get endpoint(): string | undefined {
    return this.endpoints[this.preferred];
  }

  /** All stores, Tombstone included (what TiUP asks for). */
  stores(): Promise<PdResult<Store[]>> {
    return this.getJson(`/pd/api/v1/stores${ALL_STATES}`, decodeStores);
  }

  /** PD's default list: Up and Offline only; a Tombstone store is gone from it. */
  defaultStores(): Promise<PdResult<Store[]>> {
    return this.getJson('/pd/api/v1/stores', decodeStores);
  }

  store(id: StoreId): Promise<PdResult<Store>> {
    return this.getJson(`/pd/api/v1/store/${id}`, decodeStore);
  }

  /** pd-ctl `store delete`: Up -> Offline. */
  deleteStore(id: StoreId): Promise<PdResult<void>> {
    return this.send('DELETE', `/pd/api/v1/store/${id}`);
  }

  /** The forced path of the manual TiFlash procedure (v4.0): drops the store's replicas at once. */
  setTombstone(id: StoreId): Promise<PdResult<void>> {
    return this.send('POST', `/pd/api/v1/store/${id}/state?state=Tombstone`);
  }

  removeTombstones(): Promise<PdResult<void>> {
    return this.send('DELETE', '/pd/api/v1/stores/remove-tombstone');
  }

  tiflashRules(): Promise<PdResult<PlacementRule[]>> {
    return this.getJson('/pd/api/v1/config/rules/group/tiflash', decodeRules);
  }

  version(): Promise<PdResult<string>> {
    return this.getJson('/pd/api/v1/version', (v) => {
      const version = (v as { version?: unknown })?.version;
      return typeof version === 'string' ? { ok: true, value: version } : { ok: false, error: 'no version in answer' };
    });
  }

  dispose(): void {
    this.disposed.abort();
    void this.agent.close().catch(() => undefined);
  }

  private async getJson<T>(path: string, decode: (v: unknown) => Decoded<T>): Promise<PdResult<T>> {
    const r = await this.call('GET', path);
    if (!r.ok) return r;
    if (r.value.status !== 200) return { ok: false, error: httpError(r.value) };
    const json = parseJson(r.value.text);
    const decoded = json.ok ? decode(json.value) : json;
    return decoded.ok ? decoded : { ok: false, error: { kind: 'decode', message: decoded.error, endpoint: r.value.endpoint } };
  }

  /** Sends exactly `req` (a plan's PD step): PD's status and body, whatever the status. */
  async exchange(req: PdRequest): Promise<PdResult<{ status: number; body: string }>> {
    const r = await this.call(req.method, req.path, req.body);
    return r.ok ? { ok: true, value: { status: r.value.status, body: r.value.text } } : r;
  }

  private async send(method: 'DELETE' | 'POST', path: string): Promise<PdResult<void>> {
    const r = await this.call(method, path);
    if (!r.ok) return r;
    return r.value.status === 200 ? { ok: true, value: undefined } : { ok: false, error: httpError(r.value) };
  }

  /** Tries the endpoints, starting with the one that answered last; an HTTP answer of any status ends the search. */
  private async call(method: string, path: string, body?: string): Promise<PdResult<Answer>> {
    if (!this.endpoints.length) return { ok: false, error: { kind: 'unreachable', message: 'no PD endpoint is configured' } };
    const failures: string[] = [];
    for (let k = 0; k < this.endpoints.length; k++) {
      const index = (this.preferred + k) % this.endpoints.length;
      const endpoint = this.endpoints[index];
      if (this.disposed.signal.aborted) return { ok: false, error: { kind: 'aborted', message: 'PD client was closed' } };
      const started = Date.now();
      try {
        const res = await request(endpoint + path, {
          method,
          ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
          dispatcher: this.agent,
          signal: AbortSignal.any([this.disposed.signal, AbortSignal.timeout(this.timeoutMs)]),
          headersTimeout: this.timeoutMs,
          bodyTimeout: this.timeoutMs,
        });
        const text = await res.body.text();
        this.preferred = index;
        this.opts.log?.(`${method} ${endpoint}${path} -> ${res.statusCode} (${Date.now() - started} ms)`);
        return { ok: true, value: { status: res.statusCode, text, endpoint } };
      } catch (e) {
        if (this.disposed.signal.aborted) return { ok: false, error: { kind: 'aborted', message: 'PD client was closed' } };
        const reason = describe(e, this.timeoutMs);
        this.opts.log?.(`${method} ${endpoint}${path} failed: ${reason}`);
        failures.push(`${endpoint}: ${reason}`);
      }
    }
    return { ok: false, error: { kind: 'unreachable', message: `PD is unreachable (${failures.join('; ')})` } };
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') return `no answer within ${timeoutMs} ms`;
  return err.code ?? err.cause?.code ?? err.message ?? String(e);
}

/** PD puts its reason in the body, usually as a JSON string: "store 99 not found". */
function httpError(a: Answer): PdError {
  const parsed = parseJson(a.text);
  const body = parsed.ok && typeof parsed.value === 'string' ? parsed.value : a.text.trim();
  return { kind: 'http', status: a.status, endpoint: a.endpoint, message: `PD answered ${a.status}: ${body.slice(0, 200)}` };
}
