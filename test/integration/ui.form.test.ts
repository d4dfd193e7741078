// The scale-out form in the real extension host: its page runs (CSP, local script) and asks for checks as it
// opens, conflicts are refused before Submit, and the line the form shows is the line the run writes, alias,
// directories and ports included, with every playbook limited to the alias.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FormValues } from '../../src/core/plan/scaleOutForm';
import type { Run } from '../../src/core/run/engine';
import type { Api } from '../../src/extension';
import type { PdSim } from '../../tools/pd-sim/server';
import { demoCluster, inventoryUri, pointAtSim, recordedCalls, resetRecord } from './helpers';
import { answersWithTheForm, openForm, read, restoreDemo, storesFrom, submitForm } from './ui.support';

const PORTS = {
  tcp_port: '9002',
  http_port: '8125',
  flash_service_port: '3932',
  flash_proxy_port: '20172',
  flash_proxy_status_port: '20294',
  metrics_port: '8236',
};
const LINE =
  'TiFlash12-3 ansible_host=192.168.0.12 deploy_dir=/data3/deploy data_dir=/data3/tiflash,/data4/tiflash tcp_port=9002 http_port=8125 ' +
  'flash_service_port=3932 flash_proxy_port=20172 flash_proxy_status_port=20294 metrics_port=8236';

describe('scale-out form', function () {
  this.timeout(120_000);
  let a: Api;
  let sim: PdSim;
  before(async () => {
    a = await restoreDemo();
    a.ui.forms.session?.receive({ type: 'cancel' });
    sim = await pointAtSim({ ...demoCluster(), rules: [] });
    await storesFrom(a, sim);
  });
  after(async () => {
    await sim.close();
    await restoreDemo();
  });

  it('opens prefilled for a machine that runs TiFlash, refuses conflicts, and Cancel changes nothing', async () => {
    const before = read('inventory.ini');
    const running = vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOut', inventoryUri(), '192.168.0.12', answersWithTheForm(a));
    const s = await openForm(a);
    assert.equal(s.lastCheck?.line?.split(' ')[0], 'TiFlash-192.168.0.12-3', 'the page opened with the suggested alias');
    assert.equal(s.lastCheck?.ok, true);
    const conflict: FormValues = {
      address: '192.168.0.12',
      alias: 'TiFlash12-3',
      deployDir: '/data2/deploy',
      dataDirs: '',
      ports: { ...PORTS, tcp_port: '9001' },
    };
    s.receive({ type: 'input', seq: 1, changed: 'tcp_port', values: conflict });
    assert.equal(s.lastCheck?.ok, false);
    assert.deepEqual(
      [...new Set(s.lastCheck?.problems.map((p) => p.field))].sort(),
      ['dataDirs', 'deployDir', 'tcp_port'],
      'the port, deploy_dir and (so) the default data_dir of TiFlash12-2',
    );
    s.receive({ type: 'submit', values: conflict });
    assert.equal(a.ui.forms.session, s, 'Submit with a conflict keeps the form open');
    s.receive({ type: 'cancel' });
    assert.equal(await running, undefined);
    assert.equal(read('inventory.ini'), before);
  });

  it('writes the line it showed (alias, data directories, ports) and limits every playbook to the alias', async () => {
    resetRecord();
    const running = vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOut', inventoryUri(), undefined, answersWithTheForm(a));
    const shown = await submitForm(a, {
      address: '192.168.0.12',
      alias: 'TiFlash12-3',
      deployDir: '/data3/deploy',
      dataDirs: '/data3/tiflash\n/data4/tiflash',
      ports: PORTS,
    });
    assert.deepEqual(shown.problems, []);
    assert.equal(shown.line, LINE, 'the line shown before Submit');
    assert.equal(a.ui.forms.session, undefined, 'Submit closed the form');
    // the run: type the SSH password like a person, and let the new store report Up once start.yml ran
    let finished = false;
    void running.then(() => (finished = true));
    while (!finished) {
      const calls = recordedCalls().map((c) => c.playbook);
      if (!calls.includes('create_users')) vscode.window.terminals.find((t) => t.name.includes('TiFlash12-3'))?.sendText('secret', true);
      if (calls.includes('start') && !sim.cluster.stores.some((st) => st.address === '192.168.0.12:3932')) {
        sim.cluster.stores.push({
          ...sim.cluster.find(55)!,
          id: '77',
          address: '192.168.0.12:3932',
          peer_address: '192.168.0.12:20172',
          status_address: '192.168.0.12:20294',
          region_count: 0,
          lastHeartbeatMs: Date.now(),
          heartbeating: true,
        });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const run = await running;
    assert.equal(run?.status, 'done', JSON.stringify(run?.steps.map((st, i) => [i, st.status, st.reason])));
    assert.match(
      read('inventory.ini'),
      new RegExp(`\\[tiflash_servers\\][^[]*^${LINE.replace(/[.$]/g, '\\$&')}$`, 'm'),
      'the line as shown, in [tiflash_servers]',
    );
    const limited = recordedCalls().filter((c) => ['bootstrap', 'deploy', 'start'].includes(c.playbook));
    assert.deepEqual(
      [...new Set(limited.map((c) => `${c.playbook} ${c.host} ${c.limit}`))],
      ['bootstrap TiFlash12-3 TiFlash12-3', 'deploy TiFlash12-3 TiFlash12-3', 'start TiFlash12-3 TiFlash12-3'],
    );
  });
});
