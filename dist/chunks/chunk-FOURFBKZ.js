import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  daysLeft,
  plural
} from "./chunk-W6PAKI37.js";
import {
  findingSentence
} from "./chunk-HPOGBE72.js";

// src/report/inventory/dn.ts
var ATTRIBUTE_START = /^\s*([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)=/;
function parseDn(dn) {
  const parts = [];
  let current = "";
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i];
    if (ch === "\\" && i + 1 < dn.length) {
      current += ch + dn[i + 1];
      i++;
      continue;
    }
    if ((ch === "," || ch === "+") && ATTRIBUTE_START.test(dn.slice(i + 1))) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  if (current !== "") parts.push(current);
  const out = [];
  for (const part of parts) {
    const m = ATTRIBUTE_START.exec(part);
    if (!m) continue;
    out.push({ type: m[1], value: unescapeValue(part.slice(m[0].length).trim()) });
  }
  return out;
}
function unescapeValue(v) {
  return v.replace(
    /\\([0-9A-Fa-f]{2}|.)/g,
    (_, e) => e.length === 2 ? String.fromCharCode(parseInt(e, 16)) : e
  );
}
function dnAttribute(dn, type) {
  let found = null;
  for (const a of parseDn(dn)) if (a.type.toUpperCase() === type.toUpperCase()) found = a.value;
  return found;
}
function caLabel(cn, o, dn) {
  if (cn && o) return cn.toLowerCase().includes(o.toLowerCase()) ? cn : `${cn} (${o})`;
  return cn || o || dn || "(unnamed CA)";
}
function caLabelFromDn(dn) {
  return caLabel(dnAttribute(dn, "CN"), dnAttribute(dn, "O"), dn);
}

// src/findings/severity.ts
var RANK = { error: 0, warning: 1, notice: 2 };
function severityRank(s) {
  return RANK[s];
}

// src/report/inventory/certificate-facts.ts
function isActive(f) {
  return !f.ignored;
}
function certificateNames(c) {
  const names = /* @__PURE__ */ new Set();
  if (c.subjectCN) names.add(c.subjectCN.toLowerCase());
  for (const s of c.sans) names.add(s.toLowerCase());
  return names;
}
function issuingCa(c) {
  return caLabel(c.issuerCN, c.issuerO, c.issuer);
}
function keyLabel(k) {
  if (k.curve) return `${k.algorithm} ${k.curve}`;
  if (k.size !== void 0 && !/^Ed\d+$/i.test(k.algorithm)) return `${k.algorithm} ${k.size}`;
  return k.algorithm;
}
function daysLeft2(c, now) {
  return daysLeft(c.notAfter, now);
}
function worstActiveFinding(c) {
  let worst = null;
  for (const f of c.findings) {
    if (!isActive(f)) continue;
    if (!worst || severityRank(f.severity) < severityRank(worst.severity)) worst = f;
  }
  return worst;
}
function statusId(c) {
  return worstActiveFinding(c)?.id ?? "ok";
}
function isFailing(c) {
  return c.findings.some((f) => isActive(f) && f.severity === "error");
}
function statusClass(c) {
  if (isFailing(c)) return "fail";
  return c.findings.some((f) => isActive(f) && f.severity === "warning") ? "warn" : "ok";
}
function statusCounts(certs) {
  const counts = { fail: 0, warn: 0, ok: 0 };
  for (const c of certs) counts[statusClass(c)]++;
  return counts;
}
function locationText(l) {
  return l.type === "file" ? `${l.path}:${l.line}` : `${l.host.includes(":") ? `[${l.host}]` : l.host}:${l.port}`;
}
function locationKey(l) {
  return l.type === "file" ? `file\0${l.path}\0${l.line}\0${l.detail ?? ""}` : `endpoint\0${l.host}\0${l.port}\0${l.address ?? ""}`;
}
function isoDate(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}

// src/report/inventory/group.ts
var GROUPING_KEYS = ["folder", "issuer", "root", "owner", "key"];
var NO_OWNER = "(no owner)";
var ROOT_NOT_SEEN = "(root not seen)";
var ENDPOINTS_GROUP = "(endpoints)";
var NO_LOCATION_GROUP = "(no location)";
function groupBy(report, by) {
  if (by === "folder") return groupByFolder(report.certificates);
  const keyOf = groupKeyFunction(report, by);
  const buckets = /* @__PURE__ */ new Map();
  for (const c of report.certificates) {
    const k = keyOf(c);
    const list = buckets.get(k);
    if (list) list.push(c);
    else buckets.set(k, [c]);
  }
  return [...buckets].map(([key, certs]) => summariseGroup(key, certs)).sort(biggestFirst);
}
function groupKeyFunction(report, by) {
  switch (by) {
    case "issuer":
      return issuingCa;
    case "owner":
      return (c) => c.owner ?? NO_OWNER;
    case "key":
      return (c) => keyLabel(c.key);
    case "root": {
      const rootOf = rootFinder(report.certificates);
      return rootOf;
    }
  }
}
function folderOf(l) {
  if (l.type !== "file") return ENDPOINTS_GROUP;
  const cut = l.path.lastIndexOf("/");
  return cut < 0 ? "." : l.path.slice(0, cut);
}
var FOLDER_ORDER = new Intl.Collator("en", { numeric: true });
function groupByFolder(certs) {
  const buckets = /* @__PURE__ */ new Map();
  const add = (key, c, place) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, b = { certs: /* @__PURE__ */ new Set(), places: /* @__PURE__ */ new Set() });
    b.certs.add(c);
    if (place !== void 0) b.places.add(place);
  };
  for (const c of certs) {
    if (!c.locations.length) add(NO_LOCATION_GROUP, c);
    for (const l of c.locations) add(folderOf(l), c, locationKey(l));
  }
  const last = (k) => k === ENDPOINTS_GROUP || k === NO_LOCATION_GROUP ? 1 : 0;
  return [...buckets].map(([key, b]) => ({ ...summariseGroup(key, [...b.certs]), locations: b.places.size })).sort((a, b) => last(a.key) - last(b.key) || FOLDER_ORDER.compare(a.key, b.key));
}
function summariseGroup(key, certs) {
  const places = /* @__PURE__ */ new Set();
  const owners = /* @__PURE__ */ new Set();
  let earliest = null;
  let failing = 0;
  for (const c of certs) {
    for (const l of c.locations) places.add(locationKey(l));
    if (c.owner) for (const o of c.owner.split(", ")) owners.add(o);
    if (earliest === null || Date.parse(c.notAfter) < Date.parse(earliest)) earliest = c.notAfter;
    if (isFailing(c)) failing++;
  }
  return {
    key,
    certificates: certs.length,
    locations: places.size,
    earliestExpiry: earliest,
    owners: [...owners].sort(),
    failing
  };
}
function biggestFirst(a, b) {
  return b.certificates - a.certificates || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
function rootFinder(certs) {
  const bySubject = /* @__PURE__ */ new Map();
  for (const c of certs) {
    const list = bySubject.get(c.subject);
    if (list) list.push(c);
    else bySubject.set(c.subject, [c]);
  }
  const memo = /* @__PURE__ */ new Map();
  const walk = (start) => {
    let current = start;
    const seen = /* @__PURE__ */ new Set([current.fingerprint]);
    const path = [];
    for (; ; ) {
      if (current.subject === current.issuer) return finish(path, caLabelFromSelf(current));
      const cached = memo.get(current.issuer);
      if (cached !== void 0) return finish(path, cached);
      path.push(current.issuer);
      const parents = (bySubject.get(current.issuer) ?? []).filter((p) => !seen.has(p.fingerprint));
      const parent = parents.find((p) => p.subject === p.issuer) ?? parents.find((p) => p.isCA) ?? parents[0];
      if (!parent) return finish(path, `${caLabelFromDn(current.issuer)} ${ROOT_NOT_SEEN}`);
      seen.add(parent.fingerprint);
      current = parent;
    }
  };
  const finish = (path, root) => {
    for (const issuer of path) memo.set(issuer, root);
    return root;
  };
  return walk;
}
function caLabelFromSelf(c) {
  return caLabelFromDn(c.subject);
}
function concentration(report) {
  const exposed = { ...report, certificates: report.certificates.filter((c) => c.role !== "root") };
  const unowned = /* @__PURE__ */ new Map();
  for (const c of exposed.certificates) if (!c.owner) unowned.set(issuingCa(c), (unowned.get(issuingCa(c)) ?? 0) + 1);
  return groupBy(exposed, "issuer").map((g) => concentrationLine(g, unowned.get(g.key) ?? 0));
}
function concentrationLine(g, withoutOwner) {
  const owners = g.owners.length > 0 ? `owners ${g.owners.join(", ")}` : "no owners recorded";
  const unowned = withoutOwner > 0 && g.owners.length > 0 ? ` (+${withoutOwner} without an owner)` : "";
  return `If ${g.key} revoked everything today: ${plural(g.certificates, "certificate")} at ${plural(g.locations, "location")}, ${owners}${unowned}`;
}

// src/report/inventory/drift.ts
function findDrift(report) {
  return [...repoVersusEndpoint(report.certificates), ...addressesDiffer(report)];
}
function isLeafLike(c) {
  return c.role === "leaf" && !c.isCA;
}
function repoVersusEndpoint(certs) {
  const files = [];
  const served = [];
  for (const c of certs) {
    if (!isLeafLike(c)) continue;
    for (const l of c.locations) {
      if (l.type === "file") files.push({ cert: c, location: l });
      else if ((l.chainIndex ?? 0) === 0) served.push({ cert: c, location: l });
    }
  }
  const filesByName = /* @__PURE__ */ new Map();
  const add = (k, f) => {
    const list = filesByName.get(k);
    if (list) list.push(f);
    else filesByName.set(k, [f]);
  };
  for (const f of files) {
    for (const n of certificateNames(f.cert)) add(`name:${n}`, f);
    add(`subject:${f.cert.subject}`, f);
  }
  const items = [];
  const reported = /* @__PURE__ */ new Set();
  for (const s of served) {
    const probed = (s.location.servername ?? s.location.host).toLowerCase();
    const keys = [
      `name:${probed}`,
      ...[...certificateNames(s.cert)].map((n) => `name:${n}`),
      `subject:${s.cert.subject}`
    ];
    const candidates = /* @__PURE__ */ new Map();
    for (const k of keys)
      for (const f of filesByName.get(k) ?? [])
        candidates.set(`${f.cert.fingerprint}@${f.location.path}:${f.location.line}`, f);
    if (candidates.size === 0) continue;
    if ([...candidates.values()].some((f) => f.cert.fingerprint === s.cert.fingerprint)) continue;
    const newest = [...candidates.values()].sort(newestFirst)[0];
    const id = `${newest.cert.fingerprint}|${s.cert.fingerprint}|${s.location.host}:${s.location.port}`;
    if (reported.has(id)) continue;
    reported.add(id);
    const name = sharedName(probed, newest.cert, s.cert);
    items.push(verdictFor(name, newest, s));
  }
  return items;
}
function newestFirst(a, b) {
  return issuedOrder(b.cert, a.cert);
}
function issuedOrder(x, y) {
  return Date.parse(x.notBefore) - Date.parse(y.notBefore) || Date.parse(x.notAfter) - Date.parse(y.notAfter);
}
function sharedName(probed, file, served) {
  const fileNames = certificateNames(file);
  if (fileNames.has(probed)) return probed;
  for (const n of certificateNames(served)) if (fileNames.has(n)) return n;
  return file.subject;
}
function verdictFor(name, f, s) {
  const file = {
    fingerprint: f.cert.fingerprint,
    path: f.location.path,
    line: f.location.line,
    notBefore: f.cert.notBefore,
    notAfter: f.cert.notAfter
  };
  const endpoint = {
    host: s.location.host,
    port: s.location.port,
    fingerprint: s.cert.fingerprint,
    ...s.location.address !== void 0 ? { address: s.location.address } : {},
    notBefore: s.cert.notBefore,
    notAfter: s.cert.notAfter
  };
  const where = locationText(f.location);
  const at = locationText(s.location) + (s.location.address ? ` (${s.location.address})` : "");
  const fileSide = `${where} holds one issued ${isoDate(f.cert.notBefore)} (expires ${isoDate(f.cert.notAfter)})`;
  const servedSide = `${at} serves one issued ${isoDate(s.cert.notBefore)} (expires ${isoDate(s.cert.notAfter)})`;
  if (issuedOrder(f.cert, s.cert) > 0) {
    return {
      name,
      verdict: "renewed-not-deployed",
      file,
      endpoint,
      message: `${name}: renewed in the repo but not deployed \u2014 ${fileSide}; ${servedSide}`
    };
  }
  return {
    name,
    verdict: "repo-copy-stale",
    file,
    endpoint,
    message: `${name}: deployed but the repo copy is stale \u2014 ${servedSide}; ${fileSide}`
  };
}
function addressesDiffer(report) {
  const byEndpoint = /* @__PURE__ */ new Map();
  for (const c of report.certificates) {
    if (!isLeafLike(c)) continue;
    for (const l of c.locations) {
      if (l.type !== "endpoint" || (l.chainIndex ?? 0) !== 0 || l.address === void 0) continue;
      const k = `${l.host.toLowerCase()}:${l.port}`;
      let e = byEndpoint.get(k);
      if (!e) byEndpoint.set(k, e = { host: l.host, port: l.port, byAddress: /* @__PURE__ */ new Map() });
      e.byAddress.set(l.address, c);
    }
  }
  const items = [];
  const covered = /* @__PURE__ */ new Set();
  for (const [k, e] of byEndpoint) {
    const fingerprints = new Set([...e.byAddress.values()].map((c) => c.fingerprint));
    if (fingerprints.size < 2) continue;
    covered.add(k);
    const addresses = [...e.byAddress].map(([address, c]) => ({ address, fingerprint: c.fingerprint, notBefore: c.notBefore, notAfter: c.notAfter })).sort((a, b) => a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
    const detail = addresses.map((a) => `${a.address} serves one expiring ${isoDate(a.notAfter)}`).join("; ");
    const where = locationText({ type: "endpoint", host: e.host, port: e.port, protocol: "tls" });
    items.push({
      name: e.host,
      verdict: "addresses-differ",
      endpoint: { host: e.host, port: e.port, addresses },
      message: `${where}: its addresses serve ${fingerprints.size} different certificates \u2014 ${detail}`
    });
  }
  const findings = [...report.certificates.flatMap((c) => c.findings), ...report.problems];
  for (const f of findings) {
    if (f.id !== "address-drift" || f.ignored) continue;
    const l = f.location;
    const host = l?.type === "endpoint" ? l.host : void 0;
    const k = l?.type === "endpoint" ? `${l.host.toLowerCase()}:${l.port}` : `message:${findingSentence(f, report.run.now)}`;
    if (covered.has(k)) continue;
    covered.add(k);
    items.push({
      name: host ?? "(endpoint)",
      verdict: "addresses-differ",
      ...l?.type === "endpoint" ? { endpoint: { host: l.host, port: l.port } } : {},
      message: findingSentence(f, report.run.now)
    });
  }
  return items;
}
function hasEndpoints(report) {
  return !!report.endpoints?.length || report.certificates.some((c) => c.locations.some((l) => l.type === "endpoint"));
}

// src/report/inventory/forecast.ts
var FORECAST_MONTHS = 12;
function expiryForecast(report, months = FORECAST_MONTHS) {
  const now = new Date(report.run.now);
  const buckets = [
    { label: "expired", from: null, to: now.toISOString(), certificates: 0, fingerprints: [], failing: 0 }
  ];
  let start = now;
  for (let i = 0; i < months; i++) {
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1));
    buckets.push({
      label: start.toISOString().slice(0, 7),
      from: start.toISOString(),
      to: end.toISOString(),
      certificates: 0,
      fingerprints: [],
      failing: 0
    });
    start = end;
  }
  buckets.push({ label: "later", from: start.toISOString(), to: null, certificates: 0, fingerprints: [], failing: 0 });
  for (const c of report.certificates) {
    const t = Date.parse(c.notAfter);
    const b = t <= now.getTime() ? buckets[0] : buckets.find((x, i) => i > 0 && (x.to === null || t < Date.parse(x.to)));
    b.certificates++;
    b.fingerprints.push(c.fingerprint);
    if (isFailing(c)) b.failing++;
  }
  return buckets;
}

// src/report/inventory/inventory.ts
function buildInventory(report) {
  return {
    groups: {
      issuer: groupBy(report, "issuer"),
      root: groupBy(report, "root"),
      owner: groupBy(report, "owner"),
      key: groupBy(report, "key")
    },
    concentration: concentration(report),
    drift: findDrift(report),
    forecast: expiryForecast(report)
  };
}

export {
  severityRank,
  parseDn,
  isActive,
  issuingCa,
  keyLabel,
  daysLeft2 as daysLeft,
  statusId,
  isFailing,
  statusClass,
  statusCounts,
  locationText,
  isoDate,
  GROUPING_KEYS,
  groupBy,
  hasEndpoints,
  buildInventory
};
