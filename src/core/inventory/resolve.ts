// Variable precedence as Ansible applies it: groups sorted by (depth, priority, name), host vars last.

import { once } from './derived';
import type { Inventory, Value, Vars } from './types';
import { asText, hasVars } from './values';

// A parsed inventory never changes, so what is derived from it is computed once per inventory.
const depthsCache = new WeakMap<Inventory, Map<string, number>>();
const varsCache = new WeakMap<Inventory, Map<string, Readonly<Vars>>>();

/** Longest path from `all`; what Group.depth ends up as in Ansible. */
export function groupDepths(inv: Inventory): Map<string, number> {
  return once(depthsCache, inv, computeDepths);
}

/** The longest path from `all` to each group, in topological order (linear, and no recursion on long chains). */
function computeDepths(inv: Inventory): Map<string, number> {
  const children = (name: string) => inv.groups.get(name)?.children ?? [];
  // the groups under `all`, and how many of their parents are
  const waiting = new Map<string, number>([['all', 0]]);
  const walk = ['all'];
  while (walk.length) {
    for (const c of children(walk.pop()!)) {
      if (!waiting.has(c)) walk.push(c);
      waiting.set(c, (waiting.get(c) ?? 0) + 1);
    }
  }
  const depth = new Map<string, number>([['all', 0]]);
  const ready = ['all'];
  while (ready.length) {
    const name = ready.pop()!;
    for (const c of children(name)) {
      depth.set(c, Math.max(depth.get(c) ?? 0, depth.get(name)! + 1));
      const left = waiting.get(c)! - 1;
      waiting.set(c, left);
      if (!left) ready.push(c);
    }
  }
  // groups in a loop (reported by the parser) never become ready: they keep what their other parents gave
  return depth;
}

/** All groups a host belongs to, directly or through `:children`, `all` included. */
export function hostGroups(inv: Inventory, host: string): string[] {
  const out = new Set<string>(['all']);
  const stack = [...(inv.hosts.get(host)?.groups ?? [])];
  while (stack.length) {
    const g = stack.pop()!;
    if (out.has(g)) continue;
    out.add(g);
    stack.push(...(inv.groups.get(g)?.parents ?? []));
  }
  return [...out];
}

export interface ResolvedVar {
  value: Value;
  /** `host` or the group the value came from. */
  from: string;
}

interface GroupLayer {
  origin: Map<string, ResolvedVar>;
  values: Vars;
}

// Hosts listed in the same groups inherit the same group variables: merge those once per group list.
// Layers are found by walking the host's groups through a tree (no key string to build for every host).
interface LayerNode {
  layer?: GroupLayer;
  next: Map<string, LayerNode>;
}
const layerCache = new WeakMap<Inventory, LayerNode>();

function groupLayer(inv: Inventory, host: string): GroupLayer {
  const newNode = (): LayerNode => ({ next: new Map() });
  let node = once(layerCache, inv, newNode);
  for (const g of inv.hosts.get(host)?.groups ?? []) node = once(node.next, g, newNode);
  if (node.layer) return node.layer;
  const depths = groupDepths(inv);
  const groups = hostGroups(inv, host)
    .map((name) => inv.groups.get(name)!)
    .filter(Boolean)
    .sort((a, b) => {
      const da = depths.get(a.name) ?? 0;
      const db = depths.get(b.name) ?? 0;
      if (da !== db) return da - db;
      if (a.priority !== b.priority) return a.priority - b.priority;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  const layer: GroupLayer = { origin: new Map(), values: {} };
  for (const g of groups) {
    for (const [k, value] of Object.entries(g.vars)) {
      layer.origin.set(k, { value, from: g.name });
      layer.values[k] = value;
    }
  }
  return (node.layer = layer);
}

/** After an edit inside host lines the groups are the same: their depths and merged layers still hold. */
export function inheritGroupLayers(prev: Inventory, next: Inventory): void {
  const depths = depthsCache.get(prev);
  if (depths) depthsCache.set(next, depths);
  const layers = layerCache.get(prev);
  if (layers) layerCache.set(next, layers);
}

/** Merged variables of a host with the origin of each, in Ansible's precedence. */
export function resolveHostVarsWithOrigin(inv: Inventory, host: string): Map<string, ResolvedVar> {
  const out = new Map(groupLayer(inv, host).origin);
  for (const [k, value] of Object.entries(inv.hosts.get(host)?.vars ?? {})) out.set(k, { value, from: 'host' });
  return out;
}

/** Merged variables of a host (shared between callers: copy before changing). */
export function resolveHostVars(inv: Inventory, host: string): Readonly<Vars> {
  return once(
    once(varsCache, inv, () => new Map<string, Readonly<Vars>>()),
    host,
    () => {
      const own = inv.hosts.get(host)?.vars ?? {};
      const layer = groupLayer(inv, host).values;
      // most hosts have no variables of their own: they share their groups' merged object
      return hasVars(own) ? { ...layer, ...own } : layer;
    },
  );
}

const groupHostCache = new WeakMap<Inventory['groups'], boolean>();

/** Whether any group sets ansible_host (rare: it is a per-host setting). */
function groupsSetAnsibleHost(inv: Inventory): boolean {
  return once(groupHostCache, inv.groups, (groups) => [...groups.values()].some((g) => 'ansible_host' in g.vars));
}

/** Where Ansible connects to for a host: `ansible_host`, else its name. */
export function addressOf(inv: Inventory, host: string): string {
  const own = inv.hosts.get(host)?.vars;
  // the host's own value wins over any group's: no need to merge the groups to know it
  const value = own && 'ansible_host' in own ? own.ansible_host : groupsSetAnsibleHost(inv) ? resolveHostVars(inv, host).ansible_host : undefined;
  return asText(value) ?? host;
}
