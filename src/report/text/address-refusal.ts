// The network policy's refusal (net/address-policy.ts AddressRefusal) in words:
// the one place "not contacted: …" is written, for endpoints and fetches alike.
import type { AddressRefusal, NotPublicRange, PolicyRule, UntrustedEvent } from '../../net/address-policy.js';

/** Each range as "a … address" names it (IANA's special-purpose registries, RFC 6890). */
const RANGE_WORDS: Record<NotPublicRange, string> = {
  'this-network': '"this network"',
  private: 'private (RFC 1918)',
  'carrier-grade-nat': 'carrier-grade NAT (RFC 6598)',
  loopback: 'loopback',
  'ipv4-link-local': 'link-local (cloud metadata lives here)',
  'link-local': 'link-local',
  'ietf-protocol': 'IETF protocol assignments',
  documentation: 'documentation',
  '6to4-relay': '6to4 relay',
  benchmarking: 'benchmarking',
  multicast: 'multicast',
  reserved: 'reserved',
  unspecified: 'unspecified',
  discard: 'discard',
  orchid: 'ORCHID',
  'unique-local': 'unique-local',
  'site-local': 'site-local',
  'not-an-ip': 'not an IP address',
};

/** "not contacted: db.example resolves to 10.0.0.5, a private (RFC 1918) address, on a pull request from the fork o/s (…)". */
export function addressRefusal(r: AddressRefusal): string {
  const what =
    r.reason === 'not-public'
      ? `${r.host === r.address ? r.address : `${r.host} resolves to ${r.address}`}, a ${RANGE_WORDS[r.range]} address`
      : `${r.host} could not be resolved to check that it is public (${r.code})`;
  // Every refusal starts with "not contacted", so reports and tests can tell it from a failure.
  return `not contacted: ${what}, ${policyRule(r.policy)}`;
}

/** Why only public addresses are contacted: 'as network.private-addresses is "refuse"', "on <event> (…)". */
export function policyRule(p: PolicyRule): string {
  return p.rule === 'refuse'
    ? 'as network.private-addresses is "refuse"'
    : `on ${untrustedEvent(p.event)} (only public addresses are contacted there)`;
}

/** "a pull request from the fork octo/site". */
function untrustedEvent(e: UntrustedEvent | null): string {
  if (!e) return 'this event';
  return e.kind === 'fork-pull-request'
    ? `a pull request from the fork ${e.fork}`
    : 'a pull request whose head repository is unknown (a deleted fork?)';
}

/** The run's progress line when the policy applies: "network: only public addresses are contacted on …". */
export function publicOnlyNotice(p: PolicyRule): string {
  const why = p.rule === 'refuse' ? policyRule(p) : `on ${untrustedEvent(p.event)}`;
  return `network: only public addresses are contacted ${why}`;
}
