// What the inventory parser and the inventory edits say, and the details of completion items.
// A line Ansible rejects is `inventory.syntax.rejected` around the construct that makes it fail, so every
// such finding ends by saying what Ansible does with the file.

import { lines, type Catalog } from './types';

export const inventory = {
  'inventory.syntax.rejected': {
    en: '{what}: Ansible rejects the whole inventory, so every playbook would match no host.',
    zh: '{what}：Ansible 会拒绝整个 inventory，所有 playbook 都将匹配不到任何主机。',
  },
  'inventory.syntax.unclosedHeader': { en: 'Group header `{text}` is missing its closing `]`', zh: '组标题 `{text}` 缺少右方括号 `]`' },
  'inventory.syntax.headerTrailing': {
    en: 'Group header `{text}` has something after its `]` that is not a comment',
    zh: '组标题 `{text}` 的 `]` 之后有注释以外的内容',
  },
  'inventory.syntax.headerInvalid': {
    en: 'Group header `{text}` holds a space or another character a group name cannot have',
    zh: '组标题 `{text}` 含有空格或组名不允许的字符',
  },
  'inventory.syntax.headerUnknownType': {
    en: 'Group header `{text}` has the unknown type `:{type}` (only :vars and :children exist)',
    zh: '组标题 `{text}` 的类型 `:{type}` 无效（只能是 :vars 或 :children）',
  },
  'inventory.syntax.rangeUnclosed': { en: 'Host range in `{pattern}` is missing its closing `]`', zh: '`{pattern}` 中的主机范围缺少右方括号 `]`' },
  'inventory.syntax.rangeMalformed': {
    en: 'Host range in `{pattern}` is not written as [begin:end] or [begin:end:step]',
    zh: '`{pattern}` 中的主机范围不是 [起始:结束] 或 [起始:结束:步长] 的写法',
  },
  'inventory.syntax.rangeNoEnd': { en: 'Host range in `{pattern}` has no end value', zh: '`{pattern}` 中的主机范围缺少结束值' },
  'inventory.syntax.rangeWidth': {
    en: 'Host range in `{pattern}` begins with a leading zero, but its begin and end differ in length',
    zh: '`{pattern}` 中的主机范围起始值带前导零，但起始值与结束值的长度不同',
  },
  'inventory.syntax.rangeStep': { en: 'Host range in `{pattern}` has a step that is not a whole number', zh: '`{pattern}` 中的主机范围步长不是整数' },
  'inventory.syntax.rangeStepZero': { en: 'Host range in `{pattern}` has a step of zero', zh: '`{pattern}` 中的主机范围步长为 0' },
  'inventory.syntax.rangeOrder': { en: 'Host range in `{pattern}` begins after it ends', zh: '`{pattern}` 中的主机范围起始值大于结束值' },
  'inventory.syntax.rangeBounds': {
    en: 'Host range in `{pattern}` has bounds that are neither numbers nor single letters',
    zh: '`{pattern}` 中的主机范围边界既不是数字也不是单个字母',
  },
  'inventory.syntax.rangeTooMany': {
    en: 'Host `{pattern}` holds {count} ranges, more than Ansible can expand ({max})',
    zh: '主机 `{pattern}` 含有 {count} 个主机范围，超过了 Ansible 能展开的数量（{max}）',
  },
  'inventory.syntax.hostTrailingColon': { en: 'Host `{pattern}` ends in `:` without a port', zh: '主机 `{pattern}` 以 `:` 结尾，但没有端口号' },
  'inventory.syntax.hostYaml': { en: 'Host `{pattern}` is `---`, the first line of a YAML file', zh: '主机 `{pattern}` 是 `---`，即 YAML 文件的第一行' },
  'inventory.syntax.hostEmpty': { en: 'Host line `{text}` names an empty host', zh: '主机行 `{text}` 的主机名为空' },
  'inventory.syntax.unclosedQuote': { en: 'Host line `{text}` has a quote that is never closed', zh: '主机行 `{text}` 中有未闭合的引号' },
  'inventory.syntax.trailingBackslash': {
    en: 'Host line `{text}` ends with a backslash that escapes nothing',
    zh: '主机行 `{text}` 以反斜杠结尾，但它后面没有可转义的字符',
  },
  'inventory.syntax.hostVarNoEquals': { en: 'Host variable `{token}` is not written as key=value', zh: '主机变量 `{token}` 不是 key=value 的写法' },
  'inventory.syntax.varNoEquals': { en: 'Line `{text}` of a :vars section is not written as key=value', zh: ':vars 段中的 `{text}` 不是 key=value 的写法' },
  'inventory.syntax.childBadName': { en: 'Line `{text}` of a :children section is not a group name', zh: ':children 段中的 `{text}` 不是组名' },
  'inventory.syntax.childOfItself': { en: 'Group `{group}` is listed as a child of itself', zh: '组 `{group}` 被列为它自己的子组' },
  'inventory.syntax.childrenCycle': {
    en: 'Making `{child}` a child of `{parent}` closes a loop of :children groups',
    zh: '将 `{child}` 设为 `{parent}` 的子组会使 :children 组形成循环',
  },
  'inventory.syntax.childrenUndefined': {
    en: '[{parent}:children] lists `{child}`, a group that is defined nowhere',
    zh: '[{parent}:children] 列出的 `{child}` 组没有在任何地方定义',
  },
  'inventory.syntax.varsUndefined': {
    en: '[{group}:vars] sets variables of `{group}`, a group that is defined nowhere',
    zh: '[{group}:vars] 为没有在任何地方定义的 `{group}` 组设置变量',
  },
  'inventory.syntax.groupPriority': {
    en: '`ansible_group_priority = {value}` is not an integer',
    zh: '`ansible_group_priority = {value}` 不是整数',
  },
  'inventory.syntax.valueUnhashable': {
    en: 'The value of `{key}` uses a list, dict or set as a dict key or a set member',
    zh: '`{key}` 的值把列表、字典或集合用作字典的键或集合的元素',
  },
  'inventory.syntax.valueTooDeep': {
    en: "The value of `{key}` nests more deeply than Python's parser can follow",
    zh: '`{key}` 的值嵌套过深，超出了 Python 解析器的处理能力',
  },
  'inventory.rangeTooLarge': {
    en: 'Host range `{pattern}` expands to more than {max} hosts: the extension does not list them and checks nothing on this line (Ansible lists them all).',
    zh: '主机范围 `{pattern}` 展开后超过 {max} 个主机：插件不会逐个列出这些主机，也不检查这一行（Ansible 会全部列出）。',
  },
  'inventory.rangesOverBudget': {
    en: lines(
      'The ranges of this inventory expand to more than {max} hosts in all: the extension ',
      'does not list the hosts of this line and checks nothing on it (Ansible lists them all).',
    ),
    zh: '该 inventory 中的主机范围展开后总计超过 {max} 个主机：插件不会列出这一行的主机，也不检查这一行（Ansible 会全部列出）。',
  },
  'inventory.splitLine': {
    en: 'This line holds a character Ansible reads as a line break (\\v, \\f, \\x1c to \\x1e, \\x85, U+2028 or U+2029): Ansible reads it as {count} lines.',
    zh: '这一行含有 Ansible 视为换行的字符（\\v、\\f、\\x1c 至 \\x1e、\\x85、U+2028 或 U+2029）：Ansible 会把它读成 {count} 行。',
  },
  'inventory.edit.inRange': {
    en: 'Line {line} lists {host} through the range `{pattern}`: edit that range by hand.',
    zh: '第 {line} 行通过主机范围 `{pattern}` 列出了 {host}：请手动修改该范围。',
  },
  'inventory.edit.splitLine': {
    en: 'Line {line} holds a character Ansible reads as a line break: remove it by hand before editing this host.',
    zh: '第 {line} 行含有 Ansible 视为换行的字符：请先手动删除该字符，再修改这个主机。',
  },
  'inventory.complete.port': { en: 'port, default {port}', zh: '端口，默认 {port}' },
  'inventory.complete.ansibleHost': { en: 'the IP Ansible connects to (an alias keeps its name for -l)', zh: 'Ansible 连接的 IP（使用别名时，-l 仍写别名）' },
  'inventory.complete.hostDeployDir': { en: 'where bin, conf, scripts and logs go', zh: 'bin、conf、scripts 和日志所在的目录' },
  'inventory.complete.dataDir': {
    en: 'comma list of data directories (default <deploy_dir>/tiflash/data/db)',
    zh: '以逗号分隔的数据目录列表（默认 <deploy_dir>/tiflash/data/db）',
  },
  'inventory.complete.deployDir': { en: 'default deploy directory', zh: '默认部署目录' },
  'inventory.complete.ansibleUser': { en: 'the deploy user (never root)', zh: '部署用户（不能是 root）' },
  'inventory.complete.clusterName': { en: 'cluster name', zh: '集群名称' },
  'inventory.complete.tidbVersion': { en: 'for example v4.0.9', zh: '例如 v4.0.9' },
  'inventory.complete.supervision': { en: 'systemd or supervise', zh: 'systemd 或 supervise' },
  'inventory.complete.timezone': { en: 'for example Asia/Shanghai', zh: '例如 Asia/Shanghai' },
  'inventory.complete.boolean': { en: 'True or False', zh: 'True 或 False' },
  'inventory.complete.grafanaUser': { en: 'Grafana admin user', zh: 'Grafana 管理员用户名' },
  'inventory.complete.grafanaPassword': { en: 'Grafana admin password', zh: 'Grafana 管理员密码' },
} as const satisfies Catalog;
