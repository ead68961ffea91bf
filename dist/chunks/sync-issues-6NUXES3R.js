import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  createClient,
  explainApiError,
  statusOf
} from "./chunk-62P7TP3C.js";
import {
  certificatePriority,
  completenessOf,
  issuesEnabled,
  needsOf,
  replacementFindings,
  userLogins,
  wouldAskForReplacement
} from "./chunk-X5AP4CDP.js";
import {
  parseCodeowners
} from "./chunk-CNY3A7YR.js";
import {
  decodePlaceKey,
  encodePlaceKey,
  placeKeyOf,
  samePlace
} from "./chunk-HH333CRM.js";
import {
  daysLeft,
  readableInstant
} from "./chunk-W6PAKI37.js";
import {
  findingSentence,
  mdCodeUntrusted,
  mdUntrusted,
  ownerMention,
  titleUntrusted
} from "./chunk-HPOGBE72.js";
import "./chunk-BSO42MW5.js";
import {
  isPullRequestEvent,
  runUrl,
  splitRepository
} from "./chunk-FVR4GWWV.js";
import "./chunk-ZIJ54FUI.js";
import "./chunk-TNHBLPBT.js";
import {
  displayName,
  shortFingerprint
} from "./chunk-753U3B2Y.js";
import "./chunk-DDCI7ZLU.js";

// src/github/body-limit.ts
var GITHUB_MAX_BODY_CHARS = 65536;
var NOTE_FITS_UNDER = GITHUB_MAX_BODY_CHARS - 536;
var MAX_BODY_CHARS = 6e4;

// src/github/issue-state.ts
var MAX_REMEMBERED_PLACES = 200;
var STATE_MARKER_RE = /<!--\s*certwatch:state ([A-Za-z0-9_-]+)\s*-->/;
function encodeState(s) {
  const wire = s.kind === "digest" ? { v: 1, f: [], l: [], o: [], s: "", d: s.listed } : {
    v: 1,
    f: s.findings.map(findingText),
    l: s.places.map((p) => ({
      k: encodePlaceKey(p.place),
      ...p.slot !== void 0 ? { n: p.slot } : {},
      ...p.subjectCN !== void 0 ? { cn: p.subjectCN } : {}
    })),
    ...s.placesCut ? { lt: true } : {},
    o: s.owners,
    s: s.firstReported
  };
  return `<!-- certwatch:state ${Buffer.from(JSON.stringify(wire)).toString("base64url")} -->`;
}
function readState(body) {
  const m = body ? STATE_MARKER_RE.exec(body) : null;
  if (!m || m[1].length > GITHUB_MAX_BODY_CHARS) return null;
  let wire;
  try {
    wire = JSON.parse(Buffer.from(m[1], "base64url").toString("utf8"));
  } catch {
    return null;
  }
  return fromWire(wire);
}
function digestEntry(fingerprint) {
  return fingerprint.slice("sha256:".length, "sha256:".length + 16);
}
function digestEntryNames(entry, fingerprint) {
  return fingerprint.toLowerCase().startsWith(`sha256:${entry}`);
}
function rememberFinding(f) {
  return { id: f.id, severity: f.severity === "error" ? "error" : "warning" };
}
function sameFinding(a, b) {
  return a.id === b.id && a.severity === b.severity;
}
function rememberPlaces(c) {
  const seen = /* @__PURE__ */ new Map();
  for (const loc of c.locations) {
    const place = placeKeyOf(loc);
    const key = encodePlaceKey(place);
    if (seen.has(key)) continue;
    const slot = loc.type === "file" ? loc.line : loc.chainIndex;
    seen.set(key, {
      place,
      ...slot !== void 0 ? { slot } : {},
      ...c.subjectCN ? { subjectCN: c.subjectCN } : {}
    });
  }
  const all = [...seen.values()];
  return { places: all.slice(0, MAX_REMEMBERED_PLACES), placesCut: all.length > MAX_REMEMBERED_PLACES };
}
function findingText(f) {
  return f.severity === "error" ? `${f.id}!` : f.id;
}
function fromWire(w) {
  if (!isRecord(w) || w.v !== 1) return null;
  const { f, l, lt, o, s, d } = w;
  if (!isStringArray(f) || !Array.isArray(l) || !isStringArray(o) || typeof s !== "string") return null;
  if (d !== void 0) {
    return isStringArray(d) && d.every((p) => /^[0-9a-f]{16}$/i.test(p)) ? { kind: "digest", listed: d } : null;
  }
  if (lt !== void 0 && typeof lt !== "boolean") return null;
  if (l.length > MAX_REMEMBERED_PLACES || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const findings = f.map(findingFromText);
  const places = l.map(placeFromWire);
  if (findings.some((x) => x === null) || places.some((x) => x === null)) return null;
  return {
    kind: "certificate",
    findings,
    places,
    placesCut: lt === true,
    owners: o,
    firstReported: s
  };
}
function findingFromText(t) {
  const error = t.endsWith("!");
  const id = error ? t.slice(0, -1) : t;
  return /^[a-z0-9-]+$/.test(id) ? { id, severity: error ? "error" : "warning" } : null;
}
function placeFromWire(p) {
  if (!isRecord(p) || typeof p.k !== "string") return null;
  const place = decodePlaceKey(p.k);
  const { n, cn } = p;
  if (!place) return null;
  if (n !== void 0 && !(typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) return null;
  if (cn !== void 0 && typeof cn !== "string") return null;
  return { place, ...n !== void 0 ? { slot: n } : {}, ...cn !== void 0 ? { subjectCN: cn } : {} };
}
function isRecord(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function isStringArray(x) {
  return Array.isArray(x) && x.every((e) => typeof e === "string");
}

// src/github/issue-body.ts
var MAX_LOCATIONS_SHOWN = 50;
var MAX_SANS_SHOWN = 20;
var DIGEST_MARKER = "<!-- certwatch:digest -->";
var FINGERPRINT_MARKER_RE = /<!--\s*certwatch:fingerprint=(sha256:[0-9a-f]{64})\s*-->/i;
var FOOTER_MARKER = "<!-- certwatch:footer -->";
function fingerprintMarker(fp) {
  return `<!-- certwatch:fingerprint=${fp.toLowerCase()} -->`;
}
function readMarker(body) {
  if (!body) return null;
  const first = firstLineAfterClosingNote(body.replace(/\r\n?/g, "\n"));
  const m = new RegExp(`^${FINGERPRINT_MARKER_RE.source}$`, "i").exec(first.trim());
  if (m) return { kind: "certificate", fingerprint: m[1].toLowerCase() };
  if (first.trim() === DIGEST_MARKER) return { kind: "digest" };
  return null;
}
function firstLineAfterClosingNote(body) {
  const lines = body.split("\n");
  let i = 0;
  if (lines[0] === "> [!NOTE]") {
    while (i < lines.length && lines[i].startsWith(">")) i++;
    while (i < lines.length && lines[i] === "") i++;
  }
  return lines[i] ?? "";
}
function stableBody(body) {
  if (!body) return "";
  return body.replace(/\r\n/g, "\n").replace(new RegExp(`${escapeRe(FOOTER_MARKER)}[^\\n]*`), "").trim();
}
function certificateTitle(c) {
  const ca = c.issuerCN || c.issuerO;
  const context = [ca, `expires ${c.notAfter.slice(0, 10)}`].filter(Boolean).join(", ");
  return truncate(titleUntrusted(`Replace certificate for ${displayName(c)} (${context})`), 250);
}
var DIGEST_TITLE = "Certificates that need replacement (certwatch digest)";
function renderCertificateBody(input, ctx) {
  for (const maxLocations of [MAX_LOCATIONS_SHOWN, 10, 1]) {
    const body = certificateBody(input, ctx, maxLocations);
    if (body.length <= MAX_BODY_CHARS) return body;
  }
  return hardTruncate(certificateBody(input, ctx, 1), ctx);
}
function certificateBody({ cert: c, active, owners, firstReported, ownersPending = false }, ctx, maxLocations) {
  const out = [
    fingerprintMarker(c.fingerprint),
    `## ${mdText(displayName(c))}: this certificate needs replacement`,
    ""
  ];
  out.push("### What is wrong", "");
  for (const f of active) {
    const since = sinceFor(f, c, firstReported);
    out.push(
      `- ${f.severity === "error" ? "\u274C" : "\u26A0\uFE0F"} **${f.id}** (${f.severity}): ${mdText(findingSentence(f, ctx.now))}${since ? ` \u2014 since ${since}` : ""}`
    );
  }
  out.push("", "### The certificate", "", "| | |", "|---|---|");
  out.push(`| Subject | ${cell(c.subject)} |`);
  if (c.sans.length) out.push(`| Names (SAN) | ${cell(listWithMore(c.sans, MAX_SANS_SHOWN))} |`);
  out.push(`| Issuer | ${cell(c.issuer)} |`);
  out.push(`| Serial | \`${cell(c.serialNumber)}\` |`);
  out.push(`| Fingerprint | \`${c.fingerprint}\` |`);
  out.push(`| Valid from | ${c.notBefore} |`);
  out.push(`| Expires | ${c.notAfter} (${daysLeftText(c.notAfter, ctx.now)}) |`);
  if (c.revocation.status === "revoked") {
    const how = [
      c.revocation.revokedAt && `at ${c.revocation.revokedAt}`,
      c.revocation.reason && `reason: ${c.revocation.reason}`,
      c.revocation.method && `via ${c.revocation.method}`
    ].filter(Boolean).join(", ");
    out.push(`| Revocation | **revoked**${how ? ` (${cell(how)})` : ""} |`);
  } else {
    out.push(`| Revocation | ${c.revocation.status}${c.revocation.method ? ` (${c.revocation.method})` : ""} |`);
  }
  if (c.renewal) {
    out.push(`| Renewal window (ARI) | ${c.renewal.windowStart} \u2192 ${c.renewal.windowEnd} |`);
    if (c.renewal.explanationURL) out.push(`| CA's explanation | ${cell(c.renewal.explanationURL)} |`);
  }
  out.push(
    `| Owner | ${owners.length ? ownerCell(owners, ownersPending) : "_none configured (set `owner:` in the config, or add a CODEOWNERS entry)_"} |`
  );
  out.push("", `### Where it is used (${c.locations.length})`, "");
  for (const loc of c.locations.slice(0, maxLocations)) out.push(`- ${locationLine(loc, ctx)}`);
  if (c.locations.length > maxLocations)
    out.push(
      `- \u2026and ${c.locations.length - maxLocations} more${ctx.runUrl ? ` \u2014 see the [run summary](${ctx.runUrl})` : ""}`
    );
  out.push("", "### How to fix", "");
  out.push("Issue a new certificate (or renew it), deploy it everywhere listed above, then check it locally:", "");
  out.push("```sh", verifyCommand(c, ctx), "```", "");
  out.push("This issue closes by itself when a run finds the new certificate in these places.");
  out.push(
    "",
    "---",
    footer(ctx),
    encodeState({
      kind: "certificate",
      findings: active.map(rememberFinding),
      ...rememberPlaces(c),
      owners: ownersPending ? [] : owners,
      firstReported
    })
  );
  return out.join("\n");
}
function renderDigestBody(rows, carried, ctx, opts) {
  const state = encodeState({
    kind: "digest",
    listed: [...rows.map((r) => digestEntry(r.cert.fingerprint)), ...carried]
  });
  const head = [DIGEST_MARKER, `## ${rows.length + carried.length} certificate(s) need replacement`, ""];
  if (opts.overflowOf !== void 0) {
    head.push(
      `These did not get an issue of their own because \`max-open\` (${opts.overflowOf}) issues are already open. They move to their own issue as others close.`,
      ""
    );
  }
  head.push("| Certificate | Problem | Expires | Days left | Where | Owner |", "|---|---|---|---|---|---|");
  const tail = [];
  if (carried.length) {
    tail.push(
      "",
      `Not checked in this run (partial run), kept from the previous one: ${carried.map((p) => `\`sha256:${p}\u2026\``).join(", ")}`
    );
  }
  tail.push("", "---", footer(ctx), state);
  let size = head.join("\n").length + tail.join("\n").length + 200;
  const lines = [];
  let shown = 0;
  for (const r of rows) {
    const c = r.cert;
    const where = c.locations.slice(0, 3).map((l) => locationLine(l, ctx).replace(/\|/g, "\\|")).join("<br>") + (c.locations.length > 3 ? `<br>\u2026and ${c.locations.length - 3} more` : "");
    const line = `| ${cell(displayName(c))}<br>\`${shortFingerprint(c.fingerprint)}\` | ${r.active.map((f) => `${f.severity === "error" ? "\u274C" : "\u26A0\uFE0F"} ${f.id}`).join(", ")} | ${c.notAfter.slice(0, 10)} | ${daysLeft(c.notAfter, ctx.now)} | ${where} | ${r.owners.length ? ownerCell(r.owners, opts.ownersPending ?? false) : "\u2014"} |`;
    if (size + line.length + 1 > MAX_BODY_CHARS) break;
    size += line.length + 1;
    lines.push(line);
    shown++;
  }
  if (shown < rows.length)
    lines.push("", `\u2026and ${rows.length - shown} more${ctx.runUrl ? ` \u2014 see the [run summary](${ctx.runUrl})` : ""}.`);
  const body = [...head, ...lines, ...tail].join("\n");
  return body.length <= MAX_BODY_CHARS ? body : hardTruncate(body, ctx);
}
function findingsSentence(active, now) {
  return active.map((f) => `**${f.id}** (${f.severity}): ${mdText(findingSentence(f, now))}`).join("; ");
}
function runLink(ctx) {
  return ctx.runUrl ? ` ([run](${ctx.runUrl}))` : "";
}
function daysLeftText(notAfter, now) {
  const d = daysLeft(notAfter, now);
  if (Date.parse(notAfter) < Date.parse(now))
    return d === 0 ? "expired within the last day" : `expired ${-d} day(s) ago`;
  return d === 0 ? "expires within a day" : `${d} day(s) left`;
}
function locationLine(loc, ctx) {
  if (loc.type === "file") {
    const text = `${loc.path}#L${loc.line}`;
    const link = ctx.sha ? `[\`${mdCode(text)}\`](${blobUrl(ctx, loc.path, loc.line)})` : `\`${mdCode(text)}\``;
    return `${link}${loc.detail ? ` (${mdText(loc.detail)})` : ""}`;
  }
  const parts = [
    loc.address && `address ${loc.address}`,
    loc.servername && loc.servername !== loc.host && `SNI ${loc.servername}`,
    loc.protocol,
    loc.chainIndex !== void 0 && loc.chainIndex > 0 && `chain position ${loc.chainIndex}`
  ].filter(Boolean);
  const declared = loc.configFile?.startsWith("(") ? " \u2014 declared in the workflow\u2019s `endpoints` input" : loc.configFile ? ` \u2014 declared in ${ctx.sha ? `[\`${mdCode(loc.configFile)}#L${loc.configLine ?? 1}\`](${blobUrl(ctx, loc.configFile, loc.configLine ?? 1)})` : `\`${mdCode(loc.configFile)}\``}` : "";
  return `endpoint \`${mdCode(`${loc.host}:${loc.port}`)}\`${parts.length ? ` (${mdText(parts.join(", "))})` : ""}${declared}`;
}
function blobUrl(ctx, path, line) {
  const p = path.split("/").map((seg) => encodeURIComponent(seg).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
  return `${ctx.serverUrl}/${ctx.repository}/blob/${ctx.sha}/${p}#L${line}`;
}
function verifyCommand(c, ctx) {
  const args = [];
  const files = [...new Set(c.locations.flatMap((l) => l.type === "file" ? [l.path] : []))];
  const endpoints = [...new Set(c.locations.flatMap((l) => l.type === "endpoint" ? [`${l.host}:${l.port}`] : []))];
  for (const f of files.slice(0, 5)) args.push(`--files ${shellQuote(f)}`);
  for (const e of endpoints.slice(0, 5)) args.push(`--endpoint ${shellQuote(e)}`);
  if (!args.length && ctx.configPath) args.push(`--config ${shellQuote(ctx.configPath)}`);
  return ["npx certwatch check", ...args].join(" ");
}
function sinceFor(f, c, firstReported) {
  if (f.id === "expired") return c.notAfter;
  if (f.id === "revoked" && c.revocation.revokedAt) return c.revocation.revokedAt;
  if (f.id === "renewal-window" && c.renewal) return c.renewal.windowStart;
  return firstReported ? `${firstReported} (first reported)` : "";
}
function footer(ctx) {
  const run = ctx.runUrl ? ` by [this run](${ctx.runUrl}) (its summary lists every certificate)` : "";
  return `${FOOTER_MARKER}<sub>Kept up to date by certwatch ${mdText(ctx.toolVersion)}${run}; report of ${readableInstant(ctx.generatedAt)}.</sub>`;
}
function hardTruncate(body, ctx) {
  const lines = body.split("\n");
  const first = lines[0];
  const last = lines[lines.length - 1];
  const note = `

\u2026cut to fit GitHub's issue size limit${ctx.runUrl ? ` \u2014 see the [run summary](${ctx.runUrl})` : ""}.
`;
  const room = MAX_BODY_CHARS - first.length - last.length - note.length - 2;
  return `${first}
${lines.slice(1, -1).join("\n").slice(0, Math.max(0, room))}${note}${last}`;
}
function listWithMore(items, max) {
  return items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", ");
}
function mdText(s) {
  return mdUntrusted(s);
}
function cell(s) {
  return mdUntrusted(s);
}
function ownerCell(owners, pending) {
  return pending ? owners.map((o) => `\`${mdCode(o)}\``).join(" ") : owners.map(ownerMention).join(" ");
}
function mdCode(s) {
  return mdCodeUntrusted(s);
}
function shellQuote(raw) {
  const s = mdCodeUntrusted(raw);
  return /^[\w./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function truncate(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/github/token-identity.ts
var DEFAULT_TOKEN_AUTHOR = "github-actions[bot]";
async function tokenIdentity(client, explicit, log) {
  const named = explicit?.trim().replace(/^@/, "");
  if (named) return { login: named, how: "the issue-author input" };
  try {
    const res = await client.graphql("query { viewer { login __typename } }");
    const login = res?.viewer?.login;
    if (typeof login === "string" && login) {
      const asAuthor = res.viewer?.__typename === "Bot" && !login.endsWith("[bot]") ? `${login}[bot]` : login;
      return { login: asAuthor, how: "the token's GraphQL viewer" };
    }
  } catch (err) {
    log.info(
      `issues: could not ask GitHub who the token is (${err?.message ?? err}); assuming ${DEFAULT_TOKEN_AUTHOR} \u2014 set the issue-author input if certwatch uses another token`
    );
    return { login: DEFAULT_TOKEN_AUTHOR, how: "the default token (assumed)" };
  }
  log.info(
    `issues: GitHub did not say who the token is; assuming ${DEFAULT_TOKEN_AUTHOR} \u2014 set the issue-author input if certwatch uses another token`
  );
  return { login: DEFAULT_TOKEN_AUTHOR, how: "the default token (assumed)" };
}
function sameLogin(a, b) {
  return !!a && a.toLowerCase() === b.toLowerCase();
}

// src/github/tracked-issue.ts
function carriesMarker(i) {
  return !i.pull_request && readMarker(i.body) !== null;
}
function asTracked(i, login, label) {
  if (i.pull_request) return null;
  if (!login || !sameLogin(i.user?.login, login)) return null;
  if (label !== null) {
    const labels = (i.labels ?? []).map((l) => typeof l === "string" ? l : l?.name);
    if (!labels.includes(label)) return null;
  }
  const marker = readMarker(i.body);
  if (!marker) return null;
  return {
    number: i.number,
    state: i.state === "closed" ? "closed" : "open",
    stateReason: i.state_reason ?? null,
    title: i.title,
    body: i.body ?? "",
    assignees: (i.assignees ?? []).map((a) => a.login),
    marker,
    // State is read only from our own issues, and only state of the issue's own kind counts.
    remembered: ofKind(readState(i.body), marker.kind)
  };
}
function ofKind(s, kind) {
  return s?.kind === kind ? s : null;
}
function certificateState(i) {
  return i.remembered?.kind === "certificate" ? i.remembered : null;
}
function digestState(i) {
  return i.remembered?.kind === "digest" ? i.remembered : null;
}
function trackingKey(i) {
  return i.marker.kind === "digest" ? "digest" : i.marker.fingerprint;
}

// src/github/issue-plan.ts
function planIssueSync(input) {
  return new Planner(input).plan();
}
var Planner = class {
  constructor(input) {
    this.input = input;
    this.today = input.render.now.slice(0, 10);
  }
  input;
  actions = [];
  today;
  plan() {
    const { report, settings } = this.input;
    const needs = needsOf(report, this.input.codeowners);
    const groups = /* @__PURE__ */ new Map();
    for (const i of this.input.tracked) {
      const key = trackingKey(i);
      groups.set(key, [...groups.get(key) ?? [], i]);
    }
    const open = /* @__PURE__ */ new Map();
    const closed = /* @__PURE__ */ new Map();
    for (const [key, group] of groups) {
      const opened = group.filter((i) => i.state === "open");
      if (opened.length) open.set(key, opened[0]);
      for (const dup of opened.slice(1)) this.closeDuplicate(dup, opened[0]);
      const shut = group.filter((i) => i.state === "closed");
      const best = shut.find((i) => i.stateReason !== "not_planned") ?? shut[0];
      if (best) closed.set(key, best);
    }
    const completeness = completenessOf(report, this.input.scopeFiles);
    let openAfter = 0;
    for (const [key, issue] of open) {
      if (key === "digest") continue;
      const need = needs.get(key);
      if (need) {
        openAfter++;
        this.refresh(issue, need);
        continue;
      }
      const decision = this.resolveOpen(key, issue, completeness);
      if (decision.close) this.close(issue, decision.comment);
      else {
        openAfter++;
        this.actions.push({ kind: "keep-open", issue: issue.number, key, why: decision.why });
      }
    }
    const perCertificate = settings.mode === "per-certificate";
    const waiting = [...needs.values()].filter((n) => !open.has(n.fp)).sort(certificatePriority);
    let room = perCertificate ? Math.max(0, settings.maxOpen - openAfter) : 0;
    const overflow = [];
    for (const need of waiting) {
      if (room <= 0) {
        overflow.push(need);
        continue;
      }
      room--;
      const previous = closed.get(need.fp);
      if (previous) this.reopen(previous, need);
      else this.create(need);
    }
    if (overflow.length && perCertificate) {
      this.actions.push({
        kind: "warn",
        message: `issues: max-open (${settings.maxOpen}) reached; ${overflow.length} more certificate(s) listed in the digest issue`
      });
    }
    const digestRows = perCertificate ? overflow : [...needs.values()].sort(certificatePriority);
    this.digest(digestRows, open.get("digest"), closed.get("digest"), completeness, perCertificate);
    return this.actions;
  }
  /**
   * Closing rule for an open issue whose certificate no longer needs replacement:
   * - seen in this run and now fine (or ignored) → close, unless the check that
   *   raised the issue could not run this time (revocation unknown after
   *   "revoked", no ARI answer after "renewal-window") — an outage is not a fix;
   * - not seen → look at each place it was used. A place that now holds a
   *   different certificate was checked and shows the replacement. A place with
   *   nothing there counts as gone only in a complete run and only when no
   *   problem (unreachable, unparseable, not-checked) was reported for it.
   *   Close only when every place is replaced or gone; anything merely not
   *   seen keeps the issue open, untouched.
   */
  resolveOpen(fp, issue, completeness) {
    const { report, render } = this.input;
    const prev = certificateState(issue);
    const cert = report.certificates.find((c) => c.fingerprint.toLowerCase() === fp);
    if (cert) {
      const had = (id) => prev?.findings.some((f) => f.id === id) ?? false;
      if (had("revoked") && cert.revocation.status !== "good" && cert.revocation.status !== "revoked")
        return { close: false, why: `revocation status is ${cert.revocation.status} in this run` };
      if (had("renewal-window") && !cert.renewal)
        return { close: false, why: "no renewal information (ARI) in this run" };
      const ignored = cert.findings.filter((f) => f.ignored && wouldAskForReplacement(f));
      const why = ignored.length ? `it is now ignored by the config${ignored[0].ignored?.reason ? ` ("${mdUntrusted(ignored[0].ignored.reason)}")` : ""}${ignored[0].ignored?.until ? ` until ${mdUntrusted(ignored[0].ignored.until)}` : ""}` : "it no longer needs replacement (no expiry, revocation or renewal problem in this run)";
      return { close: true, comment: `Resolved: ${why}. Closing${runLink(render)}.` };
    }
    if (!prev || prev.places.length === 0) {
      return completeness.complete ? {
        close: true,
        comment: `Resolved: this certificate was not found anywhere in a complete run. Closing${runLink(render)}.`
      } : { close: false, why: `not seen, and ${completeness.why}` };
    }
    const lines = [];
    for (const remembered of prev.places) {
      const seen = this.inspect(remembered, completeness);
      if (seen.kind === "unseen")
        return { close: false, why: `${encodePlaceKey(remembered.place)} not checked: ${seen.why}` };
      lines.push(`- ${seen.text}`);
    }
    if (prev.placesCut && !completeness.complete)
      return { close: false, why: `it had more places than the issue remembers, and ${completeness.why}` };
    return {
      close: true,
      comment: [
        `Resolved: the certificate \`${shortFingerprint(fp)}\` is no longer used where it was:`,
        "",
        ...lines,
        "",
        `Closing${runLink(render)}. certwatch reopens this issue if the certificate comes back.`
      ].join("\n")
    };
  }
  inspect({ place: key, slot: wasAt, subjectCN }, completeness) {
    const { report } = this.input;
    const isHere = (l) => samePlace(l, key);
    const here = report.certificates.filter((c) => c.locations.some(isHere));
    const place = key.type === "endpoint" ? `endpoint \`${mdCodeUntrusted(`${key.host}:${key.port}`)}\`` : `\`${mdCodeUntrusted(key.path)}\``;
    if (here.length) {
      const at = (c) => c.locations.find(isHere);
      const slot = (c) => {
        const l = at(c);
        return l?.type === "file" ? l.line : l?.chainIndex;
      };
      const by = here.find((c) => wasAt !== void 0 && slot(c) === wasAt) ?? here.find((c) => subjectCN !== void 0 && c.subjectCN === subjectCN) ?? here.find((c) => c.role === "leaf") ?? here[0];
      return {
        kind: "replaced",
        text: `${place}: replaced by \`${by.fingerprint}\` (${mdUntrusted(displayName(by))}) expiring ${by.notAfter}`
      };
    }
    const problem = report.problems.find((p) => p.location && isHere(p.location));
    if (problem) return { kind: "unseen", why: `${problem.id}: ${findingSentence(problem, report.run.now)}` };
    if (!completeness.complete) return { kind: "unseen", why: completeness.why };
    return {
      kind: "gone",
      text: `${place}: no longer there (${key.type === "endpoint" ? "the endpoint is no longer configured" : "the file no longer holds it"})`
    };
  }
  refresh(issue, need) {
    const prev = certificateState(issue);
    const body = renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: prev?.firstReported || this.today },
      this.input.render
    );
    const changed = stableBody(body) !== stableBody(issue.body);
    const assign = userLogins(need.owners.filter((o) => !(prev?.owners ?? []).includes(o))).filter(
      (u) => !issue.assignees.includes(u)
    );
    const before = prev?.findings ?? need.active.map(rememberFinding);
    const fresh = need.active.filter((f) => !before.some((b) => sameFinding(b, rememberFinding(f))));
    if (!changed && !assign.length && !fresh.length) return;
    this.actions.push({
      kind: "edit",
      issue: issue.number,
      assignees: issue.assignees,
      ...changed ? { body } : {},
      assign,
      ...fresh.length ? {
        comment: {
          text: `State changed: ${findingsSentence(fresh, this.input.render.now)}${runLink(this.input.render)}.`,
          findings: fresh.map(rememberFinding),
          sentence: findingsSentence(fresh, this.input.render.now)
        }
      } : {}
    });
  }
  create(need) {
    const render = (ownersPending) => renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: this.today, ownersPending },
      this.input.render
    );
    this.actions.push({
      kind: "create",
      key: need.fp,
      title: certificateTitle(need.cert),
      body: render(need.owners.length > 0),
      // Known to be the one that stays: now name the owners for real and assign them (assignment is their notification).
      ...need.owners.length ? { named: { body: render(false), assign: userLogins(need.owners) } } : {}
    });
  }
  reopen(issue, need) {
    const prevOwners = certificateState(issue)?.owners ?? [];
    const body = renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: this.today },
      this.input.render
    );
    this.actions.push({
      kind: "reopen",
      issue: issue.number,
      key: need.fp,
      assignees: issue.assignees,
      body,
      assign: userLogins(need.owners.filter((o) => !prevOwners.includes(o))).filter(
        (u) => !issue.assignees.includes(u)
      ),
      comment: `Reopened: this certificate needs replacement again \u2014 ${findingsSentence(need.active, this.input.render.now)}${runLink(this.input.render)}. (To stop tracking it, add an \`ignore:\` entry with its fingerprint to the certwatch config.)`
    });
  }
  close(issue, comment) {
    const banner = `> [!NOTE]
> Resolved (${this.today}): ${comment.split("\n")[0].slice(0, 500)}

`;
    const body = issue.body.startsWith("> [!NOTE]") ? void 0 : banner + issue.body;
    this.actions.push({
      kind: "close",
      issue: issue.number,
      comment,
      ...body && body.length < NOTE_FITS_UNDER ? { body } : {}
    });
  }
  /** Silent: a close caused by de-duplication tells nobody anything new (the note goes in the body, not a comment). */
  closeDuplicate(dup, keep) {
    const note = `> [!NOTE]
> Closed (${this.today}): a duplicate of issue \`${keep.number}\`, which tracks the same ${dup.marker.kind === "digest" ? "digest" : "certificate"} (same certwatch marker) and stays.

`;
    const body = dup.body.startsWith("> [!NOTE]") ? void 0 : note + dup.body;
    this.actions.push({
      kind: "close-duplicate",
      issue: dup.number,
      ...body && body.length < NOTE_FITS_UNDER ? { body } : {}
    });
  }
  digest(rows, open, closed, completeness, perCertificate) {
    const { report, render, settings } = this.input;
    const listed = new Set(rows.map((r) => digestEntry(r.fp)));
    const carried = completeness.complete ? [] : ((open && digestState(open)?.listed) ?? []).filter(
      (p) => !listed.has(p) && !report.certificates.some((c) => digestEntryNames(p, c.fingerprint))
    );
    const digestRows = rows.map((r) => ({ cert: r.cert, active: r.active, owners: r.owners }));
    if (!digestRows.length && !carried.length) {
      const legacyPartial = open && !digestState(open) && !completeness.complete;
      if (open && !legacyPartial)
        this.close(
          open,
          `Nothing left to replace: every certificate this digest listed is resolved. Closing${runLink(render)}.`
        );
      return;
    }
    const opts = perCertificate ? { overflowOf: settings.maxOpen } : {};
    const body = renderDigestBody(digestRows, carried, render, opts);
    if (open) {
      if (stableBody(body) !== stableBody(open.body))
        this.actions.push({ kind: "digest-edit", issue: open.number, body });
    } else if (closed) {
      this.actions.push({
        kind: "digest-reopen",
        issue: closed.number,
        body,
        comment: `Reopened: ${digestRows.length} certificate(s) need replacement${runLink(render)}.`
      });
    } else {
      const pending = digestRows.some((r) => r.owners.length > 0);
      this.actions.push({
        kind: "digest-create",
        ...pending ? { body: renderDigestBody(digestRows, carried, render, { ...opts, ownersPending: true }), named: body } : { body }
      });
    }
  }
};

// src/github/recent-issues.ts
var MAX_NUMBER_LOOKUPS = 200;
var RecentIssues = class {
  /** `newestListed`: the highest issue number visible when the run listed (everything above it is recent). */
  constructor(newestListed, fetch, warn) {
    this.newestListed = newestListed;
    this.fetch = fetch;
    this.warn = warn;
  }
  newestListed;
  fetch;
  warn;
  // What each number held when last fetched; null: no issue there yet.
  seen = /* @__PURE__ */ new Map();
  own = /* @__PURE__ */ new Set();
  lookups = 0;
  exhausted = false;
  /** Record an issue this run opened: never counted as another run's. */
  opened(issueNumber, key) {
    this.own.add(issueNumber);
    this.seen.set(issueNumber, { number: issueNumber, state: "open", key });
  }
  /**
   * The oldest open issue with `key` that another run opened since the
   * listing. Without `below`: walks up to the first number not yet used (the
   * check before creating). With `below`: every number under it (the check
   * after creating issue `below`: all of those were handed out before it).
   */
  async oldestOpen(key, below) {
    for (let n = this.newestListed + 1; below === void 0 || n < below; n++) {
      if (this.own.has(n)) continue;
      const known = this.seen.get(n);
      if (known && known.key !== key) continue;
      if (this.lookups >= MAX_NUMBER_LOOKUPS) {
        if (!this.exhausted)
          this.warn(
            `issues: stopped looking for issues opened by concurrent runs after ${MAX_NUMBER_LOOKUPS} lookups; a later run closes any duplicate`
          );
        this.exhausted = true;
        break;
      }
      this.lookups++;
      const now = await this.fetch(n);
      this.seen.set(n, now);
      if (!now) {
        if (below === void 0) break;
        continue;
      }
      if (now.key === key && now.state === "open") return n;
    }
    return null;
  }
};

// src/github/issue-store.ts
var PER_PAGE = 100;
var MAX_LIST_PAGES = 100;
var LABEL_COLOR = "b60205";
var LABEL_DESCRIPTION = "Certificates that certwatch found need replacement";
var LAST_WRITER_SETTLE_MS = 2500;
var LISTING_LAG_MARGIN = 30;
var IssueStore = class {
  constructor(client, opts, result) {
    this.client = client;
    this.opts = opts;
    this.result = result;
    ({ owner: this.owner, repo: this.repo } = splitRepository(opts.repository));
  }
  client;
  opts;
  result;
  owner;
  repo;
  assignable = /* @__PURE__ */ new Map();
  labelsReady = false;
  // Issues opened since the listing, by number; read on the first open/reopen (see recentIssues()).
  recent = null;
  newestListed = 0;
  me = null;
  // Comments that wait until this run knows its write landed last (see LAST_WRITER_SETTLE_MS).
  pendingComments = [];
  doing(what) {
    this.opts.doing(what);
  }
  get log() {
    return this.opts.log;
  }
  // ---- reads ------------------------------------------------------------------
  /**
   * Every issue with the tracking label, open and closed (the list endpoint, not
   * search: search lags and has its own tight limit), that certwatch itself
   * opened: authored by the token's identity, with the marker on its first line.
   * Anyone can open a labelled issue carrying a (public) fingerprint marker;
   * those are left alone, and the log says so. Oldest first.
   */
  async listTracked() {
    this.doing("listing certwatch issues");
    const label = this.opts.label;
    const candidates = [];
    let pages = 0;
    const iterator = this.client.paginate.iterator(this.client.rest.issues.listForRepo, {
      owner: this.owner,
      repo: this.repo,
      labels: label,
      state: "all",
      sort: "created",
      direction: "asc",
      per_page: PER_PAGE
    });
    for await (const page of iterator) {
      candidates.push(...page.data.filter(carriesMarker));
      if (++pages >= MAX_LIST_PAGES) {
        this.log.warning(`issues: stopped listing after ${MAX_LIST_PAGES * PER_PAGE} issues labelled "${label}"`);
        break;
      }
    }
    if (!candidates.length) return [];
    this.doing("finding out who the token is");
    const me = await this.identity();
    const out = [];
    for (const i of candidates) {
      const tracked = asTracked(i, me.login, null);
      if (tracked) out.push(tracked);
      else
        this.log.info(
          `issues: #${i.number} carries a certwatch marker but was opened by ${i.user?.login ?? "an unknown user"}, not by ${me.login} (${me.how}): left alone`
        );
    }
    this.newestListed = out.reduce((max, i) => Math.max(max, i.number), 0);
    return out.sort((a, b) => a.number - b.number);
  }
  async identity() {
    this.me ??= await tokenIdentity(this.client, this.opts.issueAuthor, this.log);
    return this.me;
  }
  /** GET /issues/{number}: seen at once, unlike listings. null when there is no such issue. */
  async fetchIssue(issueNumber) {
    try {
      const { data } = await this.client.rest.issues.get({
        owner: this.owner,
        repo: this.repo,
        issue_number: issueNumber
      });
      return {
        number: data.number,
        state: data.state,
        body: data.body ?? "",
        tracked: asTracked(data, this.me?.login, this.opts.label)
      };
    } catch (err) {
      const status = statusOf(err);
      if (status === 404 || status === 410) return null;
      throw err;
    }
  }
  async fetchNumbered(issueNumber) {
    await this.identity();
    const now = await this.fetchIssue(issueNumber);
    if (!now) return null;
    const t = now.tracked;
    return { number: now.number, state: t?.state ?? "closed", key: t ? trackingKey(t) : null };
  }
  // ---- writes -----------------------------------------------------------------
  /** Applies the planner's actions in order, then posts the comments that waited for the last writer. */
  async apply(actions) {
    for (const a of actions) await this.applyOne(a);
    await this.commentWhereLastWriter();
  }
  async applyOne(a) {
    switch (a.kind) {
      case "close-duplicate":
        this.doing(`closing issue #${a.issue}`);
        await this.update(a.issue, {
          state: "closed",
          state_reason: "not_planned",
          ...a.body ? { body: a.body } : {}
        });
        this.result.closed.push(a.issue);
        return;
      case "edit":
        return this.edit(a);
      case "close":
        await this.comment(a.issue, a.comment);
        this.doing(`closing issue #${a.issue}`);
        await this.update(a.issue, { state: "closed", state_reason: "completed", ...a.body ? { body: a.body } : {} });
        this.result.closed.push(a.issue);
        return;
      case "keep-open":
        this.log.info(`issues: #${a.issue} (${shortFingerprint(a.key)}) stays open: ${a.why}`);
        return;
      case "warn":
        this.log.warning(a.message);
        return;
      case "create":
        return this.create(a);
      case "reopen": {
        if (!await this.stillClosed(a.issue, a.key)) return;
        const add = await this.assignableOf(a.assign);
        this.doing(`reopening issue #${a.issue}`);
        await this.update(a.issue, {
          state: "open",
          state_reason: "reopened",
          body: a.body,
          ...add.length ? { assignees: [...a.assignees, ...add] } : {}
        });
        this.result.reopened.push(a.issue);
        this.commentIfLastWriter(a.issue, a.body, a.comment);
        return;
      }
      case "digest-edit":
        this.doing(`updating the digest issue #${a.issue}`);
        await this.update(a.issue, { body: a.body });
        this.result.updated.push(a.issue);
        return;
      case "digest-reopen":
        if (!await this.stillClosed(a.issue, "digest")) return;
        this.doing(`reopening the digest issue #${a.issue}`);
        await this.update(a.issue, { state: "open", state_reason: "reopened", body: a.body });
        this.result.reopened.push(a.issue);
        this.commentIfLastWriter(a.issue, a.body, a.comment);
        return;
      case "digest-create": {
        await this.ensureLabels();
        const opened = await this.openOnce("digest", "the digest issue", DIGEST_TITLE, a.body);
        if (opened !== null && a.named !== void 0) {
          this.doing(`naming the owners in the digest issue #${opened}`);
          await this.update(opened, { body: a.named });
        }
        return;
      }
    }
  }
  async update(issueNumber, patch) {
    await this.client.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: issueNumber, ...patch });
  }
  async edit(a) {
    const patch = {};
    if (a.body !== void 0) patch.body = a.body;
    const add = await this.assignableOf(a.assign);
    if (add.length) patch.assignees = [...a.assignees, ...add];
    if (a.comment && patch.body) {
      const now = await this.fetchIssue(a.issue);
      const state = now ? readState(now.body) : null;
      const reported = state?.kind === "certificate" ? state.findings : [];
      if (now && a.comment.findings.every((f) => reported.some((r) => sameFinding(r, f)))) {
        this.log.info(
          `issues: #${a.issue} already reports ${a.comment.sentence} (a concurrent run): not commenting again`
        );
        return;
      }
    }
    if (patch.body || patch.assignees) {
      this.doing(`updating issue #${a.issue}`);
      await this.update(a.issue, patch);
      this.result.updated.push(a.issue);
    }
    if (a.comment) this.commentIfLastWriter(a.issue, patch.body, a.comment.text);
  }
  async create(a) {
    await this.ensureLabels();
    const opened = await this.openOnce(a.key, `an issue for ${shortFingerprint(a.key)}`, a.title, a.body);
    if (opened === null || !a.named) return;
    const assignees = await this.assignableOf(a.named.assign);
    this.doing(`assigning issue #${opened}`);
    const patch = { body: a.named.body };
    try {
      await this.update(opened, { ...patch, ...assignees.length ? { assignees } : {} });
    } catch (err) {
      if (statusOf(err) !== 422 || !assignees.length) throw err;
      this.log.warning(`issues: could not assign ${assignees.join(", ")} to #${opened}; leaving it unassigned`);
      await this.update(opened, patch);
    }
  }
  async comment(issueNumber, body) {
    this.doing(`commenting on issue #${issueNumber}`);
    await this.client.rest.issues.createComment({
      owner: this.owner,
      repo: this.repo,
      issue_number: issueNumber,
      body
    });
    this.result.commented.push(issueNumber);
  }
  /** Labels are created with a colour and description before the first issue needs them (GitHub would create them grey and bare). */
  async ensureLabels() {
    if (this.labelsReady) return;
    for (const name of this.opts.labels) {
      this.doing(`checking the label "${name}"`);
      try {
        await this.client.rest.issues.getLabel({ owner: this.owner, repo: this.repo, name });
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
        this.doing(`creating the label "${name}"`);
        try {
          await this.client.rest.issues.createLabel({
            owner: this.owner,
            repo: this.repo,
            name,
            color: LABEL_COLOR,
            description: LABEL_DESCRIPTION
          });
        } catch (e) {
          if (statusOf(e) !== 422) throw e;
        }
      }
    }
    this.labelsReady = true;
  }
  /** Logins that can be assigned here (GET /assignees/{login}: 204 yes, 404 no), asked once per run. */
  async assignableOf(logins) {
    const ok = [];
    for (const login of logins) {
      if (!this.assignable.has(login)) {
        this.doing(`checking whether @${login} can be assigned`);
        try {
          await this.client.rest.issues.checkUserCanBeAssigned({ owner: this.owner, repo: this.repo, assignee: login });
          this.assignable.set(login, true);
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
          this.log.warning(
            `issues: @${login} cannot be assigned in ${this.opts.repository}; mentioned in the body instead`
          );
          this.assignable.set(login, false);
        }
      }
      if (this.assignable.get(login)) ok.push(login);
    }
    return ok;
  }
  // ---- overlapping runs ----------------------------------------------------------
  /**
   * Open the issue for `key` unless a concurrent run just did; returns its
   * number, or null when another run's issue stays. After opening, an older
   * open issue with the same key (opened meanwhile by another run) wins, and
   * this run withdraws its own copy without a comment.
   */
  async openOnce(key, what, title, body) {
    const label = key === "digest" ? "the digest" : shortFingerprint(key);
    this.doing(`looking for ${what} opened by a concurrent run`);
    const recent = await this.recentIssues();
    const theirs = await recent.oldestOpen(key);
    if (theirs) {
      this.log.info(`issues: a concurrent run has just opened #${theirs} for ${label}; leaving it to that run`);
      return null;
    }
    this.doing(`creating ${what}`);
    const created = (await this.client.rest.issues.create({
      owner: this.owner,
      repo: this.repo,
      title,
      body,
      labels: this.opts.labels
    })).data.number;
    recent.opened(created, key);
    this.doing(`checking #${created} against issues opened by concurrent runs`);
    const older = await recent.oldestOpen(key, created);
    if (!older) {
      this.result.created.push(created);
      return created;
    }
    this.doing(`withdrawing issue #${created}`);
    const note = `> [!NOTE]
> Withdrawn (${this.opts.today}): a concurrent certwatch run opened issue \`${older}\` for the same ${key === "digest" ? "digest" : "certificate"} a moment earlier; that one stays.

`;
    await this.update(created, {
      state: "closed",
      state_reason: "not_planned",
      ...body.length + note.length < NOTE_FITS_UNDER ? { body: note + body } : {}
    });
    this.result.withdrawn.push(created);
    this.log.info(`issues: #${created} for ${label} withdrawn: a concurrent run opened #${older} first`);
    return null;
  }
  /** Before reopening: another run may have reopened it, or opened a fresh one, since the listing. */
  async stillClosed(issueNumber, key) {
    this.doing(`reading issue #${issueNumber}`);
    const now = await this.fetchIssue(issueNumber);
    if (now && now.state === "open") {
      this.log.info(`issues: #${issueNumber} was reopened meanwhile (a concurrent run); leaving it to that run`);
      return false;
    }
    const theirs = await (await this.recentIssues()).oldestOpen(key);
    if (theirs) {
      this.log.info(
        `issues: a concurrent run has just opened #${theirs} for ${key === "digest" ? "the digest" : shortFingerprint(key)}; not reopening #${issueNumber}`
      );
      return false;
    }
    return true;
  }
  /** Comment now when this run wrote no body; otherwise once it is known its body landed last (commentWhereLastWriter). */
  commentIfLastWriter(issueNumber, body, comment) {
    this.pendingComments.push({ issueNumber, body: body ?? "", comment });
  }
  /**
   * After writes a concurrent run may be making too: wait once, read each
   * issue back, and comment only where this run's body is the one that landed
   * last (that run alone tells people). See LAST_WRITER_SETTLE_MS. Two runs'
   * bodies differ by their run links (a run id is never shared by runs that
   * overlap: a re-run starts only once its run has ended).
   */
  async commentWhereLastWriter() {
    if (!this.pendingComments.length) return;
    if (this.pendingComments.some((p) => p.body))
      await new Promise((resolve) => setTimeout(resolve, LAST_WRITER_SETTLE_MS));
    for (const p of this.pendingComments) {
      if (p.body) {
        this.doing(`reading issue #${p.issueNumber}`);
        const now = await this.fetchIssue(p.issueNumber);
        if (now && now.body !== p.body) {
          this.log.info(`issues: #${p.issueNumber} was written by a concurrent run after this one; that run comments`);
          continue;
        }
      }
      await this.comment(p.issueNumber, p.comment);
    }
  }
  /**
   * The walk over issue numbers opened since the listing, started on first use
   * (a run that opens nothing pays nothing). The listing may have missed
   * issues opened just before it, so the walk starts below the newest number:
   * at the newest listed certwatch issue, but never more than
   * LISTING_LAG_MARGIN numbers down.
   */
  async recentIssues() {
    if (this.recent) return this.recent;
    this.doing("reading the newest issue number");
    const { data } = await this.client.rest.issues.listForRepo({
      owner: this.owner,
      repo: this.repo,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 1
    });
    const newest = data[0]?.number ?? 0;
    const from = Math.max(Math.min(newest, this.newestListed), newest - LISTING_LAG_MARGIN, 0);
    this.recent = new RecentIssues(
      from,
      (n) => this.fetchNumbered(n),
      (m) => this.log.warning(m)
    );
    return this.recent;
  }
};

// src/github/sync-issues.ts
async function syncIssuesFromAction(report, issuesInput, settings, env, log, opts = {}) {
  const nothing = (skipped) => ({ ...emptyResult(), skipped });
  const decision = issuesEnabled(issuesInput, env);
  if (!decision.on) {
    log.info(`${decision.why}: not syncing issues`);
    return nothing(decision.why);
  }
  if (!env.token) {
    const why = "no github-token: issues not synced (pass `github-token: ${{ github.token }}` and grant `issues: write`)";
    log.warning(why);
    return nothing(why);
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(env.repository)) {
    const why = "GITHUB_REPOSITORY is not set: issues not synced";
    log.warning(why);
    return nothing(why);
  }
  try {
    const client = opts.client ?? createClient(env.token, env.apiUrl, { ...opts.clientOptions, log });
    return await syncIssues(report, client, {
      repository: env.repository,
      serverUrl: env.serverUrl,
      sha: env.sha,
      runUrl: runUrl(env),
      settings,
      log,
      codeowners: opts.codeowners ? parseCodeowners(opts.codeowners) : void 0,
      // Not told the scope on a pull request: assume it was narrowed (the
      // default there), so nothing unseen is taken for gone.
      scopeFiles: opts.scopeFiles !== void 0 ? opts.scopeFiles : isPullRequestEvent(env.eventName) ? [] : null,
      issueAuthor: opts.issueAuthor
    });
  } catch (err) {
    const why = `issue sync failed: ${err?.message ?? err}`;
    log.warning(why);
    return nothing(why);
  }
}
function emptyResult() {
  return { created: [], updated: [], commented: [], closed: [], reopened: [], withdrawn: [], apiCalls: 0 };
}
async function syncIssues(report, client, ctx) {
  const result = emptyResult();
  const countCall = () => {
    result.apiCalls++;
  };
  client.hook.before("request", countCall);
  let doing = "listing certwatch issues";
  try {
    const label = ctx.trackingLabel ?? ctx.settings.labels[0] ?? "certwatch";
    const store = new IssueStore(
      client,
      {
        repository: ctx.repository,
        label,
        labels: [.../* @__PURE__ */ new Set([label, ...ctx.settings.labels])],
        issueAuthor: ctx.issueAuthor,
        today: report.run.now.slice(0, 10),
        log: ctx.log,
        doing: (d) => doing = d
      },
      result
    );
    const tracked = await store.listTracked();
    const actions = planIssueSync({
      report,
      tracked,
      settings: ctx.settings,
      render: {
        serverUrl: ctx.serverUrl,
        repository: ctx.repository,
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        now: report.run.now,
        generatedAt: report.generatedAt,
        toolVersion: report.tool.version,
        configPath: report.run.configPath
      },
      codeowners: ctx.codeowners,
      scopeFiles: ctx.scopeFiles
    });
    await store.apply(actions);
  } catch (err) {
    const failure = explainApiError(err, doing, "issues: write");
    ctx.log.warning(`Issues not fully synced: ${failure.message}`);
    result.skipped = failure.message;
  } finally {
    client.hook.remove("request", countCall);
  }
  return result;
}
export {
  issuesEnabled,
  replacementFindings,
  syncIssues,
  syncIssuesFromAction
};
