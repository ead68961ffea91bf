// PKCS#7 / CMS SignedData "certs-only" bundles (.p7b, .p7c), PEM or DER.
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { looksLikePem, splitPem } from '../../x509/pem.js';
import { emptyExtraction, type Extraction } from './extracted.js';

const OID_PREFIX = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]); // 1.2.840.113549.1.7.2

/** `probe`: only claim the bytes when they are recognisably SignedData (used for DER sniffing). */
export function extractPkcs7(der: Buffer, probe = false): Extraction {
  const out = emptyExtraction();
  if (probe && !der.subarray(0, 32).includes(OID_PREFIX)) return out;
  try {
    const ci = AsnConvert.parse(der, ContentInfo);
    if (ci.contentType !== id_signedData) {
      out.problems.push({ line: 1, reason: `PKCS#7 content type ${ci.contentType} is not SignedData` });
      return out;
    }
    const sd = AsnConvert.parse(ci.content, SignedData);
    let n = 0;
    for (const c of sd.certificates ?? []) {
      if (!c.certificate) continue; // attribute certificates etc.
      n++;
      out.certificates.push({ der: Buffer.from(AsnConvert.serialize(c.certificate)), line: 1, detail: `PKCS#7 certificate ${n}` });
    }
    if (n === 0) out.problems.push({ line: 1, reason: 'PKCS#7 bundle holds no certificates', severity: 'warning' });
  } catch (e) {
    out.problems.push({ line: 1, reason: `PKCS#7 does not parse: ${(e as Error).message}` });
  }
  return out;
}

export function extractPkcs7File(buf: Buffer): Extraction {
  const text = buf.toString('latin1');
  if (looksLikePem(text)) {
    const out = emptyExtraction();
    const { blocks, problems } = splitPem(buf.toString('utf8'));
    for (const p of problems) out.problems.push({ line: p.line, reason: `${p.label} block: ${p.reason}` });
    for (const b of blocks) {
      const inner = b.label === 'CERTIFICATE' ? { certificates: [{ der: b.der, line: b.line }], keys: [], problems: [] } : extractPkcs7(b.der);
      for (const c of inner.certificates) out.certificates.push({ ...c, line: b.line });
      for (const p of inner.problems) out.problems.push({ ...p, line: b.line });
    }
    if (!blocks.length && !problems.length) out.problems.push({ line: 1, reason: 'no PEM block found in a .p7b/.p7c file' });
    return out;
  }
  if (buf.length === 0) return { ...emptyExtraction(), problems: [{ line: 1, reason: 'the file is empty' }] };
  return extractPkcs7(buf);
}
