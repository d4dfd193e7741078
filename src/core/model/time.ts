// Times as people read them: how long ago ("3 s ago"), how long ("3m 05s"), and PD's own timestamps.

import { msg, type Msg } from '../l10n/message';

/** "just now", "3 s ago", "2 min ago", "5 h ago", "3 d ago" (rounded down). */
export function ageMsg(ms: number): Msg {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 1) return msg('view.ago.now');
  if (s < 60) return msg('view.ago.s', { n: s });
  if (s < 3600) return msg('view.ago.min', { n: Math.floor(s / 60) });
  if (s < 86_400) return msg('view.ago.h', { n: Math.floor(s / 3600) });
  return msg('view.ago.d', { n: Math.floor(s / 86_400) });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2d 03h", "1h 02m", "3m 05s", "42s". */
export function durationMsg(seconds: number): Msg {
  const t = Math.floor(Math.max(0, seconds));
  const d = Math.floor(t / 86_400);
  const h = Math.floor((t % 86_400) / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  if (d) return msg('view.duration.dh', { d, h: pad(h) });
  if (h) return msg('view.duration.hm', { h, m: pad(m) });
  if (m) return msg('view.duration.ms', { m, s: pad(s) });
  return msg('view.duration.s', { s });
}

/** PD's RFC 3339 time (nanoseconds, PD's zone) in ms; undefined when absent, unparsable or PD's zero time. */
export function pdTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
