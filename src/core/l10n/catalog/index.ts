// Every message the core can produce. Each domain keeps its own file; ids are unique across them
// (the l10n unit test checks both languages and their placeholders).

import { common } from './common';
import { pd } from './pd';
import { plan } from './plan';
import { run } from './run';
import { view } from './view';

/** The domains in one list, so a test can see an id defined twice (a spread would hide it). */
export const DOMAINS = { common, pd, plan, run, view } as const;

export const CATALOG = {
  ...common,
  ...pd,
  ...plan,
  ...run,
  ...view,
} as const;

export type MessageId = keyof typeof CATALOG;
