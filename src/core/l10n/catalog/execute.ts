// Executing a plan's steps: how a playbook process ended, why a step stopped before it ran, the lock of a
// folder, and what an operator can do after an aborted or cancelled operation.

import { lines, type Catalog } from './types';

export const execute = {
  'exec.playbook.exited': { en: '{playbook} exited with code {code}.', zh: '{playbook} 退出码为 {code}。' },
  'exec.playbook.exitedWhy': { en: '{playbook} exited with code {code}: {why}', zh: '{playbook} 退出码为 {code}：{why}' },
  'exec.playbook.noExitCode': {
    en: '{playbook} ended without an exit code: its terminal was closed or the task was stopped.',
    zh: '{playbook} 结束时没有退出码：其终端被关闭或任务被停止。',
  },
  'exec.playbook.notStarted': { en: '{playbook} could not be started: {error}', zh: '无法启动 {playbook}：{error}' },
  'exec.unsaved': { en: '{file} has unsaved changes: save or revert them, then retry.', zh: '{file} 有未保存的修改：请保存或撤销后重试。' },
  'exec.editFailed': { en: '{file} could not be edited.', zh: '无法编辑 {file}。' },
  'exec.saveFailed': { en: '{file} could not be saved.', zh: '无法保存 {file}。' },
  'exec.noPd': {
    en: 'PD is not monitored for this folder (set tiflash.pdEndpoints or [pd_servers]).',
    zh: '未监控此目录的 PD（请设置 tiflash.pdEndpoints 或 [pd_servers]）。',
  },
  'exec.recheck': { en: 'Checked again before it ran: {why}', zh: '执行前再次检查：{why}' },
  'exec.wait.cancelled': { en: "Stopped waiting at the operator's request.", zh: '已按操作员的要求停止等待。' },
  'exec.wait.cancelledByCancel': { en: 'Stopped waiting: the scale-in of store {id} is being cancelled.', zh: '已停止等待：正在取消 store {id} 的缩容。' },
  'exec.declined': { en: 'Not run: the operator did not confirm this step.', zh: '未执行：操作员没有确认这一步。' },
  'exec.preflight.step': { en: 'Step {step} ({title}): {reason}', zh: '第 {step} 步（{title}）：{reason}' },
  'exec.drainLimit.offer': {
    en: lines(
      "Store {id}'s drain is held by its own remove limit ({from} per minute): nothing else keeps its ",
      'Regions. Raise it to {to} per minute for the drain? It is set back to {from} when the drain ends.',
    ),
    zh: 'Store {id} 的迁移被其自身的 remove 限速（每分钟 {from}）限制：没有其他原因阻止其 Region 迁移。是否在迁移期间将其提高到每分钟 {to}？迁移结束后会恢复为 {from}。',
  },
  'exec.drainLimit.set': { en: "Store {id}'s remove limit is {rate} per minute.", zh: 'Store {id} 的 remove 限速现在为每分钟 {rate}。' },
  'exec.drainLimit.wasZero': {
    en: lines(
      "Store {id}'s remove limit was 0 before the drain and stays at {to} per minute: ",
      "PD's API cannot set 0 again. Set it by hand if you need it (pd-ctl store limit).",
    ),
    zh: 'Store {id} 的 remove 限速在迁移前为 0，现保持为每分钟 {to}：PD 的 API 无法再设为 0。如有需要请手动设置（pd-ctl store limit）。',
  },
} as const satisfies Catalog;
