// gorilla/mux as PD and TiDB use it: `{name}` matches one path segment; a path no route has is
// 404 "404 page not found", a known path asked with another method is 405 with an empty body.

import { type Answer, emptyAnswer, notFound, plainText } from './answers';

export interface Request {
  method: string;
  url: URL;
  body: string;
}

/** 'drop': the handler would panic in Go; net/http then closes the connection without an answer. */
export type Outcome = Answer | 'drop';

export interface Route {
  method: string;
  pattern: RegExp;
  handle: (req: Request, params: string[]) => Outcome;
}

export function route(method: string, template: string, handle: Route['handle']): Route {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return { method, pattern: new RegExp(`^${source}$`), handle };
}

export function dispatch(routes: Route[], req: Request): Outcome {
  let pathKnown = false;
  for (const r of routes) {
    const m = r.pattern.exec(req.url.pathname);
    if (!m) continue;
    pathKnown = true;
    if (r.method !== req.method && r.method !== '*') continue;
    let params: string[];
    try {
      params = m.slice(1).map(decodeURIComponent);
    } catch {
      return plainText(400, '400 Bad Request'); // net/http refuses a path it cannot unescape
    }
    return r.handle(req, params);
  }
  return pathKnown ? emptyAnswer(405) : notFound();
}
