// The demo cluster for read-model tests: its four TiFlash hosts (one without an alias, two on one machine,
// one not in PD), its stores as PD lists them, and a model builder with the clock in the test's hands.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts, type TiFlashHost } from '../../src/core/inventory/tiflash';
import { render, type Lang } from '../../src/core/l10n/message';
import { clusterModel } from '../../src/core/model/cluster';
import { joinParts, type Part } from '../../src/core/model/present';
import type { ClusterModel, ModelInput, PdAnswers } from '../../src/core/model/types';
import type { Store, StoreId } from '../../src/core/pd/types';
import type { DrainSample } from '../../src/core/poll/drain';
import { tiflashStore } from './facts';
import { demoDir } from './paths';

export const demoHosts: readonly TiFlashHost[] = tiflashHosts(parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8')));

export const MIN = 60_000;
export const NOW = 1_700_000_000_000;

/** The demo's TiFlash stores: 53 (192.168.0.11), 54 and 55 (TiFlash12-1/-2), and an old Tombstone 61 the inventory lacks. */
export function demoStores(over: Record<string, Partial<Store>> = {}): Store[] {
  const at = (id: string, address: string, state: Store['state'] = 'Up') => tiflashStore(id, address, state, { version: 'v4.0.9', ...over[id] });
  return [at('53', '192.168.0.11:3930'), at('54', '192.168.0.12:3930'), at('55', '192.168.0.12:3931'), at('61', '192.168.0.19:3930', 'Tombstone')];
}

/** PD answers with a list read at `at`. */
export const readAt = (stores: readonly Store[], at = NOW, more: Partial<PdAnswers> = {}): PdAnswers => ({
  stores: { list: { stores, includesTombstones: true }, at },
  ...more,
});

export function modelOf(pd: PdAnswers, more: Partial<ModelInput> = {}): ClusterModel {
  return clusterModel({ hosts: demoHosts, pd, drains: new Map(), now: NOW, stuckAfterMs: 2 * MIN, ...more });
}

/** Samples every 10 s over `spanMs` up to `until`, counting down `perSample` each until `fallsUntil`. */
export function samples(until: number, spanMs: number, from: number, perSample: number, fallsUntil = until): DrainSample[] {
  const out: DrainSample[] = [];
  let regions = from;
  for (let at = until - spanMs; at <= until; at += 10_000) {
    out.push({ at, regions });
    if (at < fallsUntil) regions = Math.max(0, regions - perSample);
  }
  return out;
}

export const drainsOf = (id: string, s: DrainSample[]) => new Map([[id as StoreId, s]]);

export const en = (parts: readonly Part[]) => joinParts(parts, 'en');
export const zh = (parts: readonly Part[]) => joinParts(parts, 'zh-cn');
export const text = (p: Part | number, lang: Lang = 'en') => (typeof p === 'number' ? String(p) : typeof p === 'string' ? p : render(p, lang));
