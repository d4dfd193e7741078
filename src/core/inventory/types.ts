// The parsed form of an Ansible INI inventory, with the source position of everything
// that CodeLens, diagnostics and edits point at. Lines and columns are 0-based (editor lines).

import type { Msg } from '../l10n/message';

/** A value as Ansible types it; an integer beyond 2^53 is a bigint (exact, as Python keeps it). */
export type Value = string | number | bigint | boolean | null | Value[] | { [key: string]: Value };
export type Vars = Record<string, Value>;

export type Severity = 'error' | 'warning' | 'info';

export interface Span {
  line: number;
  start: number;
  end: number;
}

export interface Problem extends Span {
  rule: string;
  severity: Severity;
  message: Msg;
}

export type SectionKind = 'hosts' | 'vars' | 'children';

export interface Section extends Span {
  group: string;
  kind: SectionKind;
  /** Last line that belongs to this section (before the next header), trailing blank/comment lines included. */
  lastLine: number;
}

export interface VarEntry {
  key: string;
  value: Value;
  /** The value as written (after shell-style unquoting on host lines). */
  raw: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface HostLine extends Span {
  group: string;
  /** The first token as written, e.g. `192.168.0.[1:3]` or `db1:2222`. */
  pattern: string;
  names: string[];
  port?: number | bigint;
  vars: VarEntry[];
}

export interface GroupVarLine extends Span {
  group: string;
  entry: VarEntry;
}

export interface ChildLine extends Span {
  group: string;
  child: string;
}

export interface Group {
  name: string;
  /** Hosts listed directly in the group, in file order, each once. */
  hosts: string[];
  children: string[];
  parents: string[];
  vars: Vars;
  /** `ansible_group_priority`: Ansible keeps it apart from the group's variables. */
  priority: number;
}

export interface Host {
  name: string;
  vars: Vars;
  /** Groups the host is listed in directly. */
  groups: string[];
}

export interface Inventory {
  /** Text lines without their terminators (BOM removed). */
  lines: string[];
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  sections: Section[];
  hostLines: HostLine[];
  groupVarLines: GroupVarLine[];
  childLines: ChildLine[];
  /** Groups in the order Ansible creates them (`all` and `ungrouped` first). */
  groups: Map<string, Group>;
  /** In the order hosts first appear after a full parse; in no particular order after a re-read (hostLines has the file order). */
  hosts: ReadonlyMap<string, Host>;
  /** Problems in line order. */
  problems: Problem[];
  /** How many hosts the range lines expand to in all (counted against a cap, see parse.ts). */
  rangeHosts: number;
}
