import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/net/address-policy.ts
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
var NOT_PUBLIC_V4 = [
  ["0.0.0.0", 8, "this-network"],
  ["10.0.0.0", 8, "private"],
  // RFC 1918
  ["100.64.0.0", 10, "carrier-grade-nat"],
  // RFC 6598
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "ipv4-link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "ietf-protocol"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4-relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"]
];
var NOT_PUBLIC_V6 = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["100::", 64, "discard"],
  ["2001:db8::", 32, "documentation"],
  ["2001:10::", 28, "orchid"],
  ["fc00::", 7, "unique-local"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"]
];
var blocked = NOT_PUBLIC_V4.map(([net, bits, why]) => ({ list: subnet(net, bits, "ipv4"), why }));
var blocked6 = NOT_PUBLIC_V6.map(([net, bits, why]) => ({ list: subnet(net, bits, "ipv6"), why }));
function subnet(net, bits, type) {
  const b = new BlockList();
  b.addSubnet(net, bits, type);
  return b;
}
function embeddedV4(address) {
  const a = address.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  const hex = /^(?:(?:0*:)*:?ffff|64:ff9b:(?:0*:)*):?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hex) return hexToV4(hex[1], hex[2]);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(a);
  if (sixToFour) return hexToV4(sixToFour[1], sixToFour[2]);
  return null;
}
function hexToV4(hi, lo) {
  const h = parseInt(hi, 16);
  const l = parseInt(lo, 16);
  return `${h >> 8}.${h & 255}.${l >> 8}.${l & 255}`;
}
function notPublic(address, allow) {
  const family = isIP(address);
  if (!family) return "not-an-ip";
  const type = family === 4 ? "ipv4" : "ipv6";
  if (allow?.check(address, type)) return null;
  const v4 = family === 6 ? embeddedV4(address) : address;
  if (v4 && family === 6 && allow?.check(v4, "ipv4")) return null;
  if (v4) {
    const hit2 = blocked.find((b) => b.list.check(v4, "ipv4"));
    return hit2 ? hit2.why : null;
  }
  const hit = blocked6.find((b) => b.list.check(address, "ipv6"));
  return hit ? hit.why : null;
}
var systemLookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
async function refusal(host, guard, lookupAll = systemLookup) {
  if (!guard?.publicOnly) return null;
  const bare = host.replace(/^\[|\]$/g, "");
  let addresses;
  if (isIP(bare)) addresses = [bare];
  else {
    try {
      addresses = await lookupAll(bare);
    } catch (e) {
      const code = e.code ?? e.message;
      return { reason: "unresolvable", host: bare, code, policy: guard.policy };
    }
  }
  for (const a of addresses) {
    const why = refusalOf(bare, a, guard);
    if (why) return why;
  }
  return null;
}
function refusalOf(host, address, guard) {
  if (!guard.publicOnly) return null;
  const range = notPublic(address, guard.allow);
  return range ? { reason: "not-public", host, address, range, policy: guard.policy } : null;
}
var DEFAULT_MAX_DOWNLOAD_MB = 8192;
var DEFAULT_NETWORK = {
  privateAddresses: "auto",
  allow: [],
  maxDownloadMb: DEFAULT_MAX_DOWNLOAD_MB
};
function networkGuard(settings, untrusted) {
  const n = settings ?? DEFAULT_NETWORK;
  const allow = new BlockList();
  for (const entry of n.allow) {
    const [net, bits] = entry.split("/");
    const type = isIP(net) === 6 ? "ipv6" : "ipv4";
    if (bits === void 0) allow.addAddress(net, type);
    else allow.addSubnet(net, Number(bits), type);
  }
  const publicOnly = n.privateAddresses === "refuse" || n.privateAddresses === "auto" && untrusted !== null;
  const policy = n.privateAddresses === "refuse" ? { rule: "refuse" } : { rule: "untrusted-event", event: untrusted };
  return { publicOnly, policy, allow, maxTotalBytes: n.maxDownloadMb * 1024 * 1024 };
}
function validAllowEntry(entry) {
  const [net, bits, extra] = entry.split("/");
  const family = isIP(net);
  if (!family || extra !== void 0) return false;
  if (bits === void 0) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

export {
  refusal,
  refusalOf,
  DEFAULT_MAX_DOWNLOAD_MB,
  networkGuard,
  validAllowEntry
};
