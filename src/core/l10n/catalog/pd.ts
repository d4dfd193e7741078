// What PD (and TiDB's status port) answered, what was refused, and why a drain is stuck.
// Chinese follows PingCAP's docs-cn: store, Region, 下线, 缩容, Placement Rules; PD's state names as PD prints them.

import { lines, type Catalog } from './types';

export const pd = {
  // reading an answer
  'pd.answer.notJson': {
    en: 'PD answered something that is not JSON (at character {offset}): {answer}',
    zh: 'PD 返回的内容不是 JSON（第 {offset} 个字符处）：{answer}',
  },
  'pd.answer.tooDeep': { en: "PD's answer is nested far deeper than any PD answer: {answer}", zh: 'PD 返回的内容嵌套层数远超 PD 的任何应答：{answer}' },
  'pd.answer.duplicateKey': {
    en: "PD's answer repeats a key (at character {offset}), which PD never does: {answer}",
    zh: 'PD 返回的内容中有重复的键（第 {offset} 个字符处），PD 不会这样返回：{answer}',
  },
  'pd.stores.notObject': { en: "PD's store list is not a JSON object: {answer}", zh: 'PD 返回的 store 列表不是 JSON 对象：{answer}' },
  'pd.stores.noList': {
    en: 'PD\'s answer has no "stores" list (missing or null), so it says nothing about any store: {answer}',
    zh: 'PD 的应答中没有 "stores" 列表（缺失或为 null），无法据此判断任何 store：{answer}',
  },
  'pd.stores.notList': { en: '"stores" in PD\'s answer is not a list: {answer}', zh: 'PD 应答中的 "stores" 不是列表：{answer}' },
  'pd.stores.badCount': {
    en: 'PD\'s answer says "count": {count} but lists {length} stores: the list is not complete',
    zh: 'PD 的应答中 "count" 为 {count}，但列出了 {length} 个 store：列表不完整',
  },
  'pd.stores.entry': { en: "store entry {index} of PD's list: {problem}", zh: 'PD 列表中的第 {index} 个 store：{problem}' },
  'pd.stores.duplicateId': { en: "PD's list names store {id} twice", zh: 'PD 的列表中 store {id} 出现了两次' },
  'pd.store.noStore': { en: 'it has no "store" object: {answer}', zh: '其中没有 "store" 对象：{answer}' },
  'pd.store.badId': {
    en: 'its id is not one PD can allocate (plain digits, 1 to 2^64-1): {answer}',
    zh: '其 id 不是 PD 可能分配的值（只能是 1 到 2^64-1 的十进制数字）：{answer}',
  },
  'pd.store.noAddress': { en: 'store {id} has no address', zh: 'store {id} 没有地址' },
  'pd.store.badState': {
    en: 'store {id} has state {state} and state_name {stateName}, which PD never sends together',
    zh: 'store {id} 的 state 为 {state}、state_name 为 {stateName}，PD 不会这样组合返回',
  },
  'pd.store.badLabels': {
    en: 'the labels of store {id} are not a list of key/value pairs with one value per key: {answer}',
    zh: 'store {id} 的 labels 不是每个键只有一个值的键值对列表：{answer}',
  },
  'pd.store.badStatus': { en: 'the status of store {id} is not an object: {answer}', zh: 'store {id} 的 status 不是对象：{answer}' },
  'pd.store.badRegionCount': { en: 'the region_count of store {id} is not a count: {answer}', zh: 'store {id} 的 region_count 不是计数：{answer}' },
  'pd.rules.notList': { en: "PD's TiFlash placement rules are not a list: {answer}", zh: 'PD 返回的 TiFlash Placement Rules 不是列表：{answer}' },
  'pd.rules.badRule': {
    en: 'a TiFlash placement rule of PD lacks its id or count: {answer}',
    zh: 'PD 的一条 TiFlash Placement Rule 缺少 id 或 count：{answer}',
  },
  'pd.config.notObject': { en: "PD's configuration is not a JSON object: {answer}", zh: 'PD 返回的配置不是 JSON 对象：{answer}' },
  'pd.config.badKey': { en: '"{key}" in PD\'s configuration is not a value PD sends: {answer}', zh: 'PD 配置中的 "{key}" 不是 PD 会返回的值：{answer}' },
  'pd.version.bad': { en: "PD's /version answer has no version: {answer}", zh: 'PD 的 /version 应答中没有版本号：{answer}' },
  'pd.limits.bad': { en: "PD's store limits are not what PD sends: {answer}", zh: 'PD 返回的 store limit 格式不正确：{answer}' },
  'tidb.table.bad': { en: "TiDB's answer names no database and table: {answer}", zh: 'TiDB 的应答中没有库名和表名：{answer}' },

  // reaching PD
  'pd.notRead': { en: 'PD has not been read yet', zh: '尚未读取 PD' },
  'pd.noEndpoint': { en: 'no {service} endpoint is configured', zh: '未配置 {service} 地址' },
  'pd.unreachable': { en: '{service} is unreachable ({failures})', zh: '无法连接 {service}（{failures}）' },
  'pd.failure.at': { en: '{endpoint}: {reason}', zh: '地址 {endpoint}：{reason}' },
  'pd.failure.timeout': { en: 'no answer within {ms} ms', zh: '{ms} 毫秒内无应答' },
  'pd.failure.connection': { en: '{code}', zh: '连接失败（{code}）' },
  'pd.failure.unavailable': { en: 'answered 503: {answer}', zh: '返回 503：{answer}' },
  'pd.aborted': { en: 'the {service} request was cancelled', zh: '{service} 请求已取消' },
  'pd.tooLarge': { en: "{service}'s answer is larger than {limit} bytes: refused", zh: '{service} 的应答超过 {limit} 字节，已拒绝读取' },
  'pd.http': { en: '{service} answered {status}: {answer}', zh: '{service} 返回 {status}：{answer}' },

  // versions
  'pd.version.newer': {
    en: 'PD {version} is newer than what tidb-ansible deploys (3.1, 4.0): reading works, version-specific actions are not offered',
    zh: 'PD {version} 比 tidb-ansible 部署的版本（3.1、4.0）更新：可以读取状态，不提供依赖版本的操作',
  },
  'pd.version.older': {
    en: 'PD {version} is older than 3.1, which TiFlash needs: version-specific actions are not offered',
    zh: 'PD {version} 早于 TiFlash 所需的 3.1：不提供依赖版本的操作',
  },
  'pd.version.unknown': {
    en: 'PD reports the version "{version}", which is not a version number: version-specific actions are not offered',
    zh: 'PD 报告的版本 "{version}" 不是版本号：不提供依赖版本的操作',
  },

  // writes refused or not taken
  'pd.refuse.notTiflash': {
    en: 'store {id} is not a TiFlash store (no engine=tiflash label): nothing was changed',
    zh: 'store {id} 不是 TiFlash store（没有 engine=tiflash 标签）：未做任何更改',
  },
  'pd.refuse.tombstone': { en: 'store {id} is already Tombstone: nothing was changed', zh: 'store {id} 已经是 Tombstone：未做任何更改' },
  'pd.refuse.cancelState': {
    en: 'store {id} is {state}: only a scale-in whose store is Offline can be cancelled; nothing was changed',
    zh: 'store {id} 的状态为 {state}：只有 store 处于 Offline 的缩容才能取消；未做任何更改',
  },
  'pd.refuse.forceUnsupported': {
    en: 'PD {version} does not accept state=Tombstone (only PD 3.1 and 4.0 do): nothing was changed',
    zh: 'PD {version} 不接受 state=Tombstone（只有 PD 3.1 和 4.0 接受）：未做任何更改',
  },
  'pd.refuse.limitUnsupported': {
    en: 'the store limits of PD {version} are not known here: nothing was changed',
    zh: '此处不了解 PD {version} 的 store limit：未做任何更改',
  },
  'pd.refuse.badRate': {
    en: 'a store limit must be above 0 and at most 1000000000 per minute, not {rate}: nothing was changed',
    zh: 'store limit 必须大于 0 且不超过每分钟 1000000000，而不是 {rate}：未做任何更改',
  },
  'pd.notApplied.delete': {
    en: 'PD answered 200 to the delete, but store {id} still reads {state}: the delete did not take effect',
    zh: 'PD 对删除请求返回了 200，但 store {id} 的状态仍为 {state}：下线没有生效',
  },
  'pd.notApplied.state': {
    en: 'PD answered 200, but store {id} reads {state}, not {wanted}',
    zh: 'PD 返回了 200，但 store {id} 的状态为 {state}，而不是 {wanted}',
  },
  'pd.notApplied.placementRules': { en: 'PD answered 200, but placement rules still read disabled', zh: 'PD 返回了 200，但 Placement Rules 仍为关闭状态' },
  'pd.notConfirmed': {
    en: 'PD answered 200, but reading the result back failed, so the change is not confirmed: {reason}',
    zh: 'PD 返回了 200，但回读结果失败，无法确认更改已生效：{reason}',
  },

  // matching hosts and stores
  'pd.match.listIncomplete': {
    en: 'the store list was read without Tombstone stores (?state=0&state=1&state=2), so a missing store proves nothing',
    zh: '读取 store 列表时未包含 Tombstone store（?state=0&state=1&state=2），因此找不到 store 不能说明任何问题',
  },
  'pd.match.badAddress': {
    en: 'store {id} has the address {address}, which is not host:port, so no host can be called absent',
    zh: 'store {id} 的地址 {address} 不是 host:port 格式，因此无法断定任何主机不在 PD 中',
  },
  'pd.match.storeNamesHost': {
    en: 'TiFlash store {id} has the address {address}, a host name rather than an IP: which inventory host it is cannot be known',
    zh: 'TiFlash store {id} 的地址 {address} 是主机名而不是 IP：无法确定它对应 inventory 中的哪台主机',
  },
  'pd.match.hostUnparsable': {
    en: '{host} has the address {address}, which is not an IP address or host name',
    zh: '{host} 的地址 {address} 既不是 IP 地址也不是主机名',
  },
  'pd.match.hostNotIp': {
    en: '{host} has the address {address}, which is not an IP: which PD store is its cannot be known',
    zh: '{host} 的地址 {address} 不是 IP：无法确定 PD 中哪个 store 属于它',
  },
  'pd.match.unknownBecause': { en: 'state unknown: {reason}', zh: '状态未知：{reason}' },
  'pd.match.ambiguous': {
    en: 'several live stores have the address {address}: {ids}. Nothing acts on it until an operator resolves this.',
    zh: '多个未下线的 store 使用同一地址 {address}：{ids}。在运维人员处理之前不会对其执行任何操作。',
  },

  // a stuck drain
  'drain.stuck': {
    en: 'Store {id} has not moved a Region for {minutes} min: {regions} Regions left',
    zh: 'store {id} 已有 {minutes} 分钟没有迁走任何 Region：还剩 {regions} 个 Region',
  },
  'drain.noCause': {
    en: "none of the checks found the cause: watch PD's scheduling (operators, pending peers) in Grafana",
    zh: '各项检查均未找到原因：请在 Grafana 中查看 PD 的调度情况（operator、pending peer）',
  },
  'drain.rules.unread': { en: 'placement rules: not checked (PD could not be read)', zh: 'Placement Rules：未检查（无法读取 PD）' },
  'drain.rules.disabled': { en: 'placement rules: disabled in PD', zh: 'Placement Rules：PD 中未开启' },
  'drain.rules.ok': {
    en: 'placement rules: the largest count is {need}, and {up} other TiFlash stores are Up',
    zh: 'Placement Rules：最大副本数为 {need}，另有 {up} 个 TiFlash store 处于 Up',
  },
  'drain.rules.short': {
    en: lines(
      'placement rules need {need} TiFlash stores but only {up} others are Up ({rules}): ',
      'the store stays Offline until replicas are lowered or a TiFlash store is added',
    ),
    zh: 'Placement Rules 需要 {need} 个 TiFlash store，但其他处于 Up 的只有 {up} 个（{rules}）：在降低副本数或扩容 TiFlash 之前该 store 会一直处于 Offline',
  },
  'drain.space.unread': { en: "free space: not checked (PD's low-space-ratio could not be read)", zh: '剩余空间：未检查（无法读取 PD 的 low-space-ratio）' },
  'drain.space.ok': {
    en: 'free space: {count} remaining TiFlash stores are below the low-space-ratio of {ratio}%',
    zh: '剩余空间：其余 {count} 个 TiFlash store 的使用率低于 low-space-ratio {ratio}%',
  },
  'drain.space.low': {
    en: 'free space: TiFlash store {id} has {available} free of {capacity}, past the low-space-ratio of {ratio}%: PD moves no Region to it',
    zh: '剩余空间：TiFlash store {id} 的可用空间为 {available}（共 {capacity}），已超过 low-space-ratio {ratio}%：PD 不会再向它迁移 Region',
  },
  'drain.limits.unread': {
    en: 'store limits: not checked (PD could not be read, or its version has no known limit names)',
    zh: 'store limit：未检查（无法读取 PD，或该版本的 limit 名称未知）',
  },
  'drain.limit.value': { en: 'store limits: {type} of store {id} is {rate} per minute', zh: 'store limit：store {id} 的 {type} 为每分钟 {rate}' },
  'drain.limit.zero': {
    en: 'store limits: {type} of store {id} is 0, so PD moves nothing off it',
    zh: 'store limit：store {id} 的 {type} 为 0，PD 不会从它迁出任何 Region',
  },
  'drain.limit.addZero': {
    en: 'store limits: {type} is 0 on every remaining TiFlash store ({ids}), so none can take a Region',
    zh: 'store limit：其余所有 TiFlash store（{ids}）的 {type} 均为 0，没有 store 能接收 Region',
  },
} as const satisfies Catalog;
