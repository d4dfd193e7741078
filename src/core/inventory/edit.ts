// Line edits to an inventory that touch only the lines they must: everything else,
// comments, blank lines, line terminators and BOM included, stays byte for byte.

import { msg, type Msg } from '../l10n/message';
import type { Inventory } from './types';

export interface Position {
  line: number;
  character: number;
}

export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; message: Msg };

/** Is the host listed on its own line (not only inside a range) in the group? */
export function groupListsHost(inv: Inventory, group: string, host: string): boolean {
  return inv.groups.get(group)?.hosts.includes(host) ?? false;
}

/** Adds `line` (a host definition) at the end of the host lines of `[group]`; creates the section when missing. */
export function addHostLine(inv: Inventory, group: string, host: string, line: string): EditResult {
  if (groupListsHost(inv, group, host)) return { ok: true, edits: [] };
  const section = inv.sections.find((s) => s.group === group && s.kind === 'hosts');
  if (section) {
    const hostLines = inv.hostLines.filter((h) => h.line > section.line && h.line <= section.lastLine);
    const after = hostLines.length ? hostLines[hostLines.length - 1].line : section.line;
    return { ok: true, edits: [insertAfterLine(inv, after, [line])] };
  }
  // A new section goes before the first `:vars` section (tidb-ansible keeps those last), else at the end.
  const vars = inv.sections.find((s) => s.kind === 'vars');
  if (vars) {
    return {
      ok: true,
      edits: [
        { range: { start: { line: vars.line, character: 0 }, end: { line: vars.line, character: 0 } }, newText: [`[${group}]`, line, '', ''].join(inv.eol) },
      ],
    };
  }
  const last = inv.lines.length - 1;
  const endsWithNewline = inv.lines[last] === '';
  const block = [`[${group}]`, line];
  if (endsWithNewline) {
    const prefix = last > 0 && inv.lines[last - 1] !== '' ? inv.eol : '';
    return {
      ok: true,
      edits: [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, newText: prefix + block.join(inv.eol) + inv.eol }],
    };
  }
  return { ok: true, edits: [insertAfterLine(inv, last, ['', ...block])] };
}

function insertAfterLine(inv: Inventory, line: number, newLines: string[]): TextEdit {
  const at = { line, character: inv.lines[line].length };
  return { range: { start: at, end: at }, newText: newLines.map((l) => inv.eol + l).join('') };
}

/** Deletes whole line `line` together with one line terminator. */
export function deleteLine(inv: Inventory, line: number): TextEdit {
  if (line + 1 < inv.lines.length) {
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  const start = line > 0 ? { line: line - 1, character: inv.lines[line - 1].length } : { line, character: 0 };
  return { range: { start, end: { line, character: inv.lines[line].length } }, newText: '' };
}

/** Whether Ansible reads editor line `line` as several lines (deleting it would delete them all). */
export function isSplitLine(inv: Inventory, line: number): boolean {
  return inv.problems.some((p) => p.rule === 'line-break' && p.line === line);
}

/**
 * Removes the host's own lines from the given groups (all groups when omitted). A range line that includes
 * it is refused, and so is a line that Ansible reads as several.
 */
export function removeHost(inv: Inventory, host: string, groups?: string[]): EditResult {
  const lines = inv.hostLines.filter((h) => h.names.includes(host) && (!groups || groups.includes(h.group)));
  const ranged = lines.find((h) => h.names.length > 1);
  if (ranged) return { ok: false, message: msg('inventory.edit.inRange', { line: ranged.line + 1, host, pattern: ranged.pattern }) };
  const split = lines.find((h) => isSplitLine(inv, h.line));
  if (split) return { ok: false, message: msg('inventory.edit.splitLine', { line: split.line + 1 }) };
  return { ok: true, edits: lines.map((h) => deleteLine(inv, h.line)) };
}

/** Applies edits to text (whose BOM, if any, is kept). Edits must not overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const lineStarts = [0];
  const re = /\r\n|\n|\r/g;
  for (let m = re.exec(body); m; m = re.exec(body)) lineStarts.push(m.index + m[0].length);
  const offset = (p: Position) => Math.min((lineStarts[p.line] ?? body.length) + p.character, body.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = body;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return bom + out;
}
