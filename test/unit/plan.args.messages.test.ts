// The argument check, role by role: each refusal quotes the value and the line to fix, the whole value must
// match (a good prefix or suffix is not enough), and an extra argument is refused only when it is itself a
// selecting option, not when such an option appears inside a value.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { msg, render } from '../../src/core/l10n/message';
import { argProblem, type ArgRole } from '../../src/core/plan/args';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { factsOf, tiflashStore } from '../support/facts';
import { demoDir } from '../support/paths';

const where = msg('plan.where.line', { file: 'inventory.ini', line: 7 });
const problem = (role: ArgRole, value: string) => {
  const m = argProblem(role, value, where);
  return m && render(m, 'en');
};

describe('argument check: what a refusal says', () => {
  it('an empty value, whatever the role', () => {
    for (const role of ['limit', 'user', 'command', 'tag'] as const) {
      assert.equal(problem(role, ''), 'An empty argument would reach ansible-playbook: fix inventory.ini line 7.', role);
    }
  });

  it('a leading dash, a host pattern, a bad user, tag, file and a non-flag', () => {
    assert.equal(problem('limit', '-all'), "'-all' starts with '-': ansible-playbook would read it as an option. Fix inventory.ini line 7.");
    assert.equal(
      problem('limit', 'a,b'),
      "'a,b' is an Ansible host pattern, not one host name (it contains one of , : ! & * ? [ ] ~ @ \\ or a " +
        'space): as -l it could select other hosts. Rename it in inventory.ini line 7.',
    );
    assert.equal(problem('user', 'tidb;'), "'tidb;' is not a user name ansible-playbook -u can take. Fix inventory.ini line 7.");
    assert.equal(problem('tag', 'a b'), "'a b' is not a playbook tag.");
    assert.equal(problem('playbook-file', 'a b.yml'), "'a b.yml' is not a file name in the tidb-ansible folder.");
    assert.equal(problem('flag', 'l'), "Internal error: 'l' is not an option.");
  });
});

describe('argument check: the whole value must match', () => {
  it('user names: a digit first, a bad character last, more than 32 characters', () => {
    for (const bad of ['1tidb', 'tidb;', 'a'.repeat(33)]) assert.ok(problem('user', bad), bad);
    for (const ok of ['tidb', '_ops', 'ops.1-x', 'a'.repeat(32)]) assert.equal(problem('user', ok), undefined, ok);
  });

  it('tags and file names: a space anywhere', () => {
    for (const bad of ['a b', ' a', 'a ']) assert.ok(problem('tag', bad), bad);
    for (const bad of ['a b.yml', ' stop.yml', 'stop.yml ']) {
      assert.ok(problem('playbook-file', bad), bad);
      assert.ok(problem('inventory-file', bad), bad);
    }
    assert.equal(problem('tag', 'tiflash_1'), undefined);
    assert.equal(problem('inventory-file', 'inventory.ini'), undefined);
  });

  it('the playbook command is only checked for emptiness, control characters and nothing else', () => {
    assert.equal(problem('command', '/opt/ansible 2.7/ansible-playbook'), undefined);
  });
});

describe('argument check: extra arguments', () => {
  it('passes a value that merely contains -l, -i or -t', () => {
    for (const ok of ['suffix=-l', 'deploy_dir=/data-int', 'mode=-t', 'x--limit']) assert.equal(problem('extra', ok), undefined, ok);
  });
});

describe('argument check: -l with a pattern character stops the plan before anything runs', () => {
  it('scale-in of a host named TF~1 has no step at all', () => {
    const inventory = parseInventory(
      fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8').replace('[tiflash_servers]\n', '[tiflash_servers]\nTF~1 ansible_host=10.0.0.1\n'),
    );
    const p = planScaleIn({ inventory, host: 'TF~1', pd: factsOf([tiflashStore(1, '10.0.0.1:3930'), tiflashStore(2, '192.168.0.11:3930')]) });
    assert.deepEqual(p.steps, []);
    assert.deepEqual(
      p.blocked.map((b) => b.check),
      ['argument'],
    );
    assert.match(render(p.blocked[0].message, 'en'), /'TF~1' is an Ansible host pattern/);
  });
});
