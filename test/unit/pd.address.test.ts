// Store addresses compared as parsed host and port (README: "PD versions and what 'not in PD' means").

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostPortKey, parseHost, parseHostPort } from '../../src/core/pd/address';

const key = (text: string) => {
  const hp = parseHostPort(text);
  return hp && hostPortKey(hp.host, hp.port);
};

describe('store addresses', () => {
  it('parses IPv4, bracketed IPv6 and host names with a port', () => {
    assert.deepEqual(parseHostPort('192.168.0.11:3930'), { host: { kind: 'ipv4', key: '192.168.0.11' }, port: 3930 });
    assert.deepEqual(parseHostPort('[fe80::1]:3930'), { host: { kind: 'ipv6', key: 'fe80:0:0:0:0:0:0:1' }, port: 3930 });
    assert.deepEqual(parseHostPort('TiFlash-1.example:3930'), { host: { kind: 'name', key: 'tiflash-1.example' }, port: 3930 });
  });

  it('equates spellings of one address, and only those', () => {
    assert.equal(key('[::1]:3930'), key('[0:0:0:0:0:0:0:1]:3930'));
    assert.equal(key('[FE80::A]:3930'), key('[fe80:0::a]:3930'));
    assert.equal(key('[::ffff:10.0.0.1]:3930'), key('10.0.0.1:3930'), 'an IPv4-mapped address is the IPv4 one');
    assert.equal(key('[::ffff:a00:1]:3930'), key('10.0.0.1:3930'));
    assert.notEqual(key('192.168.0.1:3930'), key('192.168.0.11:3930'), 'never a prefix');
    assert.notEqual(key('192.168.0.11:393'), key('192.168.0.11:3930'));
    assert.notEqual(key('localhost:3930'), key('127.0.0.1:3930'), 'a name never equals an IP');
  });

  it('refuses what is not exactly host:port', () => {
    for (const bad of [
      '192.168.0.11 :3930',
      ' 192.168.0.11:3930',
      '192.168.0.11:3930 ',
      '192.168.0.11: 3930',
      '192.168.0.11:03930',
      '192.168.0.11:+3930',
      '192.168.0.11:0',
      '192.168.0.11:65536',
      '192.168.0.11',
      '192.168.0.11:',
      ':3930',
      '010.0.0.1:3930',
      '192.168.0.256:3930',
      '1.2.3:3930',
      '1.2.3.4.5:3930',
      '::1:3930',
      '[::1]3930',
      '[::1:3930',
      '[fe80::1%eth0]:3930',
      '[1.2.3.4]:3930',
      'http://1.2.3.4:3930',
      '1.2.3.4:3930/x',
      'a_b:3930',
      '-a:3930',
      'e10.0.0.1:3930',
      'host.123:3930',
      'a..b:3930',
      '[::1::2]:1',
      '[1:2:3:4:5:6:7:8:9]:1',
      '',
      '\u0661.2.3.4:3930',
    ]) {
      assert.equal(parseHostPort(bad), undefined, JSON.stringify(bad));
    }
  });

  it('parses an inventory host (ansible_host) on its own, IPv6 with or without brackets', () => {
    assert.deepEqual(parseHost('2001:db8::1'), parseHost('[2001:DB8:0::1]'));
    assert.equal(parseHost('192.168.0.011'), undefined);
    assert.equal(parseHost('192.168.0.11 '), undefined);
  });
});
