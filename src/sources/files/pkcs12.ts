// PKCS#12 (.p12 / .pfx). node-forge decrypts every PBE scheme seen in the field
// (legacy 3DES/RC2 and OpenSSL 3's PBES2/AES), which Node's crypto cannot expose.
import forge from 'node-forge';
import { emptyExtraction, type Extraction } from './extracted.js';

export interface Pkcs12Options {
  password?: string; // undefined = no password configured
  passwordEnv?: string; // for messages only — never the value
}

export function extractPkcs12(buf: Buffer, o: Pkcs12Options): Extraction {
  const out = emptyExtraction();
  if (buf.length === 0) {
    out.problems.push({ line: 1, problem: { reason: 'empty-file' } });
    return out;
  }
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(buf.toString('binary')), { strict: true } as unknown as boolean);
  } catch (e) {
    out.problems.push({ line: 1, problem: { reason: 'pkcs12-not-asn1', message: (e as Error).message } });
    return out;
  }
  const tries = o.password !== undefined ? [o.password] : ['', '\0'];
  let p12: forge.pkcs12.Pkcs12Pfx | undefined;
  let lastErr = '';
  // forge re-encodes certificates it understands (RSA only) and keeps the raw ASN.1
  // of the rest; forcing the raw path keeps every certificate byte-exact, so the
  // fingerprint matches the same certificate seen elsewhere.
  const pki = forge.pki as unknown as { certificateFromAsn1: (...a: unknown[]) => unknown };
  const original = pki.certificateFromAsn1;
  pki.certificateFromAsn1 = () => {
    throw new Error('raw');
  };
  try {
    for (const pw of tries) {
      try {
        p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, pw);
        break;
      } catch (e) {
        lastErr = (e as Error).message;
      }
    }
  } finally {
    pki.certificateFromAsn1 = original;
  }
  if (!p12) {
    const badPassword = /MAC could not be verified|Invalid password|decrypt/i.test(lastErr);
    if (badPassword && o.password === undefined) {
      out.problems.push({
        line: 1,
        severity: 'warning',
        problem: { reason: 'pkcs12-password-missing' },
      });
    } else if (badPassword) {
      out.problems.push({
        line: 1,
        problem: { reason: 'pkcs12-password-wrong', ...(o.passwordEnv ? { passwordEnv: o.passwordEnv } : {}) },
      });
    } else {
      out.problems.push({ line: 1, problem: { reason: 'pkcs12-unparseable', message: lastErr } });
    }
    return out;
  }
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  let n = 0;
  for (const bag of certBags) {
    const raw = (bag as unknown as { asn1?: forge.asn1.Asn1 }).asn1;
    if (!raw) continue;
    n++;
    out.certificates.push({
      der: Buffer.from(forge.asn1.toDer(raw).getBytes(), 'binary'),
      line: 1,
      detail: `PKCS#12 certificate ${n}`,
    });
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  // A private key inside a PKCS#12 is its purpose; note it only for plain (unencrypted) files.
  if (keyBags.length && o.password === undefined) out.keys.push({ line: 1, privateKey: { form: 'pkcs12' } });
  if (n === 0) out.problems.push({ line: 1, problem: { reason: 'pkcs12-no-certificates' }, severity: 'warning' });
  return out;
}
