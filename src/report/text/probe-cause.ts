// Why a probe of an endpoint failed (sources/endpoints/probe-cause.ts), in
// words: the one place the sentences of `unreachable` and `not-checked`
// endpoint findings and of the JSON report's `endpoints[].error` are written —
// "TCP connect: connection refused (nothing listening on that port)".
// A server's words (`said`) arrive already quoted by the probe (shortened,
// non-printable characters replaced); each medium still escapes the sentence.
import type { EndpointRef } from '../../findings/finding-detail.js';
import type {
  LdapDefect,
  ProbeCause,
  ProbeStep,
  ProxyConfigProblem,
  ProxyProblem,
  StartTlsProblem,
  TlsProblem,
} from '../../sources/endpoints/probe-cause.js';
import { addressRefusal, policyRule } from './address-refusal.js';
import { endpointLabel } from './endpoint-label.js';

/** A failed probe as the JSON report's `endpoints[].error` says it: the endpoint (when the probe had an address) and why. */
export function probeFailure(f: { cause: ProbeCause; at?: EndpointRef }): string {
  return f.at ? `${endpointLabel(f.at)}: ${probeCause(f.cause)}` : probeCause(f.cause);
}

/** "TLS handshake: timed out after 5000 ms". */
export function probeCause(c: ProbeCause): string {
  switch (c.reason) {
    case 'not-started':
      return 'the run deadline passed before it was started';
    case 'run-deadline':
      return `${stepName(c.step)}: stopped by the run deadline`;
    case 'timeout':
      return `${stepName(c.step)}: timed out after ${c.ms} ms`;
    case 'socket':
      return `${stepName(c.step)}: ${(c.code && SOCKET_WORDS[c.code]) || c.message}`;
    case 'dns':
      return `resolving ${c.host}: ${c.code === 'ENOTFOUND' || c.code === 'ENODATA' ? 'name does not resolve' : c.message}`;
    case 'no-addresses':
      return `resolving ${c.host}: no addresses`;
    case 'proxy-config':
      return proxyConfigProblem(c.problem);
    case 'proxy':
      return `${stepName({ step: 'proxy', proxy: c.proxy, target: c.target })}: ${proxyProblem(c.problem)}`;
    case 'tls':
      return `${stepName({ step: 'handshake' })}: ${tlsProblem(c.problem)}`;
    case 'starttls':
      return `${stepName({ step: 'starttls', protocol: c.protocol })}${startTlsProblem(c.problem)}`;
    case 'starttls-withheld':
      return `the STARTTLS dialogue failed (the server's words are not shown ${policyRule(c.policy)})`;
    case 'refused':
      return c.proxy
        ? `${addressRefusal(c.refusal)} (through the proxy ${c.proxy}, which resolves names itself)`
        : addressRefusal(c.refusal);
    case 'failed':
      return `probe failed: ${c.message}`;
  }
}

function stepName(s: ProbeStep): string {
  switch (s.step) {
    case 'resolve':
      return `resolving ${s.host}`;
    case 'tcp':
      return 'TCP connect';
    case 'proxy-tcp':
      return `TCP connect to proxy ${s.proxy}`;
    case 'proxy':
      return `proxy ${s.proxy} (CONNECT ${s.target})`;
    case 'starttls':
      return `STARTTLS (${s.protocol})`;
    case 'handshake':
      return 'TLS handshake';
  }
}

// Errno codes a user can act on, in words; any other code reads as Node's message.
const SOCKET_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listening on that port)',
  ECONNRESET: 'connection reset by peer',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable (no route; IPv6 may be unavailable on this machine)',
  EADDRNOTAVAIL: 'address not available on this machine',
  EPIPE: 'connection closed by peer while writing',
};

function proxyConfigProblem(p: ProxyConfigProblem): string {
  switch (p.problem) {
    case 'not-a-url':
      return `HTTPS_PROXY="${p.value}" is not a URL${p.credentials ? ' (credentials hidden; percent-encode special characters in the user name and password, e.g. # as %23)' : ''}`;
    case 'not-http':
      return `HTTPS_PROXY uses ${p.protocol}//; only http:// proxies (HTTP CONNECT) are supported`;
    case 'unencoded-credentials':
      return `HTTPS_PROXY="${p.value}" holds credentials with unencoded special characters; percent-encode them (e.g. # as %23)`;
  }
}

function proxyProblem(p: ProxyProblem): string {
  switch (p.problem) {
    case 'closed':
      return 'proxy closed the connection before answering';
    case 'header-too-large':
      return `proxy reply header exceeds ${p.maxBytes} bytes`;
    case 'not-http':
      return `not an HTTP reply: ${JSON.stringify(p.statusLine)}`;
    case 'refused':
      return `proxy refused: ${p.status} ${p.text}`.trimEnd();
  }
}

function tlsProblem(p: TlsProblem): string {
  switch (p.problem) {
    case 'too-many-bytes':
      return `server sent more than ${p.maxBytes} bytes without completing the handshake`;
    case 'too-many-certificates':
      return `server sent more than ${p.max} certificates; refusing to judge such a chain`;
    case 'no-certificate':
      return 'server presented no certificate';
    case 'closed':
      return 'server closed the connection during the TLS handshake';
    case 'oversized-message':
      return 'server sent a handshake message larger than OpenSSL accepts (oversized certificate chain)';
    case 'not-tls':
      return 'server does not speak TLS on this port (got something else, e.g. plain HTTP)';
    case 'openssl':
      return `TLS error: ${p.message}`;
  }
}

// RFC 4511 §4.1.9 result codes a StartTLS request commonly gets.
const LDAP_RESULT_CODES: Record<number, string> = {
  1: 'operationsError',
  2: 'protocolError',
  12: 'unavailableCriticalExtension',
  52: 'unavailable',
  53: 'unwillingToPerform',
  80: 'other',
};

/** What follows "STARTTLS (smtp)": ": server …" for what happened, " refused by server: …" for a refusal. */
function startTlsProblem(p: StartTlsProblem): string {
  switch (p.problem) {
    case 'too-many-bytes':
      return `: server sent more than ${p.maxBytes} bytes without completing the STARTTLS dialogue`;
    case 'closed':
      return ': server closed the connection';
    case 'line-too-long':
      return `: server sent a line longer than ${p.maxBytes} bytes`;
    case 'too-many-lines':
      return `: server reply exceeds ${p.maxLines} lines (first: ${JSON.stringify(p.first)})`;
    case 'bytes-after-go-ahead':
      return `: server sent ${p.bytes} unexpected bytes after agreeing to start TLS`;
    case 'not-a-reply':
      return `: not an ${p.dialect} reply: ${p.said}`;
    case 'bad-greeting':
      return `: server greeting is not ${p.expected === '220' ? p.expected : `"${p.expected}"`}: ${p.said}`;
    case 'preauth':
      return `: server greeted with PREAUTH, which forbids STARTTLS: ${p.said}`;
    case 'ehlo-rejected':
      return `: EHLO rejected: ${p.said}`;
    case 'not-offered':
      return `: server does not offer STARTTLS (${p.evidence}: ${p.said})`;
    case 'auth-tls-not-offered':
      return `: server does not offer STARTTLS (AUTH TLS): ${p.said}`;
    case 'refused':
      return ` refused by server: ${p.said}`;
    case 'stream-closed':
      return `: server closed the stream: ${p.said}`;
    case 'ldap-result': {
      const name = LDAP_RESULT_CODES[p.resultCode] ?? `resultCode ${p.resultCode}`;
      // protocolError and unavailableCriticalExtension: the server does not know the StartTLS operation
      const what =
        p.resultCode === 2 || p.resultCode === 12 ? ': server does not offer STARTTLS' : ' refused by server';
      return `${what}: ${name} (${p.resultCode})${p.diagnostic ? `: ${p.diagnostic}` : ''}`;
    }
    case 'not-ldap':
      return `: not an LDAP server (first byte 0x${p.firstByte.toString(16)}: ${p.said})`;
    case 'malformed-ldap':
      return `: malformed LDAP response: ${ldapDefect(p.defect)}`;
    case 'ldap-too-large':
      return `: LDAP response of ${p.bytes} bytes exceeds ${p.maxBytes}`;
    case 'postgres-ssl-off':
      return ': server does not offer STARTTLS (SSLRequest answered "N": SSL is off)';
    case 'postgres-error-response':
      return ' refused by server: error response to SSLRequest';
    case 'not-postgres':
      return `: not a PostgreSQL server (SSLRequest answered 0x${p.answer.toString(16).padStart(2, '0')} ${p.said})`;
  }
}

function ldapDefect(d: LdapDefect): string {
  switch (d.defect) {
    case 'truncated-element':
      return 'truncated BER element';
    case 'unsupported-length':
      return 'unsupported BER length';
    case 'truncated-length':
      return 'truncated BER length';
    case 'overrun':
      return 'BER element overruns its container';
    case 'not-extended-response':
      return `expected an ExtendedResponse, got tag 0x${d.tag.toString(16)}`;
    case 'no-result-code':
      return 'missing resultCode';
  }
}
