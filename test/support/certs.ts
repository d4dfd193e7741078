// Certificates for TLS tests, made at test time with the system's `openssl` into a temporary directory
// (none is committed): a CA, a server certificate for 127.0.0.1 and a client certificate it signed,
// written under tidb-ansible's names (conf/ssl: ca.pem, client.pem, client-key.pem), plus an unrelated
// CA with its own server and client certificates for "a server / client the CA did not sign".

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export interface KeyPair {
  cert: string;
  key: string;
}

export interface TestCerts {
  dir: string;
  /** dir/ca.pem, dir/client.pem, dir/client-key.pem: what tidb-ansible leaves in conf/ssl. */
  paths: { ca: string; client: string; clientKey: string };
  ca: string;
  server: KeyPair;
  client: KeyPair;
  /** A CA that signed neither of the above, and certificates it signed. */
  otherCa: string;
  otherServer: KeyPair;
  otherClient: KeyPair;
  cleanup(): void;
}

const CONFIG = `[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
[client]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
`;

export async function makeCerts(): Promise<TestCerts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-sim-certs-'));
  const cnf = path.join(dir, 'openssl.cnf');
  fs.writeFileSync(cnf, CONFIG);
  const openssl = (...args: string[]) => promisify(execFile)('openssl', args, { cwd: dir });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const makeCa = (name: string) =>
    openssl(
      'req',
      '-x509',
      '-new',
      ...newKey,
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-config',
      cnf,
      '-extensions',
      'ca',
    );
  const makeLeaf = async (name: string, ca: string, kind: 'server' | 'client') => {
    await openssl(
      'req',
      '-new',
      ...newKey,
      '-keyout',
      `${name}-key.pem`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${kind === 'server' ? '127.0.0.1' : name}`,
      '-config',
      cnf,
    );
    const serial = `0x${Math.floor(Math.random() * 2 ** 48).toString(16)}`;
    await openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}-key.pem`,
      '-set_serial',
      serial,
      '-days',
      '2',
      '-out',
      `${name}.pem`,
      '-extfile',
      cnf,
      '-extensions',
      kind,
    );
  };
  try {
    await Promise.all([makeCa('ca'), makeCa('other-ca')]);
    await Promise.all([
      makeLeaf('server', 'ca', 'server'),
      makeLeaf('client', 'ca', 'client'),
      makeLeaf('other-server', 'other-ca', 'server'),
      makeLeaf('other-client', 'other-ca', 'client'),
    ]);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make the test certificates: ${(e as Error).message}`, { cause: e });
  }
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const pair = (name: string): KeyPair => ({ cert: read(`${name}.pem`), key: read(`${name}-key.pem`) });
  return {
    dir,
    paths: { ca: path.join(dir, 'ca.pem'), client: path.join(dir, 'client.pem'), clientKey: path.join(dir, 'client-key.pem') },
    ca: read('ca.pem'),
    server: pair('server'),
    client: pair('client'),
    otherCa: read('other-ca.pem'),
    otherServer: pair('other-server'),
    otherClient: pair('other-client'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
