// Why an endpoint's chain is not trusted and why its leaf does not cover the
// name probed (checks/chain.ts, checks/hostname.ts), in words: the one place
// these causes become sentences. Certificate names and issuer DNs are the
// certificate's own text: the medium escapes the whole sentence on its way out.
import type { ChainCause } from '../../checks/chain.js';
import type { HostnameCause } from '../../checks/hostname.js';
import { describeVerifyError } from '../../shared/openssl-verify-errors.js';

const day = (iso: string) => iso.slice(0, 10);

/** "the server did not send the intermediate certificate: …": the cause after "certificate chain is not trusted: ". */
export function chainCause(c: ChainCause): string {
  switch (c.reason) {
    case 'self-signed':
      return `the certificate "${c.leaf}" is self-signed and not a trusted root (add it with ca-file if that is intended)`;
    case 'untrusted-root':
      return `the chain ends at root "${c.root}", which is not trusted (add it with ca-file if it is your private CA)`;
    case 'intermediate-not-sent':
      return `the server did not send the intermediate certificate: issuer "${c.issuer}" of "${c.leaf}" is neither in the chain nor a trusted root${aiaNote(c.aia)}`;
    case 'issuer-not-sent':
      return `the chain stops at "${c.top}", whose issuer "${c.issuer}" was not sent and is not trusted${aiaNote(c.aia)}`;
    case 'unknown-issuer':
      return `unknown issuer: the chain stops at "${c.top}", issued by "${c.issuer}", which is not a trusted root (add it with ca-file if it is your private CA)`;
    case 'ca-expired':
      return `${c.role} "${c.certificate}" on the path expired on ${day(c.notAfter)}`;
    case 'ca-not-yet-valid':
      return `${c.role} "${c.certificate}" on the path is not valid until ${day(c.notBefore)}`;
    case 'leaf-unparseable':
      return 'the leaf certificate does not parse';
    case 'openssl-rejected':
      return `OpenSSL rejected the chain: ${describeVerifyError(c.code)}`;
  }
}

function aiaNote(aia: string | undefined): string {
  return aia
    ? `; clients that fetch missing issuers via AIA (${aia}) may cope, most others fail`
    : '; the certificate names no AIA issuer URL to fetch it from';
}

/** "the certificate covers a.example, not "b.example"": the cause after "hostname mismatch: ". */
export function hostnameCause(c: HostnameCause): string {
  switch (c.reason) {
    case 'no-subject-alt-name': {
      const malformed = c.sanMalformed ? ' (its subjectAltName extension is malformed)' : '';
      return `the certificate has no DNS or IP subjectAltName${malformed} (it names CN=${c.subjectCN ?? '(none)'} only, which browsers and Go clients ignore), so it does not cover "${c.name}"`;
    }
    case 'address-as-dns-name':
      return `the certificate names ${c.name} only as a DNS name (dNSName), which does not cover an IP address; it needs an IP address subjectAltName (it covers ${namesCovered(c.covers)})`;
    case 'address-not-covered':
      return `the certificate covers ${namesCovered(c.covers)}, not the address ${c.name}`;
    case 'name-not-covered': {
      const note = c.partialWildcard
        ? ` (partial wildcards such as ${c.partialWildcard} are not honoured by browsers)`
        : '';
      return `the certificate covers ${namesCovered(c.covers)}, not "${c.name}"${note}`;
    }
    case 'leaf-unparseable':
      return 'the leaf certificate does not parse';
  }
}

/** "a.example, 192.0.2.1"; a name holding separators is quoted so it reads as one name. */
export function namesCovered(names: string[]): string {
  return names.map((n) => (/[\s,"]/.test(n) ? JSON.stringify(n) : n)).join(', ');
}
