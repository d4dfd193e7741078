// The preview text, line by line, for a plan with every kind of step: what the operator reads before Start
// (numbering, each playbook's command and its --list-hosts check, PD writes, each wait and what ends it, info
// steps, diffs, an edit already done, an edit refused on the current text, warnings), in English and Chinese.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { parseStoreId } from '../../src/core/pd/types';
import { playbookStep, type PlaybookSpec } from '../../src/core/plan/playbooks';
import { preview, previewText } from '../../src/core/plan/preview';
import type { Plan, PlaybookStep, Step } from '../../src/core/plan/types';

const inventory = '[tiflash_servers]\n192.168.0.11\ntf[1:2] ansible_host=192.168.0.12\n';
const hosts = '[servers]\n192.168.0.11\n';
const id53 = parseStoreId('53')!;

const playbook = (spec: Partial<PlaybookSpec> & Pick<PlaybookSpec, 'id' | 'playbook' | 'expectHosts'>): PlaybookStep => {
  const r = playbookStep({}, { title: msg('plan.step.deployNtp'), inventory: 'inventory', ...spec });
  assert.ok('step' in r);
  return r.step;
};

const removeFromTiflash = (id: string, host: string): Step => ({
  kind: 'edit',
  id,
  file: 'inventory',
  ops: [{ op: 'remove', group: 'tiflash_servers', host }],
  title: msg('plan.step.removeFromInventory', { name: host, groups: '[tiflash_servers]' }),
});

const steps: Step[] = [
  removeFromTiflash('edit-1', '192.168.0.11'),
  // the same edit again: the text the step before leaves has it done already
  removeFromTiflash('edit-2', '192.168.0.11'),
  // a name listed through a range cannot be removed line by line
  removeFromTiflash('edit-3', 'tf1'),
  playbook({ id: 'stop', playbook: 'stop.yml', limit: { host: '192.168.0.11', where: msg('args.where.setting') }, expectHosts: ['192.168.0.11'] }),
  playbook({ id: 'ntp', playbook: 'deploy_ntp.yml', expectHosts: [] }),
  playbook({ id: 'monitor', playbook: 'rolling_update_monitor.yml', expectHosts: ['192.168.0.10', '192.168.0.9'] }),
  {
    kind: 'pd',
    id: 'pd',
    title: msg('plan.step.enablePlacementRules'),
    action: { kind: 'enable-placement-rules' },
    requests: [
      { method: 'POST', path: '/pd/api/v1/config/replicate', body: '{"enable-placement-rules":"true"}' },
      { method: 'DELETE', path: '/pd/api/v1/store/53' },
    ],
  },
  {
    kind: 'wait',
    id: 'tomb',
    title: msg('plan.step.waitTombstone', { id: id53, regions: 7 }),
    until: 'tombstone',
    storeId: id53,
    address: '192.168.0.11:3930',
  },
  {
    kind: 'wait',
    id: 'up',
    title: msg('plan.step.waitUp', { address: '192.168.0.20:3930', name: '192.168.0.20' }),
    until: 'up',
    address: '192.168.0.20:3930',
    timeoutMs: 600_000,
  },
  {
    kind: 'info',
    id: 'wipe',
    title: msg('plan.step.wipe', { name: '192.168.0.11' }),
    detail: msg('plan.step.wipeDetail', { address: '192.168.0.11', dirs: ['/data1/tiflash'] }),
  },
  { kind: 'info', id: 'grafana', title: msg('plan.step.grafana', { what: 'TiFlash' }), url: 'http://192.168.0.10:3000' },
  { kind: 'info', id: 'both', title: msg('plan.step.grafana', { what: 'Regions' }), detail: msg('plan.step.grafanaMissing'), url: 'http://x:1' },
];

const plan: Plan = {
  operation: 'scale-in',
  target: '192.168.0.11',
  steps,
  blocked: [],
  warnings: [msg('plan.warn.alreadyTombstone', { id: id53 })],
};

const EN = `Plan: scale-in of 192.168.0.11

Warnings:
  ! Store 53 is already Tombstone: TiFlash is stopped right away.

Steps (each only after the one before succeeded):
 1. Remove 192.168.0.11 from inventory.ini [tiflash_servers]
--- a/inventory.ini
+++ b/inventory.ini
@@ -1,3 +1,2 @@
 [tiflash_servers]
-192.168.0.11
 tf[1:2] ansible_host=192.168.0.12
 2. Remove 192.168.0.11 from inventory.ini [tiflash_servers]
    (already as planned: no change)
 3. Remove tf1 from inventory.ini [tiflash_servers]
    ✗ Line 2 lists tf1 through the range \`tf[1:2]\`: edit that range by hand.
 4. Deploy NTP on the hosts of hosts.ini
    ansible-playbook -i inventory.ini stop.yml -l 192.168.0.11
    Checked with ansible-playbook --list-hosts before Start: it must act on 192.168.0.11 and nothing else.
 5. Deploy NTP on the hosts of hosts.ini
    ansible-playbook -i inventory.ini deploy_ntp.yml
    Checked with ansible-playbook --list-hosts before Start: it must include -.
 6. Deploy NTP on the hosts of hosts.ini
    ansible-playbook -i inventory.ini rolling_update_monitor.yml
    Checked with ansible-playbook --list-hosts before Start: it must include 192.168.0.10, 192.168.0.9.
 7. Enable placement rules in PD
    POST /pd/api/v1/config/replicate {"enable-placement-rules":"true"}
    DELETE /pd/api/v1/store/53
 8. Wait until store 53 is Tombstone (its 7 Region(s) move away)
    Ends when PD reports store 53 Tombstone (or physically destroyed); no time limit. A failed poll or a list without the store never ends it.
 9. Wait until PD reports the new store at 192.168.0.20:3930 (192.168.0.20) Up
    Ends when PD reports one live TiFlash store at 192.168.0.20:3930 Up; gives up after 10 minutes with an explanation.
10. Wipe the TiFlash data directories of 192.168.0.11 before the machine joins again
    Scale-in does not delete data. Before 192.168.0.11 runs TiFlash again, delete: /data1/tiflash
11. Watch TiFlash in Grafana
    http://192.168.0.10:3000
12. Watch Regions in Grafana
    No [grafana_servers] host in inventory.ini.
    http://x:1
`;

const ZH = `计划：192.168.0.11 的缩容

警告：
  ! Store 53 已经是 Tombstone：直接停止 TiFlash。

步骤（每一步都在上一步成功后才执行）：
 1. 从 inventory.ini 的 [tiflash_servers] 中移除 192.168.0.11
--- a/inventory.ini
+++ b/inventory.ini
@@ -1,3 +1,2 @@
 [tiflash_servers]
-192.168.0.11
 tf[1:2] ansible_host=192.168.0.12
 2. 从 inventory.ini 的 [tiflash_servers] 中移除 192.168.0.11
    （已是计划中的状态：无需修改）
 3. 从 inventory.ini 的 [tiflash_servers] 中移除 tf1
    ✗ 第 2 行通过主机范围 \`tf[1:2]\` 列出了 tf1：请手动修改该范围。
 4. 在 hosts.ini 的主机上部署 NTP
    ansible-playbook -i inventory.ini stop.yml -l 192.168.0.11
    开始前用 ansible-playbook --list-hosts 检查：必须只作用于 192.168.0.11。
 5. 在 hosts.ini 的主机上部署 NTP
    ansible-playbook -i inventory.ini deploy_ntp.yml
    开始前用 ansible-playbook --list-hosts 检查：必须包含 -。
 6. 在 hosts.ini 的主机上部署 NTP
    ansible-playbook -i inventory.ini rolling_update_monitor.yml
    开始前用 ansible-playbook --list-hosts 检查：必须包含 192.168.0.10、192.168.0.9。
 7. 在 PD 中开启 Placement Rules
    POST /pd/api/v1/config/replicate {"enable-placement-rules":"true"}
    DELETE /pd/api/v1/store/53
 8. 等待 store 53 变为 Tombstone（其 7 个 Region 迁走）
    当 PD 报告 store 53 为 Tombstone（或已物理销毁）时结束；没有时间限制。查询失败或列表中缺少该 store 都不会视为结束。
 9. 等待 PD 中 192.168.0.20:3930（192.168.0.20）上的新 store 变为 Up
    当 PD 报告 192.168.0.20:3930 上唯一的 TiFlash store 为 Up 时结束；10 分钟后仍未就绪则停止并说明原因。
10. 在该机器重新加入前清除 192.168.0.11 的 TiFlash 数据目录
    缩容不会删除数据。在 192.168.0.11 再次运行 TiFlash 之前，请删除：/data1/tiflash
11. 在 Grafana 中观察TiFlash
    http://192.168.0.10:3000
12. 在 Grafana 中观察Regions
    inventory.ini 中没有 [grafana_servers] 主机。
    http://x:1
`;

describe('preview text', () => {
  it('shows every kind of step as the operator reads it before Start', () => {
    assert.equal(previewText(preview(plan, { inventory, hosts }), 'en'), EN);
  });

  it('shows the same steps, commands and diffs in Chinese', () => {
    assert.equal(previewText(preview(plan, { inventory, hosts }), 'zh-cn'), ZH);
  });

  it('lists only the files the plan changes, as they are now and as it leaves them', () => {
    assert.deepEqual(preview(plan, { inventory, hosts }).files, [
      { file: 'inventory', name: 'inventory.ini', before: inventory, after: '[tiflash_servers]\ntf[1:2] ansible_host=192.168.0.12\n' },
    ]);
    const noEdits = { ...plan, steps: steps.filter((s) => s.kind !== 'edit') };
    assert.deepEqual(preview(noEdits, { inventory, hosts }).files, []);
  });

  it('without warnings goes straight to the steps; a wait without a time limit shows 0 minutes', () => {
    const up = steps.find((s) => s.id === 'up')!;
    const bare: Plan = { ...plan, warnings: [], steps: [{ ...up, timeoutMs: undefined } as Step] };
    assert.equal(
      previewText(preview(bare, { inventory, hosts }), 'en'),
      'Plan: scale-in of 192.168.0.11\n\nSteps (each only after the one before succeeded):\n' +
        ' 1. Wait until PD reports the new store at 192.168.0.20:3930 (192.168.0.20) Up\n' +
        '    Ends when PD reports one live TiFlash store at 192.168.0.20:3930 Up; gives up after 0 minutes with an explanation.\n',
    );
  });
});
