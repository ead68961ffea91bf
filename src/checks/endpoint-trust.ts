// Judging what endpoints served: chain trust and hostname (checks/chain.ts,
// checks/hostname.ts) and, for endpoints probed at every address, whether the
// addresses agree (address-drift.ts). The endpoint source records what each
// server sent and calls `judgeServedChain` as each probe ends — so judging
// overlaps other probes' network waits and Node's certificate objects can be
// dropped at once — and this module turns the recorded verdicts into findings.
import type { X509Certificate } from 'node:crypto';
import type { CertificateRecord, EndpointLocation, Finding } from '../types.js';
import type { EndpointRef } from '../findings/finding-detail.js';
import { addressDrift, type AddressLeaf } from './address-drift.js';
import { forgetX509, judgeChain, rememberX509, type ChainVerdict, type TrustAnchors } from './chain.js';

/** What one server sent at one address, as the endpoint source hands it over. */
export interface ServedChain {
  /** the served chain in order, undefined where a certificate did not parse */
  records: (CertificateRecord | undefined)[];
  /** Node's objects for the same certificates (signature checks reuse them) */
  peer: X509Certificate[];
  anchors: TrustAnchors;
  /** the name the certificate must cover */
  name: string;
  now: Date;
  /** OpenSSL's own verdict, as Node reported it */
  authorized?: boolean;
  authorizationError?: string;
}

export type ServedChainJudge = (served: ServedChain) => ChainVerdict | undefined;

/** The verdict on one served chain (undefined when its leaf did not parse). */
export const judgeServedChain: ServedChainJudge = (s) => {
  s.records.forEach((rec, i) => {
    if (rec && s.peer[i]) rememberX509(rec, s.peer[i]);
  });
  const verdict = s.records[0]
    ? judgeChain(s.records, {
        anchors: s.anchors,
        name: s.name,
        now: s.now,
        authorized: s.authorized,
        authorizationError: s.authorizationError,
      })
    : undefined;
  // Native certificate objects are ~2 KB each and no longer needed: keep memory flat over thousands of probes.
  for (const r of s.records) if (r) forgetX509(r);
  return verdict;
};

/** One judged leaf of one endpoint address, as the endpoint source recorded it. */
export interface JudgedEndpoint {
  targetId: string;
  /** the endpoint at the address probed (findings name it), and the endpoint itself (drift names it) */
  at: EndpointRef;
  endpoint: EndpointRef;
  /** set when the endpoint is probed at every address (drift is judged across them) */
  allAddresses: boolean;
  address?: string;
  leaf: CertificateRecord;
  location: EndpointLocation;
  verdict: ChainVerdict;
}

/** untrusted-chain and hostname-mismatch per address, address-drift per endpoint probed at every address. */
export function endpointTrustFindings(judged: JudgedEndpoint[]): Finding[] {
  const out: Finding[] = [];
  const byTarget = new Map<string, { endpoint: EndpointRef; leaves: AddressLeaf[] }>();
  for (const j of judged) {
    if (!j.verdict.trusted) {
      out.push({
        id: 'untrusted-chain',
        severity: 'error',
        detail: {
          kind: 'untrusted-chain',
          endpoint: j.at,
          problem: j.verdict.problem,
          cause: j.verdict.cause,
        },
        fingerprint: j.leaf.fingerprint,
        location: j.location,
      });
    }
    if (!j.verdict.hostname.ok) {
      out.push({
        id: 'hostname-mismatch',
        severity: 'error',
        detail: {
          kind: 'hostname-mismatch',
          endpoint: j.at,
          cause: j.verdict.hostname.cause,
        },
        fingerprint: j.leaf.fingerprint,
        location: j.location,
      });
    }
    if (j.allAddresses && j.address) {
      const group = byTarget.get(j.targetId) ?? { endpoint: j.endpoint, leaves: [] };
      group.leaves.push({ address: j.address, leaf: j.leaf, location: j.location });
      byTarget.set(j.targetId, group);
    }
  }
  for (const { endpoint, leaves } of byTarget.values()) out.push(...addressDrift(endpoint, leaves));
  return out;
}
