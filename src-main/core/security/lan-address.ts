import ipaddr from 'ipaddr.js';
import { networkInterfaces } from 'node:os';
import type { LanInterfaceView } from '../../../src-preload/contract';

/**
 * Addresses and subnets of the office network, IPv4 only (the office LAN and its DHCP are IPv4;
 * one family keeps the subnet list that the admin reads simple).
 */

/** "192.168.1.7/24" → "192.168.1.0/24"; a bare address is its own /32; null when not IPv4 CIDR. */
export function normalizeSubnet(text: string): string | null {
  const value = text.trim();
  const cidr = value.includes('/') ? value : `${value}/32`;
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr)) return null;
  const [, bits] = ipaddr.IPv4.parseCIDR(cidr);
  return `${ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()}/${bits}`;
}

export const isIPv4 = (text: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(text);

/** A remote address as the socket gives it (maybe "::ffff:192.168.1.5") in plain IPv4, or null. */
export function plainIPv4(address: string | undefined): string | null {
  if (!address || !ipaddr.isValid(address)) return null;
  const parsed = ipaddr.process(address);
  return parsed.kind() === 'ipv4' ? parsed.toString() : null;
}

/** Whether the caller's address lies in one of the allowed subnets. */
export function addressAllowed(address: string | undefined, subnets: readonly string[]): boolean {
  const ip = plainIPv4(address);
  if (ip === null) return false;
  const parsed = ipaddr.IPv4.parse(ip);
  return subnets.some((subnet) => {
    const normal = normalizeSubnet(subnet);
    return normal !== null && parsed.match(ipaddr.IPv4.parseCIDR(normal));
  });
}

/** This PC's IPv4 addresses, for the admin to choose where the console listens. */
export function listInterfaces(): LanInterfaceView[] {
  const found: LanInterfaceView[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4') continue;
      found.push({ name, address: entry.address, cidr: entry.cidr ? normalizeSubnet(entry.cidr) : null, internal: entry.internal });
    }
  }
  return found;
}

/**
 * Whether the console may listen on this address: one of this PC's own, or a loopback address
 * (127.0.0.0/8 is all this PC's on Linux and Windows; the tests' "other PCs" live there).
 */
export function bindable(address: string): boolean {
  if (!isIPv4(address)) return false;
  if (ipaddr.IPv4.parse(address).range() === 'loopback') return true;
  return listInterfaces().some((entry) => entry.address === address);
}
