// Turns a plan's edit operations into text edits on the current text of a file.

import { addHostLine, removeHost, type EditResult } from '../inventory/edit';
import { parseInventory } from '../inventory/parse';
import type { EditOp } from './types';

/** Edits for all operations on one file's text (computed against that text, so they do not overlap). */
export function editsFor(text: string, ops: EditOp[]): EditResult {
  const inv = parseInventory(text);
  const edits = [];
  for (const op of ops) {
    const r = op.op === 'add' ? addHostLine(inv, op.group, op.host, op.line ?? op.host) : removeHost(inv, op.host, [op.group]);
    if (!r.ok) return r;
    edits.push(...r.edits);
  }
  return { ok: true, edits };
}
