// A step is data: the preview shows it, the CLI prints it, tests compare it, the run engine executes it.

import type { Msg } from '../l10n/message';
import type { PdAction } from '../pd/api';
import type { PdRequest } from '../pd/requests';
import type { StoreId } from '../pd/types';
import type { SafeArgv } from './args';

/** inventory.ini or hosts.ini of one tidb-ansible folder. */
export type FileRole = 'inventory' | 'hosts';

export type Operation = 'scale-out' | 'scale-in' | 'cancel-scale-in' | 'force-tombstone' | 'remove-tombstones' | 'enable-placement-rules';

export interface EditOp {
  op: 'add' | 'remove';
  group: string;
  /** The inventory name the op is about (what `[group]` lists). */
  host: string;
  /** The host line to add (`add` only). */
  line?: string;
}

interface StepBase {
  /** Stable within a plan: the preview, the journal and a re-check at run time refer to a step by it. */
  id: string;
  title: Msg;
  /** The operator may skip this step after it failed (never a PD write, a wait, or stopping/starting TiFlash). */
  skippable?: boolean;
}

export interface EditStep extends StepBase {
  kind: 'edit';
  file: FileRole;
  ops: EditOp[];
}

export interface PlaybookStep extends StepBase {
  kind: 'playbook';
  /** The whole argument vector, run from the tidb-ansible folder without a shell. */
  argv: SafeArgv;
  /** The inventory it names with `-i`. */
  inventory: FileRole;
  playbook: string;
  /** The one inventory host of `-l`; absent for playbooks that run on their whole inventory. */
  limit?: string;
  /** Hosts Ansible must list for this step (`--list-hosts`) and report in its recap: exactly these with a limit, at least these without. */
  expectHosts: string[];
  /** `-k`: the step waits for the SSH password in its terminal. */
  asksPassword?: boolean;
}

export interface PdStep extends StepBase {
  kind: 'pd';
  /** What the PD module performs, with its checks before and its read-back after. */
  action: PdAction;
  /** Exactly the writes it sends, in order (the reads around them are not listed): what the operator is shown. */
  requests: PdRequest[];
  storeId?: StoreId;
}

export interface WaitStep extends StepBase {
  kind: 'wait';
  /** tombstone: the store reads Tombstone (or physically destroyed); up: one live TiFlash store at `address` reads Up. */
  until: 'tombstone' | 'up';
  storeId?: StoreId;
  /** `<ip>:<flash_service_port>` of the store waited for. */
  address: string;
  /** Gives up after this long (the Up wait of a scale-out); a drain has no time limit. */
  timeoutMs?: number;
}

/** Something the operator reads or does by hand: never marked done by the extension. */
export interface InfoStep extends StepBase {
  kind: 'info';
  detail?: Msg;
  url?: string;
  /** Directories to wipe by hand (each once), for the wipe notice. */
  dirs?: string[];
}

export type Step = EditStep | PlaybookStep | PdStep | WaitStep | InfoStep;

export interface Blocked {
  /** Stable id of the check (JSON output, tests). */
  check: string;
  message: Msg;
  /** The operator may go on after an explicit confirmation (e.g. removing the last TiFlash store). */
  confirmable?: boolean;
}

export interface Plan {
  operation: Operation;
  /** The inventory name, or the store for store-only operations. */
  target: string;
  steps: Step[];
  blocked: Blocked[];
  /** Shown before Start. */
  warnings: Msg[];
}
