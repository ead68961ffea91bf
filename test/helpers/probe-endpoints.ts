// Probing endpoints as a run does: the endpoint source with the trust check
// plugged in, and the trust findings added to the source's own — so endpoint
// tests see every finding a run would, without a whole run around them.
import { endpointTrustFindings, judgeServedChain } from '../../src/checks/endpoint-trust.js';
import {
  collectEndpoints,
  type CollectOptions,
  type EndpointCollection,
} from '../../src/sources/endpoints/collect-endpoints.js';
import type { EndpointTarget } from '../../src/types.js';

export async function probeEndpoints(
  targets: EndpointTarget[],
  opts: Omit<CollectOptions, 'judge'>,
): Promise<EndpointCollection> {
  const res = await collectEndpoints(targets, { ...opts, judge: judgeServedChain });
  return { ...res, findings: [...res.findings, ...endpointTrustFindings(res.judged)] };
}
