// Java keystores: JKS (magic FEEDFEED) and JCEKS (CECECECE). Their certificates are stored
// in clear; the password only encrypts private keys and keys the integrity digest, so every
// certificate is read without it. When a password is configured, the digest is checked
// (a wrong password or a tampered file is then said). Hand-written: no npm library reads
// these, and the layout is small and fixed (OpenJDK sun.security.provider.JavaKeyStore).
//
//   magic u32 · version u32 (1|2) · count u32 · entries · SHA-1 digest (20 bytes)
//   entry: tag u32 (1 private key, 2 trusted certificate, 3 JCEKS secret key) · alias (u16 length + modified UTF-8) · date u64
//     1: key (u32 length + bytes) · chain count u32 · certificates
//     2: one certificate
//   certificate: [version 2: type (u16 length + UTF-8), "X.509"] · u32 length · DER
import { createHash } from 'node:crypto';
import { emptyExtraction, type Extraction } from './extracted.js';

export const JKS_MAGIC = 0xfeedfeed;
export const JCEKS_MAGIC = 0xcececece;
// Keystores hold a handful of entries; cacerts ~150. A count past this is a damaged header.
const MAX_ENTRIES = 100_000;

class Truncated extends Error {}

export interface KeystoreOptions {
  password?: string; // undefined = none configured: certificates are read, the digest is not checked
  passwordEnv?: string; // for messages only
}

export function extractJavaKeystore(buf: Buffer, o: KeystoreOptions = {}): Extraction {
  const out = emptyExtraction();
  const magic = buf.length >= 4 ? buf.readUInt32BE(0) : 0;
  const form = magic === JCEKS_MAGIC ? 'jceks' : 'jks';
  const store = form === 'jceks' ? 'JCEKS' : 'JKS';
  let p = 0;
  const need = (n: number) => {
    if (p + n > buf.length) throw new Truncated();
  };
  const u16 = () => (need(2), (p += 2), buf.readUInt16BE(p - 2));
  const u32 = () => (need(4), (p += 4), buf.readUInt32BE(p - 4));
  const bytes = (n: number) => (need(n), (p += n), buf.subarray(p - n, p));
  // Java's modified UTF-8 equals UTF-8 for every alias keytool writes (no NUL, no astral characters).
  const utf = () => bytes(u16()).toString('utf8');

  let entries = 0;
  try {
    p = 4;
    const version = u32();
    if (version !== 1 && version !== 2) {
      out.problems.push({ line: 1, problem: { reason: 'keystore-version', store, version }, form });
      return out;
    }
    const count = u32();
    if (count > MAX_ENTRIES) throw new Truncated();
    const readCert = (alias: string, nth?: number) => {
      const type = version === 2 ? utf() : 'X.509';
      const der = bytes(u32());
      if (type !== 'X.509') {
        out.problems.push({
          line: 1,
          problem: { reason: 'keystore-entry-not-x509', store, alias, type },
          severity: 'notice',
          form,
          entry: alias,
        });
        return;
      }
      out.certificates.push({
        der: Buffer.from(der),
        line: 1,
        form,
        entry: alias,
        detail: `${store} entry "${alias}"${nth !== undefined ? ` chain #${nth}` : ''}`,
      });
    };
    for (; entries < count; entries++) {
      const tag = u32();
      const alias = utf();
      bytes(8); // creation date
      if (tag === 1) {
        bytes(u32()); // the protected private key: never decoded, never shown
        out.keys.push({ line: 1, privateKey: { form: 'keystore', store, alias }, form, entry: alias });
        const chain = u32();
        if (chain > MAX_ENTRIES) throw new Truncated();
        for (let i = 0; i < chain; i++) readCert(alias, i);
      } else if (tag === 2) {
        readCert(alias);
      } else if (tag === 3 && form === 'jceks') {
        // A sealed Java object of no stated length: what follows cannot be found without a Java deserialiser.
        out.problems.push({
          line: 1,
          problem: { reason: 'keystore-secret-key', store, alias, unread: count - entries - 1 },
          severity: 'notice',
          form,
          entry: alias,
        });
        return out;
      } else {
        out.problems.push({
          line: 1,
          problem: { reason: 'keystore-unknown-tag', store, entry: entries + 1, tag },
          form,
        });
        return out;
      }
    }
  } catch (e) {
    if (!(e instanceof Truncated)) throw e;
    out.problems.push({
      line: 1,
      problem: { reason: 'keystore-truncated', store, entries },
      form,
    });
    return out;
  }
  if (o.password !== undefined) {
    const stored = buf.subarray(p, p + 20);
    if (stored.length !== 20) out.problems.push({ line: 1, problem: { reason: 'keystore-no-digest', store }, form });
    else if (!keystoreDigest(o.password, buf.subarray(0, p)).equals(stored)) {
      out.problems.push({
        line: 1,
        problem: {
          reason: 'keystore-digest-mismatch',
          store,
          ...(o.passwordEnv ? { passwordEnv: o.passwordEnv } : {}),
        },
        form,
      });
    }
  }
  return out;
}

/** SHA-1 over the password as UTF-16BE, the salt "Mighty Aphrodite", and the keystore bytes (OpenJDK JavaKeyStore.getPreKeyedHash). */
function keystoreDigest(password: string, data: Buffer): Buffer {
  const pw = Buffer.alloc(password.length * 2);
  for (let i = 0; i < password.length; i++) pw.writeUInt16BE(password.charCodeAt(i), i * 2);
  return createHash('sha1').update(pw).update('Mighty Aphrodite', 'utf8').update(data).digest();
}
