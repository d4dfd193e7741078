// Runs the real Ansible (Debian ansible-core) so tests can compare against it.

import { execa } from 'execa';

/** ini plugin only, and an unparsable file is an error instead of a warning. */
export const ansibleEnv = {
  ANSIBLE_INVENTORY_ENABLED: 'ini',
  ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
  ANSIBLE_NOCOLOR: '1',
  ANSIBLE_LOCALHOST_WARNING: 'false',
  ANSIBLE_HOST_KEY_CHECKING: 'false',
};

export async function ansibleInventoryList(file: string): Promise<{ ok: true; json: unknown } | { ok: false; stderr: string }> {
  const r = await execa('ansible-inventory', ['-i', file, '--list'], { env: ansibleEnv, reject: false });
  if (r.exitCode !== 0) return { ok: false, stderr: r.stderr };
  return { ok: true, json: JSON.parse(r.stdout) };
}

/** Runs `fn` over `items` with at most `limit` in flight (the machine has 2 cores). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
