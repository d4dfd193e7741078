// The run engine: preflight with real Ansible, recaps, PD steps and their read-back, waits, resuming after a
// reload, re-checks at step start, and the preview's own words.

import { lines, type Catalog } from './types';

export const run = {
  'preview.title': { en: 'Plan: {operation} of {target}', zh: '计划：{target} 的{operation}' },
  'preview.blocked': { en: 'Refused before anything runs:', zh: '在执行任何操作之前即被拒绝：' },
  'preview.warnings': { en: 'Warnings:', zh: '警告：' },
  'preview.steps': { en: 'Steps (each only after the one before succeeded):', zh: '步骤（每一步都在上一步成功后才执行）：' },
  'preview.noChange': { en: '(already as planned: no change)', zh: '（已是计划中的状态：无需修改）' },
  'preview.checkedExact': {
    en: 'Checked with ansible-playbook --list-hosts before Start: it must act on {host} and nothing else.',
    zh: '开始前用 ansible-playbook --list-hosts 检查：必须只作用于 {host}。',
  },
  'preview.checkedIncludes': {
    en: 'Checked with ansible-playbook --list-hosts before Start: it must include {hosts}.',
    zh: '开始前用 ansible-playbook --list-hosts 检查：必须包含 {hosts}。',
  },
  'preview.waitTombstone': {
    en: 'Ends when PD reports store {id} Tombstone (or physically destroyed); no time limit. A failed poll or a list without the store never ends it.',
    zh: '当 PD 报告 store {id} 为 Tombstone（或已物理销毁）时结束；没有时间限制。查询失败或列表中缺少该 store 都不会视为结束。',
  },
  'preview.waitUp': {
    en: 'Ends when PD reports one live TiFlash store at {address} Up; gives up after {minutes} minutes with an explanation.',
    zh: '当 PD 报告 {address} 上唯一的 TiFlash store 为 Up 时结束；{minutes} 分钟后仍未就绪则停止并说明原因。',
  },

  'recheck.hostGone': {
    en: '{host} is no longer in the inventory: the step would act on something else than previewed.',
    zh: '{host} 已不在 inventory 中：此步骤将作用于与预览不同的对象。',
  },
  'recheck.commandChanged': {
    en: 'The inventory changed since the preview: the step would now run\n  {is}\ninstead of the previewed\n  {was}',
    zh: '预览之后 inventory 发生了变化：此步骤现在会运行\n  {is}\n而不是预览中的\n  {was}',
  },
  'recheck.fileGone': { en: '{file} is missing now.', zh: '{file} 现在不存在。' },

  'run.listHosts.failed': {
    en: 'ansible-playbook --list-hosts exited with code {code}: {stderr}',
    zh: 'ansible-playbook --list-hosts 退出码为 {code}：{stderr}',
  },
  'run.listHosts.unparsed': { en: 'Ansible cannot parse the inventory: {stderr}', zh: 'Ansible 无法解析该 inventory：{stderr}' },
  'run.listHosts.missing': { en: 'Ansible would not act on {hosts} (it lists: {listed}).', zh: 'Ansible 不会作用于 {hosts}（它列出的是：{listed}）。' },
  'run.listHosts.nothing': { en: 'no host', zh: '没有主机' },
  'run.listHosts.others': { en: '-l {limit} would also act on {hosts}: refused.', zh: '-l {limit} 还会作用于 {hosts}：已拒绝。' },
  'run.listHosts.notRun': { en: '{command} could not be run: {error}', zh: '无法运行 {command}：{error}' },

  'run.recap.unparsed': { en: 'Ansible could not parse the inventory: nothing ran.', zh: 'Ansible 无法解析 inventory：没有执行任何操作。' },
  'run.recap.none': {
    en: "Ansible's log has no PLAY RECAP for this run: nothing shows that it acted on its host.",
    zh: 'Ansible 日志中没有本次运行的 PLAY RECAP：无法证明它作用于目标主机。',
  },
  'run.recap.noHosts': { en: 'No host matched: the playbook did nothing.', zh: '没有匹配的主机：playbook 什么也没做。' },
  'run.recap.missing': {
    en: '{host} is not in the PLAY RECAP (it lists: {seen}): the playbook did not act on it.',
    zh: '{host} 不在 PLAY RECAP 中（其中列出：{seen}）：playbook 没有作用于它。',
  },
  'run.recap.unreachable': { en: '{host} was unreachable.', zh: '{host} 无法连接。' },
  'run.recap.failed': { en: '{count} task(s) failed on {host}.', zh: '{host} 上有 {count} 个任务失败。' },
  'run.recap.skipped': { en: 'Every task was skipped on {host}: nothing was done there.', zh: '{host} 上的所有任务都被跳过：没有执行任何操作。' },
  'run.recap.others': { en: 'The playbook also acted on {hosts}.', zh: 'playbook 还作用于 {hosts}。' },

  'run.pd.deleted': { en: 'PD reads store {id} {state} now.', zh: 'PD 中 store {id} 现在为 {state}。' },
  'run.pd.deletedLimitUnknown': {
    en: 'PD reads store {id} {state} now. Its remove-peer limit before the delete could not be read ({reason}): a cancel cannot restore it.',
    zh: 'PD 中 store {id} 现在为 {state}。删除前的 remove-peer 限速无法读取（{reason}）：取消缩容时无法恢复它。',
  },
  'run.pd.cancelled': { en: 'Store {id} is {state} again: the scale-in is cancelled.', zh: 'Store {id} 已恢复为 {state}：缩容已取消。' },
  'run.pd.cancelledLimitFailed': {
    en: 'Store {id} is {state} again: the scale-in is cancelled. Restoring its remove-peer limit failed ({reason}): set it by hand (pd-ctl store limit).',
    zh: 'Store {id} 已恢复为 {state}：缩容已取消。恢复其 remove-peer 限速失败（{reason}）：请手动设置（pd-ctl store limit）。',
  },
  'run.pd.forced': { en: 'Store {id} is Tombstone.', zh: 'Store {id} 已为 Tombstone。' },
  'run.pd.limitSet': { en: "Store {id}'s limit is set.", zh: '已设置 store {id} 的限速。' },
  'run.pd.placementOn': { en: 'Placement rules are enabled.', zh: 'Placement Rules 已开启。' },
  'run.pd.tombstonesAll': { en: 'PD removed every Tombstone store record.', zh: 'PD 已清除所有 Tombstone store 记录。' },
  'run.pd.tombstonesKept': {
    en: 'PD removed the Tombstone records it could; it kept {kept} (they still hold Regions).',
    zh: 'PD 已清除可清除的 Tombstone 记录；保留了 {kept}（它们仍有 Region）。',
  },
  'run.pd.tombstonesUnconfirmed': {
    en: 'PD answered, but reading the store list back failed: which records went is unconfirmed.',
    zh: 'PD 已应答，但回读 store 列表失败：无法确认清除了哪些记录。',
  },

  'run.wait.pdUnreachable': { en: 'PD unreachable, still waiting: {error}', zh: '无法连接 PD，仍在等待：{error}' },
  'run.wait.timeoutPd': { en: 'PD stayed unreachable past the time limit: {error}', zh: '超过时间限制 PD 仍无法连接：{error}' },
  'run.wait.storeMissing': { en: "Store {id} is missing from PD's list; checking again.", zh: 'PD 列表中缺少 store {id}；将再次检查。' },
  'run.wait.storeGone': {
    en: lines(
      "Store {id} is missing from PD's complete store list (its Tombstone record may have been ",
      'removed): that is not proof it became Tombstone. Check with pd-ctl store {id}, then decide.',
    ),
    zh: 'PD 的完整 store 列表中没有 store {id}（其 Tombstone 记录可能已被清除）：这不能证明它已变为 Tombstone。请用 pd-ctl store {id} 检查后再决定。',
  },
  'run.wait.tombstone': { en: 'PD reports store {id} Tombstone.', zh: 'PD 报告 store {id} 为 Tombstone。' },
  'run.wait.destroyed': { en: 'PD reports store {id} physically destroyed.', zh: 'PD 报告 store {id} 已物理销毁。' },
  'run.wait.notOffline': {
    en: 'Store {id} is {state}, not Offline: someone cancelled the scale-in or changed the store in PD. Nothing is stopped.',
    zh: 'Store {id} 为 {state} 而不是 Offline：有人取消了缩容或在 PD 中修改了该 store。不会停止任何服务。',
  },
  'run.wait.regionsLeft': { en: 'Store {id}: {regions} Region(s) left to move.', zh: 'Store {id}：还有 {regions} 个 Region 待迁移。' },
  'run.wait.ambiguous': { en: 'Several live TiFlash stores at {address}: {ids}.', zh: '{address} 上有多个活跃的 TiFlash store：{ids}。' },
  'run.wait.up': { en: 'Store {id} at {address} is Up.', zh: '{address} 上的 store {id} 已为 Up。' },
  'run.wait.notYet': { en: 'No store at {address} in PD yet.', zh: 'PD 中 {address} 上还没有 store。' },
  'run.wait.storeState': { en: 'Store {id} is {state}.', zh: 'Store {id} 为 {state}。' },
  'run.wait.timeoutAbsent': {
    en: lines(
      "No TiFlash store registered at {address} in time. Look at TiFlash's logs (deploy_dir/log/tiflash_error.log, ",
      'tiflash_tikv.log): placement rules off, old data ("store is tombstone") or a port in use keep it from joining.',
    ),
    zh: lines(
      '{address} 上没有按时注册 TiFlash store。请查看 TiFlash 日志（deploy_dir/log/tiflash_error.log、',
      'tiflash_tikv.log）：Placement Rules 未开启、旧数据（“store is tombstone”）或端口被占用都会使其无法加入。',
    ),
  },
  'run.wait.timeoutState': { en: 'Store {id} did not become Up in time (it is {state}).', zh: 'Store {id} 没有按时变为 Up（当前为 {state}）。' },

  'run.resume.step': {
    en: 'The window reloaded during step {step} ({title}). Run it again from where PD and the files are now?',
    zh: '窗口在第 {step} 步（{title}）时重新加载。要根据 PD 和文件的当前状态重新执行这一步吗？',
  },
  'run.resume.unknownProcess': {
    en: 'The window reloaded during step {step} ({title}) and its process is unknown: check that `{command}` is not running any more before you run it again.',
    zh: '窗口在第 {step} 步（{title}）时重新加载，且无法确定其进程：请先确认 `{command}` 已不再运行，然后再重新执行。',
  },
  'run.resume.stillRunning': {
    en: 'Step {step} ({title}) is still running as process {pid}: `{command}`. It is not sent again; watch it end, or abort the operation and leave it.',
    zh: '第 {step} 步（{title}）仍在以进程 {pid} 运行：`{command}`。不会再次发送；可以等待它结束，或中止操作并让它继续运行。',
  },
  'run.resume.endedOk': {
    en: "Step {step} ({title}) ended while the window reloaded, and Ansible's log shows it did its work: `{command}`.",
    zh: '第 {step} 步（{title}）在窗口重新加载期间结束，Ansible 日志显示它已完成：`{command}`。',
  },
  'run.resume.endedBad': {
    en: 'Step {step} ({title}) ended while the window reloaded, but: {why} (`{command}`).',
    zh: '第 {step} 步（{title}）在窗口重新加载期间结束，但是：{why}（`{command}`）。',
  },
  'run.resume.fromLog': {
    en: "Taken as done from the PLAY RECAP of process {pid} in Ansible's log.",
    zh: '根据 Ansible 日志中进程 {pid} 的 PLAY RECAP 视为已完成。',
  },
  'run.resume.noRecap': { en: "Ansible's log has no recap of it", zh: 'Ansible 日志中没有它的运行结果' },
} as const satisfies Catalog;
