// A step is data: the CLI prints it, tests compare it, the runner executes it.

import type { StoreId } from '../pd/types';
import type { FileRole } from '../validation/types';

export type StepKind = 'edit' | 'playbook' | 'pd' | 'wait' | 'open' | 'manual';

export interface EditOp {
  file: FileRole;
  op: 'add' | 'remove';
  group: string;
  host: string;
  /** The host line to add (`add` only). */
  line?: string;
}

export interface Step {
  kind: StepKind;
  title: string;
  /** Full argument vector of a playbook step, run from the tidb-ansible folder. */
  argv?: string[];
  /** The PD store a `pd` or `wait` step acts on. */
  storeId?: StoreId;
  pdAction?: 'delete-store';
  edits?: EditOp[];
  url?: string;
  /** Text for a `manual` step: what the operator must do by hand. */
  detail?: string;
}

export interface Blocked {
  check: string;
  message: string;
}

export interface Plan {
  host: string;
  steps: Step[];
  blocked: Blocked[];
  /** Things to show before starting (e.g. wipe data directories first). */
  warnings: string[];
}
