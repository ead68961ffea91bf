// Entry point for endpoint sources: probe every target (and every address of
// it when asked) through a bounded pool and return observations, per-probe
// summaries and the findings about reaching them, in target order, whatever
// order the probes finished in. Trust and hostname are judged by the check
// passed in as `judge` (checks/endpoint-trust.ts) as each probe ends; its
// verdicts are handed back in `judged` for that check to turn into findings.
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { CertificateRecord, EndpointLocation, EndpointTarget, Finding, Observation } from '../../types.js';
import type { EndpointRef } from '../../findings/finding-detail.js';
import { CertificateParseError, parseCertificate } from '../../x509/parse-certificate.js';
import type { ChainVerdict } from '../../checks/chain.js';
import type { JudgedEndpoint, ServedChainJudge } from '../../checks/endpoint-trust.js';
import { Pool } from './pool.js';
import { ProbeError, phaseDeadline, type ProbePhase } from './probe-error.js';
import type { ProbeCause } from './probe-cause.js';
import { nameToCheck, probeAddress, type ProbeOutcome } from './probe-endpoint.js';
import { ProxyConfigError, proxyFor } from './proxy-env.js';
import { refusal, refusalOf, type NetworkGuard } from '../../net/address-policy.js';
import { resolveAddresses, type Lookup } from './resolve.js';
import { CaFileError, loadTrustStore, type TrustStore } from './trust-store.js';

// Politeness: many endpoints on one host (ports of one box, all-addresses of
// one name) must not turn into a burst of simultaneous handshakes against it.
export const MAX_CONNECTIONS_PER_HOST = 4;

/** One probe of one target at one address, for reports. */
export interface ProbeSummary {
  targetId: string;
  host: string;
  port: number;
  /** the IP connected to (absent when DNS failed or a proxy resolved the name) */
  address?: string;
  ok: boolean;
  /** why the probe failed; `at`: the endpoint probed, when the probe reached an address (report/text/probe-cause.ts probeFailure) */
  failure?: { cause: ProbeCause; at?: EndpointRef };
  /** the phase it failed in */
  phase?: ProbePhase;
  tlsVersion?: string;
  cipher?: string;
  /** certificates the server sent */
  chainLength: number;
  /** chain trusted (by certwatch's path building, with the run's clock) and hostname covered */
  authorized: boolean;
  /** why not authorized: a chain problem ("missing-intermediate", …) or "hostname-mismatch" */
  authorizationError?: string;
  /** OpenSSL's own verification code, as Node reported it */
  opensslError?: string;
  stapledOcsp?: boolean;
  proxy?: string;
}

export interface EndpointCollection {
  observations: Observation[];
  /** findings about reaching the endpoints (unreachable, not checked, unparseable, CA file problems) */
  findings: Finding[];
  probes: ProbeSummary[];
  /** each leaf served, with the judge's verdict, for checks/endpoint-trust.ts */
  judged: JudgedEndpoint[];
}

export interface CollectOptions {
  concurrency: number;
  /** epoch ms: start no new probe after this; abort running ones at it */
  deadline: number;
  /** absolute path; target.caFile (relative to workspace) overrides */
  defaultCaFile?: string;
  workspace: string;
  /** the clock for chain validity (intermediates); default: the real clock, as TLS uses */
  now?: Date;
  /** environment for HTTPS_PROXY / NO_PROXY; default process.env */
  env?: NodeJS.ProcessEnv;
  /** name resolution; default dns.promises.lookup (tests give a name several loopback addresses) */
  lookup?: Lookup;
  /** which addresses may be contacted (a fork's pull request: public ones only) */
  network?: NetworkGuard;
  /** judges each served chain as its probe ends (checks/endpoint-trust.ts judgeServedChain) */
  judge: ServedChainJudge;
}

type ParseCache = Map<string, CertificateRecord | CertificateParseError>;

/** A probe's chain, parsed and judged as soon as the probe ends (overlapping other probes' network waits). */
interface Judged {
  records: (CertificateRecord | undefined)[];
  parseErrors: { index: number; der: Buffer; error: CertificateParseError }[];
  verdict?: ChainVerdict;
}

type AddressResult = { address?: string; outcome?: ProbeOutcome; judged?: Judged; notStarted?: true };

interface TargetResult {
  target: EndpointTarget;
  store?: TrustStore;
  /** the ca-file could not be used (the bundled roots were) */
  caFileProblem?: CaFileError;
  notStarted?: true;
  error?: ProbeError;
  /** not contacted: the network policy refused its address (why) */
  refused?: ProbeCause;
  addresses: AddressResult[];
}

class NotStarted extends Error {}

function baseLocation(t: EndpointTarget, address?: string): EndpointLocation {
  const servername = t.servername ?? (isIP(t.host) ? undefined : t.host);
  return {
    type: 'endpoint',
    host: t.host,
    port: t.port,
    ...(address ? { address } : {}),
    ...(servername ? { servername } : {}),
    protocol: t.protocol,
    ...(t.source ? { configFile: t.source.file, configLine: t.source.line } : {}),
  };
}

function roleOf(c: CertificateRecord, index: number): Observation['role'] {
  if (index === 0) return 'leaf';
  return c.selfSigned && c.isCA ? 'root' : 'intermediate';
}

export async function collectEndpoints(targets: EndpointTarget[], opts: CollectOptions): Promise<EndpointCollection> {
  const pool = new Pool(opts.concurrency, MAX_CONNECTIONS_PER_HOST);
  // Intermediates and roots repeat across endpoints: parse each distinct DER once per run.
  const parsed: ParseCache = new Map();
  const env = opts.env ?? process.env;
  const pastDeadline = () => Date.now() >= opts.deadline;

  const probeTarget = async (target: EndpointTarget): Promise<TargetResult> => {
    const res: TargetResult = { target, addresses: [] };
    const key = target.host.toLowerCase();
    const caFile = target.caFile
      ? isAbsolute(target.caFile)
        ? target.caFile
        : resolvePath(opts.workspace, target.caFile)
      : opts.defaultCaFile;
    try {
      res.store = await loadTrustStore(caFile);
    } catch (e) {
      if (!(e instanceof CaFileError)) throw e;
      // Still probe with the bundled roots: the certificates' expiry matters even if trust cannot be judged as asked.
      res.caFileProblem = e;
      res.store = await loadTrustStore(undefined);
    }
    let proxy: URL | undefined;
    try {
      proxy = proxyFor(target.host, target.port, env);
    } catch (e) {
      if (!(e instanceof ProxyConfigError)) throw e;
      res.error = new ProbeError('proxy', { reason: 'proxy-config', problem: e.problem });
      return res;
    }
    let addresses: (string | undefined)[];
    if (proxy && !target.allAddresses && !isIP(target.host)) {
      addresses = [undefined]; // the proxy resolves the name, as a client behind it would
    } else {
      try {
        addresses = await pool.run(key, () => {
          if (pastDeadline()) throw new NotStarted();
          return resolveAddresses(
            target.host,
            target.allAddresses,
            phaseDeadline(target.timeoutMs, opts.deadline),
            opts.lookup,
          );
        });
      } catch (e) {
        if (e instanceof NotStarted) res.notStarted = true;
        else res.error = e as ProbeError;
        return res;
      }
    }
    const guard = opts.network;
    if (guard?.publicOnly) {
      // Direct: the addresses just resolved are the ones connected to, so each is checked.
      // Through a proxy the proxy resolves the name: it is resolved here too and every answer must be public.
      const why =
        addresses[0] === undefined
          ? await refusal(
              target.host,
              guard,
              opts.lookup ? async (h) => (await opts.lookup!(h, { all: true })).map((a) => a.address) : undefined,
            )
          : addresses.map((a) => refusalOf(target.host, a!, guard)).find((w) => w !== null);
      if (why) {
        res.refused = { reason: 'refused', refusal: why, ...(proxy ? { proxy: proxy.host } : {}) };
        return res;
      }
    }
    res.addresses = await Promise.all(
      addresses.map(async (address): Promise<AddressResult> => {
        try {
          const outcome = await pool.run(key, () => {
            if (pastDeadline()) throw new NotStarted();
            return probeAddress(target, address, {
              runDeadline: opts.deadline,
              secureContext: res.store!.secureContext,
              proxy,
            });
          });
          return {
            address,
            outcome,
            judged: outcome.tls ? judge(target, outcome, res.store!, parsed, opts) : undefined,
          };
        } catch (e) {
          if (e instanceof NotStarted) return { address, notStarted: true };
          throw e;
        }
      }),
    );
    return res;
  };

  const results = await Promise.all(targets.map(probeTarget));
  const out: EndpointCollection = { observations: [], findings: [], probes: [], judged: [] };
  const reportedConfig = new Set<string>();
  for (const r of results) assemble(r, out, reportedConfig, opts.network);
  return out;
}

function notChecked(t: EndpointTarget, cause: ProbeCause, address?: string): Finding {
  return {
    id: 'not-checked',
    severity: 'notice',
    detail: { kind: 'endpoint-not-checked', endpoint: endpointRef(t, address), cause },
    location: baseLocation(t, address),
  };
}

/** The endpoint as findings name it (report/text/finding-sentence.ts `endpointLabel`). */
function endpointRef(t: EndpointTarget, address?: string): EndpointRef {
  return {
    host: t.host,
    port: t.port,
    ...(t.servername && t.servername !== t.host ? { servername: t.servername } : {}),
    ...(address && address !== t.host ? { address } : {}),
  };
}

function parseCached(der: Buffer, cache: ParseCache): CertificateRecord {
  const key = createHash('sha256').update(der).digest('hex');
  let r = cache.get(key);
  if (!r) {
    try {
      r = parseCertificate(der);
    } catch (e) {
      if (!(e instanceof CertificateParseError)) throw e;
      r = e;
    }
    cache.set(key, r);
  }
  if (r instanceof CertificateParseError) throw r;
  return r;
}

function judge(
  t: EndpointTarget,
  outcome: ProbeOutcome,
  store: TrustStore,
  cache: ParseCache,
  opts: CollectOptions,
): Judged {
  const tls = outcome.tls!;
  const parseErrors: Judged['parseErrors'] = [];
  const records = tls.chain.map((der, index) => {
    try {
      return parseCached(der, cache);
    } catch (e) {
      if (!(e instanceof CertificateParseError)) throw e;
      parseErrors.push({ index, der, error: e });
      return undefined;
    }
  });
  const verdict = opts.judge({
    records,
    peer: tls.peer,
    anchors: store.anchors(),
    name: nameToCheck(t),
    now: opts.now ?? new Date(),
    authorized: tls.authorized,
    authorizationError: tls.authorizationError,
  });
  tls.peer = [];
  return { records, parseErrors, verdict };
}

function assemble(
  r: TargetResult,
  out: EndpointCollection,
  reportedConfig: Set<string>,
  guard: NetworkGuard | undefined,
): void {
  const t = r.target;
  if (r.refused) {
    out.findings.push(notChecked(t, r.refused));
    out.probes.push({
      targetId: t.id,
      host: t.host,
      port: t.port,
      ok: false,
      failure: { cause: r.refused },
      phase: 'dns',
      chainLength: 0,
      authorized: false,
    });
    return;
  }
  const unreachableSeverity = t.optional ? 'warning' : 'error';
  const ca = r.caFileProblem;
  // One finding per ca-file and problem, however many endpoints use it.
  const caKey = ca ? JSON.stringify([ca.path, ca.cause]) : '';
  if (ca && !reportedConfig.has(caKey)) {
    reportedConfig.add(caKey);
    out.findings.push({
      id: 'config',
      severity: 'error',
      detail: { kind: 'ca-file-problem', path: ca.path, cause: ca.cause },
      location: baseLocation(t),
    });
  }
  if (r.notStarted) {
    out.findings.push(notChecked(t, { reason: 'not-started' }));
    return;
  }
  if (r.error) {
    out.findings.push(
      r.error.runDeadline
        ? notChecked(t, r.error.cause)
        : {
            id: 'unreachable',
            severity: unreachableSeverity,
            detail: { kind: 'unreachable', endpoint: endpointRef(t), cause: r.error.cause },
            location: baseLocation(t),
          },
    );
    out.probes.push({
      targetId: t.id,
      host: t.host,
      port: t.port,
      ok: false,
      failure: { cause: r.error.cause },
      phase: r.error.phase,
      chainLength: 0,
      authorized: false,
    });
    return;
  }
  for (const a of r.addresses) {
    const loc = baseLocation(t, a.address);
    if (a.notStarted || !a.outcome) {
      out.findings.push(notChecked(t, { reason: 'not-started' }, a.address));
      continue;
    }
    const { outcome } = a;
    const summary: ProbeSummary = {
      targetId: t.id,
      host: t.host,
      port: t.port,
      ...(a.address ? { address: a.address } : {}),
      ok: !outcome.error,
      chainLength: outcome.tls?.chain.length ?? 0,
      authorized: false,
      ...(outcome.proxy ? { proxy: outcome.proxy } : {}),
    };
    out.probes.push(summary);
    if (outcome.error) {
      // What a server says in a STARTTLS dialogue is its author's text: on an untrusted run it is not kept
      // (a pull request's author could aim an endpoint at a server whose banner leaks something).
      const { cause } = outcome.error;
      const told: ProbeCause =
        guard?.publicOnly && outcome.error.phase === 'starttls'
          ? { reason: 'starttls-withheld', protocol: t.starttls!, policy: guard.policy }
          : cause;
      summary.failure = { cause: told, at: endpointRef(t, a.address) };
      summary.phase = outcome.error.phase;
      out.findings.push(
        outcome.error.runDeadline
          ? notChecked(t, cause, a.address)
          : {
              id: 'unreachable',
              severity: unreachableSeverity,
              detail: { kind: 'unreachable', endpoint: endpointRef(t, a.address), cause: told },
              location: loc,
            },
      );
      continue;
    }
    const tls = outcome.tls!;
    summary.tlsVersion = tls.tlsVersion;
    summary.cipher = tls.cipher;
    summary.opensslError = tls.authorizationError;
    summary.stapledOcsp = !!tls.stapledOcsp;

    const { records, parseErrors, verdict } = a.judged!;
    for (const { index, der, error } of parseErrors) {
      out.findings.push({
        id: 'unparseable',
        severity: 'error',
        detail: {
          kind: 'served-unparseable',
          endpoint: endpointRef(t, a.address),
          index,
          chainLength: tls.chain.length,
          fingerprint: `sha256:${createHash('sha256').update(der).digest('hex')}`,
          reason: error.message,
        },
        location: { ...loc, chainIndex: index },
      });
    }
    const leaf = records[0];
    const parsed = records.filter((c): c is CertificateRecord => !!c);
    records.forEach((cert, i) => {
      if (!cert) return;
      out.observations.push({
        cert,
        location: { ...loc, chainIndex: i },
        role: roleOf(cert, i),
        ...(t.owner ? { owner: t.owner } : {}),
        ...(t.thresholds ? { thresholds: t.thresholds } : {}),
        companions: parsed.filter((c) => c !== cert),
        ...(i === 0 && tls.stapledOcsp ? { stapledOcsp: tls.stapledOcsp } : {}),
        ...(verdict?.offPath[i] ? { offPath: true } : {}),
      });
    });
    if (!leaf || !verdict) {
      summary.authorizationError = 'unparseable';
      continue;
    }
    summary.authorized = verdict.trusted && verdict.hostname.ok;
    if (!verdict.trusted) summary.authorizationError = verdict.problem;
    else if (!verdict.hostname.ok) summary.authorizationError = 'hostname-mismatch';
    out.judged.push({
      targetId: t.id,
      at: endpointRef(t, a.address),
      endpoint: endpointRef(t),
      allAddresses: !!t.allAddresses,
      ...(a.address ? { address: a.address } : {}),
      leaf,
      location: { ...loc, chainIndex: 0 },
      verdict,
    });
  }
}
