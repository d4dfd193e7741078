// Where a run stands, step by step: what the progress view shows and what a reload resumes from.

import type { Step } from './types';

export type RunStatus = 'running' | 'done' | 'aborted';
export type StepStatus = 'done' | 'running' | 'failed' | 'pending';

export interface RunProgress {
  steps: Step[];
  /** Index of the first step not yet done. */
  next: number;
  status: RunStatus;
}

export function stepStatus(run: RunProgress, index: number): StepStatus {
  if (index < run.next || run.status === 'done') return 'done';
  if (index > run.next) return 'pending';
  return run.status === 'running' ? 'running' : 'failed';
}
