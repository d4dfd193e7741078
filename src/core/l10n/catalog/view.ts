// What the views show of the read model (src/core/model): ages, durations, the status bar, row parts,
// CodeLens titles, tooltips, drain progress and the log lines of a cluster's changes.

import type { Catalog } from './types';

export const view = {
  // how old a state is, how long something takes
  'view.ago.now': { en: 'just now', zh: '刚刚' },
  'view.ago.s': { en: '{n} s ago', zh: '{n} 秒前' },
  'view.ago.min': { en: '{n} min ago', zh: '{n} 分钟前' },
  'view.ago.h': { en: '{n} h ago', zh: '{n} 小时前' },
  'view.ago.d': { en: '{n} d ago', zh: '{n} 天前' },
  'view.duration.s': { en: '{s}s', zh: '{s} 秒' },
  'view.duration.ms': { en: '{m}m {s}s', zh: '{m} 分 {s} 秒' },
  'view.duration.hm': { en: '{h}h {m}m', zh: '{h} 小时 {m} 分' },
  'view.duration.dh': { en: '{d}d {h}h', zh: '{d} 天 {h} 小时' },
  'view.at': { en: '{age} (local time {time})', zh: '{age}（当地时间 {time}）' },

  // the status bar
  'view.status.summary': { en: 'TiFlash {counts}', zh: 'TiFlash 状态：{counts}' },
  'view.status.count': { en: '{n} {state}', zh: '{n} 个 {state}' },
  'view.status.noStores': { en: 'TiFlash: no stores', zh: 'TiFlash：无 store' },
  'view.status.reading': { en: 'TiFlash: reading PD…', zh: 'TiFlash：正在读取 PD…' },
  'view.status.untrusted': { en: 'TiFlash: untrusted', zh: 'TiFlash：工作区不受信任' },
  'view.status.unreachable': { en: 'TiFlash: PD unreachable', zh: 'TiFlash：无法连接 PD' },
  'view.status.unreachableAge': { en: 'TiFlash: PD unreachable · last read {age}', zh: 'TiFlash：无法连接 PD · 上次读取于 {age}' },
  'view.status.draining': { en: 'TiFlash store {id}: {regions} regions', zh: 'TiFlash store {id}：{regions} 个 Region' },
  'view.status.rate': { en: '{rate}/s', zh: '{rate}/秒' },
  'view.status.eta': { en: 'ETA {eta}', zh: '预计 {eta}' },
  'view.status.stuck': {
    en: 'TiFlash store {id}: {regions} regions, no progress for {minutes} min',
    zh: 'TiFlash store {id}：{regions} 个 Region，已 {minutes} 分钟没有进展',
  },
  'view.status.moreOffline': { en: '{n} more Offline', zh: '另有 {n} 个 Offline' },
  'view.status.title': { en: 'TiFlash stores in PD. Click to open the TiFlash Hosts view.', zh: 'PD 中的 TiFlash store。点击打开 TiFlash 主机视图。' },
  'view.status.cluster': { en: '{name}: {text}', zh: '{name} 目录：{text}' },

  // about PD, per cluster (tooltips)
  'view.pd.version': { en: 'PD {version}', zh: 'PD 版本 {version}' },
  'view.pd.versionUnread': { en: 'PD version not read yet', zh: '尚未读取 PD 版本' },
  'view.pd.readAt': { en: 'store list read {age}', zh: 'store 列表读取于 {age}' },
  'view.pd.failing': { en: 'PD unreachable for {duration}: {reason}', zh: '已有 {duration} 无法连接 PD：{reason}' },
  'view.pd.untrusted': { en: 'PD is not contacted in an untrusted workspace', zh: '工作区不受信任，不会连接 PD' },
  'view.pd.tlsUnreadable': {
    en: 'TLS file {file} cannot be read ({reason}): PD is not contacted until it can (set tiflash.tls.caFile, certFile, keyFile)',
    zh: '无法读取 TLS 文件 {file}（{reason}）：在能读取之前不会连接 PD（可设置 tiflash.tls.caFile、certFile、keyFile）',
  },

  // a host row and its CodeLens
  'view.row.orphan': { en: 'store {id}', zh: 'PD 中的 store {id}' },
  'view.row.notInInventory': { en: 'not in inventory', zh: '不在 inventory 中' },
  'view.row.regions': { en: '{n} regions', zh: '{n} 个 Region' },
  'view.lens.store': { en: '{state} · store {id} · {regions} regions', zh: '{state} · store {id} · {regions} 个 Region' },
  'view.lens.unknown': { en: 'PD state unknown', zh: 'PD 状态未知' },

  // a host's tooltip
  'view.tip.name': { en: 'Inventory name', zh: 'Inventory 名称' },
  'view.tip.address': { en: 'Address', zh: '地址' },
  'view.tip.storeId': { en: 'Store id', zh: '存储节点 ID' },
  'view.tip.state': { en: 'State', zh: '状态' },
  'view.tip.stateAsOf': { en: '{state}, as PD said {age}', zh: '{state}（PD 于 {age}给出）' },
  'view.tip.version': { en: 'Version', zh: '版本' },
  'view.tip.regions': { en: 'Regions', zh: 'Region 数' },
  'view.tip.capacity': { en: 'Capacity / available', zh: '容量 / 可用' },
  'view.tip.heartbeat': { en: 'Last heartbeat', zh: '最近心跳' },
  'view.tip.started': { en: 'Started', zh: '启动于' },
  'view.tip.drainRate': { en: 'Drain rate', zh: '迁移速度' },
  'view.tip.drainRateValue': { en: '{rate} regions/s', zh: '每秒 {rate} 个 Region' },
  'view.tip.eta': { en: 'Tombstone in about', zh: '预计变为 Tombstone' },
  'view.tip.pdStore': { en: 'PD store', zh: 'PD 中的 store' },
  'view.tip.noStore': { en: 'none: this host is not a store in PD', zh: '无：该主机不是 PD 中的 store' },
  'view.tip.why': { en: 'Why unknown', zh: '状态未知的原因' },
  'view.tip.pdVersion': { en: 'PD version', zh: 'PD 版本' },
  'view.tip.disconnected': { en: 'PD has had no heartbeat from this store for more than 20 s', zh: 'PD 已超过 20 秒未收到该 store 的心跳' },
  'view.tip.down': {
    en: 'PD has had no heartbeat from this store for longer than max-store-down-time (30 min by default): PD places its replicas elsewhere',
    zh: 'PD 未收到该 store 心跳的时间已超过 max-store-down-time（默认 30 分钟）：PD 会在其他 store 上补副本',
  },
  'view.tip.heartbeatState': { en: 'Heartbeat', zh: '心跳' },

  // drain progress (the status bar, the wait notification, the log)
  'view.drain.stale': {
    en: 'PD unreachable: {regions} regions left as of {age}, no estimate until PD answers',
    zh: '无法连接 PD：截至 {age}还剩 {regions} 个 Region，PD 恢复应答前无法估算',
  },
  'view.drain.checking': {
    en: 'checking placement rules, free space and store limits in PD…',
    zh: '正在检查 PD 中的 Placement Rules、剩余空间和 store limit…',
  },
  'view.drain.moving': { en: 'Store {id} moves Regions again: {regions} left', zh: 'store {id} 重新开始迁移 Region：还剩 {regions} 个' },

  // the log: what changed in a cluster
  'view.log.pdLost': { en: 'PD unreachable at {endpoints}: {reason}', zh: '无法连接 PD（{endpoints}）：{reason}' },
  'view.log.pdBack': { en: 'PD answers again at {endpoint} after {duration}', zh: 'PD（{endpoint}）在 {duration} 后恢复应答' },
} as const satisfies Catalog;
