// What to scale out: the form with the IP, an optional alias, deploy_dir, data_dir and the six ports, prefilled
// for the machine (see scaleOutForms.ts). Undefined when the operator cancels or closes it.

import type { ScaleOutSpec } from '../../core/plan/scaleOutSpec';
import type { Cluster } from '../../inventories';
import { ScaleOutForms } from './scaleOutForms';

export function askScaleOut(cluster: Cluster, address?: string): Promise<ScaleOutSpec | undefined> {
  return ScaleOutForms.current.open(cluster, address);
}
