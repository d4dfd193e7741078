import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import type { PlaybookStep } from '../../src/core/plan/types';
import { playbookOutcome } from '../../src/core/run/playbookOutcome';
import { parseRecap } from '../../src/core/run/recap';

const step = (limit?: string): PlaybookStep => ({
  kind: 'playbook',
  id: 'stop',
  title: msg('plan.step.stop', { name: '192.168.0.11' }),
  inventory: 'inventory',
  playbook: 'stop.yml',
  argv: ['ansible-playbook', '-i', 'inventory.ini', 'stop.yml', ...(limit ? ['-l', limit] : [])] as never,
  ...(limit ? { limit } : {}),
  expectHosts: ['192.168.0.11'],
});
const recap = (...hosts: string[]) => parseRecap(['PLAY [all] ***', 'PLAY RECAP ***', ...hosts].join('\n'));
const line = (host: string, counts: string) => `${host}               : ${counts}`;
const good = recap(line('192.168.0.11', 'ok=1    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0'));

describe("a playbook step's outcome", () => {
  it('succeeds only with exit code 0 and a recap that shows its host acted on', () => {
    assert.deepEqual(playbookOutcome(step('192.168.0.11'), 0, good), { ok: true });
  });

  it('fails with exit code 0 when no host matched (the limit matched nothing in the play)', () => {
    const r = playbookOutcome(step('192.168.0.11'), 0, parseRecap('PLAY [tiflash_servers] ***\nskipping: no hosts matched\n\nPLAY RECAP ***\n'));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason.id, 'run.recap.noHosts');
  });

  it('fails with exit code 0 when every task of the host was skipped, or another host also ran', () => {
    const skipped = playbookOutcome(
      step('192.168.0.11'),
      0,
      recap(line('192.168.0.11', 'ok=0 changed=0 unreachable=0 failed=0 skipped=3 rescued=0 ignored=0')),
    );
    assert.equal(!skipped.ok && skipped.reason.id, 'run.recap.skipped');
    const others = playbookOutcome(
      step('192.168.0.11'),
      0,
      recap(
        line('192.168.0.11', 'ok=1 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0'),
        line('192.168.0.3', 'ok=1 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0'),
      ),
    );
    assert.equal(!others.ok && others.reason.id, 'run.recap.others');
  });

  it('fails with exit code 0 and no recap at all (nothing shows the process acted)', () => {
    const r = playbookOutcome(step('192.168.0.11'), 0, parseRecap(''));
    assert.equal(!r.ok && r.reason.id, 'run.recap.none');
  });

  it("names the exit code, and the recap's reason when it has one", () => {
    const r = playbookOutcome(step('192.168.0.11'), 2, recap(line('192.168.0.11', 'ok=0 changed=0 unreachable=1 failed=0 skipped=0 rescued=0 ignored=0')));
    assert.equal(!r.ok && r.reason.id, 'exec.playbook.exitedWhy');
    assert.deepEqual(!r.ok && r.reason.args.code, 2);
    const plain = playbookOutcome(step('192.168.0.11'), 4, good);
    assert.equal(!plain.ok && plain.reason.id, 'exec.playbook.exited');
  });

  it('fails without an exit code (the terminal was closed or the task stopped)', () => {
    const r = playbookOutcome(step(), undefined, good);
    assert.equal(!r.ok && r.reason.id, 'exec.playbook.noExitCode');
  });
});
