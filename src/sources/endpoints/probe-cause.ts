// Why a probe of an endpoint failed, as data: what the probe was doing (the
// step) and what went wrong, with the numbers and the third-party words (Node's
// and OpenSSL's messages, a server's reply) as fields. Sentences are written
// late, in report/text/probe-cause.ts; the `unreachable` and `not-checked`
// findings and the JSON report's `endpoints[].error` are rendered from here.
//
// A server's words (`said`) are attacker-controlled: they are stored already
// shortened and with anything but printable ASCII replaced (line-reader.ts
// `quote`), and on an untrusted event they are not kept at all
// (`starttls-withheld`, collect-endpoints.ts).
import type { StartTlsProtocol } from '../../types.js';
import type { AddressRefusal, PolicyRule } from '../../net/address-policy.js';

/** What a probe was doing when it failed: the subject of its sentence ("TLS handshake: …"). */
export type ProbeStep =
  | { step: 'resolve'; host: string }
  | { step: 'tcp' }
  /** connecting to the HTTP proxy itself (`proxy`: "proxy.example:3128") */
  | { step: 'proxy-tcp'; proxy: string }
  /** the CONNECT exchange with the proxy (`target`: "host:port" asked for) */
  | { step: 'proxy'; proxy: string; target: string }
  | { step: 'starttls'; protocol: StartTlsProtocol }
  | { step: 'handshake' };

/** The proxy's answer to CONNECT, when it was not a tunnel. */
export type ProxyProblem =
  | { problem: 'closed' }
  | { problem: 'header-too-large'; maxBytes: number }
  /** `statusLine`: the proxy's first line, cut to 80 characters */
  | { problem: 'not-http'; statusLine: string }
  | { problem: 'refused'; status: string; text: string };

/** HTTPS_PROXY that cannot be used; `value` is the variable with its password redacted. */
export type ProxyConfigProblem =
  | { problem: 'not-a-url'; value: string; credentials: boolean }
  | { problem: 'not-http'; protocol: string }
  | { problem: 'unencoded-credentials'; value: string };

/** A TLS handshake that did not complete (socket errors are `socket` causes). */
export type TlsProblem =
  | { problem: 'too-many-bytes'; maxBytes: number }
  | { problem: 'too-many-certificates'; max: number }
  | { problem: 'no-certificate' }
  | { problem: 'closed' }
  /** OpenSSL refused a handshake message over its size limit (an oversized chain) */
  | { problem: 'oversized-message' }
  /** the port answered with something else (plain HTTP, …) */
  | { problem: 'not-tls' }
  /** any other OpenSSL error: its code and its reason, OpenSSL's words */
  | { problem: 'openssl'; code: string; message: string };

/** What went wrong in a STARTTLS dialogue. `said`: the server's words, quoted (see above). */
export type StartTlsProblem =
  | { problem: 'too-many-bytes'; maxBytes: number }
  | { problem: 'closed' }
  | { problem: 'line-too-long'; maxBytes: number }
  /** `first`: the reply's first line, cut to 80 characters */
  | { problem: 'too-many-lines'; maxLines: number; first: string }
  | { problem: 'bytes-after-go-ahead'; bytes: number }
  | { problem: 'not-a-reply'; dialect: 'FTP' | 'SMTP'; said: string }
  | { problem: 'bad-greeting'; expected: '220' | '* OK' | '+OK'; said: string }
  | { problem: 'preauth'; said: string }
  | { problem: 'ehlo-rejected'; said: string }
  /** the server's list of what it offers lacks STARTTLS; `evidence`: which list */
  | { problem: 'not-offered'; evidence: 'EHLO reply' | 'capabilities' | 'CAPA' | 'stream features'; said: string }
  /** FTP: AUTH TLS answered 500, 502 or 504 */
  | { problem: 'auth-tls-not-offered'; said: string }
  | { problem: 'refused'; said: string }
  | { problem: 'stream-closed'; said: string }
  /** LDAP: the ExtendedResponse's resultCode (RFC 4511 §4.1.9) and diagnostic message */
  | { problem: 'ldap-result'; resultCode: number; diagnostic: string }
  | { problem: 'not-ldap'; firstByte: number; said: string }
  | { problem: 'malformed-ldap'; defect: LdapDefect }
  | { problem: 'ldap-too-large'; bytes: number; maxBytes: number }
  | { problem: 'postgres-ssl-off' }
  | { problem: 'postgres-error-response' }
  | { problem: 'not-postgres'; answer: number; said: string };

/** What the bounded BER reader in starttls/ldap.ts found wrong with an LDAP response. */
export type LdapDefect =
  | { defect: 'truncated-element' }
  | { defect: 'unsupported-length' }
  | { defect: 'truncated-length' }
  | { defect: 'overrun' }
  | { defect: 'not-extended-response'; tag: number }
  | { defect: 'no-result-code' };

export type ProbeCause =
  /** the run's deadline passed before the probe was started */
  | { reason: 'not-started' }
  /** the run's deadline cut the step short */
  | { reason: 'run-deadline'; step: ProbeStep }
  /** the step's own timeout */
  | { reason: 'timeout'; step: ProbeStep; ms: number }
  /** a socket error: the errno code (said in words when known) and Node's message */
  | { reason: 'socket'; step: ProbeStep; code?: string; message: string }
  /** name resolution failed: the resolver's code and message */
  | { reason: 'dns'; host: string; code?: string; message: string }
  | { reason: 'no-addresses'; host: string }
  | { reason: 'proxy-config'; problem: ProxyConfigProblem }
  | { reason: 'proxy'; proxy: string; target: string; problem: ProxyProblem }
  | { reason: 'tls'; problem: TlsProblem }
  | { reason: 'starttls'; protocol: StartTlsProtocol; problem: StartTlsProblem }
  /** a STARTTLS failure on an untrusted event: the server's words are not kept (`policy`: why) */
  | { reason: 'starttls-withheld'; protocol: StartTlsProtocol; policy: PolicyRule }
  /** the network policy refused the address; `proxy`: the proxy that would have resolved the name */
  | { reason: 'refused'; refusal: AddressRefusal; proxy?: string }
  /** anything else a probe threw: its message */
  | { reason: 'failed'; message: string };

/** The run's deadline (not a phase's own timeout) kept this probe from finishing. */
export function isRunDeadline(c: ProbeCause): boolean {
  return c.reason === 'run-deadline' || c.reason === 'not-started';
}
