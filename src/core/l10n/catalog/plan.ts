// Plans: step titles, blocked reasons, warnings, and the argument check behind every playbook command.

import { lines, type Catalog } from './types';

export const plan = {
  'args.where.unknown': { en: 'the inventory', zh: 'inventory 文件' },
  'args.where.setting': { en: 'the setting tiflash.playbookExtraArgs', zh: '设置项 tiflash.playbookExtraArgs' },
  'args.where.playbookPath': { en: 'the setting tiflash.ansiblePlaybookPath', zh: '设置项 tiflash.ansiblePlaybookPath' },
  'args.where.alias': { en: 'the alias field', zh: '别名字段' },
  'args.empty': { en: 'An empty argument would reach ansible-playbook: fix {where}.', zh: '将有一个空参数传给 ansible-playbook：请修改{where}。' },
  'args.control': {
    en: "'{value}' contains the control character {code}: a terminal could act on it, so nothing runs with it. Fix {where}.",
    zh: '“{value}”含有控制字符 {code}：终端可能会执行它，因此不会用它运行任何命令。请修改{where}。',
  },
  'args.leadingDash': {
    en: "'{value}' starts with '-': ansible-playbook would read it as an option. Fix {where}.",
    zh: '“{value}”以“-”开头：ansible-playbook 会把它当作选项。请修改{where}。',
  },
  'args.limitPattern': {
    en: lines(
      "'{value}' is an Ansible host pattern, not one host name (it contains one of , : ! & ",
      '* ? [ ] ~ @ \\ or a space): as -l it could select other hosts. Rename it in {where}.',
    ),
    zh: '“{value}”是 Ansible 主机模式而不是单个主机名（含有 , : ! & * ? [ ] ~ @ \\ 或空格之一）：用作 -l 可能会选中其他主机。请在{where}中重命名。',
  },
  'args.user': {
    en: "'{value}' is not a user name ansible-playbook -u can take. Fix {where}.",
    zh: '“{value}”不是 ansible-playbook -u 可用的用户名。请修改{where}。',
  },
  'args.tag': { en: "'{value}' is not a playbook tag.", zh: '“{value}”不是 playbook 标签。' },
  'args.file': { en: "'{value}' is not a file name in the tidb-ansible folder.", zh: '“{value}”不是 tidb-ansible 目录中的文件名。' },
  'args.notFlag': { en: "Internal error: '{value}' is not an option.", zh: '内部错误：“{value}”不是选项。' },
  'args.extraUnknownShort': {
    en: "'{value}' in {where} is a short option this check does not know: write it as its long option (--name=value).",
    zh: '{where}中的“{value}”是本检查不认识的短选项：请改写为长选项（--name=value）。',
  },
  'args.extraSelects': {
    en: "'{value}' in {where} would change which hosts, inventory or tasks a playbook acts on: the extension sets those itself. Remove it.",
    zh: '{where}中的“{value}”会改变 playbook 作用的主机、inventory 或任务：这些由扩展自行设置。请删除它。',
  },

  'plan.where.line': { en: '{file} line {line}', zh: '{file} 第 {line} 行' },
  'plan.where.file': { en: '{file}', zh: '{file} 文件' },
  'plan.where.hostsUser': { en: 'hosts.ini [all:vars] username', zh: 'hosts.ini [all:vars] 中的 username' },
  'plan.what.cluster': { en: 'the cluster', zh: '集群' },
  'plan.what.clusterAnd': { en: 'the cluster and {name}', zh: '集群和 {name}' },
  'plan.storeState': { en: 'store {id} ({state})', zh: 'store {id}（状态为 {state}）' },

  'plan.blocked.syntax': {
    en: '{file} line {line}: {message} Ansible rejects the whole file, so every playbook would match nothing: fix it first.',
    zh: '{file} 第 {line} 行：{message} Ansible 会拒绝整个文件，所有 playbook 都将匹配不到任何主机：请先修正。',
  },
  'plan.blocked.hostLine': { en: "inventory.ini line {line}, the host's own line: {message}", zh: 'inventory.ini 第 {line} 行（该主机所在行）：{message}' },
  'plan.blocked.pdUnknown': { en: 'PD could not be read, so it is unknown what the run would act on.', zh: '无法读取 PD，因此无法确定此操作会作用于什么。' },
  'plan.blocked.pdUnknownWhy': { en: 'PD did not give an answer a decision can rest on: {why}', zh: 'PD 没有给出可作为判断依据的应答：{why}' },
  'plan.blocked.notTiflashHost': { en: '{name} is not in [tiflash_servers] of inventory.ini.', zh: '{name} 不在 inventory.ini 的 [tiflash_servers] 中。' },
  'plan.blocked.nameIsGroup': {
    en: "'{name}' is also the name of a group: -l {name} would select the whole group. Rename the host.",
    zh: '“{name}”同时也是一个组名：-l {name} 会选中整个组。请重命名该主机。',
  },
  'plan.blocked.ambiguous': {
    en: 'Several live stores in PD have the address {address}: {stores}. Nothing is done until an operator has looked (pd-ctl store).',
    zh: 'PD 中有多个活跃 store 使用地址 {address}：{stores}。在运维人员核实（pd-ctl store）之前不执行任何操作。',
  },
  'plan.blocked.ambiguousShort': { en: 'Several live stores in PD have this address: {ids}.', zh: 'PD 中有多个活跃 store 使用此地址：{ids}。' },
  'plan.blocked.notTiflashStore': {
    en: 'Store {id} at {address} is not a TiFlash store (no engine=tiflash label): it is never changed from here.',
    zh: '{address} 上的 store {id} 不是 TiFlash store（没有 engine=tiflash 标签）：本扩展不会对其做任何更改。',
  },
  'plan.blocked.placementRules': {
    en: lines(
      'Only {remaining} Up TiFlash store(s) would remain, but {rules} placement rule(s) ',
      'need up to {most} ({examples}): the store would stay Offline forever. {fix}',
    ),
    zh: '缩容后只剩 {remaining} 个 Up 状态的 TiFlash store，但有 {rules} 条 Placement Rule 最多需要 {most} 个（{examples}）：该 store 将永远停留在 Offline。{fix}',
  },
  'plan.fix.replicaGeneric': {
    en: lines(
      "First lower those tables' TiFlash replicas (ALTER TABLE … SET TIFLASH REPLICA ",
      '{remaining}; TiDB did not name the tables) and wait until the change finishes.',
    ),
    zh: '请先调低这些表的 TiFlash 副本数（ALTER TABLE … SET TIFLASH REPLICA {remaining}；TiDB 未给出表名），并等待变更完成。',
  },
  'plan.fix.replicaStatements': {
    en: 'First run in TiDB, and wait until the change finishes:\n{statements}',
    zh: '请先在 TiDB 中执行以下语句，并等待变更完成：\n{statements}',
  },
  'plan.fix.replicaStatementsAndIds': {
    en: 'First run in TiDB, and wait until the change finishes:\n{statements}\nTiDB did not name the tables of {ids}: lower their replicas too.',
    zh: '请先在 TiDB 中执行以下语句，并等待变更完成：\n{statements}\nTiDB 未给出 {ids} 对应的表名：也请调低这些表的副本数。',
  },
  'plan.blocked.lastStore': {
    en: lines(
      'Store {id} is the last TiFlash store. Removing it needs an explicit confirmation; if a table still has TiFlash replicas, remove them ',
      'first (ALTER TABLE … SET TIFLASH REPLICA 0), or delete the leftover rules afterwards (DELETE /pd/api/v1/config/rule/tiflash/<id>).',
    ),
    zh: lines(
      'Store {id} 是最后一个 TiFlash store。移除它需要明确确认；若仍有表带有 TiFlash 副本，请先移除（ALTER TABLE … ',
      'SET TIFLASH REPLICA 0），或之后删除残留的规则（DELETE /pd/api/v1/config/rule/tiflash/<id>）。',
    ),
  },
  'plan.blocked.notIpOrHost': {
    en: "'{value}' is neither an IP address nor a host of [tiflash_servers]: TiFlash hosts must be IP addresses.",
    zh: '“{value}”既不是 IP 地址，也不是 [tiflash_servers] 中的主机：TiFlash 主机只支持 IP 地址。',
  },
  'plan.blocked.addressNotIp': {
    en: "{name} has the address '{address}', which is not an IP address: TiFlash hosts must be IP addresses.",
    zh: '{name} 的地址“{address}”不是 IP 地址：TiFlash 主机只支持 IP 地址。',
  },
  'plan.blocked.nameTaken': {
    en: "The inventory name '{name}' is already used by a host at {address}.",
    zh: 'inventory 名称“{name}”已被 {address} 上的主机使用。',
  },
  'plan.blocked.cannotAdd': { en: 'The line for {name} cannot be added to [tiflash_servers].', zh: '无法把 {name} 的行加入 [tiflash_servers]。' },
  'plan.blocked.hostsIniMissing': {
    en: lines(
      'hosts.ini is missing beside inventory.ini: create_users.yml and deploy_ntp.yml need it. Create ',
      'it with [servers] listing {address} and [all:vars] username = tidb, ntp_server = pool.ntp.org.',
    ),
    zh: lines(
      'inventory.ini 旁没有 hosts.ini：create_users.yml 和 deploy_ntp.yml 需要它。请创建它，',
      '[servers] 中列出 {address}，[all:vars] 中写 username = tidb、ntp_server = pool.ntp.org。',
    ),
  },
  'plan.blocked.addressInPd': {
    en: lines(
      'PD already has store {id} ({state}) at {address}: a new TiFlash there would fail with ',
      '"duplicated store address". Scale that store in first, or pick another address or ports.',
    ),
    zh: 'PD 中 {address} 上已有 store {id}（{state}）：在此新建 TiFlash 会因 “duplicated store address” 而失败。请先缩容该 store，或换用其他地址或端口。',
  },
  'plan.blocked.placementDisabled': {
    en: lines(
      "PD's placement rules are off: a TiFlash added now gets no replicas (TiFlash needs them; tidb-ansible enables them only when ",
      '[tiflash_servers] was filled at the first deploy). Enable them first (pd-ctl config placement-rules enable); the extension can do it for you.',
    ),
    zh: lines(
      'PD 的 Placement Rules 未开启：现在添加的 TiFlash 不会有任何副本（TiFlash 依赖该功能；tidb-ansible 只在首次部署时 ',
      '[tiflash_servers] 非空的情况下开启它）。请先开启（pd-ctl config placement-rules enable）；扩展可以代为开启。',
    ),
  },
  'plan.blocked.placementAlreadyOn': { en: 'Placement rules are already enabled.', zh: 'Placement Rules 已经开启。' },
  'plan.blocked.noSuchStore': { en: 'PD has no store {id}.', zh: 'PD 中没有 store {id}。' },
  'plan.blocked.hostNotInPd': { en: '{name} is not a store in PD.', zh: '{name} 不是 PD 中的 store。' },
  'plan.blocked.cancelNeedsOffline': {
    en: 'Store {id} is {state}: only an Offline store (a scale-in under way) can be cancelled. A Tombstone store is never brought back.',
    zh: 'Store {id} 当前为 {state}：只有 Offline 的 store（正在缩容）才能取消缩容。Tombstone 的 store 不会被恢复。',
  },
  'plan.blocked.forceNeedsOffline': {
    en: 'Store {id} is {state}: only an Offline TiFlash store can be forced to Tombstone.',
    zh: 'Store {id} 当前为 {state}：只有 Offline 的 TiFlash store 才能被强制设为 Tombstone。',
  },
  'plan.blocked.forceVersion': {
    en: 'PD {version} does not accept state=Tombstone (only PD 3.1 and 4.0, as tidb-ansible deploys them, do).',
    zh: 'PD {version} 不接受 state=Tombstone（只有 tidb-ansible 部署的 PD 3.1 和 4.0 接受）。',
  },
  'plan.blocked.noTombstones': { en: 'PD has no Tombstone store records to remove.', zh: 'PD 中没有可清除的 Tombstone store 记录。' },

  'plan.warn.notInPd': {
    en: "PD's complete store list has no store at {address}: {name} is not a store in PD, so no store is deleted and TiFlash is stopped right away.",
    zh: 'PD 的完整 store 列表中没有 {address}：{name} 不是 PD 中的 store，因此不会删除任何 store，直接停止 TiFlash。',
  },
  'plan.warn.alreadyOffline': {
    en: 'Store {id} is already Offline: the run waits for it to become Tombstone from where it is.',
    zh: 'Store {id} 已经是 Offline：将从当前进度继续等待它变为 Tombstone。',
  },
  'plan.warn.alreadyTombstone': {
    en: 'Store {id} is already Tombstone: TiFlash is stopped right away.',
    zh: 'Store {id} 已经是 Tombstone：直接停止 TiFlash。',
  },
  'plan.warn.tombstoneThere': {
    en: lines(
      'PD keeps Tombstone store record(s) {ids} at this address: wipe the old data directories first ',
      '({dirs}) or the new TiFlash fails with "store is tombstone"; remove the records in PD afterwards.',
    ),
    zh: 'PD 中此地址仍有 Tombstone store 记录 {ids}：请先清除旧的数据目录（{dirs}），否则新的 TiFlash 会因 “store is tombstone” 启动失败；之后再清除 PD 中的这些记录。',
  },
  'plan.warn.limitUnknown': {
    en: lines(
      "PD 4.0 set store {id}'s remove-peer limit to unlimited when it was deleted, and its earlier ",
      'value was not recorded here: set it back by hand (pd-ctl store limit {id} <rate> remove-peer).',
    ),
    zh: 'PD 4.0 在删除 store {id} 时把它的 remove-peer 限速设为了不限，而原值没有记录：请手动恢复（pd-ctl store limit {id} <rate> remove-peer）。',
  },
  'plan.warn.force': {
    en: lines(
      "PD drops store {id}'s replicas at once ({regions} Region(s)): queries that ",
      'read TiFlash may fail until replicas are rebuilt elsewhere. Never for TiKV.',
    ),
    zh: 'PD 会立即丢弃 store {id} 上的副本（{regions} 个 Region）：在其他节点重建副本之前，读取 TiFlash 的查询可能失败。切勿用于 TiKV。',
  },
  'plan.warn.tombstonesWithRegions': {
    en: 'PD 4.0 keeps the record of Tombstone stores that still hold Regions: {ids}.',
    zh: 'PD 4.0 会保留仍有 Region 的 Tombstone store 记录：{ids}。',
  },

  'plan.step.addToInventory': { en: 'Add {name} to inventory.ini {groups}', zh: '将 {name} 加入 inventory.ini 的 {groups}' },
  'plan.step.addToHostsIni': { en: 'Add {address} to hosts.ini [servers]', zh: '将 {address} 加入 hosts.ini 的 [servers]' },
  'plan.step.createUsers': {
    en: 'Create the deploy user and SSH trust on {address} (asks for the root password)',
    zh: '在 {address} 上创建部署用户并配置 SSH 互信（需要输入 root 密码）',
  },
  'plan.step.deployNtp': { en: 'Deploy NTP on the hosts of hosts.ini', zh: '在 hosts.ini 的主机上部署 NTP' },
  'plan.step.bootstrap': { en: 'Initialize the system of {name} (bootstrap.yml)', zh: '初始化 {name} 的系统环境（bootstrap.yml）' },
  'plan.step.deploy': { en: 'Deploy TiFlash on {name}', zh: '在 {name} 上部署 TiFlash' },
  'plan.step.start': { en: 'Start TiFlash on {name}', zh: '启动 {name} 上的 TiFlash' },
  'plan.step.waitUp': { en: 'Wait until PD reports the new store at {address} ({name}) Up', zh: '等待 PD 中 {address}（{name}）上的新 store 变为 Up' },
  'plan.step.refreshPrometheus': {
    en: 'Refresh Prometheus targets (rolling_update_monitor.yml --tags=prometheus)',
    zh: '更新 Prometheus 监控目标（rolling_update_monitor.yml --tags=prometheus）',
  },
  'plan.step.grafana': { en: 'Watch {what} in Grafana', zh: '在 Grafana 中观察{what}' },
  'plan.step.grafanaMissing': { en: 'No [grafana_servers] host in inventory.ini.', zh: 'inventory.ini 中没有 [grafana_servers] 主机。' },
  'plan.step.deleteStore': { en: 'Delete store {id} ({address}) in PD: it goes Offline', zh: '在 PD 中删除 store {id}（{address}）：它将变为 Offline' },
  'plan.step.waitTombstone': {
    en: 'Wait until store {id} is Tombstone (its {regions} Region(s) move away)',
    zh: '等待 store {id} 变为 Tombstone（其 {regions} 个 Region 迁走）',
  },
  'plan.step.stop': { en: 'Stop TiFlash on {name}', zh: '停止 {name} 上的 TiFlash' },
  'plan.step.removeFromInventory': { en: 'Remove {name} from inventory.ini {groups}', zh: '从 inventory.ini 的 {groups} 中移除 {name}' },
  'plan.step.removeFromHostsIni': { en: 'Remove {address} from hosts.ini [servers]', zh: '从 hosts.ini 的 [servers] 中移除 {address}' },
  'plan.step.wipe': {
    en: 'Wipe the TiFlash data directories of {name} before the machine joins again',
    zh: '在该机器重新加入前清除 {name} 的 TiFlash 数据目录',
  },
  'plan.step.wipeDetail': {
    en: 'Scale-in does not delete data. Before {address} runs TiFlash again, delete: {dirs}',
    zh: '缩容不会删除数据。在 {address} 再次运行 TiFlash 之前，请删除：{dirs}',
  },
  'plan.step.wipeDetailShared': {
    en: lines(
      'Scale-in does not delete data. Before a TiFlash instance with these directories runs on ',
      '{address} again, delete: {dirs}. Still running there: {still}: do not touch their directories.',
    ),
    zh: '缩容不会删除数据。在 {address} 上再次运行使用这些目录的 TiFlash 实例之前，请删除：{dirs}。该机器上仍在运行：{still}：不要动它们的目录。',
  },
  'plan.step.cancelOffline': { en: 'Cancel the scale-in of store {id} in PD: Offline → Up', zh: '在 PD 中取消 store {id} 的缩容：Offline → Up' },
  'plan.step.cancelOfflineRestore': {
    en: 'Cancel the scale-in of store {id} in PD (Offline → Up), then restore its remove-peer limit to {rate} per minute',
    zh: '在 PD 中取消 store {id} 的缩容（Offline → Up），然后将其 remove-peer 限速恢复为每分钟 {rate}',
  },
  'plan.step.forceTombstone': { en: 'Force store {id} to Tombstone in PD (drops its replicas)', zh: '在 PD 中强制将 store {id} 设为 Tombstone（丢弃其副本）' },
  'plan.step.removeTombstones': { en: 'Remove the records of Tombstone stores {ids} in PD', zh: '清除 PD 中 Tombstone store {ids} 的记录' },
  'plan.step.enablePlacementRules': { en: 'Enable placement rules in PD', zh: '在 PD 中开启 Placement Rules' },

  'spec.address': { en: "'{value}' is not an IPv4 address: TiFlash hosts must be IP addresses.", zh: '“{value}”不是 IPv4 地址：TiFlash 主机只支持 IP 地址。' },
  'spec.aliasIsOtherIp': { en: "The alias '{alias}' is another IP address than {address}.", zh: '别名“{alias}”是与 {address} 不同的 IP 地址。' },
  'spec.dir': {
    en: "'{value}' is not an absolute directory of plain characters (letters, digits, . _ - + @ /).",
    zh: '“{value}”不是只含普通字符（字母、数字、. _ - + @ /）的绝对路径目录。',
  },
  'spec.port': { en: '{name} = {value} is not a port (1-65535).', zh: '{name} = {value} 不是有效端口（1-65535）。' },
  'spec.portTwice': {
    en: '{name} and {other} are both {value}: each of the six ports needs its own number.',
    zh: '{name} 和 {other} 都是 {value}：六个端口需要各不相同。',
  },
  'spec.collide.name': { en: "'{name}' is already in [tiflash_servers] (line {line}).", zh: '“{name}”已在 [tiflash_servers] 中（第 {line} 行）。' },
  'spec.collide.port': {
    en: '{name} = {value} is already {otherPort} of {other} on this machine (line {line}).',
    zh: '{name} = {value} 已被该机器上 {other} 的 {otherPort} 使用（第 {line} 行）。',
  },
  'spec.collide.deployDir': {
    en: 'deploy_dir {dir} is already the deploy_dir of {other} on this machine (line {line}).',
    zh: 'deploy_dir {dir} 已是该机器上 {other} 的 deploy_dir（第 {line} 行）。',
  },
  'spec.collide.dataDir': {
    en: 'data_dir {dir} overlaps {otherDir} of {other} on this machine (line {line}).',
    zh: 'data_dir {dir} 与该机器上 {other} 的 {otherDir} 重叠（第 {line} 行）。',
  },
} as const satisfies Catalog;
