// Which addresses a run may contact. On a pull request from a fork, the
// certificates and endpoints it adds are the attacker's: their AIA/OCSP/CRL
// URLs and host names must not make the runner (often self-hosted, inside a
// company network, next to cloud metadata at 169.254.169.254) request
// internal addresses. There, only public addresses are contacted; the check is
// on the resolved address (a name that resolves to 10.0.0.5 is 10.0.0.5), for
// every hop of a redirect. On trusted events (push, schedule, dispatch)
// private addresses keep working: internal PKIs live there.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { NetworkSettings } from '../types.js';

/**
 * Why a run's code is not trusted (github/fork-context.ts decides): a pull
 * request from another repository (`fork`: "octo/site"), or one whose head
 * repository is unknown (a deleted fork).
 */
export type UntrustedEvent = { kind: 'fork-pull-request'; fork: string } | { kind: 'unknown-head-pull-request' };

/**
 * Why only public addresses are contacted: the config says so
 * (`network.private-addresses: refuse`), or the event is untrusted.
 */
export type PolicyRule = { rule: 'refuse' } | { rule: 'untrusted-event'; event: UntrustedEvent | null };

/** Which kind of address that is not public (report/text/address-refusal.ts words each). */
export type NotPublicRange =
  | 'this-network'
  | 'private'
  | 'carrier-grade-nat'
  | 'loopback'
  /** 169.254.0.0/16, where cloud metadata services answer */
  | 'ipv4-link-local'
  | 'link-local'
  | 'ietf-protocol'
  | 'documentation'
  | '6to4-relay'
  | 'benchmarking'
  | 'multicast'
  | 'reserved'
  | 'unspecified'
  | 'discard'
  | 'orchid'
  | 'unique-local'
  | 'site-local'
  | 'not-an-ip';

/**
 * Why an address was not contacted, as data (sentences in report/text/address-refusal.ts).
 * `range`: which kind of non-public address it is.
 */
export type AddressRefusal =
  | { reason: 'not-public'; host: string; address: string; range: NotPublicRange; policy: PolicyRule }
  /** the name could not be resolved to check it; `code`: the resolver's code (else its message) */
  | { reason: 'unresolvable'; host: string; code: string; policy: PolicyRule };

export interface NetworkGuard {
  /** only public addresses (and `network.allow`) may be contacted */
  publicOnly: boolean;
  /** why */
  policy: PolicyRule;
  /** addresses treated as public (the trusted config's `network.allow`) */
  allow: BlockList;
  /** total bytes all HTTP fetches of the run may read */
  maxTotalBytes: number;
}

// Special-purpose ranges (IANA IPv4/IPv6 Special-Purpose Address Registries,
// RFC 6890 and successors) that are not the public internet: loopback,
// "this network", RFC 1918 private, CGNAT shared space (RFC 6598), link-local
// (cloud metadata), IETF protocol assignments, documentation, benchmarking,
// multicast and reserved; IPv6 loopback, unspecified, unique-local, link-local,
// site-local (deprecated), multicast, documentation, discard and ORCHID.
const NOT_PUBLIC_V4: [string, number, NotPublicRange][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'], // RFC 1918
  ['100.64.0.0', 10, 'carrier-grade-nat'], // RFC 6598
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'ipv4-link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'ietf-protocol'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4-relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const NOT_PUBLIC_V6: [string, number, NotPublicRange][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard'],
  ['2001:db8::', 32, 'documentation'],
  ['2001:10::', 28, 'orchid'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const blocked = NOT_PUBLIC_V4.map(([net, bits, why]) => ({ list: subnet(net, bits, 'ipv4'), why }));
const blocked6 = NOT_PUBLIC_V6.map(([net, bits, why]) => ({ list: subnet(net, bits, 'ipv6'), why }));

function subnet(net: string, bits: number, type: 'ipv4' | 'ipv6'): BlockList {
  const b = new BlockList();
  b.addSubnet(net, bits, type);
  return b;
}

/** IPv4 carried inside IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16): judged as the IPv4 it reaches. */
function embeddedV4(address: string): string | null {
  const a = address.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  const hex = /^(?:(?:0*:)*:?ffff|64:ff9b:(?:0*:)*):?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hex) return hexToV4(hex[1], hex[2]);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(a);
  if (sixToFour) return hexToV4(sixToFour[1], sixToFour[2]);
  return null;
}

function hexToV4(hi: string, lo: string): string {
  const h = parseInt(hi, 16);
  const l = parseInt(lo, 16);
  return `${h >> 8}.${h & 255}.${l >> 8}.${l & 255}`;
}

/** Which non-public range an address is in, or null when it is public (or the trusted config allows it). */
export function notPublic(address: string, allow?: BlockList): NotPublicRange | null {
  const family = isIP(address);
  if (!family) return 'not-an-ip';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (allow?.check(address, type)) return null;
  const v4 = family === 6 ? embeddedV4(address) : address;
  if (v4 && family === 6 && allow?.check(v4, 'ipv4')) return null;
  if (v4) {
    const hit = blocked.find((b) => b.list.check(v4, 'ipv4'));
    return hit ? hit.why : null;
  }
  const hit = blocked6.find((b) => b.list.check(address, 'ipv6'));
  return hit ? hit.why : null;
}

export type LookupAll = (host: string) => Promise<string[]>;

const systemLookup: LookupAll = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * May `host` be contacted under the guard? Every address it resolves to must be
 * public: one private answer refuses it (a client may pick any of them).
 * Returns the reason for a refusal, or null.
 */
export async function refusal(
  host: string,
  guard: NetworkGuard | undefined,
  lookupAll: LookupAll = systemLookup,
): Promise<AddressRefusal | null> {
  if (!guard?.publicOnly) return null;
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(bare)) addresses = [bare];
  else {
    try {
      addresses = await lookupAll(bare);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      return { reason: 'unresolvable', host: bare, code, policy: guard.policy };
    }
  }
  for (const a of addresses) {
    const why = refusalOf(bare, a, guard);
    if (why) return why;
  }
  return null;
}

/** Why `host`, resolved to `address`, may not be contacted under the guard; null when it may. */
export function refusalOf(host: string, address: string, guard: NetworkGuard): AddressRefusal | null {
  if (!guard.publicOnly) return null;
  const range = notPublic(address, guard.allow);
  return range ? { reason: 'not-public', host, address, range, policy: guard.policy } : null;
}

// A run's CRLs, OCSP answers and issuer certificates are a few MB on most
// estates; real complete CRLs reach tens of MB each (limits.ts) and a CA's
// published serial list up to 4 GiB (revoked-serials). 8 GiB lets all that
// through and still stops a certificate set built to make the runner download
// without end.
export const DEFAULT_MAX_DOWNLOAD_MB = 8192;

const DEFAULT_NETWORK: NetworkSettings = {
  privateAddresses: 'auto',
  allow: [],
  maxDownloadMb: DEFAULT_MAX_DOWNLOAD_MB,
};

/** The run's guard from the config's `network:` section and whether the event is untrusted. */
export function networkGuard(settings: NetworkSettings | undefined, untrusted: UntrustedEvent | null): NetworkGuard {
  const n = settings ?? DEFAULT_NETWORK;
  const allow = new BlockList();
  for (const entry of n.allow) {
    const [net, bits] = entry.split('/');
    const type = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) allow.addAddress(net, type);
    else allow.addSubnet(net, Number(bits), type);
  }
  const publicOnly = n.privateAddresses === 'refuse' || (n.privateAddresses === 'auto' && untrusted !== null);
  const policy: PolicyRule =
    n.privateAddresses === 'refuse' ? { rule: 'refuse' } : { rule: 'untrusted-event', event: untrusted };
  return { publicOnly, policy, allow, maxTotalBytes: n.maxDownloadMb * 1024 * 1024 };
}

/** An entry of `network.allow`: an IP address or a CIDR block. */
export function validAllowEntry(entry: string): boolean {
  const [net, bits, extra] = entry.split('/');
  const family = isIP(net);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}
