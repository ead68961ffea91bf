// A finding is data; its sentence is written once (report/text/finding-sentence.ts)
// and every medium shows that sentence, escaped its own way. These tests pin the
// sentence of every kind of detail (the words users and existing issue bodies
// know), check that the terminal, the job summary, annotations, SARIF, issue
// bodies and the HTML/CSV inventory all show it, that hostile text inside a
// detail stays inert in each, and that `detail` survives a JSON round trip
// through `merge`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FINDING_KINDS, type FindingDetail } from '../../src/findings/finding-detail.js';
import { findingSentence, findingSentenceBesidePlace } from '../../src/report/text/finding-sentence.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown, cell } from '../../src/report/markdown.js';
import { annotationsFor } from '../../src/report/annotations.js';
import { renderSarif } from '../../src/report/sarif.js';
import { findingsSentence } from '../../src/github/issue-body.js';
import { renderInventory } from '../../src/report/inventory/render.js';
import { mergeReports, validateReport } from '../../src/report/merge-reports.js';
import { mdUntrusted, sarifUntrusted } from '../../src/report/untrusted-text.js';
import { workflowSafe } from '../../src/report/workflow-safe.js';
import type { Report, ReportFinding } from '../../src/report/report-types.js';
import type { FindingId, Location } from '../../src/types.js';
import type { ChainCause, ChainProblem } from '../../src/checks/chain.js';
import type { HostnameCause } from '../../src/checks/hostname.js';
import type { FetchFailure, FetchProblem, OcspGetProblem } from '../../src/net/http-fetch.js';
import type { AriCause } from '../../src/checks/ari/fetch-renewal-info.js';
import type { SerialListCause } from '../../src/checks/revocation/revoked-serials.js';
import type { FileCause } from '../../src/sources/files/file-cause.js';
import { describeVerifyError } from '../../src/shared/openssl-verify-errors.js';
import { cert, fileAt, report } from '../helpers/report-factory.js';
import { NOW_ISO } from '../helpers/clock.js';

const leaf = { name: 'api.example', role: 'leaf' as const };
const ep = { host: '127.0.0.1', port: 8443, servername: 'shop.example' };

interface Case {
  id: FindingId;
  detail: FindingDetail;
  /** the sentence as it reads on its own (JSON message, issue bodies, SARIF) */
  says: string;
  /** where the finding is, when it is about one place */
  location?: Location;
  /** the sentence beside a place column, when it differs */
  beside?: string;
  /** a target problem (not on a certificate) */
  problem?: boolean;
}

/** Every chain cause (checks/chain.ts), as the untrusted-chain sentence says it. */
function chainCases(): Case[] {
  const at = 'shop.example via 127.0.0.1:8443: certificate chain is not trusted: ';
  const c = (problem: ChainProblem, cause: ChainCause, says: string): Case => ({
    id: 'untrusted-chain',
    detail: { kind: 'untrusted-chain', endpoint: ep, problem, cause },
    says: at + says,
  });
  return [
    c(
      'self-signed',
      { reason: 'self-signed', leaf: 'shop.example' },
      'the certificate "shop.example" is self-signed and not a trusted root (add it with ca-file if that is intended)',
    ),
    c(
      'untrusted-root',
      { reason: 'untrusted-root', root: 'Private Root CA' },
      'the chain ends at root "Private Root CA", which is not trusted (add it with ca-file if it is your private CA)',
    ),
    c(
      'missing-intermediate',
      { reason: 'intermediate-not-sent', leaf: 'shop.example', issuer: 'CN=R11,O=Example CA' },
      'the server did not send the intermediate certificate: issuer "CN=R11,O=Example CA" of "shop.example" is neither in the chain nor a trusted root; the certificate names no AIA issuer URL to fetch it from',
    ),
    c(
      'missing-intermediate',
      { reason: 'intermediate-not-sent', leaf: 'shop.example', issuer: 'CN=R11', aia: 'http://ca.example/r11.der' },
      'the server did not send the intermediate certificate: issuer "CN=R11" of "shop.example" is neither in the chain nor a trusted root; clients that fetch missing issuers via AIA (http://ca.example/r11.der) may cope, most others fail',
    ),
    c(
      'missing-intermediate',
      { reason: 'issuer-not-sent', top: 'R11', issuer: 'CN=Root X1', aia: 'http://ca.example/x1.der' },
      'the chain stops at "R11", whose issuer "CN=Root X1" was not sent and is not trusted; clients that fetch missing issuers via AIA (http://ca.example/x1.der) may cope, most others fail',
    ),
    c(
      'unknown-issuer',
      { reason: 'unknown-issuer', top: 'Private Intermediate', issuer: 'CN=Private Root CA' },
      'unknown issuer: the chain stops at "Private Intermediate", issued by "CN=Private Root CA", which is not a trusted root (add it with ca-file if it is your private CA)',
    ),
    c(
      'expired-intermediate',
      { reason: 'ca-expired', role: 'intermediate', certificate: 'R3', notAfter: '2026-11-17T03:00:00.000Z' },
      'intermediate "R3" on the path expired on 2026-11-17',
    ),
    c(
      'expired-intermediate',
      {
        reason: 'ca-not-yet-valid',
        role: 'trusted root',
        certificate: 'Root X2',
        notBefore: '2027-01-01T00:00:00.000Z',
      },
      'trusted root "Root X2" on the path is not valid until 2027-01-01',
    ),
    c('rejected', { reason: 'leaf-unparseable' }, 'the leaf certificate does not parse'),
    c(
      'rejected',
      { reason: 'openssl-rejected', code: 'INVALID_CA' },
      `OpenSSL rejected the chain: ${describeVerifyError('INVALID_CA')}`,
    ),
  ];
}

/** Every hostname cause (checks/hostname.ts), as the hostname-mismatch sentence says it. */
function hostnameCases(): Case[] {
  const c = (cause: HostnameCause, says: string): Case => ({
    id: 'hostname-mismatch',
    detail: { kind: 'hostname-mismatch', endpoint: { host: 'lb.example', port: 443, address: '192.0.2.7' }, cause },
    says: `lb.example:443 (192.0.2.7): hostname mismatch: ${says}`,
  });
  return [
    c(
      { reason: 'name-not-covered', name: 'lb.example', covers: ['www.example'] },
      'the certificate covers www.example, not "lb.example"',
    ),
    c(
      {
        reason: 'name-not-covered',
        name: 'foo.example',
        covers: ['f*.example', 'a, DNS:foo.example'],
        partialWildcard: 'f*.example',
      },
      'the certificate covers f*.example, "a, DNS:foo.example", not "foo.example" (partial wildcards such as f*.example are not honoured by browsers)',
    ),
    c(
      { reason: 'no-subject-alt-name', name: 'lb.example', subjectCN: 'lb.example', sanMalformed: false },
      'the certificate has no DNS or IP subjectAltName (it names CN=lb.example only, which browsers and Go clients ignore), so it does not cover "lb.example"',
    ),
    c(
      { reason: 'no-subject-alt-name', name: 'lb.example', sanMalformed: true },
      'the certificate has no DNS or IP subjectAltName (its subjectAltName extension is malformed) (it names CN=(none) only, which browsers and Go clients ignore), so it does not cover "lb.example"',
    ),
    c(
      { reason: 'address-as-dns-name', name: '192.0.2.7', covers: ['192.0.2.7'] },
      'the certificate names 192.0.2.7 only as a DNS name (dNSName), which does not cover an IP address; it needs an IP address subjectAltName (it covers 192.0.2.7)',
    ),
    c(
      { reason: 'address-not-covered', name: '192.0.2.7', covers: ['www.example', '192.0.2.8'] },
      'the certificate covers www.example, 192.0.2.8, not the address 192.0.2.7',
    ),
    c({ reason: 'leaf-unparseable', name: 'lb.example' }, 'the leaf certificate does not parse'),
  ];
}

const CRL = 'http://ca.example/x.crl';

/** Every way a fetch fails (net/http-fetch.ts), as a CRL problem of revocation-unknown says it. */
function fetchCases(): Case[] {
  const c = (problem: FetchProblem, says: string, extra: { afterGet?: OcspGetProblem } = {}): Case => ({
    id: 'revocation-unknown',
    detail: {
      kind: 'revocation-unknown',
      certificate: leaf,
      problems: [
        {
          source: 'crl',
          url: CRL,
          cause: { reason: 'fetch', failure: { ...problem, action: 'fetching CRL', url: CRL, ...extra } },
        },
      ],
    },
    says: `Revocation status of certificate api.example is unknown: ${says}`,
  });
  const at = `fetching CRL ${CRL}: `;
  return [
    c(
      { reason: 'not-fetchable', refusal: { reason: 'scheme', scheme: 'ldap' } },
      `${at}ldap:// URLs are not fetched (only http and https)`,
    ),
    c(
      { reason: 'not-fetchable', refusal: { reason: 'invalid-url', url: 'http://[' } },
      `${at}"http://[" is not a valid URL`,
    ),
    c({ reason: 'redirect-scheme', scheme: 'file' }, `${at}redirected to file:// (only http and https are followed)`),
    c({ reason: 'not-started' }, `${at}not started, the run's deadline has passed`),
    c({ reason: 'deadline-passed', bytes: 4096 }, `${at}stopped, the run's deadline passed after 4096 bytes`),
    c(
      { reason: 'declared-too-large', status: 200, bytes: 900, maxBytes: 500 },
      `${at}response of 900 bytes exceeds the 500-byte limit`,
    ),
    c(
      { reason: 'too-large', status: 200, bytes: 600, maxBytes: 500 },
      `${at}response exceeds the 500-byte limit (aborted after 600 bytes)`,
    ),
    c(
      { reason: 'budget-used-up', status: 200, maxTotalBytes: 8192 * 1024 * 1024 },
      `${at}the run's download budget of 8192 MB (network.max-download-mb) is used up`,
    ),
    c({ reason: 'timeout', limitMs: 3000 }, `${at}timed out (no complete answer within 3000 ms)`),
    c({ reason: 'headers-timeout' }, `${at}timed out waiting for the response headers`),
    c({ reason: 'body-timeout' }, `${at}timed out while reading the response body`),
    c({ reason: 'connect-timeout' }, `${at}timed out connecting`),
    c(
      { reason: 'network', code: 'ENOTFOUND', detail: 'ENOTFOUND: getaddrinfo ENOTFOUND ca.example' },
      `${at}host not found (DNS) (ENOTFOUND)`,
    ),
    c({ reason: 'network', code: 'EPROTO', detail: 'EPROTO: write EPROTO' }, `${at}EPROTO: write EPROTO`),
    c({ reason: 'write-failed', file: '/tmp/x.list', detail: 'ENOSPC' }, `${at}cannot write /tmp/x.list (ENOSPC)`),
    c(
      {
        reason: 'refused',
        refusal: {
          reason: 'not-public',
          host: '10.0.0.1',
          address: '10.0.0.1',
          range: 'private',
          policy: { rule: 'untrusted-event', event: { kind: 'fork-pull-request', fork: 'mallory/site' } },
        },
        redirectedTo: '10.0.0.1:80',
      },
      `${at}redirected to 10.0.0.1:80: not contacted: 10.0.0.1, a private (RFC 1918) address, on a pull request from the fork mallory/site (only public addresses are contacted there)`,
    ),
    c({ reason: 'http-status', status: 503 }, `${at}HTTP 503 (after GET did not return a successful OCSP response)`, {
      afterGet: { reason: 'not-successful' },
    }),
    c({ reason: 'http-status', status: 503 }, `${at}HTTP 503 (after OCSP GET to http://ocsp.example: HTTP 405)`, {
      afterGet: {
        reason: 'fetch',
        failure: { reason: 'http-status', status: 405, action: 'OCSP GET to', url: 'http://ocsp.example' },
      },
    }),
  ];
}

/** Every file cause (sources/files/file-cause.ts), as the file-problem sentence says it. */
function fileCases(): Case[] {
  const c = (cause: FileCause, says: string): Case => ({
    id: 'unparseable',
    detail: { kind: 'file-problem', path: 'certs/a.pem', line: 4, cause },
    says: `certs/a.pem:4: ${says}`,
    problem: true,
  });
  return [
    c({ reason: 'link-outside-workspace' }, 'a symbolic link to a file outside the workspace; not followed'),
    c({ reason: 'directory' }, 'this is a directory, not a certificate file; narrow the glob to files'),
    c({ reason: 'not-regular-file' }, 'not a regular file (a device, socket or pipe); not read'),
    c({ reason: 'unreadable', code: 'ELOOP', message: 'x' }, 'symbolic link loop; not read'),
    c({ reason: 'unreadable', code: 'EACCES', message: 'x' }, 'permission denied; the file cannot be read by this job'),
    c({ reason: 'unreadable', code: 'ENOENT', message: 'x' }, 'dangling symbolic link or file removed during the run'),
    c({ reason: 'unreadable', code: 'EISDIR', message: 'x' }, 'this is a directory, not a certificate file'),
    c(
      { reason: 'too-large', bytes: 52428800, limit: 10485760 },
      'the file is 50.0 MiB, over the 10 MiB limit for a certificate file; not read',
    ),
    c({ reason: 'grew-too-large', limit: 10485760 }, 'the file grew past the 10 MiB limit while being read'),
    c({ reason: 'unreadable', code: 'EIO', message: 'i/o error' }, 'cannot be read (EIO)'),
    c({ reason: 'unreadable', message: 'odd' }, 'cannot be read (odd)'),
    c(
      { reason: 'password-env-unset', env: 'P12_PASS' },
      'password variable $P12_PASS is not set in the environment; pass it to the step (env: P12_PASS: ${{ secrets.P12_PASS }})',
    ),
    c({ reason: 'certificate-unparseable', text: 'DER is damaged' }, 'DER is damaged'),
    c(
      { reason: 'parser', problem: { reason: 'pkcs12-password-wrong', passwordEnv: 'P' } },
      'PKCS#12 password from $P is wrong (the MAC does not verify)',
    ),
  ];
}

/** Every ARI cause (checks/ari/fetch-renewal-info.ts), as the ari-problem sentence says it. */
function ariCases(): Case[] {
  const c = (cause: AriCause, says: string): Case => ({
    id: 'renewal-window',
    detail: { kind: 'ari-problem', ca: "Let's Encrypt", refused: false, cause },
    says: `ARI for Let's Encrypt: ${says}`,
    problem: true,
  });
  const url = 'http://x/ari/abc.def';
  return [
    c({ reason: 'directory-status', directory: 'http://x/dir', status: 500 }, 'directory http://x/dir returned 500'),
    c({ reason: 'directory-not-json', directory: 'http://x/dir' }, 'directory http://x/dir is not JSON'),
    c(
      { reason: 'no-renewal-info', directory: 'http://x/dir' },
      'directory http://x/dir offers no renewalInfo endpoint',
    ),
    c({ reason: 'unknown-certificate', url }, `renewalInfo ${url} does not know this certificate (HTTP 404)`),
    c({ reason: 'renewal-info-status', url, status: 502 }, `renewalInfo ${url} returned 502`),
    c({ reason: 'malformed-json', url }, `renewalInfo ${url} returned malformed JSON`),
    c(
      { reason: 'no-window', url },
      `renewalInfo ${url} returned no valid suggestedWindow start/end (RFC 3339 timestamps are required)`,
    ),
    c(
      { reason: 'window-reversed', url, start: '2026-12-05T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      `renewalInfo ${url} returned a window that ends (2026-12-01T00:00:00.000Z) before it starts (2026-12-05T00:00:00.000Z)`,
    ),
    c(
      { reason: 'fetch', failure: { reason: 'not-started', action: 'reading renewalInfo', url } },
      `reading renewalInfo ${url}: not started, the run's deadline has passed`,
    ),
    c({ reason: 'error', text: 'something nobody foresaw' }, 'something nobody foresaw'),
  ];
}

/** Every serial-list cause (checks/revocation/revoked-serials.ts), as its sentence says it. */
function serialListCases(): Case[] {
  const list = 'https://ca.example/list.txt';
  const c = (cause: SerialListCause, says: string, unreadable = false): Case => ({
    id: unreadable ? 'unparseable' : 'unreachable',
    detail: { kind: unreadable ? 'serial-list-unreadable' : 'serial-list-problem', list, cause },
    says: `revoked-serials list ${list}${unreadable ? '' : ':'} ${says}`,
    problem: true,
  });
  const failure: FetchFailure = { reason: 'http-status', status: 404, action: 'fetching serial list', url: list };
  return [
    c({ reason: 'read', problem: { reason: 'missing' } }, 'does not exist', true),
    c({ reason: 'read', problem: { reason: 'directory' } }, 'is a directory, not a list', true),
    c({ reason: 'read', problem: { reason: 'unreadable', detail: 'EACCES' } }, 'cannot be read (EACCES)', true),
    c(
      { reason: 'read', problem: { reason: 'not-gzip', detail: 'incorrect header check' } },
      'is not a valid gzip file (incorrect header check)',
      true,
    ),
    c({ reason: 'fetch', failure }, `could not be read: fetching serial list ${list}: HTTP 404`, true),
    c({ reason: 'error', text: 'went wrong' }, 'went wrong', true),
    c(
      { reason: 'stale-copy', failure, fetchedAt: '2026-11-30T00:00:00.000Z' },
      `the server did not answer (fetching serial list ${list}: HTTP 404); used the copy fetched 2026-11-30T00:00:00.000Z`,
    ),
    c(
      { reason: 'bad-lines', lines: [{ line: 3, text: 'xyz', problem: { reason: 'not-hex' } }], count: 1 },
      'line 3 is not a hex serial number (skipped)',
    ),
    c(
      {
        reason: 'bad-lines',
        lines: [
          { line: 3, text: 'xyz', problem: { reason: 'not-hex' } },
          { line: 4, text: ', name', problem: { reason: 'no-serial' } },
          { line: 9, text: 'ab'.repeat(30), problem: { reason: 'too-long', hexDigits: 60 } },
        ],
        count: 1200,
      },
      `1,200 lines skipped: line 3 "xyz" is not a hex serial number; line 4 ", name" has no serial before the first comma or tab; line 9 "${'ab'.repeat(30)}" is not one serial number (a serial has at most 20 octets; this one has 60 hex digits), … (1,200 in all)`,
    ),
    c(
      { reason: 'stopped', lines: 1500000 },
      "reading stopped, the run's deadline passed after 1,500,000 lines; serials further down were not compared",
    ),
  ];
}

// The sentences as certwatch has always written them (recorded from the CLI before
// detail existed): a change here changes what users read and what issues say.
const CASES: Case[] = [
  {
    id: 'expired',
    detail: { kind: 'expired', certificate: leaf, notAfter: '2026-11-19T03:00:00.000Z' },
    says: 'Certificate api.example expired on 2026-11-19 (3 days ago); replace it',
  },
  {
    id: 'not-yet-valid',
    detail: {
      kind: 'not-yet-valid',
      certificate: { name: 'next.example', role: 'leaf' },
      notBefore: '2026-11-27T03:00:00.000Z',
    },
    says: 'Certificate next.example is not valid until 2026-11-27T03:00:00.000Z (in 5 days); clients reject it until then',
  },
  {
    id: 'expiring',
    detail: {
      kind: 'expiring',
      certificate: { name: 'R11', role: 'intermediate' },
      notBefore: '2024-11-25T03:00:00.000Z',
      notAfter: '2026-11-25T03:00:00.000Z',
      threshold: { name: 'fail-within', text: '7d', kind: 'absolute' },
    },
    says: 'Intermediate CA certificate R11 expires on 2026-11-25, in 3 days (under 7d); renew it now',
  },
  {
    id: 'expiring',
    detail: {
      kind: 'expiring',
      certificate: { name: 'edge.example', role: 'leaf' },
      notBefore: '2026-11-17T07:48:00.000Z',
      notAfter: '2026-11-23T07:48:00.000Z',
      threshold: { name: 'warn-within', text: '33%', kind: 'percent' },
    },
    says: 'Certificate edge.example expires on 2026-11-23, in 1 day 4 h (20% of its lifetime (6 days) left, under 33%); plan its renewal',
  },
  {
    id: 'superseded',
    detail: {
      kind: 'superseded',
      certificate: { name: 'cdn.example', role: 'leaf' },
      by: { serial: '10140A', notBefore: '2026-12-02T18:00:00.000Z', notAfter: '2027-03-02T18:00:00.000Z' },
      expiry: {
        kind: 'expiring',
        certificate: { name: 'cdn.example', role: 'leaf' },
        notBefore: '2026-08-26T03:00:00.000Z',
        notAfter: '2026-11-24T03:00:00.000Z',
        threshold: { name: 'fail-within', text: '7d', kind: 'absolute' },
      },
    },
    says: 'Old copy of a renewed certificate: superseded by serial 10140A (valid 2026-12-02 to 2027-03-02) in the same file; the newer one is the one to keep. Certificate cdn.example expires on 2026-11-24, in 2 days (under 7d); remove it from the bundle',
  },
  {
    id: 'weak-key',
    detail: { kind: 'weak-key', certificate: leaf, algorithm: 'RSA', bits: 1024, minimumBits: 2048 },
    says: 'Certificate api.example has a 1024-bit RSA key; use at least 2048 bits (or ECDSA P-256)',
  },
  {
    id: 'weak-key',
    detail: {
      kind: 'weak-key',
      certificate: { name: 'Old Root', role: 'root' },
      algorithm: 'ECDSA',
      bits: 192,
      minimumBits: 224,
    },
    says: 'Root certificate Old Root has a 192-bit EC key; use P-256 or stronger',
  },
  {
    id: 'weak-signature',
    detail: { kind: 'weak-signature', certificate: leaf, algorithm: 'sha1WithRSAEncryption' },
    says: 'Certificate api.example is signed with sha1WithRSAEncryption, which clients reject; reissue it with SHA-256',
  },
  {
    id: 'revoked',
    detail: {
      kind: 'revoked',
      certificate: leaf,
      source: { method: 'crl', url: 'http://ca.example/int.crl' },
      revokedAt: '2026-11-30T18:00:00.000Z',
      reason: 'keyCompromise',
      alsoListed: [{ name: 'CA incident', label: 'incidents/serials.txt', line: 2 }],
    },
    says: 'Certificate api.example was revoked on 2026-11-30 18:00 UTC (reason: keyCompromise), according to the CRL http://ca.example/int.crl; also on the published list CA incident (incidents/serials.txt line 2)',
  },
  {
    id: 'revoked',
    detail: {
      kind: 'revoked',
      certificate: leaf,
      source: { method: 'stapled' },
      revokedAt: null,
      reason: null,
    },
    says: 'Certificate api.example was revoked on an unknown date (reason: none given), according to the OCSP response stapled by the server',
  },
  {
    id: 'revoked',
    detail: {
      kind: 'revoked-listed',
      serial: '100F0A',
      lists: [
        { name: 'First', label: 'a.txt', line: 2 },
        { name: 'Second', label: 'b.txt', line: 9 },
      ],
    },
    says: 'serial 100F0A is on the published list First (a.txt) at line 2 and on Second (b.txt) at line 9',
  },
  {
    id: 'revocation-unknown',
    detail: {
      kind: 'revocation-unknown',
      certificate: leaf,
      problems: [
        {
          source: 'ocsp',
          url: 'http://127.0.0.1:9/ocsp',
          cause: {
            reason: 'fetch',
            failure: {
              reason: 'network',
              code: 'ECONNREFUSED',
              detail: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9',
              action: 'OCSP GET to',
              url: 'http://127.0.0.1:9/ocsp',
            },
          },
        },
        {
          source: 'ocsp',
          url: 'http://ocsp.example',
          cause: { reason: 'ocsp', defect: { reason: 'stale', nextUpdate: '2026-11-20T00:00:00.000Z' } },
        },
        { source: 'stapled', cause: { reason: 'ocsp', defect: { reason: 'not-signed-by-issuer', issuer: 'CN=R11' } } },
        {
          source: 'crl',
          url: 'http://ca.example/x.crl',
          cause: {
            reason: 'fetch',
            failure: { reason: 'http-status', status: 404, action: 'fetching CRL', url: 'http://ca.example/x.crl' },
          },
        },
        {
          source: 'crl',
          url: 'http://ca.example/y.crl',
          cause: {
            reason: 'crl',
            url: 'http://ca.example/y.crl',
            delta: false,
            defect: { reason: 'signature', issuer: 'CN=R11', signature: { reason: 'mismatch' } },
          },
        },
      ],
    },
    says: 'Revocation status of certificate api.example is unknown: OCSP GET to http://127.0.0.1:9/ocsp: connection refused, nothing listening on that port (ECONNREFUSED); OCSP http://ocsp.example: the response is stale: nextUpdate 2026-11-20T00:00:00.000Z; stapled OCSP response: the response is not signed by CN=R11 or a responder it delegated to; fetching CRL http://ca.example/x.crl: HTTP 404; CRL http://ca.example/y.crl: CRL is not signed by CN=R11: the signature does not verify',
  },
  {
    id: 'not-checked',
    detail: {
      kind: 'revocation-not-checked',
      certificate: leaf,
      problems: [
        {
          source: 'crl',
          url: 'http://10.0.0.1/x.crl',
          cause: {
            reason: 'fetch',
            failure: {
              reason: 'refused',
              refusal: {
                reason: 'not-public',
                host: '10.0.0.1',
                address: '10.0.0.1',
                range: 'private',
                policy: { rule: 'refuse' },
              },
              action: 'fetching CRL',
              url: 'http://10.0.0.1/x.crl',
            },
          },
        },
      ],
    },
    says: 'Revocation of certificate api.example not checked: fetching CRL http://10.0.0.1/x.crl: not contacted: 10.0.0.1, a private (RFC 1918) address, as network.private-addresses is "refuse"',
  },
  {
    id: 'renewal-window',
    detail: {
      kind: 'renewal-window',
      certificate: leaf,
      state: 'closed',
      ca: 'Rec ACME',
      windowStart: '2026-11-29T18:00:00.000Z',
      windowEnd: '2026-12-02T18:00:00.000Z',
      explanationURL: 'https://status.example/ari',
    },
    says: 'Rec ACME asks for certificate api.example to be replaced: its renewal window (2026-11-29 18:00 UTC – 2026-12-02 18:00 UTC) has closed, which is how a CA announces an imminent revocation; see https://status.example/ari',
  },
  {
    id: 'renewal-window',
    detail: {
      kind: 'renewal-window',
      certificate: leaf,
      state: 'open',
      ca: 'Rec ACME',
      windowStart: '2026-12-01T18:00:00.000Z',
      windowEnd: '2026-12-08T18:00:00.000Z',
    },
    says: "Rec ACME's suggested renewal window (2026-12-01 18:00 UTC – 2026-12-08 18:00 UTC) is open: renew certificate api.example now",
  },
  ...ariCases(),
  ...fetchCases(),
  ...fileCases(),
  ...chainCases(),
  ...hostnameCases(),
  {
    id: 'unreachable',
    detail: {
      kind: 'unreachable',
      endpoint: { host: '::1', port: 25 },
      cause: { reason: 'socket', step: { step: 'tcp' }, message: 'connection refused' },
    },
    says: '[::1]:25: TCP connect: connection refused',
    problem: true,
  },
  {
    id: 'not-checked',
    detail: {
      kind: 'endpoint-not-checked',
      endpoint: { host: 'slow.example', port: 443 },
      cause: { reason: 'not-started' },
    },
    says: 'slow.example:443: not checked: the run deadline passed before it was started',
    problem: true,
  },
  {
    id: 'unparseable',
    detail: {
      kind: 'served-unparseable',
      endpoint: ep,
      index: 1,
      chainLength: 3,
      fingerprint: `sha256:${'ab'.repeat(32)}`,
      reason: 'DER is damaged',
    },
    says: `shop.example via 127.0.0.1:8443: certificate 2 of 3 the server sent (sha256:${'ab'.repeat(8)}…) does not parse: DER is damaged`,
    problem: true,
  },
  {
    id: 'config',
    detail: {
      kind: 'ca-file-problem',
      path: '/w/certs/missing.pem',
      cause: {
        reason: 'unreadable',
        code: 'ENOENT',
        message: "ENOENT: no such file or directory, stat '/w/certs/missing.pem'",
      },
    },
    says: "cannot read ca-file /w/certs/missing.pem: ENOENT: no such file or directory, stat '/w/certs/missing.pem'; endpoints using it were judged against the bundled roots only",
    problem: true,
  },
  {
    id: 'address-drift',
    detail: {
      kind: 'address-drift',
      endpoint: { host: 'drift.example', port: 443 },
      stale: [
        {
          addresses: ['::1'],
          name: 'drift.example',
          fingerprint: `sha256:${'0a'.repeat(32)}`,
          notBefore: '2026-01-01T00:00:00.000Z',
          notAfter: '2026-12-10T00:00:00.000Z',
        },
      ],
      current: [
        {
          addresses: ['127.0.0.1'],
          name: 'drift.example',
          fingerprint: `sha256:${'0b'.repeat(32)}`,
          notBefore: '2026-11-01T00:00:00.000Z',
          notAfter: '2027-01-30T00:00:00.000Z',
        },
      ],
    },
    says: `drift.example:443: addresses serve different certificates; stale: ::1 (serves "drift.example" sha256:${'0a'.repeat(8)}…, notBefore 2026-01-01, notAfter 2026-12-10); current: 127.0.0.1 (serves "drift.example" sha256:${'0b'.repeat(8)}…, notBefore 2026-11-01, notAfter 2027-01-30). Replace the certificate on ::1.`,
  },
  {
    id: 'unparseable',
    detail: {
      kind: 'file-problem',
      path: 'certs/broken.pem',
      line: 1,
      cause: {
        reason: 'parser',
        problem: { reason: 'pem-truncated' },
        within: [{ in: 'pem-block', label: 'CERTIFICATE' }],
      },
    },
    location: fileAt('certs/broken.pem', 1),
    says: 'certs/broken.pem:1: CERTIFICATE block: truncated PEM: BEGIN without END',
    beside: 'CERTIFICATE block: truncated PEM: BEGIN without END',
    problem: true,
  },
  {
    id: 'unparseable',
    detail: { kind: 'file-problem', path: 'certs/empty.crt', cause: { reason: 'no-certificate' } },
    location: fileAt('certs/empty.crt', 1),
    says: 'certs/empty.crt: holds no certificate',
    beside: 'holds no certificate',
    problem: true,
  },
  {
    id: 'unparseable',
    detail: {
      kind: 'file-problem',
      path: 'b.pem',
      line: 7,
      inside: 'PEM block 2',
      cause: { reason: 'encoding-note', text: 'a UTCTime without seconds' },
    },
    location: { type: 'file', path: 'b.pem', line: 7, detail: 'PEM block 2' },
    says: 'b.pem:7 (PEM block 2): a UTCTime without seconds',
    problem: true,
  },
  {
    id: 'private-key',
    detail: {
      kind: 'private-key',
      path: 'certs/site-key.pem',
      line: 1,
      privateKey: { form: 'pem', label: 'PRIVATE KEY' },
    },
    location: fileAt('certs/site-key.pem', 1),
    says: 'certs/site-key.pem:1: a private key (PRIVATE KEY) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.',
    beside:
      'a private key (PRIVATE KEY) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.',
    problem: true,
  },
  {
    id: 'misnamed',
    detail: { kind: 'misnamed', path: 'deploy/payments.jks', store: 'pkcs12', ext: '.jks' },
    location: fileAt('deploy/payments.jks', 1),
    says: 'deploy/payments.jks: PKCS#12 store, named .jks; read as what it is',
    beside: 'PKCS#12 store, named .jks; read as what it is',
    problem: true,
  },
  {
    id: 'unparseable',
    detail: { kind: 'glob-problem', pattern: 'certs/[', reason: 'unterminated class' },
    says: 'files: "certs/[" is not a valid glob (unterminated class)',
    problem: true,
  },
  {
    id: 'no-match',
    detail: { kind: 'no-match', pattern: 'nothing-here/*.pem' },
    location: fileAt('.github/certwatch.yml', 20),
    says: 'files: "nothing-here/*.pem" matched no file',
    problem: true,
  },
  {
    id: 'no-match',
    detail: { kind: 'nothing-found', configPath: '.github/certwatch.yml' },
    says: 'no certificates found in the workspace (looked in every tracked file for PEM blocks, base64 certificates under keys, DER, PKCS#7, PKCS#12 and Java keystores); list files or endpoints in .github/certwatch.yml',
    problem: true,
  },
  ...serialListCases(),
  {
    id: 'config',
    detail: { kind: 'threshold-order', scope: 'files "k8s/*.yaml"', failWithin: '10d', warnWithin: '5d' },
    location: fileAt('.github/certwatch.yml', 16),
    says: 'files "k8s/*.yaml": fail-within (10d) is larger than warn-within (5d), so nothing will ever warn before failing; set warn-within above fail-within',
    problem: true,
  },
  {
    id: 'ignore-expired',
    detail: {
      kind: 'ignore-expired',
      rule: { file: '.github/certwatch.yml', line: 49, reason: 'was to be removed' },
      until: '2026-12-01',
    },
    says: 'The ignore rule for this certificate (.github/certwatch.yml:49, "was to be removed") expired on 2026-12-01; its findings count again',
  },
  {
    id: 'ignore-expired',
    detail: { kind: 'path-ignore-expired', path: 'test/**', rule: {}, until: '2026-10-31' },
    says: 'The ignore rule for path "test/**" (config) expired on 2026-10-31; what it covered counts again',
    problem: true,
  },
  {
    id: 'test-paths',
    detail: { kind: 'test-paths', certificates: 1 },
    says: '1 certificate under test paths (test/, tests/, testdata/, fixtures/, __tests__/, spec/, *_test.*) is reported but not judged; list them under `files:` to judge them',
    problem: true,
  },
  {
    id: 'not-checked',
    detail: { kind: 'shard-counts-differ', counts: [2, 3] },
    says: 'merged reports come from different shard counts (2, 3); the result may be incomplete',
    problem: true,
  },
  {
    id: 'not-checked',
    detail: { kind: 'shards-missing', missing: [2, 3], count: 4 },
    says: 'shard reports 2/4, 3/4 missing from the merge; those targets were not checked',
    problem: true,
  },
];

/** Text as HTML shows it (the five characters HTML gives meaning to, as entities). */
function htmlText(s: string): string {
  const entity: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return s.replace(/[&<>"']/g, (ch) => entity[ch]);
}

function asReportFinding(c: Case): ReportFinding {
  return {
    id: c.id,
    severity: 'warning',
    message: c.says,
    detail: c.detail,
    ...(c.location ? { location: c.location } : {}),
  };
}

/** One report holding every case: target problems as problems, the rest on one certificate each. */
function everyCase(cases: Case[]): Report {
  const certs = cases
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.problem)
    .map(({ c, i }) => cert({ cn: `c${i}.example`, findings: [asReportFinding(c)] }));
  return report(certs, { problems: cases.filter((c) => c.problem).map(asReportFinding) });
}

describe('every kind of finding reads as it always has', () => {
  for (const c of CASES) {
    test(`${c.detail.kind}: ${c.says.slice(0, 60)}…`, () => {
      assert.equal(findingSentence({ detail: c.detail }, NOW_ISO), c.says);
      assert.equal(findingSentenceBesidePlace({ detail: c.detail, location: c.location }, NOW_ISO), c.beside ?? c.says);
    });
  }

  test('the cases cover every kind of detail', () => {
    assert.deepEqual([...new Set(CASES.map((c) => c.detail.kind))].sort(), [...FINDING_KINDS].sort());
  });

  test('a report written before `detail` existed keeps its message (beside the place, without repeating it)', () => {
    const old = { message: 'certs/a.pem:1: something odd', location: fileAt('certs/a.pem') };
    assert.equal(findingSentence(old, NOW_ISO), old.message);
    assert.equal(findingSentenceBesidePlace(old, NOW_ISO), 'something odd');
  });

  test('"in 3 days" is measured from the clock the sentence is written for, not stored', () => {
    const d = CASES[0].detail;
    assert.equal(
      findingSentence({ detail: d }, '2026-11-29T03:00:00.000Z'),
      'Certificate api.example expired on 2026-11-19 (10 days ago); replace it',
    );
  });
});

describe('every medium shows the same sentence', () => {
  const r = everyCase(CASES);

  test('terminal text', () => {
    const text = renderText(r, { color: false });
    for (const c of CASES) assert.ok(text.includes(c.beside ?? c.says), `${c.detail.kind} missing from:\n${text}`);
  });

  test('the job summary (GitHub Markdown)', () => {
    const md = renderMarkdown(r);
    for (const c of CASES)
      assert.ok(md.includes(cell(c.beside ?? c.says)), `${c.detail.kind} missing from the summary`);
  });

  test('workflow-command annotations: beside the file line, or whole', () => {
    for (const c of CASES) {
      // One report per case: a run's annotations are capped (GitHub shows only so many).
      const messages = annotationsFor(everyCase([c])).map((a) => a.message);
      const placed = c.location?.type === 'file' && !c.location.path.startsWith('(');
      assert.ok(messages.includes(placed ? (c.beside ?? c.says) : c.says), `${c.detail.kind} missing from annotations`);
    }
  });

  test('SARIF', () => {
    const texts: string[] = JSON.parse(renderSarif(r)).runs[0].results.map(
      (x: { message: { text: string } }) => x.message.text,
    );
    for (const c of CASES) {
      if (!c.problem || c.location)
        assert.ok(
          texts.some((t) => t.endsWith(sarifUntrusted(c.says))),
          `${c.detail.kind} missing from SARIF`,
        );
    }
  });

  test('issue bodies and comments', () => {
    for (const c of CASES)
      assert.equal(findingsSentence([asReportFinding(c)], NOW_ISO), `**${c.id}** (warning): ${mdUntrusted(c.says)}`);
  });

  test('the inventory (text, Markdown, HTML) lists target problems with the same words', () => {
    const text = renderInventory(r, 'text');
    const md = renderInventory(r, 'markdown');
    const html = renderInventory(r, 'html');
    for (const c of CASES.filter((x) => x.problem)) {
      const s = c.beside ?? c.says;
      assert.ok(text.includes(s), `${c.detail.kind} missing from the text inventory`);
      assert.ok(md.includes(mdUntrusted(s)), `${c.detail.kind} missing from the Markdown inventory`);
      assert.ok(html.includes(htmlText(s)), `${c.detail.kind} missing from the HTML inventory`);
    }
  });
});

describe('hostile text inside a detail stays inert in every medium', () => {
  const HOSTILE = '@octocat [click](https://evil.example/x) <img src=x> #1\n::error::pwned ##[warning]owned';
  const cases: Case[] = [
    {
      id: 'expiring',
      detail: {
        kind: 'expiring',
        certificate: { name: HOSTILE, role: 'leaf' },
        notBefore: '2026-09-01T00:00:00.000Z',
        notAfter: '2026-11-26T03:00:00.000Z',
        threshold: { name: 'fail-within', text: '7d', kind: 'absolute' },
      },
      says: '',
    },
    {
      id: 'revocation-unknown',
      detail: {
        kind: 'revocation-unknown',
        certificate: { name: HOSTILE, role: 'leaf' },
        problems: [
          {
            source: 'crl',
            url: 'http://127.0.0.1:9/@octocat/[x](y)',
            cause: {
              reason: 'fetch',
              failure: { reason: 'http-status', status: 404, action: 'fetching CRL', url: `http://x/${HOSTILE}` },
            },
          },
        ],
      },
      says: '',
    },
    {
      id: 'unparseable',
      detail: {
        kind: 'file-problem',
        path: 'certs/x.pem',
        line: 3,
        cause: {
          reason: 'parser',
          problem: { reason: 'yaml-unparseable', message: HOSTILE },
          within: [{ in: 'secret', secret: HOSTILE, key: 'tls.crt' }],
        },
      },
      location: fileAt('certs/x.pem', 3),
      says: '',
      problem: true,
    },
    {
      id: 'unreachable',
      detail: {
        kind: 'unreachable',
        endpoint: { host: 'evil.example', port: 443 },
        cause: { reason: 'starttls', protocol: 'smtp', problem: { problem: 'refused', said: HOSTILE } },
      },
      says: '',
      problem: true,
    },
    // A published list's lines and an ARI server's URL are the attacker's text too.
    {
      id: 'unparseable',
      detail: {
        kind: 'serial-list-problem',
        list: 'https://ca.example/list.txt',
        cause: { reason: 'bad-lines', lines: [{ line: 2, text: HOSTILE, problem: { reason: 'no-serial' } }], count: 2 },
      },
      says: '',
      problem: true,
    },
    {
      id: 'renewal-window',
      detail: {
        kind: 'ari-problem',
        ca: HOSTILE,
        refused: false,
        cause: {
          reason: 'fetch',
          failure: {
            reason: 'refused',
            refusal: {
              reason: 'not-public',
              host: HOSTILE,
              address: '127.0.0.1',
              range: 'loopback',
              policy: { rule: 'untrusted-event', event: { kind: 'fork-pull-request', fork: HOSTILE } },
            },
            action: 'reading renewalInfo',
            url: HOSTILE,
          },
        },
      },
      says: '',
      problem: true,
    },
    // Chain and hostname causes carry the certificate's own names, issuer DN and AIA URL.
    ...(
      [
        { reason: 'self-signed', leaf: HOSTILE },
        { reason: 'untrusted-root', root: HOSTILE },
        { reason: 'intermediate-not-sent', leaf: HOSTILE, issuer: `CN=${HOSTILE}`, aia: `http://x/${HOSTILE}` },
        { reason: 'issuer-not-sent', top: HOSTILE, issuer: `O=${HOSTILE}`, aia: 'http://x/[y](z)' },
        { reason: 'unknown-issuer', top: HOSTILE, issuer: HOSTILE },
        { reason: 'ca-expired', role: 'intermediate', certificate: HOSTILE, notAfter: '2026-11-17T03:00:00.000Z' },
      ] satisfies ChainCause[]
    ).map(
      (cause): Case => ({
        id: 'untrusted-chain',
        detail: { kind: 'untrusted-chain', endpoint: ep, problem: 'rejected', cause },
        says: '',
      }),
    ),
    ...(
      [
        { reason: 'name-not-covered', name: 'shop.example', covers: [HOSTILE, 'a.example'], partialWildcard: HOSTILE },
        { reason: 'no-subject-alt-name', name: 'shop.example', subjectCN: HOSTILE, sanMalformed: true },
        { reason: 'address-as-dns-name', name: '192.0.2.7', covers: [HOSTILE] },
      ] satisfies HostnameCause[]
    ).map(
      (cause): Case => ({
        id: 'hostname-mismatch',
        detail: { kind: 'hostname-mismatch', endpoint: ep, cause },
        says: '',
      }),
    ),
  ];
  const r = everyCase(cases);

  // What GitHub would link or run: a mention, a live link or image, raw HTML, an issue reference.
  const live = /(^|[^\w\u200b])@octocat|\]\(https?:|<img|(^|\s)#1\b/m;

  test('Markdown (summary, issue bodies) defuses mentions, links, HTML and references', () => {
    const md = renderMarkdown(r);
    assert.doesNotMatch(md, live);
    for (const c of cases) assert.doesNotMatch(findingsSentence([asReportFinding(c)], NOW_ISO), live);
  });

  test('stdout cannot carry a workflow command', () => {
    // The CLI and the action write text through workflowSafe; no line may start a command.
    const out = workflowSafe(renderText(r, { color: false }));
    for (const line of out.split(/\r\n|\r|\n/)) assert.doesNotMatch(line, /^\s*::/);
    assert.doesNotMatch(out, /##\[/);
  });

  test('annotations are one line each (the runner escapes the rest)', () => {
    for (const a of annotationsFor(r)) assert.doesNotMatch(a.message, /::error::pwned\n/);
  });

  test('SARIF has no embedded link and no line break', () => {
    for (const x of JSON.parse(renderSarif(r)).runs[0].results) {
      assert.doesNotMatch(x.message.text, /(^|[^\\])\[[^\]]*\]\(/);
      assert.doesNotMatch(x.message.text, /\n/);
    }
  });

  test('terminal text has no control characters from the detail', () => {
    // eslint-disable-next-line no-control-regex
    for (const line of renderText(r, { color: false }).split('\n'))
      assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('detail round-trips through the JSON report and merge', () => {
  test('merging two shards keeps each finding its detail, and renders the same sentences', () => {
    const half = Math.ceil(CASES.length / 2);
    const a = { ...everyCase(CASES.slice(0, half)), run: { ...everyCase([]).run, shard: '1/2' } };
    const b = { ...everyCase(CASES.slice(half)), run: { ...everyCase([]).run, shard: '2/2' } };
    const merged = mergeReports([
      validateReport(JSON.parse(JSON.stringify(a)), 'a.json'),
      validateReport(JSON.parse(JSON.stringify(b)), 'b.json'),
    ]);
    const all = [...merged.problems, ...merged.certificates.flatMap((c) => c.findings)];
    assert.equal(all.length, CASES.length);
    for (const c of CASES) {
      const f = all.find((x) => JSON.stringify(x.detail) === JSON.stringify(c.detail));
      assert.ok(f, `${c.detail.kind} lost its detail in the merge`);
      assert.deepEqual(f.detail, c.detail);
      assert.equal(findingSentence(f, NOW_ISO), c.says);
      assert.equal(f.message, c.says);
    }
  });

  test('a missing shard is a not-checked finding with its own detail', () => {
    const one = { ...everyCase(CASES.slice(0, 2)), run: { ...everyCase([]).run, shard: '1/3' } };
    const merged = mergeReports([validateReport(JSON.parse(JSON.stringify(one)), 'one.json')]);
    const missing = merged.problems.find((p) => p.detail?.kind === 'shards-missing');
    assert.deepEqual(missing?.detail, { kind: 'shards-missing', missing: [2, 3], count: 3 });
    assert.equal(missing?.message, 'shard reports 2/3, 3/3 missing from the merge; those targets were not checked');
  });
});
