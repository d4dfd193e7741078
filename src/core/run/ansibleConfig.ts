// What the tidb-ansible folder's ansible.cfg tells a run: where Ansible logs (`log_path`, the recap is read
// from there), its default inventory and its stdout callback. Ansible's own search order, and relative
// paths resolved from the config file's folder, as Ansible does.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ini from 'ini';

export interface AnsibleSettings {
  /** The ansible.cfg Ansible reads for a run started in the folder (undefined: none). */
  configFile?: string;
  /** Absolute path of the log, when Ansible logs at all. */
  logPath?: string;
  /** The default inventory, absolute (tidb-ansible: `<folder>/inventory.ini`). */
  inventory?: string;
  stdoutCallback?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** ANSIBLE_CONFIG, then ./ansible.cfg (unless the folder is world-writable: Ansible ignores it then), ~/.ansible.cfg, /etc/ansible/ansible.cfg. */
export function findConfigFile(dir: string, env: Env, home: string | undefined): string | undefined {
  const candidates = [
    env.ANSIBLE_CONFIG,
    worldWritable(dir) ? undefined : path.join(dir, 'ansible.cfg'),
    home ? path.join(home, '.ansible.cfg') : undefined,
    '/etc/ansible/ansible.cfg',
  ];
  return candidates.find((c): c is string => !!c && isFile(c));
}

export function readAnsibleSettings(dir: string, env: Env, home: string | undefined): AnsibleSettings {
  const configFile = findConfigFile(dir, env, home);
  let defaults: Record<string, unknown> = {};
  if (configFile) {
    try {
      const parsed = ini.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;
      defaults = (parsed.defaults as Record<string, unknown> | undefined) ?? {};
    } catch {
      defaults = {};
    }
  }
  const base = configFile ? path.dirname(configFile) : dir;
  const text = (key: string, envKey: string): string | undefined => {
    const v = env[envKey] ?? defaults[key];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const resolve = (p: string | undefined, from: string) => (p ? path.resolve(from, p.replace(/^~(?=\/)/, home ?? '~')) : undefined);
  return {
    configFile,
    logPath: env.ANSIBLE_LOG_PATH ? resolve(env.ANSIBLE_LOG_PATH, dir) : resolve(text('log_path', 'ANSIBLE_LOG_PATH'), base),
    inventory: env.ANSIBLE_INVENTORY ? resolve(env.ANSIBLE_INVENTORY, dir) : resolve(text('inventory', 'ANSIBLE_INVENTORY'), base),
    stdoutCallback: text('stdout_callback', 'ANSIBLE_STDOUT_CALLBACK'),
  };
}

/** Where the run's playbooks log: the configured log, else tidb-ansible's own default `<folder>/log/ansible.log` (set for the run). */
export function runLogPath(dir: string, settings: AnsibleSettings): { path: string; setByUs: boolean } {
  return settings.logPath ? { path: settings.logPath, setByUs: false } : { path: path.join(dir, 'log', 'ansible.log'), setByUs: true };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function worldWritable(dir: string): boolean {
  try {
    return (fs.statSync(dir).mode & 0o002) !== 0;
  } catch {
    return false;
  }
}
