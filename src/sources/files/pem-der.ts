// PEM and DER certificate files (.pem .crt .cer .der), including bundles.
import { splitPem, looksLikePem, type PemBlock, type PemProblem } from '../../x509/pem.js';
import { readTlv } from '../../x509/der.js';
import { extractDerObjects } from './der-objects.js';
import { emptyExtraction, within, type Extraction, type ExtractProblem, type Whereabouts } from './extracted.js';
import { extractPkcs7 } from './pkcs7.js';

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'X.509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const KEY_LABEL = /PRIVATE KEY$/;
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);
// Labels that legitimately sit next to certificates and are not certificates.
const QUIET_LABELS = new Set([
  'X509 CRL',
  'CRL',
  'CERTIFICATE REQUEST',
  'NEW CERTIFICATE REQUEST',
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'DH PARAMETERS',
  'EC PARAMETERS',
]);

/** `outerPlace`: where the text sits, named first in each certificate's place ("Secret web/tls tls.crt"). */
export function extractPemText(text: string, lineOffset = 0, outerPlace?: string): Extraction {
  const out = emptyExtraction();
  const { blocks, problems } = splitPem(text);
  for (const p of problems) out.problems.push(pemProblem(p, lineOffset));
  const certBlocks = blocks.filter((b) => CERT_LABELS.has(b.label));
  for (const b of blocks) addPemBlock(out, b, lineOffset, outerPlace, certBlocks.length > 1);
  return out;
}

/** A PEM splitter problem, placed in its block (the block's label says which). */
export function pemProblem(p: PemProblem, lineOffset = 0): ExtractProblem {
  return within({ in: 'pem-block', label: p.label }, { line: p.line + lineOffset, problem: p.fault });
}

export function addPemBlock(
  out: Extraction,
  b: PemBlock,
  lineOffset: number,
  outerPlace: string | undefined,
  many: boolean,
  where: Whereabouts = {},
) {
  const line = b.line + lineOffset;
  if (CERT_LABELS.has(b.label)) {
    let der = b.der;
    // OpenSSL reads the certificate at the start of a block and ignores what follows
    // it: trust settings in a "TRUSTED CERTIFICATE", or stray bytes.
    try {
      const end = readTlv(der, 0).end;
      if (end < der.length) {
        if (b.label !== 'TRUSTED CERTIFICATE')
          out.problems.push({
            line,
            problem: { reason: 'pem-trailing-bytes', bytes: der.length - end },
            severity: 'notice',
          });
        der = der.subarray(0, end);
      }
    } catch {
      /* left whole; the parser will say what is wrong */
    }
    out.certificates.push({
      der,
      line,
      detail: place(outerPlace, many ? `PEM block ${b.index}` : undefined),
      ...where,
    });
  } else if (KEY_LABEL.test(b.label)) {
    out.keys.push({ line, privateKey: { form: 'pem', label: b.label }, ...where });
  } else if (PKCS7_LABELS.has(b.label)) {
    const inner = extractPkcs7(b.der);
    for (const c of inner.certificates)
      out.certificates.push({ ...c, line, detail: place(outerPlace, c.detail), ...where });
    for (const p of inner.problems) out.problems.push({ ...p, line, ...where });
  } else if (!QUIET_LABELS.has(b.label)) {
    out.problems.push({
      line,
      problem: { reason: 'pem-not-certificate', label: b.label },
      severity: 'notice',
      ...where,
    });
  }
}

/** A certificate's place inside a file, outer part first: "Secret web/tls tls.crt PEM block 2". */
function place(...parts: (string | undefined)[]): string | undefined {
  return parts.filter(Boolean).join(' ') || undefined;
}

export function extractPemOrDer(buf: Buffer): Extraction {
  // Text with a BEGIN line is PEM; anything else starting with a SEQUENCE is read as DER.
  const head = buf.subarray(0, Math.min(buf.length, 65536)).toString('latin1');
  if (looksLikePem(head) || looksLikePem(buf.toString('latin1'))) return extractPemText(buf.toString('utf8'));
  const out = emptyExtraction();
  if (buf.length === 0) {
    out.problems.push({ line: 1, problem: { reason: 'empty-file' } });
    return out;
  }
  if (buf[0] !== 0x30) {
    const printable = head.slice(0, 200).replace(/[^\x20-\x7e\r\n\t]/g, '').length / Math.min(head.length, 200);
    out.problems.push({
      line: 1,
      problem: { reason: printable > 0.9 ? 'text-not-pem' : 'not-pem-or-der' },
    });
    return out;
  }
  // One DER reader for every binary ASN.1 file: certificates (one or several back to
  // back), PKCS#7, private keys noticed, trailing bytes and damage said once.
  return extractDerObjects(buf);
}
