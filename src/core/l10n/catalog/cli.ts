// What the tiflash-ansible CLI prints of its own: usage, errors, severities.

import type { Catalog } from './types';

export const cli = {
  'cli.help': {
    en: `Usage: tiflash-ansible <command> [options]

Commands:
  inventory list -i FILE                 print the inventory as ansible-inventory --list does (JSON);
                                         exit 1, listing nothing, on a file Ansible rejects
  lint -i FILE [--hosts FILE] [--format text|json]
                                         check inventory.ini (and hosts.ini); exit 1 on an error
  stores --pd URL[,URL...] -i FILE [--format text|json]
                                         TiFlash hosts with their PD store (or why PD cannot tell), and TiFlash
                                         stores the inventory lacks
  plan scale-out|scale-in HOST -i FILE --pd URL [--hosts FILE] [--format text|json]
  plan cancel-scale-in HOST|STORE_ID -i FILE --pd URL [--format text|json]
                                         the plan as the extension previews it: diffs of inventory.ini and hosts.ini,
                                         each command quoted for a POSIX shell, each PD request; JSON: each step's
                                         argv or method and path; exit 1 with the failed checks ("blocked") when a check fails
  journal -i FILE [--run ID] [--format text|json]
                                         the operations recorded beside the inventory (log/tiflash-operations.jsonl),
                                         newest first; with --run, that run step by step (commands, exit codes, PD answers)

Options:
  -i, --inventory FILE   inventory.ini of a tidb-ansible folder
      --hosts FILE       hosts.ini of the same folder
      --pd URLS          PD endpoints, comma-separated
      --format FORMAT    text (default) or json
      --lang LANG        en or zh-cn (default: from LC_ALL, LC_MESSAGES or LANG; zh_CN.* is zh-cn)
      --tidb URLS        TiDB status ports (for the table names of a refused scale-in; default: the
                         [tidb_servers] hosts at tidb_status_port)
      --cacert FILE      CA of PD's certificate (https); with enable_tls = True the default is conf/ssl/ca.pem
                         beside the inventory, as tidb-ansible generates it
      --cert FILE, --key FILE
                         client certificate and key for PD (default conf/ssl/client.pem, client-key.pem)
  -h, --help             show this help

Exit codes: 0 done, 1 a finding, a rejected inventory or a blocked plan, 2 a usage or input error, 3 an internal error.
`,
    zh: `用法：tiflash-ansible <命令> [选项]

命令：
  inventory list -i FILE                 以 ansible-inventory --list 的格式输出 inventory（JSON）；
                                         Ansible 拒绝的文件不输出任何内容，退出码为 1
  lint -i FILE [--hosts FILE] [--format text|json]
                                         检查 inventory.ini（及 hosts.ini）；有错误时退出码为 1
  stores --pd URL[,URL...] -i FILE [--format text|json]
                                         列出 TiFlash 主机及其 PD 存储节点（或 PD 无法判断的原因），以及 inventory
                                         中缺少的 TiFlash 存储节点
  plan scale-out|scale-in HOST -i FILE --pd URL [--hosts FILE] [--format text|json]
  plan cancel-scale-in HOST|STORE_ID -i FILE --pd URL [--format text|json]
                                         输出与扩展预览相同的计划：inventory.ini 和 hosts.ini 的差异、按 POSIX shell
                                         引用的每条命令、每个 PD 请求；JSON 中给出每步的 argv 或 method 与 path；
                                         检查不通过时列出未通过的检查（"blocked"），退出码为 1
  journal -i FILE [--run ID] [--format text|json]
                                         inventory 旁记录的操作（log/tiflash-operations.jsonl），最新的在前；
                                         指定 --run 时逐步列出该次运行（命令、退出码、PD 的应答）

选项：
  -i, --inventory FILE   tidb-ansible 目录中的 inventory.ini
      --hosts FILE       同一目录中的 hosts.ini
      --pd URLS          PD 地址，以逗号分隔
      --format FORMAT    text（默认）或 json
      --lang LANG        en 或 zh-cn（默认取自 LC_ALL、LC_MESSAGES 或 LANG；zh_CN.* 为 zh-cn）
      --tidb URLS        TiDB status 端口（用于缩容被拒绝时给出表名；默认为 [tidb_servers] 主机的
                         tidb_status_port）
      --cacert FILE      PD 证书的 CA（https）；enable_tls = True 时默认为 inventory 旁 tidb-ansible 生成的
                         conf/ssl/ca.pem
      --cert FILE, --key FILE
                         访问 PD 的客户端证书和私钥（默认 conf/ssl/client.pem、client-key.pem）
  -h, --help             显示本帮助

退出码：0 完成，1 有检查结果、inventory 被拒绝或计划被阻止，2 用法或输入错误，3 内部错误。
`,
  },
  'cli.unknownOption': { en: 'unknown option {option}', zh: '未知选项 {option}' },
  'cli.missingValue': { en: 'option {option} needs a value', zh: '选项 {option} 需要一个值' },
  'cli.noValue': { en: 'option {option} takes no value', zh: '选项 {option} 不接受值' },
  'cli.unknownCommand': { en: 'unknown command `{command}`', zh: '未知命令 `{command}`' },
  'cli.unknownInventoryCommand': {
    en: 'unknown inventory command `{sub}` (expected: inventory list)',
    zh: '未知的 inventory 子命令 `{sub}`（应为 inventory list）',
  },
  'cli.missingInventory': { en: 'missing -i <inventory file>', zh: '缺少 -i <inventory 文件>' },
  'cli.cannotReadInventory': { en: 'cannot read inventory file {file}: {reason}', zh: '无法读取 inventory 文件 {file}：{reason}' },
  'cli.cannotReadHosts': { en: 'cannot read hosts file {file}: {reason}', zh: '无法读取 hosts 文件 {file}：{reason}' },
  'cli.reason.noSuchFile': { en: 'no such file', zh: '文件不存在' },
  'cli.reason.isDirectory': { en: 'is a directory', zh: '这是一个目录' },
  'cli.reason.permission': { en: 'permission denied', zh: '没有权限' },
  'cli.reason.other': { en: 'error {code}', zh: '错误 {code}' },
  'cli.badFormat': { en: '--format must be text or json, got {value}', zh: '--format 只能是 text 或 json，实际为 {value}' },
  'cli.badLang': { en: '--lang must be en or zh-cn, got {value}', zh: '--lang 只能是 en 或 zh-cn，实际为 {value}' },
  'cli.rejected': {
    en: 'Ansible rejects {file}, so nothing is listed (every playbook would match no host):',
    zh: 'Ansible 会拒绝 {file}，因此不输出任何内容（所有 playbook 都将匹配不到任何主机）：',
  },
  'cli.severity.error': { en: 'error', zh: '错误' },
  'cli.severity.warning': { en: 'warning', zh: '警告' },
  'cli.severity.info': { en: 'info', zh: '提示' },
  'cli.missingPd': { en: 'missing --pd URL[,URL...]', zh: '缺少 --pd URL[,URL...]' },
  'cli.missingHost': {
    en: 'missing HOST: tiflash-ansible plan {kind} HOST -i inventory.ini --pd URL',
    zh: '缺少 HOST：tiflash-ansible plan {kind} HOST -i inventory.ini --pd URL',
  },
  'cli.unknownPlan': { en: 'unknown plan `{kind}` (expected one of {expected})', zh: '未知的 plan `{kind}`（应为 {expected} 之一）' },
  'cli.certNeedsCa': {
    en: "--cert and --key need --cacert (the CA that signed PD's certificate)",
    zh: '--cert 和 --key 需要同时给出 --cacert（签发 PD 证书的 CA）',
  },
  'cli.certAndKey': { en: '--cert and --key go together', zh: '--cert 和 --key 必须同时给出' },
  'cli.cannotReadPem': { en: 'cannot read {what} {file}: {code}', zh: '无法读取{what} {file}：{code}' },
  'cli.pem.ca': { en: 'CA certificate', zh: 'CA 证书' },
  'cli.pem.cert': { en: 'client certificate', zh: '客户端证书' },
  'cli.pem.key': { en: 'client key', zh: '客户端私钥' },
} as const satisfies Catalog;
