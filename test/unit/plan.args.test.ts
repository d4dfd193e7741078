// The one argument check: nothing with a control character, a leading dash or an Ansible pattern reaches
// an argument vector, whichever plan or setting it comes from.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { argProblem, buildArgv, visible } from '../../src/core/plan/args';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import type { Plan } from '../../src/core/plan/types';
import { parseStoreId, type Store } from '../../src/core/pd/types';
import { factsOf } from '../support/facts';

const CONTROLS = ['\u0015', '\u000f', '\u0003', '\r', '\n', '\t', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u2028', '\u202e', '\u2066', '\ufeff'];
const PATTERNS = ['!192.168.0.14', 'a,b', 'a:b', 'a&b', 'tiflash*', 'h?', 'h[1:3]', '~^h', '@file', 'a b', 'a\\b'];
const noStores = factsOf([]);
const store = (id: string, address: string): Store => ({
  id: parseStoreId(id)!,
  address,
  state: 'Up',
  stateName: 'Up',
  labels: { engine: 'tiflash' },
  regionCount: 1,
  leaderCount: 0,
});
const everyArg = (p: Plan) => p.steps.flatMap((s) => (s.kind === 'playbook' ? [...s.argv] : []));
const HOSTS = '[servers]\n10.0.0.9\n[all:vars]\nusername = tidb\n';

function inventoryWith(name: string): string {
  return [
    '[tidb_servers]',
    '10.0.0.1',
    '[tikv_servers]',
    '10.0.0.2',
    '[pd_servers]',
    '10.0.0.3',
    '[monitoring_servers]',
    '10.0.0.4',
    '[monitored_servers]',
    '10.0.0.4',
    '10.0.0.9',
    '[tiflash_servers]',
    `"${name}" ansible_host=10.0.0.9`,
    '[all:vars]',
    'ansible_user = tidb',
    'timezone = Asia/Shanghai',
    '',
  ].join('\n');
}

describe('argument check', () => {
  it('refuses every control character, in every role, and says which', () => {
    for (const c of CONTROLS) {
      for (const role of ['limit', 'user', 'tag', 'command', 'extra', 'playbook-file'] as const) {
        const p = argProblem(role, `tidb${c}x`);
        assert.ok(p, `${role} ${JSON.stringify(c)}`);
        assert.match(render(p, 'en'), /\\u[0-9a-f]{4}/, 'the message spells the invisible character out');
      }
    }
    assert.equal(visible('a\u0015b'), 'a\\u0015b');
  });

  it("refuses a leading dash except for the operator's own flags, and flags that change what runs where", () => {
    assert.ok(argProblem('limit', '-all'));
    assert.ok(argProblem('user', '--become-user=root'));
    assert.equal(argProblem('extra', '-f'), undefined);
    assert.equal(argProblem('extra', '--forks=10'), undefined);
    for (const bad of [
      '-l',
      '--limit=all',
      '-lall',
      '-i',
      '--inventory',
      '-ihosts',
      '-t',
      '--tags=x',
      '--skip-tags=y',
      '-k',
      '--list-hosts',
      '--start-at-task=x',
    ]) {
      assert.ok(argProblem('extra', bad), bad);
    }
  });

  it('reads extra arguments as ansible-playbook does: clustered short options and long-option prefixes', () => {
    // `-blall` is `-b -l all`; `--lim=all` is `--limit=all`: after the plan's own -l, either would widen the limit
    for (const bad of ['-blall', '-bl', '-kK', '-Kl', '-vvvk', '--lim=all', '--limi', '--inv=x', '--ta=x', '--list-h', '--ask-p'])
      assert.equal(argProblem('extra', bad)?.id, 'args.extraSelects', bad);
    // a short option this check does not know is refused, not guessed
    assert.equal(argProblem('extra', '-xl')?.id, 'args.extraUnknownShort');
    // the rest of a cluster after an option that takes a value is that value
    for (const ok of ['-vvv', '-bK', '-eansible_user=lt', '-f5', '-uti', '--forks=10', '--diff', '--check', '--extra-vars=a=b'])
      assert.equal(argProblem('extra', ok), undefined, ok);
  });

  it('refuses every Ansible pattern character in a limit', () => {
    for (const p of PATTERNS) assert.ok(argProblem('limit', p), p);
    for (const ok of ['192.168.0.14', 'TiFlash12-1', 'tiflash_1.example']) assert.equal(argProblem('limit', ok), undefined, ok);
  });

  it('builds an argv only when every part passes', () => {
    assert.equal(
      buildArgv([
        { role: 'command', value: 'ansible-playbook' },
        { role: 'limit', value: 'a\u0015' },
      ]).ok,
      false,
    );
    const r = buildArgv([
      { role: 'command', value: 'ansible-playbook' },
      { role: 'flag', value: '-l' },
      { role: 'limit', value: 'h1' },
    ]);
    assert.ok(r.ok);
    assert.deepEqual([...r.argv], ['ansible-playbook', '-l', 'h1']);
  });
});

describe('hostile names and values through the plans', () => {
  it('a [tiflash_servers] name with a control character or a pattern is refused by scale-in and scale-out', () => {
    let planned = 0;
    for (const name of [...CONTROLS.map((c) => `tf${c}touch /tmp/x`), ...PATTERNS, '-bad']) {
      const inv = parseInventory(inventoryWith(name));
      const hostName = inv.groups.get('tiflash_servers')?.hosts[0];
      if (hostName === undefined) continue; // the parser itself refused the line (a syntax finding)
      planned++;
      const pd = factsOf([store('7', '10.0.0.9:3930')]);
      for (const p of [
        planScaleIn({ inventory: inv, hosts: parseInventory(HOSTS), host: hostName, pd }),
        planScaleOut({ inventory: inv, hosts: parseInventory(HOSTS), host: hostName, pd: noStores }),
      ]) {
        assert.ok(p.blocked.length, `${p.operation} ${JSON.stringify(hostName)} must be refused`);
        assert.deepEqual(p.steps, []);
      }
    }
    assert.ok(planned >= 20, `only ${planned} hostile names reached the plans`);
  });

  it('a hosts.ini username with control characters never reaches deploy_ntp.yml -u', () => {
    const inv = parseInventory(inventoryWith('10.0.0.9').replace('"10.0.0.9" ansible_host=10.0.0.9', '10.0.0.20'));
    const hosts = parseInventory('[servers]\n10.0.0.20\n[all:vars]\nusername = "tidb\u0015touch /tmp/x\u000f"\n');
    const p = planScaleOut({ inventory: inv, hosts, host: '10.0.0.21', pd: noStores });
    assert.deepEqual(p.steps, []);
    assert.ok(p.blocked.some((b) => b.check === 'argument' && /username/.test(render(b.message, 'en'))));
  });

  it('extra arguments from the settings go through the same check', () => {
    const inv = parseInventory(inventoryWith('10.0.0.9').replace('"10.0.0.9" ansible_host=10.0.0.9', '10.0.0.20'));
    for (const extra of [['-l', 'all'], ['-e', 'x\u0003'], ['--limit=all']]) {
      const p = planScaleOut({ inventory: inv, hosts: parseInventory(HOSTS), host: '10.0.0.21', pd: noStores, extraArgs: extra });
      assert.ok(
        p.blocked.some((b) => b.check === 'argument'),
        extra.join(' '),
      );
      assert.deepEqual(p.steps, []);
    }
  });

  it('no plan ever yields an argument with a control character', () => {
    const inv = parseInventory(inventoryWith('10.0.0.9').replace('"10.0.0.9" ansible_host=10.0.0.9', '10.0.0.20'));
    const p = planScaleOut({
      inventory: inv,
      hosts: parseInventory(HOSTS),
      host: '10.0.0.21',
      pd: noStores,
      playbook: '/usr/bin/ansible-playbook',
      extraArgs: ['-f', '5'],
    });
    assert.deepEqual(p.blocked, []);
    for (const a of everyArg(p)) assert.ok(!/\p{Cc}/u.test(a), JSON.stringify(a));
  });

  it('a host named like a group would select the whole group, and is refused', () => {
    const text = inventoryWith('10.0.0.9').replace('"10.0.0.9" ansible_host=10.0.0.9', 'tikv_servers ansible_host=10.0.0.9');
    const p = planScaleIn({
      inventory: parseInventory(text),
      hosts: parseInventory(HOSTS),
      host: 'tikv_servers',
      pd: factsOf([store('7', '10.0.0.9:3930'), store('8', '10.0.0.5:3930')]),
    });
    assert.ok(p.blocked.some((b) => b.check === 'host'));
  });
});
