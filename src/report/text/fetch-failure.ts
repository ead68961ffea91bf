// A failed fetch (net/http-fetch.ts FetchFailure) in words: the one place a
// CRL, OCSP, AIA, ARI or serial-list download failure becomes a sentence —
// "fetching CRL http://ca.example/x.crl: HTTP 404".
import type { FetchFailure, FetchProblem, OcspGetProblem, UrlRefusal } from '../../net/http-fetch.js';
import { addressRefusal } from './address-refusal.js';

// Common socket errors in words (the code kept for searching): these end up in
// findings, and "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9" says the same
// thing twice to someone who only wants to know the server is down.
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused, nothing listening on that port',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'host name lookup failed temporarily (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** "fetching CRL http://ca.example/x.crl: HTTP 404": what was attempted, where, and what went wrong. */
export function fetchFailure(f: FetchFailure): string {
  const text = `${f.action} ${f.url}: ${fetchProblem(f)}`;
  return f.afterGet ? `${text} (after ${ocspGetProblem(f.afterGet)})` : text;
}

function fetchProblem(p: FetchProblem): string {
  switch (p.reason) {
    case 'not-fetchable':
      return urlRefusal(p.refusal);
    case 'redirect-scheme':
      return `redirected to ${p.scheme}:// (only http and https are followed)`;
    case 'not-started':
      return "not started, the run's deadline has passed";
    case 'deadline-passed':
      return `stopped, the run's deadline passed after ${p.bytes} bytes`;
    case 'http-status':
      return `HTTP ${p.status}`;
    case 'declared-too-large':
      return `response of ${p.bytes} bytes exceeds the ${p.maxBytes}-byte limit`;
    case 'too-large':
      return `response exceeds the ${p.maxBytes}-byte limit (aborted after ${p.bytes} bytes)`;
    case 'budget-used-up':
      return `the run's download budget of ${Math.round(p.maxTotalBytes / 1024 / 1024)} MB (network.max-download-mb) is used up`;
    case 'timeout':
      return `timed out (no complete answer within ${p.limitMs} ms)`;
    case 'headers-timeout':
      return 'timed out waiting for the response headers';
    case 'body-timeout':
      return 'timed out while reading the response body';
    case 'connect-timeout':
      return 'timed out connecting';
    case 'network':
      return p.code && NETWORK_WORDS[p.code] ? `${NETWORK_WORDS[p.code]} (${p.code})` : p.detail;
    case 'write-failed':
      return `cannot write ${p.file} (${p.detail})`;
    case 'refused':
      return `${p.redirectedTo ? `redirected to ${p.redirectedTo}: ` : ''}${addressRefusal(p.refusal)}`;
  }
}

/** Why a URL is not fetched: `ldap:// URLs are not fetched (only http and https)`. */
export function urlRefusal(r: UrlRefusal): string {
  return r.reason === 'invalid-url'
    ? `"${r.url}" is not a valid URL`
    : `${r.scheme}:// URLs are not fetched (only http and https)`;
}

function ocspGetProblem(g: OcspGetProblem): string {
  return g.reason === 'not-successful' ? 'GET did not return a successful OCSP response' : fetchFailure(g.failure);
}
