// Runs the real Ansible (Debian ansible-core) so tests can compare against it. A missing tool is an error,
// never a pass: an oracle that cannot run must fail the test that needs it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { execa } from 'execa';

/** ini plugin only, and an unparsable file is an error instead of a warning. */
export const ansibleEnv = {
  ANSIBLE_INVENTORY_ENABLED: 'ini',
  ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
  ANSIBLE_NOCOLOR: '1',
  ANSIBLE_LOCALHOST_WARNING: 'false',
  ANSIBLE_HOST_KEY_CHECKING: 'false',
};

/** The absolute path of a command on PATH; throws (failing the test) when it is not installed. */
export function requireTool(name: string, hint: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  throw new Error(`${name} is not on PATH (${hint}): the oracle cannot run, so this test fails instead of passing unchecked`);
}

const ansibleInventory = () => requireTool('ansible-inventory', 'Debian package ansible-core');

/** The Python that runs Ansible (its shebang), so value typing is compared with Ansible's own code and Python. */
export function ansiblePython(): string {
  const first = fs.readFileSync(ansibleInventory(), 'utf8').split('\n')[0];
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) throw new Error(`cannot tell which Python runs ${ansibleInventory()} (first line: ${first})`);
  return m[1].endsWith('/env') && m[2] ? requireTool(m[2], 'the Python that runs Ansible') : m[1];
}

/** Runs a Python script with the Python that runs Ansible, JSON in, JSON out. */
export async function runAnsiblePython<T>(script: string, input: unknown): Promise<T> {
  const r = await execa(ansiblePython(), ['-c', script], { input: JSON.stringify(input), reject: false });
  if (r.exitCode !== 0) throw new Error(`the Python oracle failed (exit ${r.exitCode}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** `text`: the JSON as printed (it may hold Infinity or integers past 2^53: compare it through canonicalJson). */
export type AnsibleAnswer = { ok: true; text: string } | { ok: false; error: string };

// What ansible-inventory prints when the ini plugin cannot parse a file: the only failure that counts as a rejection
const PARSE_ERROR = /Failed to parse .* with ini plugin: (.*)/;

/** `ansible-inventory --list` on a file: its JSON, or the parse error with which Ansible rejects the file. */
export async function ansibleInventoryList(file: string): Promise<AnsibleAnswer> {
  const r = await execa(ansibleInventory(), ['-i', file, '--list'], { env: ansibleEnv, reject: false });
  if (r.exitCode === 0) return { ok: true, text: r.stdout };
  const oneLine = r.stderr.replace(/\s*\n\s*/g, ' ');
  const m = PARSE_ERROR.exec(oneLine);
  if (!m) throw new Error(`ansible-inventory failed without a parse error (exit ${r.exitCode}): ${r.stderr || r.stdout}`);
  return { ok: false, error: m[1] };
}

/**
 * Ansible's JSON made comparable with ours: Python reads it (ints exact, Infinity) and writes it again with
 * sorted keys; a float that is a whole number below 2^53 is written as an int (the model keeps numbers, not types).
 */
export const CANONICAL_JSON = `
import json, math
def canon(v):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, float) and math.isfinite(v) and v == int(v) and abs(v) < 2**53: return int(v)
    if isinstance(v, list): return [canon(x) for x in v]
    if isinstance(v, dict): return {k: canon(x) for k, x in v.items()}
    return v
def canonical(text): return json.dumps(canon(json.loads(text)), sort_keys=True)
`;

/** Canonical JSON texts of several JSON texts (see CANONICAL_JSON). */
export function canonicalJson(texts: string[]): Promise<string[]> {
  return runAnsiblePython<string[]>(`${CANONICAL_JSON}\nimport sys\nprint(json.dumps([canonical(t) for t in json.load(sys.stdin)]))`, texts);
}

/** Runs `fn` over `items` with at most `limit` in flight (the machine has 2 cores). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
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
