// Probing endpoints as a run does: the endpoint source with the trust check
// plugged in, and the trust findings added to the source's own — so endpoint
// tests see every finding a run would, without a whole run around them.
import { endpointTrustFindings, judgeServedChain } from '../../src/checks/endpoint-trust.js';
import {
  collectEndpoints,
  type CollectOptions,
  type EndpointCollection,
} from '../../src/sources/endpoints/collect-endpoints.js';
import { probeFailure } from '../../src/report/text/probe-cause.js';
import type { EndpointTarget } from '../../src/types.js';

/** Each probe with `error` as the JSON report says it (`endpoints[].error`). */
export interface ProbedEndpoints extends EndpointCollection {
  probes: (EndpointCollection['probes'][number] & { error?: string })[];
}

export async function probeEndpoints(
  targets: EndpointTarget[],
  opts: Omit<CollectOptions, 'judge'>,
): Promise<ProbedEndpoints> {
  const res = await collectEndpoints(targets, { ...opts, judge: judgeServedChain });
  return {
    ...res,
    probes: res.probes.map((p) => (p.failure ? { ...p, error: probeFailure(p.failure) } : p)),
    findings: [...res.findings, ...endpointTrustFindings(res.judged)],
  };
}
