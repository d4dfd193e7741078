// Shows a plan before it runs and asks for Start: the runner starts a plan only when this resolves true, and
// the decision is taken in that plan's own preview (see planPreviews.ts).

import type { FileTexts } from '../../core/plan/files';
import type { Plan } from '../../core/plan/types';
import type { Cluster } from '../../inventories';
import { PlanPreviews } from './planPreviews';

/** True when the operator chose Start for exactly this plan, on the files it was previewed on. */
export function confirmPlan(cluster: Cluster, plan: Plan, files: FileTexts): Promise<boolean> {
  return PlanPreviews.current.confirm(cluster, plan, files);
}
