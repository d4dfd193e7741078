// What an edit of an inventory changed, as the models derived from the previous one need to know it.

import type { Shift } from './shift';

export interface Edit {
  /** The group of the section the edit is in. */
  group: string;
  /** The hosts named on the edited lines, before and after. */
  changed: ReadonlySet<string>;
  /** Their addresses, before and after: whatever is at these addresses is looked at again. */
  addresses: ReadonlySet<string>;
  /** Where lines below the edit moved. */
  shift: Shift;
}

/** Whether something derived from `host` at `address` can have changed. */
export const touches = (edit: Edit, host: string, address: string) => edit.changed.has(host) || edit.addresses.has(address);
