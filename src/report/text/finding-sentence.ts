// The one place a finding's detail becomes words. Every medium — terminal text,
// GitHub Markdown (summary, issue bodies, comments), workflow-command
// annotations, SARIF, CSV/ICS/HTML and the JSON report's `message` — takes its
// sentence from here and escapes it its own way (report/untrusted-text.ts,
// report/workflow-safe.ts): the words are the same everywhere, only the
// escaping differs. Checks return data (findings/finding-detail.ts); nothing
// edits a sentence after it is written.
import type { Location, RevocationAnswer } from '../../types.js';
import type {
  CertificateNaming,
  ExpiryDetail,
  FindingDetail,
  ListHit,
  RuleRef,
  ServedLeaf,
} from '../../findings/finding-detail.js';
import { formatDuration } from '../../config/duration.js';
import { readableTime } from '../../checks/readable-time.js';
import { TEST_PATH_WORDS } from '../../findings/path-rules.js';
import { roleWording } from './certificate-name.js';
import { revocationCause, revocationProblems } from './revocation-cause.js';
import { chainCause, hostnameCause } from './chain-cause.js';
import { shardText } from '../report-shard.js';
import { ariCause } from './ari-cause.js';
import { serialListCause } from './serial-list-cause.js';
import { fileCause, misnamedStore } from './file-cause.js';
import { privateKeyLabel } from './reader-problem.js';
import { endpointLabel } from './endpoint-label.js';
import { probeCause } from './probe-cause.js';
import { caFileCause } from './ca-file-cause.js';

/** A finding as reporters hold it: from a run, or read back from a JSON report (which may predate `detail`). */
export interface SentenceSource {
  detail?: FindingDetail;
  message?: string;
  location?: Location;
}

/**
 * The finding's sentence, reading on its own (the JSON report's `message`,
 * issue bodies, SARIF): a problem in a file names the file first.
 * A report written before `detail` existed keeps its `message`.
 */
export function findingSentence(f: SentenceSource, clock: Clock): string {
  if (!f.detail) return f.message ?? '';
  return sentence(f.detail, true, instant(clock));
}

/**
 * The sentence for views that show the place in a column of their own (the
 * terminal table, the summary's table, annotations on a file line): a problem
 * in a file does not repeat "path:line:" when the column says it already.
 */
export function findingSentenceBesidePlace(
  f: SentenceSource,
  clock: Clock,
  place: Location | undefined = f.location,
): string {
  if (!f.detail) return legacyBesidePlace(f.message ?? '', place);
  return sentence(f.detail, !placeShownBeside(f.detail, place), instant(clock));
}

/**
 * A report written before `detail` existed (merged with newer shards, or read by
 * `inventory`) has only its sentence, which names a file problem's place first:
 * shown beside the place column, that prefix would repeat it, so it is left out
 * there as it always was. Findings with a detail never take this path.
 */
function legacyBesidePlace(message: string, l: Location | undefined): string {
  if (l?.type !== 'file') return message;
  for (const prefix of [`${l.path}:${l.line}: `, `${l.path}: `])
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}

/**
 * The clock the report judged against (`run.now`, or the run's settings.now): what
 * "in 3 days" and "10 days ago" are measured from.
 */
export type Clock = string | Date;

function instant(c: Clock): number {
  return typeof c === 'string' ? Date.parse(c) : c.getTime();
}

/** True when the place column shows exactly the place the sentence would start with. */
function placeShownBeside(d: FindingDetail, l: Location | undefined): boolean {
  if (l?.type !== 'file') return false;
  switch (d.kind) {
    case 'file-problem':
      // "path:line (inside): …" names more than the column: kept whole.
      return !d.inside && d.path === l.path && (d.line === undefined || d.line === l.line);
    case 'private-key':
      return d.path === l.path && d.line === l.line;
    case 'misnamed':
      return d.path === l.path;
    default:
      return false;
  }
}

const day = (iso: string) => iso.slice(0, 10);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "certificate api.example.com", "intermediate CA certificate R11", "root certificate …". */
function certName(c: CertificateNaming): string {
  return `${roleWording(c.role)} ${c.name}`;
}

function sentence(d: FindingDetail, withPlace: boolean, now: number): string {
  switch (d.kind) {
    case 'expired':
    case 'not-yet-valid':
    case 'expiring':
      return `${expiryFact(d, now)}; ${expiryAdvice(d)}`;
    case 'superseded':
      return `Old copy of a renewed certificate: ${supersededNote(d.by)}${d.expiry ? `. ${expiryFact(d.expiry, now)}` : ''}; remove it from the bundle`;
    case 'weak-key':
      return d.algorithm === 'ECDSA'
        ? `${cap(certName(d.certificate))} has a ${d.bits}-bit EC key; use P-256 or stronger`
        : `${cap(certName(d.certificate))} has a ${d.bits}-bit ${d.algorithm} key; use at least ${d.minimumBits} bits (or ECDSA P-256)`;
    case 'weak-signature':
      return `${cap(certName(d.certificate))} is signed with ${d.algorithm}, which clients reject; reissue it with SHA-256`;
    case 'revoked': {
      const when = d.revokedAt ? readableTime(new Date(d.revokedAt)) : 'an unknown date';
      const by =
        d.source.method === 'crl'
          ? `the CRL ${d.source.url}`
          : d.source.method === 'ocsp'
            ? `the OCSP responder ${d.source.url}`
            : 'the OCSP response stapled by the server';
      const also = d.alsoListed?.length
        ? `; also on the published list ${d.alsoListed.map((h) => h.name).join('; ')} (${d.alsoListed.map((h) => `${h.label} line ${h.line}`).join(', ')})`
        : '';
      return `${cap(certName(d.certificate))} was revoked on ${when} (reason: ${d.reason ?? 'none given'}), according to ${by}${also}`;
    }
    case 'revoked-listed':
      return `serial ${d.serial} is on the published list ${listedOn(d.lists)}`;
    case 'revocation-unknown':
      return `Revocation status of ${certName(d.certificate)} is unknown: ${d.problems.length ? revocationProblems(d.problems) : 'no verified answer'}`;
    case 'revocation-not-checked':
      return `Revocation of ${certName(d.certificate)} not checked: ${revocationProblems(d.problems)}`;
    case 'renewal-window': {
      const span = `${readableTime(new Date(d.windowStart))} – ${readableTime(new Date(d.windowEnd))}`;
      const see = d.explanationURL ? `; see ${d.explanationURL}` : '';
      const name = d.certificate.name;
      return d.state === 'closed'
        ? `${d.ca} asks for certificate ${name} to be replaced: its renewal window (${span}) has closed, which is how a CA announces an imminent revocation${see}`
        : `${d.ca}'s suggested renewal window (${span}) is open: renew certificate ${name} now${see}`;
    }
    case 'ari-problem':
      return `ARI for ${d.ca}: ${ariCause(d.cause)}`;
    case 'untrusted-chain':
      return `${endpointLabel(d.endpoint)}: certificate chain is not trusted: ${chainCause(d.cause)}`;
    case 'hostname-mismatch':
      return `${endpointLabel(d.endpoint)}: hostname mismatch: ${hostnameCause(d.cause)}`;
    case 'unreachable':
      return `${endpointLabel(d.endpoint)}: ${probeCause(d.cause)}`;
    case 'endpoint-not-checked':
      return `${endpointLabel(d.endpoint)}: not checked: ${probeCause(d.cause)}`;
    case 'served-unparseable':
      return `${endpointLabel(d.endpoint)}: certificate ${d.index + 1} of ${d.chainLength} the server sent (${d.fingerprint.slice(0, 'sha256:'.length + 16)}…) does not parse: ${d.reason}`;
    case 'ca-file-problem':
      return `${caFileCause(d.path, d.cause)}; endpoints using it were judged against the bundled roots only`;
    case 'address-drift': {
      const label = endpointLabel(d.endpoint);
      if (!d.stale.length)
        return `${label}: addresses serve different certificates issued at the same time: ${d.current.map(servedLeaf).join('; ')}`;
      return (
        `${label}: addresses serve different certificates; stale: ${d.stale.map(servedLeaf).join('; ')}; ` +
        `current: ${d.current.map(servedLeaf).join('; ')}. Replace the certificate on ${d.stale.flatMap((s) => s.addresses).join(', ')}.`
      );
    }
    case 'file-problem': {
      const place = `${d.path}${d.line !== undefined ? `:${d.line}` : ''}${d.inside ? ` (${d.inside})` : ''}`;
      return withPlace ? `${place}: ${fileCause(d.cause)}` : fileCause(d.cause);
    }
    case 'private-key': {
      const text = `a private key (${privateKeyLabel(d.privateKey, d.within)}) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.`;
      return withPlace ? `${d.path}:${d.line}: ${text}` : text;
    }
    case 'misnamed': {
      const what = misnamedStore(d.store, d.ext);
      return withPlace ? `${d.path}: ${what}; read as what it is` : `${what}; read as what it is`;
    }
    case 'glob-problem':
      return `files: "${d.pattern}" is not a valid glob (${d.reason})`;
    case 'no-match':
      return `files: "${d.pattern}" matched no file`;
    case 'nothing-found':
      return `no certificates found in the workspace (looked in every tracked file for PEM blocks, base64 certificates under keys, DER, PKCS#7, PKCS#12 and Java keystores); list files or endpoints in ${d.configPath}`;
    case 'serial-list-problem':
      return `revoked-serials list ${d.list}: ${serialListCause(d.cause)}`;
    case 'serial-list-unreadable':
      return `revoked-serials list ${d.list} ${serialListCause(d.cause)}`;
    case 'threshold-order':
      return `${d.scope ? `${d.scope}: ` : ''}fail-within (${d.failWithin}) is larger than warn-within (${d.warnWithin}), so nothing will ever warn before failing; set warn-within above fail-within`;
    case 'ignore-expired':
      return `The ignore rule for this certificate (${ruleRef(d.rule)}) expired on ${d.until}; its findings count again`;
    case 'path-ignore-expired':
      return `The ignore rule for path "${d.path}" (${ruleRef(d.rule)}) expired on ${d.until}; what it covered counts again`;
    case 'test-paths':
      return `${d.certificates} certificate${d.certificates === 1 ? '' : 's'} under test paths (${TEST_PATH_WORDS}) ${d.certificates === 1 ? 'is' : 'are'} reported but not judged; list them under \`files:\` to judge them`;
    case 'shard-counts-differ':
      return `merged reports come from different shard counts (${d.counts.join(', ')}); the result may be incomplete`;
    case 'shards-missing':
      return `shard report${d.missing.length > 1 ? 's' : ''} ${d.missing.map((index) => shardText({ index, count: d.count })).join(', ')} missing from the merge; those targets were not checked`;
  }
}

/** "Certificate x expires on 2026-12-06, in 3 days (under 7d)": the fact, without what to do. */
function expiryFact(d: ExpiryDetail, now: number): string {
  const name = cap(certName(d.certificate));
  switch (d.kind) {
    case 'expired':
      return `${name} expired on ${day(d.notAfter)} (${formatDuration(now - Date.parse(d.notAfter))} ago)`;
    case 'not-yet-valid':
      return `${name} is not valid until ${d.notBefore} (in ${formatDuration(Date.parse(d.notBefore) - now)})`;
    case 'expiring': {
      const left = Date.parse(d.notAfter) - now;
      const lifetime = Date.parse(d.notAfter) - Date.parse(d.notBefore);
      const why =
        d.threshold.kind === 'percent'
          ? `${Math.round((left / lifetime) * 100)}% of its lifetime (${formatDuration(lifetime)}) left, under ${d.threshold.text}`
          : `under ${d.threshold.text}`;
      return `${name} expires on ${day(d.notAfter)}, in ${formatDuration(left)} (${why})`;
    }
  }
}

function expiryAdvice(d: ExpiryDetail): string {
  if (d.kind === 'expired') return 'replace it';
  if (d.kind === 'not-yet-valid') return 'clients reject it until then';
  return d.threshold.name === 'fail-within' ? 'renew it now' : 'plan its renewal';
}

/** The note a superseded copy carries in the report's `notes`. */
export function supersededNote(by: { serial: string; notBefore: string; notAfter: string }): string {
  return `superseded by serial ${by.serial} (valid ${day(by.notBefore)} to ${day(by.notAfter)}) in the same file; the newer one is the one to keep`;
}

function listedOn(lists: ListHit[]): string {
  const each = lists.map((h) => `${h.name} (${h.label}) at line ${h.line}`);
  return each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} and on ${each[each.length - 1]}`;
}

/** The report's `revocation.detail`: a note on the answer, or why the sources gave none. */
export function revocationDetail(rv: RevocationAnswer): string | undefined {
  if (rv.detail) return rv.detail;
  if (rv.deltaNotApplied) return `delta CRL not applied: ${revocationCause(rv.deltaNotApplied)}`;
  if (!rv.problems?.length) return undefined;
  const why = revocationProblems(rv.problems);
  return rv.status === 'good' ? `only the staple answered: ${why}` : why;
}

function ruleRef(r: RuleRef): string {
  return `${r.file ? `${r.file}:${r.line}` : 'config'}${r.reason ? `, "${r.reason}"` : ''}`;
}

function servedLeaf(s: ServedLeaf): string {
  return `${s.addresses.join(', ')} (serves "${s.name}" ${s.fingerprint.slice(0, 23)}…, notBefore ${day(s.notBefore)}, notAfter ${day(s.notAfter)})`;
}
