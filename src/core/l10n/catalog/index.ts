// Every message the core can produce. Each domain keeps its own file; ids are unique across them
// (the l10n unit test checks both languages and their placeholders).

import { cli } from './cli';
import { common } from './common';
import { execute } from './execute';
import { inventory } from './inventory';
import { journal } from './journal';
import { pd } from './pd';
import { plan } from './plan';
import { run } from './run';
import { validation } from './validation';
import { view } from './view';

/** The domains in one list, so a test can see an id defined twice (a spread would hide it). */
export const DOMAINS = { common, inventory, validation, cli, pd, plan, run, execute, journal, view } as const;

export const CATALOG = {
  ...common,
  ...inventory,
  ...validation,
  ...cli,
  ...pd,
  ...plan,
  ...run,
  ...execute,
  ...journal,
  ...view,
} as const;

export type MessageId = keyof typeof CATALOG;
