// What an issue remembers for the next run, as one typed value
// (TrackedState), decoded from a body only by readState and written into one
// only by encodeState. Kept in the body, so no run needs to read comments.
//
// The text is a wire format that must not change: issues already on GitHub
// carry it. `<!-- certwatch:state BASE64URL -->`, the JSON inside being
//   { v: 1, f: ["expired!", "expiring"], l: [{ k: "file:certs/a.pem", n: 3, cn: "a.example" }],
//     lt?: true, o: ["@alice"], s: "2026-11-20", d?: ["0123456789abcdef"] }
// f: finding ids that asked for replacement ("!" = error); l: places (report/place-key.ts),
// with the file line or chain position and the subject CN; lt: places were
// cut; o: owners told; s: first reported; d (digest only): fingerprint prefixes.
//
// The body is attacker-controlled (anyone with write access can edit it), so
// decoding checks every field: a marker of the wrong shape, with wrong types,
// missing fields or more than the encoder ever writes reads as no state.
import { decodePlaceKey, encodePlaceKey, placeKeyOf, type PlaceKey } from '../report/place-key.js';
import type { ReportCertificate, ReportFinding } from '../report/report-types.js';
import { GITHUB_MAX_BODY_CHARS } from './body-limit.js';

// How many places the state remembers (what closing decisions use); the rest is summed up by `placesCut`.
const MAX_REMEMBERED_PLACES = 200;
const STATE_MARKER_RE = /<!--\s*certwatch:state ([A-Za-z0-9_-]+)\s*-->/;

/** A finding that asked for replacement, as the issue remembers it. */
export interface RememberedFinding {
  id: string;
  severity: 'error' | 'warning';
}

/** A place the certificate was used: enough to tell "replaced" from "not seen". */
export interface RememberedPlace {
  place: PlaceKey;
  /** the file line or the endpoint chain position: where the successor is looked for first */
  slot?: number;
  /** the certificate's subject CN: picks the successor among several certificates at the place */
  subjectCN?: string;
}

/** The state of a certificate's issue. */
export interface CertificateState {
  kind: 'certificate';
  /** what asked for replacement when the body was written */
  findings: RememberedFinding[];
  places: RememberedPlace[];
  /** the certificate had more places than MAX_REMEMBERED_PLACES */
  placesCut: boolean;
  /** owners already told, as written ("@alice", "@org/team") */
  owners: string[];
  /** the day the issue was first opened (YYYY-MM-DD) */
  firstReported: string;
}

/** The state of the digest issue. */
export interface DigestState {
  kind: 'digest';
  /** the certificates listed: the first 16 hex digits of each SHA-256 fingerprint */
  listed: string[];
}

export type TrackedState = CertificateState | DigestState;

/** The hidden marker that carries the state (the last line of a body). */
export function encodeState(s: TrackedState): string {
  // Field order is part of the wire format: bodies compare as text (stableBody).
  const wire =
    s.kind === 'digest'
      ? { v: 1, f: [], l: [], o: [], s: '', d: s.listed }
      : {
          v: 1,
          f: s.findings.map(findingText),
          l: s.places.map((p) => ({
            k: encodePlaceKey(p.place),
            ...(p.slot !== undefined ? { n: p.slot } : {}),
            ...(p.subjectCN !== undefined ? { cn: p.subjectCN } : {}),
          })),
          ...(s.placesCut ? { lt: true } : {}),
          o: s.owners,
          s: s.firstReported,
        };
  // base64url: the JSON may contain "-->" (in a path), which would end the comment.
  return `<!-- certwatch:state ${Buffer.from(JSON.stringify(wire)).toString('base64url')} -->`;
}

/** The state a body carries, or null when it has none that this module wrote. */
export function readState(body: string | null | undefined): TrackedState | null {
  const m = body ? STATE_MARKER_RE.exec(body) : null;
  // No body GitHub stores is longer, so neither is any marker we wrote; this bounds every array below.
  if (!m || m[1].length > GITHUB_MAX_BODY_CHARS) return null;
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return fromWire(wire);
}

/** How the digest lists a certificate: the first 16 hex digits of its fingerprint ("sha256:<hex>"). */
export function digestEntry(fingerprint: string): string {
  return fingerprint.slice('sha256:'.length, 'sha256:'.length + 16);
}

/** Whether a digest entry names the certificate with this fingerprint. */
export function digestEntryNames(entry: string, fingerprint: string): boolean {
  return fingerprint.toLowerCase().startsWith(`sha256:${entry}`);
}

/** What a finding is remembered as. */
export function rememberFinding(f: ReportFinding): RememberedFinding {
  return { id: f.id, severity: f.severity === 'error' ? 'error' : 'warning' };
}

export function sameFinding(a: RememberedFinding, b: RememberedFinding): boolean {
  return a.id === b.id && a.severity === b.severity;
}

/** A certificate's places, each once, as many as the state keeps. */
export function rememberPlaces(c: ReportCertificate): { places: RememberedPlace[]; placesCut: boolean } {
  const seen = new Map<string, RememberedPlace>();
  for (const loc of c.locations) {
    const place = placeKeyOf(loc);
    const key = encodePlaceKey(place);
    if (seen.has(key)) continue;
    const slot = loc.type === 'file' ? loc.line : loc.chainIndex;
    seen.set(key, {
      place,
      ...(slot !== undefined ? { slot } : {}),
      ...(c.subjectCN ? { subjectCN: c.subjectCN } : {}),
    });
  }
  const all = [...seen.values()];
  return { places: all.slice(0, MAX_REMEMBERED_PLACES), placesCut: all.length > MAX_REMEMBERED_PLACES };
}

// ---- the wire format ----------------------------------------------------------

function findingText(f: RememberedFinding): string {
  return f.severity === 'error' ? `${f.id}!` : f.id;
}

function fromWire(w: unknown): TrackedState | null {
  if (!isRecord(w) || w.v !== 1) return null;
  const { f, l, lt, o, s, d } = w;
  if (!isStringArray(f) || !Array.isArray(l) || !isStringArray(o) || typeof s !== 'string') return null;
  if (d !== undefined) {
    // The digest writes its other fields empty; what it listed is all it keeps.
    return isStringArray(d) && d.every((p) => /^[0-9a-f]{16}$/i.test(p)) ? { kind: 'digest', listed: d } : null;
  }
  if (lt !== undefined && typeof lt !== 'boolean') return null;
  if (l.length > MAX_REMEMBERED_PLACES || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const findings = f.map(findingFromText);
  const places = l.map(placeFromWire);
  if (findings.some((x) => x === null) || places.some((x) => x === null)) return null;
  return {
    kind: 'certificate',
    findings: findings as RememberedFinding[],
    places: places as RememberedPlace[],
    placesCut: lt === true,
    owners: o,
    firstReported: s,
  };
}

function findingFromText(t: string): RememberedFinding | null {
  const error = t.endsWith('!');
  const id = error ? t.slice(0, -1) : t;
  return /^[a-z0-9-]+$/.test(id) ? { id, severity: error ? 'error' : 'warning' } : null;
}

function placeFromWire(p: unknown): RememberedPlace | null {
  if (!isRecord(p) || typeof p.k !== 'string') return null;
  const place = decodePlaceKey(p.k);
  const { n, cn } = p;
  if (!place) return null;
  if (n !== undefined && !(typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) return null;
  if (cn !== undefined && typeof cn !== 'string') return null;
  return { place, ...(n !== undefined ? { slot: n } : {}), ...(cn !== undefined ? { subjectCN: cn } : {}) };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((e) => typeof e === 'string');
}
