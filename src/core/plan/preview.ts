// The plan as the operator reviews it before Start: every step in order, each file change as a unified diff,
// each playbook command exactly as it will run (quoted so a POSIX shell splits it back into the same argument
// vector), each PD request, each wait and what ends it, and the warnings. The CLI prints the same text.

import { applyEdits } from '../inventory/edit';
import { msg, render, type Lang, type Msg } from '../l10n/message';
import { unifiedDiff } from '../text/diff';
import { editsFor, type FileTexts } from './files';
import { INVENTORY_FILES } from './playbooks';
import { commandLine } from './shell';
import type { FileRole, Plan, Step } from './types';

export interface StepPreview {
  step: Step;
  /** The unified diff of an edit step against the text the steps before it leave. */
  diff?: string;
  /** A playbook step's command line. */
  command?: string;
  /** What a wait or check means, in words. */
  detail?: Msg;
  /** Why the step cannot be previewed (its edit is refused on the current text). */
  error?: Msg;
}

export interface Preview {
  plan: Plan;
  steps: StepPreview[];
  /** Each edited file as it is now and as the plan leaves it (for side-by-side diff editors). */
  files: { file: FileRole; name: string; before: string; after: string }[];
}

export function preview(plan: Plan, texts: FileTexts): Preview {
  const now: FileTexts = { ...texts };
  const steps = plan.steps.map((step): StepPreview => {
    switch (step.kind) {
      case 'edit': {
        const before = now[step.file] ?? '';
        const r = editsFor(before, step.ops);
        if (!r.ok) return { step, error: r.message };
        const after = applyEdits(before, r.edits);
        now[step.file] = after;
        return { step, diff: r.already ? '' : unifiedDiff(INVENTORY_FILES[step.file], before, after) };
      }
      case 'playbook':
        return {
          step,
          command: commandLine(step.argv),
          detail:
            step.limit !== undefined
              ? msg('preview.checkedExact', { host: step.limit })
              : msg('preview.checkedIncludes', { hosts: step.expectHosts.length ? step.expectHosts : ['-'] }),
        };
      case 'wait':
        return {
          step,
          detail:
            step.until === 'tombstone'
              ? msg('preview.waitTombstone', { id: step.storeId ?? '?' })
              : msg('preview.waitUp', { address: step.address, minutes: Math.round((step.timeoutMs ?? 0) / 60_000) }),
        };
      case 'pd':
      case 'info':
        return { step };
    }
  });
  const files = (['inventory', 'hosts'] as const)
    .filter((f) => now[f] !== texts[f])
    .map((f) => ({ file: f, name: INVENTORY_FILES[f], before: texts[f] ?? '', after: now[f] ?? '' }));
  return { plan, steps, files };
}

/** The preview as text (the CLI's `--format text`, the read-only preview document). */
export function previewText(p: Preview, lang: Lang): string {
  const t = (m: Msg) => render(m, lang);
  const out: string[] = [t(msg('preview.title', { operation: msg(`operation.${p.plan.operation}`), target: p.plan.target })), ''];
  if (p.plan.blocked.length) {
    out.push(t(msg('preview.blocked')));
    for (const b of p.plan.blocked) out.push(`  ✗ [${b.check}] ${t(b.message)}`);
    return out.join('\n') + '\n';
  }
  if (p.plan.warnings.length) {
    out.push(t(msg('preview.warnings')));
    for (const w of p.plan.warnings) out.push(`  ! ${t(w)}`);
    out.push('');
  }
  out.push(t(msg('preview.steps')));
  p.steps.forEach((s, i) => {
    out.push(`${String(i + 1).padStart(2)}. ${t(s.step.title)}`);
    const step = s.step;
    if (s.error) out.push(`    ✗ ${t(s.error)}`);
    if (step.kind === 'playbook') out.push(`    ${s.command}`);
    if (step.kind === 'pd') for (const r of step.requests) out.push(`    ${r.method} ${r.path}${r.body ? ` ${r.body}` : ''}`);
    if (step.kind === 'info') {
      if (step.detail) out.push(`    ${t(step.detail)}`);
      if (step.url) out.push(`    ${step.url}`);
    }
    if (s.detail) out.push(`    ${t(s.detail)}`);
    // a refused edit has no diff: it is not "no change"
    if (step.kind === 'edit' && !s.error) out.push(s.diff ? s.diff.trimEnd() : `    ${t(msg('preview.noChange'))}`);
  });
  return out.join('\n') + '\n';
}
