// Shared by the ui.* suites: the demo's inventories back in the workspace, and the simulator's stores seen.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FormValues } from '../../src/core/plan/scaleOutForm';
import type { Api } from '../../src/extension';
import type { Cluster } from '../../src/inventories';
import type { PdSim } from '../../tools/pd-sim/server';
import { demoDir } from '../support/paths';
import { api, waitFor, workspaceDir } from './helpers';

const DEMO_NAMES = ['192.168.0.11', 'TiFlash12-1', 'TiFlash12-2', '192.168.0.13'];

/** Earlier suites scale the demo in and out: each ui suite starts from the demo's own inventory.ini and hosts.ini. */
export async function restoreDemo(): Promise<Api> {
  const a = await api();
  for (const f of ['inventory.ini', 'hosts.ini']) fs.copyFileSync(path.join(demoDir, f), path.join(workspaceDir(), f));
  await waitFor('the demo inventory', () => {
    const c = a.ctx.inventories.list()[0];
    return c && JSON.stringify(c.tiflash.map((h) => h.name)) === JSON.stringify(DEMO_NAMES) && c.hosts?.groups.get('servers')?.hosts.length === 10;
  });
  return a;
}

/** Waits until the extension has a snapshot from this simulator. */
export async function storesFrom(a: Api, sim: PdSim): Promise<void> {
  await waitFor('stores from the simulator', () => {
    const live = a.ctx.stores.get(a.ctx.inventories.list()[0]);
    return live?.endpoints.includes(sim.url) && live.stores ? true : undefined;
  });
}

export const read = (file: string) => fs.readFileSync(path.join(workspaceDir(), file), 'utf8');

/** The scale-out form on screen, once its page has asked for its first check (its script runs under the CSP). */
export const openForm = (a: Api) => waitFor('the scale-out form', () => (a.ui.forms.session?.lastCheck ? a.ui.forms.session : undefined));

/** Answers the scale-out form as a person would: these values typed, then Submit. Returns the check the form showed. */
export async function submitForm(a: Api, values: FormValues) {
  const form = await openForm(a);
  form.receive({ type: 'input', seq: 1, changed: 'address', values });
  const shown = form.lastCheck!;
  form.receive({ type: 'submit', values });
  return shown;
}

/**
 * Scripted answers (yes, Abort on a failure) except for what to scale out: that is the real form. The runner
 * asks it through its operator (`scaleOutSpec`) once that question is one of the operator's.
 */
export const answersWithTheForm = (a: Api) => ({ assumeYes: true, operator: { scaleOutSpec: (c: Cluster, address?: string) => a.ui.forms.open(c, address) } });
