// A 5,000-host inventory written the way large tidb-ansible clusters are: TiFlash machines running two
// instances each (an alias with ansible_host, their own ports and data directories, a comment), TiKV and
// TiDB with non-default ports on some machines, every machine in [monitored_servers], `:children` groups
// and tidb-ansible's whole [all:vars].

const TIFLASH_MACHINES = 1350;
const TIKV_MACHINES = 900;
const TIDB_MACHINES = 300;

const ip = (block: number, k: number) => `10.${block}.${(k >> 8) & 255}.${k & 255}`;

/** `base` shifts every address, so two inventories share no host line (the parser caches lines it has seen). */
export function realisticInventory(base = 0): string {
  const b = (block: number) => block + base * 4;
  const out: string[] = ['## TiDB Cluster Part', '[tidb_servers]'];
  for (let k = 0; k < TIDB_MACHINES; k++) out.push(k % 5 ? ip(b(1), k) : `${ip(b(1), k)} tidb_port=4001 tidb_status_port=10081 # second port set`);
  out.push('', '[tikv_servers]');
  for (let k = 0; k < TIKV_MACHINES; k++) {
    if (k % 50 === 0) out.push(`# rack ${k / 50}`);
    out.push(k % 4 ? `TiKV${k} ansible_host=${ip(b(2), k)} deploy_dir=/data1/deploy labels="host=tikv${k}"` : ip(b(2), k));
  }
  out.push('', '[pd_servers]', ip(b(3), 1), ip(b(3), 2), ip(b(3), 3), '', '[spark_master]', '', '[spark_slaves]', '');
  out.push('## Monitoring Part', '[monitoring_servers]', ip(b(3), 4), '', '[grafana_servers]', ip(b(3), 4), '');
  out.push('# node_exporter and blackbox_exporter servers', '[monitored_servers]');
  for (let k = 0; k < TIDB_MACHINES; k++) out.push(ip(b(1), k));
  for (let k = 0; k < TIKV_MACHINES; k++) out.push(ip(b(2), k));
  for (let k = 0; k < TIFLASH_MACHINES; k++) out.push(ip(b(0), k));
  out.push('', '[alertmanager_servers]', ip(b(3), 4), '', '[kafka_exporter_servers]', '', '## Binlog Part', '[pump_servers]', '', '[drainer_servers]', '');
  out.push('## TiFlash Part', '[tiflash_servers]');
  for (let k = 0; k < TIFLASH_MACHINES; k++) {
    const a = ip(b(0), k);
    if (k % 3 === 2) {
      out.push(`${a} data_dir=/data1/tiflash/data,/data2/tiflash/data`);
      continue;
    }
    out.push(`TiFlash${k}-1 ansible_host=${a} deploy_dir=/data1/deploy data_dir=/data1/tiflash,/data2/tiflash # first instance`);
    out.push(
      `TiFlash${k}-2 ansible_host=${a} deploy_dir=/data3/deploy data_dir=/data3/tiflash,/data4/tiflash tcp_port=9001 http_port=8124 ` +
        'flash_service_port=3931 flash_proxy_port=20171 flash_proxy_status_port=20293 metrics_port=8235 # second instance',
    );
  }
  out.push('', '[storage:children]', 'tikv_servers', 'tiflash_servers', '', '[compute:children]', 'tidb_servers', '');
  out.push(
    '## Group variables',
    '[pd_servers:vars]',
    '# location_labels = ["zone","rack","host"]',
    '',
    '[tiflash_servers:vars]',
    'flash_proxy_status_port = 20292',
    '',
  );
  out.push(
    '## Global variables',
    '[all:vars]',
    'deploy_dir = /home/tidb/deploy',
    '',
    '## Connection',
    '# ssh via normal user',
    'ansible_user = tidb',
    '',
    'cluster_name = test-cluster',
    '',
    'tidb_version = v4.0.9',
    '',
    '# process supervision, [systemd, supervise]',
    'process_supervision = systemd',
    '',
    'timezone = Asia/Shanghai',
    '',
    'enable_firewalld = False',
    '# check NTP service',
    'enable_ntpd = True',
    'set_hostname = False',
    '',
    '## binlog trigger',
    'enable_binlog = False',
    '',
    'kafka_addrs = ""',
    'zookeeper_addrs = ""',
    '',
    'enable_tls = False',
    '',
    'deploy_without_tidb = False',
    '',
    'wait_replication = True',
    '',
    'alertmanager_target = ""',
    '',
    'grafana_admin_user = "admin"',
    'grafana_admin_password = "admin"',
    '',
    '',
    '### Collect diagnosis',
    'collect_log_recent_hours = 2',
    '',
    'enable_bandwidth_limit = True',
    '# default: 10Mb/s, unit: Kbit/s',
    'collect_bandwidth_limit = 10000',
    '',
  );
  return out.join('\n');
}
