// After a scale-in the data stays on disk: what to wipe before the machine can join again, each directory
// once (a directory inside another listed one goes with it), and what still runs there.

import { tiflashDirsToWipe, type TiFlashHost } from '../inventory/tiflash';

export function dirsToWipe(host: TiFlashHost): string[] {
  const dirs = [...new Set(tiflashDirsToWipe(host).map((d) => d.replace(/\/+$/, '')))];
  return dirs.filter((d) => !dirs.some((other) => other !== d && d.startsWith(`${other}/`)));
}
