// The simulator as a TLS PD (enable_tls = True): https that requires a client certificate signed by
// the cluster's CA; certificates made with openssl at test time.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { type TestCerts, makeCerts } from '../support/certs';
import { demoCluster, withPdSim } from '../support/pdFixtures';

describe('PD simulator over TLS', () => {
  let certs: TestCerts;
  before(async () => (certs = await makeCerts()));
  after(() => certs.cleanup());

  /** GET /version through an agent with these TLS settings: the status, or the error code. */
  async function version(url: string, connect: { ca: string; cert?: string; key?: string }): Promise<number | string> {
    const agent = new Agent({ connect });
    try {
      const r = await request(`${url}/pd/api/v1/version`, { dispatcher: agent });
      await r.body.text();
      return r.statusCode;
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    } finally {
      await agent.close();
    }
  }

  it("writes tidb-ansible's file names", () => {
    for (const p of Object.values(certs.paths)) assert.ok(fs.existsSync(p), p);
    assert.deepEqual(
      Object.values(certs.paths).map((p) => p.slice(certs.dir.length + 1)),
      ['ca.pem', 'client.pem', 'client-key.pem'],
    );
  });

  it('answers a client that shows a certificate its CA signed, and nobody else', () =>
    withPdSim({ cluster: demoCluster(), tls: { key: certs.server.key, cert: certs.server.cert, ca: certs.ca } }, async (sim) => {
      assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(await version(sim.url, { ca: certs.ca, cert: certs.client.cert, key: certs.client.key }), 200);
      assert.notEqual(await version(sim.url, { ca: certs.ca }), 200, 'no client certificate');
      assert.notEqual(
        await version(sim.url, { ca: certs.ca, cert: certs.otherClient.cert, key: certs.otherClient.key }),
        200,
        'a certificate another CA signed',
      );
      assert.equal(sim.requests.length, 1, 'refused clients never got to send a request');
    }));

  it('can be a server the CA did not sign, which a client trusting the CA refuses', () =>
    withPdSim({ cluster: demoCluster(), tls: { key: certs.otherServer.key, cert: certs.otherServer.cert, ca: certs.ca } }, async (sim) => {
      assert.match(String(await version(sim.url, { ca: certs.ca, cert: certs.client.cert, key: certs.client.key })), /CERT|SIGN/);
      assert.equal(sim.requests.length, 0);
      assert.ok(sim.connections() >= 1, 'it was asked');
    }));
});
