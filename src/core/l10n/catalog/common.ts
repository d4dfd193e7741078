// Words many messages share: store states, operation names, files.
// Chinese follows PingCAP's documentation: 扩容, 缩容, 下线, 存储节点 (store), Region; PD's state names stay as PD prints them.

import type { Catalog } from './types';

export const common = {
  'state.Up': { en: 'Up', zh: 'Up' },
  'state.Offline': { en: 'Offline', zh: 'Offline' },
  'state.Tombstone': { en: 'Tombstone', zh: 'Tombstone' },
  'state.Disconnected': { en: 'Disconnected', zh: 'Disconnected' },
  'state.Down': { en: 'Down', zh: 'Down' },
  'state.NotInPd': { en: 'not in PD', zh: '不在 PD 中' },
  'state.Unknown': { en: 'state unknown', zh: '状态未知' },
  'operation.scale-out': { en: 'scale-out', zh: '扩容' },
  'operation.scale-in': { en: 'scale-in', zh: '缩容' },
  'operation.cancel-scale-in': { en: 'cancel of the scale-in', zh: '取消缩容' },
  'operation.force-tombstone': { en: 'forced Tombstone', zh: '强制设为 Tombstone' },
  'operation.remove-tombstones': { en: 'removal of Tombstone records', zh: '清除 Tombstone 记录' },
  'operation.enable-placement-rules': { en: 'enabling of placement rules', zh: '开启 Placement Rules' },
  /** Text that arrives already written (a VS Code string already localized, a PD error not yet a message): passed through as is. */
  'bridge.text': { en: '{reason}', zh: '{reason}' },
} as const satisfies Catalog;
