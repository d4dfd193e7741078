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

describe('store addresses: the edges of each form', () => {
  const kindKey = (text: string) => {
    const h = parseHost(text);
    return h && `${h.kind} ${h.key}`;
  };

  it('takes every IPv4 octet up to 255, in every position', () => {
    assert.equal(kindKey('10.20.255.1'), 'ipv4 10.20.255.1');
    assert.equal(kindKey('10.0.5.1'), 'ipv4 10.0.5.1');
    assert.equal(kindKey('255.255.255.255'), 'ipv4 255.255.255.255');
  });

  it('takes one-letter labels, a label that starts with a digit, and names up to 253 characters', () => {
    assert.equal(kindKey('a'), 'name a');
    assert.equal(kindKey('x.y.example'), 'name x.y.example');
    assert.equal(kindKey('3com.example'), 'name 3com.example');
    const label = 'a'.repeat(63);
    const longest = [label, label, label, 'b'.repeat(61)].join('.');
    assert.equal(longest.length, 253);
    assert.equal(kindKey(longest), `name ${longest}`);
    assert.equal(parseHost(`${longest}c`), undefined, '254 characters is not a host name');
    assert.equal(parseHost('123'), undefined, 'a lone number is a malformed IP, not a name');
  });

  it('fills the zeros of an IPv6 address correctly, an embedded IPv4 included', () => {
    assert.equal(kindKey('1:2:3:4:5:6::7'), 'ipv6 1:2:3:4:5:6:0:7', ':: may stand for one group');
    assert.equal(kindKey('::1.2.3.4'), 'ipv6 0:0:0:0:0:0:102:304');
    assert.equal(kindKey('::1'), 'ipv6 0:0:0:0:0:0:0:1', 'loopback is not an IPv4-mapped address');
    assert.equal(kindKey('1::ffff:10.0.0.1'), 'ipv6 1:0:0:0:0:ffff:a00:1', 'mapped only when the first five groups are zero');
    assert.equal(kindKey('::fffe:10.0.0.1'), 'ipv6 0:0:0:0:0:fffe:a00:1');
    assert.equal(kindKey('::ffff:10.0.0.1'), 'ipv4 10.0.0.1');
  });

  it('refuses IPv6 with too many groups, a group of five digits, a bad embedded IPv4 or a lone bracket', () => {
    for (const bad of [
      '1:2:3:4::5:6:7:8',
      '1::12345',
      '12345::1',
      '1:::2',
      '1::2::3',
      '1:2:3:4:5:6:7:8::9::a',
      '::1.2.3',
      '::ffff:1.2.3.256',
      '[::1',
      '::1]',
      '[::1]]',
    ]) {
      assert.equal(parseHost(bad), undefined, bad);
    }
  });

  it('takes port 65535', () => {
    assert.deepEqual(parseHostPort('10.0.0.1:65535'), { host: { kind: 'ipv4', key: '10.0.0.1' }, port: 65535 });
  });
});
