// The two files a plan edits, as text: where they are now, and where each edit step leaves them.

import { addHostLine, applyEdits, removeHost, type TextEdit } from '../inventory/edit';
import { parseInventory } from '../inventory/parse';
import type { Inventory } from '../inventory/types';
import type { Msg } from '../l10n/message';
import type { EditOp, EditStep, FileRole, Step } from './types';

/** The text an inventory was parsed from (BOM and line terminators as they were). */
export function textOf(inv: Inventory): string {
  return (inv.bom ? '\ufeff' : '') + inv.lines.join(inv.eol);
}

export type FileTexts = Record<FileRole, string | undefined>;

export type EditsResult =
  { ok: true; edits: TextEdit[]; /** Nothing to do: every op was already applied (a re-run). */ already: boolean } | { ok: false; message: Msg };

/** Text edits for one edit step against the file's current text; an op already applied needs none. */
export function editsFor(text: string, ops: readonly EditOp[]): EditsResult {
  const inv = parseInventory(text);
  const edits: TextEdit[] = [];
  for (const op of ops) {
    const r = op.op === 'add' ? addHostLine(inv, op.group, op.host, op.line ?? op.host) : removeHost(inv, op.host, [op.group]);
    if (!r.ok) return { ok: false, message: r.message };
    edits.push(...r.edits);
  }
  return { ok: true, edits, already: edits.length === 0 };
}

/** Each file's text after the edit steps before `index` (all of them by default). */
export function textsBefore(files: FileTexts, steps: readonly Step[], index = steps.length): FileTexts | { error: Msg } {
  const out: FileTexts = { ...files };
  for (const s of steps.slice(0, index)) {
    if (s.kind !== 'edit') continue;
    const r = applyStep(out[s.file], s);
    if ('error' in r) return r;
    out[s.file] = r.text;
  }
  return out;
}

function applyStep(text: string | undefined, step: EditStep): { text: string } | { error: Msg } {
  const r = editsFor(text ?? '', step.ops);
  if (!r.ok) return { error: r.message };
  return { text: applyEdits(text ?? '', r.edits) };
}
