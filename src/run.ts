// The pipeline both entry points call:
// settings → targets → observed certificates → checks → findings → report.
// It knows nothing of GitHub or the terminal: it returns data.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EndpointTarget, Finding, Observation, ObservedCertificate, Settings, Thresholds } from './types.js';
import { collectFiles } from './sources/files/collect-files.js';
import { groupObservations } from './observe/group-observations.js';
import { checkExpiry, expiryStanding } from './checks/expiry.js';
import { certificateNaming } from './findings/certificate-naming.js';
import { checkStrength } from './checks/strength.js';
import { applyIgnores } from './findings/apply-ignores.js';
import { applyPathRules, fileExcluder } from './findings/path-rules.js';
import { checkThresholdOrder } from './config/threshold-order.js';
import { markRevocationOff } from './checks/revocation/revocation-off.js';
import { renewalInfoQuestions } from './checks/ari/renewal-info-questions.js';
import { buildReport } from './report/build-report.js';
import type { Report, ReportProbe } from './report/report-types.js';
import { networkGuard, type UntrustedEvent } from './net/address-policy.js';
import { publicOnlyNotice } from './report/text/address-refusal.js';
import { probeFailure } from './report/text/probe-cause.js';

export interface RunOptions {
  /** only these workspace-relative files (pull-request scope); null/undefined = all */
  onlyFiles?: Set<string> | null;
  /** which endpoints to probe (pull-request scope); default all */
  endpointFilter?: (t: EndpointTarget) => boolean;
  /** progress lines (stderr on a terminal, core.info in the action) */
  progress?: (msg: string) => void;
  env?: NodeJS.ProcessEnv;
  /** when the run must be over (epoch ms); defaults to now + defaults.deadline */
  deadline?: number;
  /** why the event's code is not trusted (a fork's pull request), or null: see net/address-policy.ts */
  untrusted?: UntrustedEvent | null;
}

/** Stable shard of a target identity: the same target stays in its shard when others are added. */
export function shardOf(identity: string, count: number): number {
  if (count <= 1) return 1;
  const h = createHash('sha256').update(identity).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

// Reserve this share of the deadline for revocation, ARI and reporting, so a run
// that probes slow endpoints still ends with a report (issue: deadline behaviour).
const PROBE_SHARE_OF_DEADLINE = 0.7;

export async function run(settings: Settings, o: RunOptions = {}): Promise<Report> {
  const started = Date.now();
  const deadline = o.deadline ?? started + settings.defaults.deadlineMs;
  const probeDeadline = started + Math.max(0, (deadline - started) * PROBE_SHARE_OF_DEADLINE);
  const progress = o.progress ?? (() => {});
  const { shard } = settings;
  const inShard = (id: string) => shardOf(id, shard.count) === shard.index;
  const problems: Finding[] = [];
  problems.push(...checkThresholdOrder(settings));
  // Which addresses this run may contact, and its download budget (loaded with the HTTP client only when needed).
  const guard = networkGuard(settings.network, o.untrusted ?? null);
  if (guard.publicOnly) progress(publicOnlyNotice(guard.policy));

  const cacheRel = path.relative(settings.workspace, path.resolve(settings.workspace, settings.defaults.cacheDir));
  const files = await collectFiles(settings.files, {
    workspace: settings.workspace,
    only: o.onlyFiles ?? null,
    inShard: shard.count > 1 ? inShard : undefined,
    ignore: cacheRel && !cacheRel.startsWith('..') ? [`${cacheRel.split(path.sep).join('/')}/**`] : [],
    env: o.env,
    excludedBy: fileExcluder(
      settings.pathRules,
      settings.files.some((f) => f.discovered),
    ),
  });
  progress(`files: ${files.filesRead} read, ${files.observations.length} certificates`);
  problems.push(...files.findings);
  if (
    files.observations.length === 0 &&
    settings.files.some((f) => f.discovered) &&
    !settings.endpoints.length &&
    !o.onlyFiles
  ) {
    // Never a silent pass: say that nothing was found, and how to point certwatch at things.
    problems.push({
      id: 'no-match',
      severity: 'notice',
      detail: { kind: 'nothing-found', configPath: settings.configPath ?? '.github/certwatch.yml' },
    });
  }

  const observations: Observation[] = [...files.observations];
  const endpoints = settings.endpoints.filter(
    (t) => (o.endpointFilter ? o.endpointFilter(t) : true) && (shard.count > 1 ? inShard(t.id) : true),
  );
  const certBound: Finding[] = [];
  const probes: ReportProbe[] = [];
  if (endpoints.length) {
    progress(`endpoints: probing ${endpoints.length}`);
    // Loaded on demand: a run with nothing to probe should not pay for TLS/STARTTLS code (cold start).
    const { collectEndpoints } = await import('./sources/endpoints/collect-endpoints.js');
    const { endpointTrustFindings, judgeServedChain } = await import('./checks/endpoint-trust.js');
    const ep = await collectEndpoints(endpoints, {
      concurrency: settings.defaults.concurrency,
      deadline: probeDeadline,
      defaultCaFile: settings.defaults.caFile ? path.resolve(settings.workspace, settings.defaults.caFile) : undefined,
      workspace: settings.workspace,
      now: settings.now,
      env: o.env,
      network: guard,
      judge: judgeServedChain,
    });
    observations.push(...ep.observations);
    for (const f of [...ep.findings, ...endpointTrustFindings(ep.judged)])
      (f.fingerprint ? certBound : problems).push(f);
    progress(`endpoints: ${ep.probes.filter((p) => p.ok).length}/${ep.probes.length} probes answered`);
    for (const p of ep.probes) {
      probes.push({
        target: p.targetId,
        host: p.host,
        port: p.port,
        address: p.address ?? null,
        ok: p.ok,
        error: p.failure ? probeFailure(p.failure) : null,
        tlsVersion: p.tlsVersion ?? null,
        cipher: p.cipher ?? null,
        chainLength: p.chainLength,
        trusted: p.authorized,
        problem: p.authorizationError ?? null,
        stapledOcsp: p.stapledOcsp === true,
      });
    }
  }

  const certs = groupObservations(observations, settings.defaults);
  const byFp = new Map(certs.map((c) => [c.cert.fingerprint, c]));
  for (const f of certBound) {
    const oc = byFp.get(f.fingerprint!);
    if (oc) oc.findings.push(f);
    else problems.push(f);
  }

  for (const oc of certs) {
    oc.findings.push(...localChecks(oc, settings));
  }

  // Revocation and renewal signals: published lists first (no network for a file).
  // Each part is loaded only when there is something for it to do — undici and
  // the ASN.1 schemas are the heaviest part of the bundle (start-up profile, issue 15).
  if (settings.revokedSerials.length) {
    const { applyRevokedSerialLists } = await import('./checks/revocation/revoked-serials.js');
    (await import('./net/http-fetch.js')).configureHttp(guard);
    problems.push(...(await applyRevokedSerialLists(certs, settings, deadline)));
  }
  if (certs.length) {
    // Revocation and renewal answers are judged by the real clock, even in a forecast
    // (`--at DATE`): whether a CRL or OCSP answer is fresh and whether a CA's ARI
    // window is open are facts about now; only expiry and ignore.until move.
    const ctx = { settings, now: new Date(), deadline, knownCertificates: certs.map((c) => c.cert) };
    const askCa = renewalInfoQuestions(certs, settings, ctx.now).length > 0;
    if (settings.defaults.revocation !== 'off' || askCa) (await import('./net/http-fetch.js')).configureHttp(guard);
    if (settings.defaults.revocation === 'off') markRevocationOff(certs);
    else await (await import('./checks/revocation/check-revocation.js')).checkRevocation(certs, ctx);
    if (askCa)
      problems.push(...(await (await import('./checks/ari/check-renewal-info.js')).checkRenewalInfo(certs, ctx)));
  }

  applyIgnores(certs, settings.ignore, settings.now);
  problems.push(...applyPathRules(certs, problems, settings.pathRules, settings.now));
  // A target refused by the network policy was not cut short by time: it does not make the run partial.
  const deadlineReached = Date.now() > deadline || problems.some((p) => p.id === 'not-checked' && !refusedByPolicy(p));
  return buildReport(certs, problems, settings, { deadlineReached, endpoints: probes });
}

/** A `not-checked` target the network policy kept certwatch from contacting (checks/ari, sources/endpoints). */
function refusedByPolicy(f: Finding): boolean {
  return (
    (f.detail.kind === 'endpoint-not-checked' && f.detail.cause.reason === 'refused') ||
    (f.detail.kind === 'ari-problem' && f.detail.refused)
  );
}

/** Checks that need nothing but the certificate and the clock. */
function localChecks(oc: ObservedCertificate, settings: Settings): Finding[] {
  const t: Thresholds = {
    warnWithin: oc.thresholds?.warnWithin ?? settings.defaults.warnWithin,
    failWithin: oc.thresholds?.failWithin ?? settings.defaults.failWithin,
  };
  if (oc.offPath) return [];
  const superseded = oc.supersededBy?.[0];
  if (superseded && oc.role === 'leaf') {
    // The replacement sits next to it: its expiry is not an outage, but it should go.
    const expiry = expiryStanding(oc, t, settings.now);
    return [
      {
        id: 'superseded',
        severity: expiry?.severity === 'error' ? 'warning' : 'notice',
        fingerprint: oc.cert.fingerprint,
        detail: {
          kind: 'superseded',
          certificate: certificateNaming(oc),
          by: superseded,
          ...(expiry ? { expiry: expiry.detail } : {}),
        },
      },
    ];
  }
  return [...checkExpiry(oc, t, settings.now), ...checkStrength(oc)];
}
