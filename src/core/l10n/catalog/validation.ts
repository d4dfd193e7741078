// What the validation rules report about inventory.ini and hosts.ini, and their quick fixes. Each finding
// says what tidb-ansible or Ansible will do with the file as it is.

import { lines, type Catalog } from './types';

export const validation = {
  'validation.varAloneOnLine': {
    en: lines(
      '`{text}` alone on a line is read as a host of that name: every playbook for [{group}] would ',
      'try to connect to it and fail. Put the variable after a host, or in a [{group}:vars] section.',
    ),
    zh: '单独一行的 `{text}` 会被当作同名主机：所有针对 [{group}] 的 playbook 都会尝试连接它并失败。请把该变量写在主机之后，或写进 [{group}:vars] 段。',
  },
  'validation.tiflashHostNotIp': {
    en: lines(
      'TiFlash host {name} is a domain name, not an IP address: TiDB-Ansible supports only IP addresses in [tiflash_servers], and ',
      'deploy.yml would register the store in PD under that name. Write the IP, or keep the name as an alias and set ansible_host=<IP>.',
    ),
    zh: 'TiFlash 主机 {name} 是域名而不是 IP 地址：TiDB-Ansible 的 [tiflash_servers] 只支持 IP 地址，deploy.yml 会以该域名在 PD 中注册存储节点。请改写为 IP，或保留该名称作为别名并设置 ansible_host=<IP>。',
  },
  'validation.tiflashAliasNotIp': {
    en: lines(
      'ansible_host {address} of TiFlash host {name} is a domain name, not an IP address: TiDB-Ansible supports only IP ',
      'addresses in [tiflash_servers], and deploy.yml would register the store in PD under that name. Set ansible_host=<IP>.',
    ),
    zh: lines(
      'TiFlash 主机 {name} 的 ansible_host {address} 是域名而不是 IP 地址：TiDB-Ansible 的 ',
      '[tiflash_servers] 只支持 IP 地址，deploy.yml 会以该域名在 PD 中注册存储节点。请设置 ansible_host=<IP>。',
    ),
  },
  'validation.fix.setAnsibleHost': {
    en: 'Set ansible_host={ip} ({name} resolves to it)',
    zh: '设置 ansible_host={ip}（{name} 解析到该地址）',
  },
  'validation.duplicateHost': {
    en: lines(
      '{name} is listed again in [{group}] (first on line {first}): Ansible merges the ',
      'two lines, the variables of the later one win, and playbooks still run on it once.',
    ),
    zh: '{name} 在 [{group}] 中重复列出（第一次在第 {first} 行）：Ansible 会合并这两行，后一行的变量生效，playbook 仍只在该主机上执行一次。',
  },
  'validation.fix.removeDuplicate': { en: 'Remove this duplicate line of {name}', zh: '删除 {name} 的这一重复行' },
  'validation.portConflict': {
    en: lines(
      'Port {port} ({key}) of {component} {host} on {address} is also used by {otherComponent} ',
      '{otherHost} ({otherKey}): start.yml would fail to start one of them (address already in use).',
    ),
    zh: '{address} 上 {component} {host} 的端口 {port}（{key}）也被 {otherComponent} {otherHost}（{otherKey}）使用：start.yml 将无法启动其中之一（地址已被占用）。',
  },
  'validation.fix.nextFreePort': {
    en: 'Set {key}={port} (the next free port on {address})',
    zh: '设置 {key}={port}（{address} 上下一个空闲端口）',
  },
  'validation.deployDirConflict': {
    en: lines(
      'deploy_dir {dir} of {host} on {address} is also used by {other}: deploy.yml would install ',
      'both into one directory, each overwriting the binaries, configuration and scripts of the other.',
    ),
    zh: '{address} 上 {host} 的 deploy_dir {dir} 也被 {other} 使用：deploy.yml 会把两者部署到同一目录，互相覆盖二进制文件、配置和脚本。',
  },
  'validation.dataDirConflict': {
    en: 'data_dir {dir} of {host} on {address} is also used by {other}: both TiFlash instances would write their data into one directory and damage it.',
    zh: '{address} 上 {host} 的 data_dir {dir} 也被 {other} 使用：两个 TiFlash 实例会把数据写入同一目录并将其损坏。',
  },
  'validation.invalidPort': {
    en: '{key} must be an integer from 1 to 65535, got `{raw}`: deploy.yml would write it into the configuration and the service would not start.',
    zh: '{key} 必须是 1 到 65535 之间的整数，实际为 `{raw}`：deploy.yml 会把它写入配置，服务将无法启动。',
  },
  'validation.requiredGroupEmpty': {
    en: "[{group}] has no host: tidb-ansible's pre-checks stop every playbook.",
    zh: '[{group}] 中没有主机：tidb-ansible 的预检查会中止所有 playbook。',
  },
  'validation.ansibleUserRoot': {
    en: "ansible_user is root: tidb-ansible's pre-checks stop every playbook (it deploys as a normal user such as tidb, with sudo).",
    zh: 'ansible_user 为 root：tidb-ansible 的预检查会中止所有 playbook（它以 tidb 等普通用户配合 sudo 部署）。',
  },
  'validation.timezoneMissing': {
    en: "timezone is not set in [all:vars] (for example timezone = Asia/Shanghai): tidb-ansible's pre-checks stop every playbook.",
    zh: '[all:vars] 中没有设置 timezone（例如 timezone = Asia/Shanghai）：tidb-ansible 的预检查会中止所有 playbook。',
  },
  'validation.missingInHostsIni': {
    en: lines(
      '{address} is not in hosts.ini [servers]: create_users.yml and deploy_ntp.yml will skip it, so ',
      'the tidb user, its SSH trust and NTP are not set up there and the later playbooks cannot log in.',
    ),
    zh: '{address} 不在 hosts.ini 的 [servers] 中：create_users.yml 和 deploy_ntp.yml 会跳过它，该机器上不会创建 tidb 用户、配置 SSH 互信和 NTP，后续 playbook 将无法登录。',
  },
  'validation.fix.addToHostsIni': { en: 'Add {address} to hosts.ini [servers]', zh: '将 {address} 添加到 hosts.ini 的 [servers]' },
  'validation.notMonitored': {
    en: lines(
      '{address} is not in [monitored_servers]: deploy.yml will not install node_exporter ',
      'and blackbox_exporter there, so Prometheus and Grafana show no machine metrics for it.',
    ),
    zh: '{address} 不在 [monitored_servers] 中：deploy.yml 不会在该机器上部署 node_exporter 和 blackbox_exporter，Prometheus 和 Grafana 将看不到它的机器监控指标。',
  },
  'validation.fix.addToMonitored': { en: 'Add {address} to [monitored_servers]', zh: '将 {address} 添加到 [monitored_servers]' },
  'validation.tiflashVersion': {
    en: 'TiFlash needs TiDB v3.1 or later, but tidb_version is {version}: deploy.yml would deploy TiFlash into a cluster that cannot use it.',
    zh: 'TiFlash 需要 TiDB v3.1 或更高版本，但 tidb_version 为 {version}：deploy.yml 会把 TiFlash 部署到无法使用它的集群中。',
  },
  'validation.placementRules': {
    en: 'On v3.1, enable PD placement rules before adding TiFlash (`pd-ctl config placement-rules enable`): otherwise the first TiFlash store gets no replica.',
    zh: '在 v3.1 上，扩容 TiFlash 之前需要开启 PD 的 Placement Rules（`pd-ctl config placement-rules enable`）：否则第一个 TiFlash 存储节点不会获得任何副本。',
  },
} as const satisfies Catalog;
