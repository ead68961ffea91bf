import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  forgetX509,
  judgeChain,
  rememberX509
} from "./chunk-7VIG3ZAW.js";
import {
  displayName
} from "./chunk-KD2KQZFI.js";
import "./chunk-DDCI7ZLU.js";

// src/checks/address-drift.ts
function day(d) {
  return d.toISOString().slice(0, 10);
}
function describe(group) {
  const leaf = group[0].leaf;
  return `${group.map((g) => g.address).join(", ")} (serves "${displayName(leaf)}" ${leaf.fingerprint.slice(0, 23)}\u2026, notBefore ${day(leaf.notBefore)}, notAfter ${day(leaf.notAfter)})`;
}
function addressDrift(endpoint, served) {
  const groups = /* @__PURE__ */ new Map();
  for (const s of served) groups.set(s.leaf.fingerprint, [...groups.get(s.leaf.fingerprint) ?? [], s]);
  if (groups.size < 2) return [];
  const newest = Math.max(...served.map((s) => s.leaf.notBefore.getTime()));
  const current = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() === newest);
  const stale = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() !== newest);
  if (stale.length === 0) {
    return [
      {
        id: "address-drift",
        severity: "error",
        message: `${endpoint}: addresses serve different certificates issued at the same time: ${[...groups.values()].map(describe).join("; ")}`,
        location: served[0].location
      }
    ];
  }
  const staleAddresses = stale.flat().map((s) => s.address);
  return [
    {
      id: "address-drift",
      severity: "error",
      message: `${endpoint}: addresses serve different certificates; stale: ${stale.map(describe).join("; ")}; current: ${current.map(describe).join("; ")}. Replace the certificate on ${staleAddresses.join(", ")}.`,
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
        message: `${j.label}: certificate chain is not trusted: ${j.verdict.reason}`,
        fingerprint: j.leaf.fingerprint,
        location: j.location
      });
    }
    if (!j.verdict.hostname.ok) {
      out.push({
        id: "hostname-mismatch",
        severity: "error",
        message: `${j.label}: hostname mismatch: ${j.verdict.hostname.reason}`,
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
