import { BlockList, isIP } from 'node:net';

/** RFC 1918 private ranges and IPv6 unique local addresses: the local network. */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/**
 * This machine and its link: loopback, link-local, and the unspecified address (which connects to this machine).
 * Scanning them probes the platform's own services, so they have a gate of their own.
 */
const LOCAL = new BlockList();
LOCAL.addSubnet('127.0.0.0', 8, 'ipv4');
LOCAL.addSubnet('0.0.0.0', 8, 'ipv4');
LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LOCAL.addAddress('::1', 'ipv6');
LOCAL.addAddress('::', 'ipv6');
LOCAL.addSubnet('fe80::', 10, 'ipv6');

/** `::ffff:10.0.0.1` and friends are the IPv4 address they embed. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

export type AddressScope = 'local' | 'private' | 'public';

export function scopeOf(address: string): AddressScope {
  const a = unmapped(address);
  const family = isIP(a);
  if (family === 0) return 'public';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (LOCAL.check(a, type)) return 'local';
  return PRIVATE.check(a, type) ? 'private' : 'public';
}
