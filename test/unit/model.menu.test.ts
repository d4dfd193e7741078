// The tree's context menu: package.json's `when` clauses, evaluated against the contextValue of every kind of
// row the read model makes (each state, in and out of the inventory, per PD version), offer exactly the
// actions the model allows.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { contextValue } from '../../src/core/model/menu';
import type { HostActions, HostRow } from '../../src/core/model/types';
import { STORE_STATES } from '../../src/core/pd/types';
import { pdVersion } from '../../src/core/pd/version';
import { demoStores, modelOf, NOW, readAt } from '../support/model';
import { repoRoot } from '../support/paths';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, MenuEntry[]> };
};
const itemMenu = pkg.contributes.menus['view/item/context'];
const declared = new Set(pkg.contributes.commands.map((c) => c.command));

/** The `when` syntax this menu uses: `view == id` and `viewItem =~ /regex/` joined by `&&`; anything else fails the test. */
function evaluate(when: string, ctx: { view: string; viewItem: string }): boolean {
  return when.split('&&').every((raw) => {
    const term = raw.trim();
    const eq = /^view == ([\w.]+)$/.exec(term);
    if (eq) return ctx.view === eq[1];
    const re = /^viewItem =~ \/(.*)\/([a-z]*)$/.exec(term);
    if (re) return new RegExp(re[1], re[2]).test(ctx.viewItem);
    throw new Error(`a when clause this test cannot evaluate: ${term}`);
  });
}

const offered = (viewItem: string, inline: boolean) =>
  new Set(itemMenu.filter((m) => (m.group === 'inline') === inline && evaluate(m.when ?? 'true', { view: 'tiflash.hosts', viewItem })).map((m) => m.command));

/** Every kind of row: each store state on an inventory host and on a store the inventory lacks, a host PD lacks, unknown hosts; per version. */
function everyRow(): HostRow[] {
  const rows: HostRow[] = [];
  for (const version of ['v3.1.2', 'v4.0.16', 'v5.1.0', undefined]) {
    for (const state of STORE_STATES) {
      const stores = demoStores({ '53': { state, stateName: state }, '61': { state, stateName: state } });
      rows.push(...modelOf(readAt(stores, NOW, version ? { version: pdVersion(version) } : {})).rows);
    }
  }
  rows.push(...modelOf({}).rows, ...modelOf({ off: msg('view.pd.untrusted') }).rows);
  return rows;
}

const ACTIONS: (keyof HostActions)[] = ['scaleOut', 'scaleIn', 'cancelScaleIn', 'forceTombstone'];

describe('context menu of the hosts tree', () => {
  it('offers each declared action exactly on the rows the model allows it', () => {
    const rows = everyRow();
    const seen = new Set<string>();
    for (const row of rows) {
      const cv = contextValue(row);
      seen.add(cv);
      const menu = offered(cv, false);
      for (const a of ACTIONS) {
        const command = `tiflash.${a}`;
        if (!declared.has(command)) continue;
        assert.equal(menu.has(command), row.actions[a], `${command} on ${cv} (${row.id})`);
      }
      for (const command of offered(cv, true)) {
        const a = command.slice('tiflash.'.length) as keyof HostActions;
        assert.ok(row.actions[a], `inline ${command} on ${cv}, which does not allow it`);
      }
    }
    // the combinations the menu must tell apart are all there
    for (const cv of [
      'tiflashHost.Offline.scaleIn.cancelScaleIn.forceTombstone',
      'tiflashHost.Offline.scaleIn.cancelScaleIn',
      'tiflashOrphan.Offline.cancelScaleIn.forceTombstone',
      'tiflashHost.NotInPd.scaleOut',
      'tiflashHost.Tombstone.scaleOut',
      'tiflashHost.Down.scaleIn',
      'tiflashHost.Unknown',
      'tiflashOrphan.Up',
    ]) {
      assert.ok(seen.has(cv), `no row gave ${cv}: ${[...seen].join(' ')}`);
    }
  });

  it("offers Force Tombstone only where PD's version accepts it, and only on Offline stores", () => {
    for (const version of ['v3.1.2', 'v4.0.16', 'v5.1.0', 'v2.1.19', 'nightly', undefined]) {
      for (const state of STORE_STATES) {
        const stores = demoStores({ '53': { state, stateName: state }, '61': { state, stateName: state } });
        const m = modelOf(readAt(stores, NOW, version ? { version: pdVersion(version) } : {}));
        for (const row of m.rows) {
          const expected = state === 'Offline' && !!row.store && (version === 'v3.1.2' || version === 'v4.0.16') && ['53', '61'].includes(row.store.id);
          assert.equal(offered(contextValue(row), false).has('tiflash.forceTombstone'), expected, `${version} ${contextValue(row)}`);
        }
      }
    }
  });

  it('offers nothing on the other items of the tree', () => {
    for (const cv of ['tiflashUnreachable', 'tiflashNotice', 'tiflashCluster']) assert.deepEqual([...offered(cv, false), ...offered(cv, true)], [], cv);
  });
});
