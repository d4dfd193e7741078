// Small helpers the rules share: where to point, how to set a host variable, walking variables and addresses.

import type { TextEdit } from '../inventory/edit';
import type { HostLine, Inventory, Severity, Span, VarEntry } from '../inventory/types';
import { once } from '../inventory/derived';
import { instancesByAddress, type Instance } from '../inventory/instances';
import { Overlay } from '../inventory/overlay';
import type { Msg } from '../l10n/message';
import type { FileRole, Finding, Fix, RuleContext } from './types';

export function finding(file: FileRole, rule: string, severity: Severity, span: Span, message: Msg, fixes?: Fix[]): Finding {
  return { file, rule, severity, line: span.line, start: span.start, end: span.end, message, ...(fixes?.length ? { fixes } : {}) };
}

/** The header of `[group]`, else the first line: where a finding about a whole group points. */
export function groupSpan(inv: Inventory, group: string): Span {
  const s = inv.sections.find((x) => x.group === group && x.kind === 'hosts');
  return s ? { line: s.line, start: s.start, end: s.end } : { line: 0, start: 0, end: inv.lines[0]?.length ?? 0 };
}

/** Replaces a variable's value on a host line, or appends `key=value` after the last token. */
export function setHostVar(line: HostLine, key: string, value: string): TextEdit {
  const existing = line.vars.find((v) => v.key === key);
  if (existing) {
    const { line: l, start, end } = existing.valueSpan;
    return { range: { start: { line: l, character: start }, end: { line: l, character: end } }, newText: value };
  }
  const lastEnd = line.vars.length ? line.vars[line.vars.length - 1].valueSpan.end : line.end;
  const at = { line: line.line, character: lastEnd };
  return { range: { start: at, end: at }, newText: ` ${key}=${value}` };
}

/** IPv4 or IPv6 literal (no ranges, no names). */
export function isIp(text: string): boolean {
  const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  return v4.test(text) || (/^[0-9a-fA-F:]+$/.test(text) && text.includes(':') && text.split('::').length <= 2);
}

/** Every variable written in an inventory: on host lines, then in `:vars` sections. */
export function forEachVar(inv: Inventory | undefined, visit: (entry: VarEntry) => void): void {
  if (!inv) return;
  const lines = inv.hostLines;
  for (let i = 0; i < lines.length; i++) {
    const vars = lines[i].vars;
    for (let j = 0; j < vars.length; j++) visit(vars[j]);
  }
  for (const g of inv.groupVarLines) visit(g.entry);
}

type Check = (list: readonly Instance[]) => Finding[] | undefined;
/** A rule's findings per address of one instancesByAddress map (only the addresses that have some). */
export type AddressMemo = WeakMap<ReadonlyMap<string, Instance[]>, ReadonlyMap<string, Finding[]>>;

/**
 * Findings about each address (what collides is always on one machine). After a keystroke the map of
 * addresses is the previous one with a few addresses changed (an Overlay): only those are checked again.
 */
export function perAddress(ctx: RuleContext, memo: AddressMemo, check: Check): Finding[] {
  return [...findingsByAddress(instancesByAddress(ctx.instances), memo, check).values()].flat();
}

function findingsByAddress(byAddress: ReadonlyMap<string, Instance[]>, memo: AddressMemo, check: Check): ReadonlyMap<string, Finding[]> {
  return once(memo, byAddress, () => checkAddresses(byAddress, memo, check));
}

function checkAddresses(byAddress: ReadonlyMap<string, Instance[]>, memo: AddressMemo, check: Check): ReadonlyMap<string, Finding[]> {
  const layers = Overlay.layers(byAddress);
  const before = layers && memo.get(layers.base);
  const found = new Map(before);
  const recheck = (list: readonly Instance[] | undefined, address: string) => {
    found.delete(address);
    const f = list && check(list);
    if (f?.length) found.set(address, f);
  };
  if (layers && before) for (const address of layers.changed) recheck(byAddress.get(address), address);
  else byAddress.forEach(recheck);
  return found;
}
