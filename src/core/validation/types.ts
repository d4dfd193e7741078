// What a validation rule sees and what it reports.

import type { TextEdit } from '../inventory/edit';
import type { Msg } from '../l10n/message';
import type { Instance } from '../inventory/instances';
import type { TiFlashHost } from '../inventory/tiflash';
import type { Inventory, Problem } from '../inventory/types';

export type FileRole = 'inventory' | 'hosts';

export interface FileEdit {
  file: FileRole;
  edit: TextEdit;
}

export interface Fix {
  title: Msg;
  edits: FileEdit[];
}

export interface Finding extends Problem {
  file: FileRole;
  fixes?: Fix[];
}

export interface RuleContext {
  inventory?: Inventory;
  hosts?: Inventory;
  tiflash: TiFlashHost[];
  instances: Instance[];
  /** Domain names already resolved to IPs (by the caller: the core does no I/O). */
  resolvedNames?: ReadonlyMap<string, string>;
}

export interface Rule {
  check(ctx: RuleContext): Finding[];
}
