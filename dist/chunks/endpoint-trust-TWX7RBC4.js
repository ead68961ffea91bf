import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  forgetX509,
  judgeChain,
  rememberX509
} from "./chunk-4JGJ5N6R.js";
import {
  displayName
} from "./chunk-753U3B2Y.js";
import "./chunk-DDCI7ZLU.js";

// src/checks/address-drift.ts
function served(group) {
  const leaf = group[0].leaf;
  return {
    addresses: group.map((g) => g.address),
    name: displayName(leaf),
    fingerprint: leaf.fingerprint,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString()
  };
}
function addressDrift(endpoint, leaves) {
  const groups = /* @__PURE__ */ new Map();
  for (const s of leaves) groups.set(s.leaf.fingerprint, [...groups.get(s.leaf.fingerprint) ?? [], s]);
  if (groups.size < 2) return [];
  const newest = Math.max(...leaves.map((s) => s.leaf.notBefore.getTime()));
  const current = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() === newest);
  const stale = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() !== newest);
  if (stale.length === 0) {
    return [
      {
        id: "address-drift",
        severity: "error",
        detail: { kind: "address-drift", endpoint, stale: [], current: [...groups.values()].map(served) },
        location: leaves[0].location
      }
    ];
  }
  return [
    {
      id: "address-drift",
      severity: "error",
      detail: { kind: "address-drift", endpoint, stale: stale.map(served), current: current.map(served) },
      fingerprint: stale[0][0].leaf.fingerprint,
      location: stale[0][0].location
    }
  ];
}

// src/checks/endpoint-trust.ts
var judgeServedChain = (s) => {
  s.records.forEach((rec, i) => {
    if (rec && s.peer[i]) rememberX509(rec, s.peer[i]);
  });
  const verdict = s.records[0] ? judgeChain(s.records, {
    anchors: s.anchors,
    name: s.name,
    now: s.now,
    authorized: s.authorized,
    authorizationError: s.authorizationError
  }) : void 0;
  for (const r of s.records) if (r) forgetX509(r);
  return verdict;
};
function endpointTrustFindings(judged) {
  const out = [];
  const byTarget = /* @__PURE__ */ new Map();
  for (const j of judged) {
    if (!j.verdict.trusted) {
      out.push({
        id: "untrusted-chain",
        severity: "error",
        detail: {
          kind: "untrusted-chain",
          endpoint: j.at,
          problem: j.verdict.problem,
          cause: j.verdict.cause
        },
        fingerprint: j.leaf.fingerprint,
        location: j.location
      });
    }
    if (!j.verdict.hostname.ok) {
      out.push({
        id: "hostname-mismatch",
        severity: "error",
        detail: {
          kind: "hostname-mismatch",
          endpoint: j.at,
          cause: j.verdict.hostname.cause
        },
        fingerprint: j.leaf.fingerprint,
        location: j.location
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
export {
  endpointTrustFindings,
  judgeServedChain
};
