// PKCS#7 / CMS SignedData "certs-only" bundles (.p7b, .p7c), PEM or DER.
import { looksLikePem, splitPem } from '../../x509/pem.js';
import { Pkcs7Error, isPkcs7SignedData, readPkcs7Certificates } from '../../x509/pkcs7.js';
import { emptyExtraction, type Extraction } from './extracted.js';
import { pemProblem } from './pem-der.js';

/** `probe`: only claim the bytes when they are recognisably SignedData (used for DER sniffing). */
export function extractPkcs7(der: Buffer, probe = false): Extraction {
  const out = emptyExtraction();
  if (probe && !isPkcs7SignedData(der)) return out;
  try {
    const certs = readPkcs7Certificates(der);
    certs.forEach((c, n) => out.certificates.push({ der: c, line: 1, detail: `PKCS#7 certificate ${n + 1}` }));
    if (certs.length === 0)
      out.problems.push({ line: 1, problem: { reason: 'pkcs7-no-certificates' }, severity: 'warning' });
  } catch (e) {
    if (!(e instanceof Pkcs7Error)) throw e;
    out.problems.push({ line: 1, problem: e.fault });
  }
  return out;
}

export function extractPkcs7File(buf: Buffer): Extraction {
  const text = buf.toString('latin1');
  if (looksLikePem(text)) {
    const out = emptyExtraction();
    const { blocks, problems } = splitPem(buf.toString('utf8'));
    for (const p of problems) out.problems.push(pemProblem(p));
    for (const b of blocks) {
      const inner =
        b.label === 'CERTIFICATE'
          ? { certificates: [{ der: b.der, line: b.line }], keys: [], problems: [] }
          : extractPkcs7(b.der);
      for (const c of inner.certificates) out.certificates.push({ ...c, line: b.line });
      for (const p of inner.problems) out.problems.push({ ...p, line: b.line });
    }
    if (!blocks.length && !problems.length) out.problems.push({ line: 1, problem: { reason: 'pkcs7-no-pem-block' } });
    return out;
  }
  if (buf.length === 0) return { ...emptyExtraction(), problems: [{ line: 1, problem: { reason: 'empty-file' } }] };
  return extractPkcs7(buf);
}
