import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/x509/parse-certificate.ts
import { X509Certificate, createHash } from "node:crypto";

// src/x509/der.ts
var DerError = class extends Error {
  constructor(message, offset) {
    super(`${message} at byte ${offset}`);
    this.offset = offset;
  }
  offset;
};
function readTlv(buf, offset, limit = buf.length) {
  if (offset + 2 > limit) throw new DerError("truncated TLV header", offset);
  const tag = buf[offset];
  if ((tag & 31) === 31) throw new DerError("high tag number form not supported", offset);
  let len = buf[offset + 1];
  let p = offset + 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0) throw new DerError("indefinite length is not DER", offset);
    if (n > 4) throw new DerError("length field too long", offset);
    if (p + n > limit) throw new DerError("truncated length", offset);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i];
    p += n;
  }
  const end = p + len;
  if (end > limit) throw new DerError(`content of ${len} bytes runs past the end`, offset);
  return { tag, start: offset, contentStart: p, end };
}
function children(buf, parent) {
  const out = [];
  let p = parent.contentStart;
  while (p < parent.end) {
    const t = readTlv(buf, p, parent.end);
    out.push(t);
    p = t.end;
  }
  return out;
}
function content(buf, t) {
  return Buffer.from(buf.buffer, buf.byteOffset + t.contentStart, t.end - t.contentStart);
}
function expectTag(t, tag, what) {
  if (!t) throw new DerError(`missing ${what}`, 0);
  if (t.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`, t.start);
  return t;
}
function oidText(bytes) {
  if (bytes.length === 0) return "";
  const parts = [];
  let v = 0;
  let first = true;
  for (const b of bytes) {
    v = v * 128 + (b & 127);
    if (!(b & 128)) {
      if (first) {
        const a = v < 40 ? 0 : v < 80 ? 1 : 2;
        parts.push(a, v - a * 40);
        first = false;
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}
var TAG_UTCTIME = 23;
var TAG_GENTIME = 24;
function readTime(buf, t) {
  const s = Buffer.from(buf.subarray(t.contentStart, t.end)).toString("latin1");
  let m;
  let year;
  if (t.tag === TAG_UTCTIME) {
    m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(s);
    if (!m) throw new DerError(`malformed UTCTime "${s}"`, t.start);
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2e3 + yy;
  } else if (t.tag === TAG_GENTIME) {
    m = /^(\d\d\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(?:\.\d+)?Z$/.exec(s);
    if (!m) throw new DerError(`malformed GeneralizedTime "${s}"`, t.start);
    year = Number(m[1]);
  } else throw new DerError(`expected a time, found tag 0x${t.tag.toString(16)}`, t.start);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] ? Number(m[6]) : 0;
  const ms = Date.UTC(year, mo - 1, d, h, mi, sec);
  const back = new Date(ms);
  if (mo < 1 || mo > 12 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) {
    throw new DerError(`impossible date "${s}"`, t.start);
  }
  return back;
}

// src/x509/parse-certificate.ts
var CertificateParseError = class extends Error {
};
var SEQ = 48;
var INTEGER = 2;
var OID = 6;
var OCTET = 4;
var BOOLEAN = 1;
var SIG_ALGS = {
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
  "1.2.840.113549.1.1.10": "rsassaPss",
  "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10045.4.3.1": "ecdsa-with-SHA224",
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.2.840.10040.4.3": "dsa_with_SHA1",
  "2.16.840.1.101.3.4.3.2": "dsa_with_SHA256",
  "1.3.101.112": "ED25519",
  "1.3.101.113": "ED448"
};
var CURVES = {
  prime256v1: { name: "P-256", size: 256 },
  secp384r1: { name: "P-384", size: 384 },
  secp521r1: { name: "P-521", size: 521 },
  secp224r1: { name: "P-224", size: 224 },
  secp256k1: { name: "secp256k1", size: 256 },
  brainpoolP256r1: { name: "brainpoolP256r1", size: 256 },
  brainpoolP384r1: { name: "brainpoolP384r1", size: 384 },
  brainpoolP512r1: { name: "brainpoolP512r1", size: 512 }
};
var EXT_SAN = "2.5.29.17";
var EXT_BASIC = "2.5.29.19";
var EXT_SKI = "2.5.29.14";
var EXT_AKI = "2.5.29.35";
var EXT_CRLDP = "2.5.29.31";
var EXT_AIA = "1.3.6.1.5.5.7.1.1";
var AD_OCSP = "1.3.6.1.5.5.7.48.1";
var AD_CA_ISSUERS = "1.3.6.1.5.5.7.48.2";
function serialHex(bytes) {
  if (bytes.length === 0) return "00";
  if (bytes[0] & 128) {
    const mag = Buffer.alloc(bytes.length);
    let carry = 1;
    for (let i = bytes.length - 1; i >= 0; i--) {
      const v = (~bytes[i] & 255) + carry;
      mag[i] = v & 255;
      carry = v >> 8;
    }
    return "-" + stripZeros(mag).toString("hex").toUpperCase();
  }
  return stripZeros(Buffer.from(bytes)).toString("hex").toUpperCase().padStart(2, "0");
}
function stripZeros(b) {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}
function dnToRfc4514(nodeDn) {
  return nodeDn.split("\n").filter(Boolean).reverse().map((rdn) => rdn.split(" + ").reverse().join("+")).join(",");
}
function dnAttr(nodeDn, attr) {
  let found;
  for (const line of nodeDn.split("\n")) {
    for (const part of line.split(" + ")) {
      if (part.startsWith(attr + "=")) found = part.slice(attr.length + 1);
    }
  }
  return found?.replace(/\\([,+"\\<>;#= ])/g, "$1");
}
function generalNameUris(buf, seq) {
  const out = [];
  for (const gn of children(buf, seq)) if (gn.tag === 134) out.push(content(buf, gn).toString("latin1"));
  return out;
}
function parseSans(buf, ext) {
  const sans = [];
  for (const gn of children(buf, expectTag(ext, SEQ, "subjectAltName"))) {
    const v = content(buf, gn);
    if (gn.tag === 130) sans.push(v.toString("latin1"));
    else if (gn.tag === 135) {
      if (v.length === 4) sans.push(Array.from(v).join("."));
      else if (v.length === 16) {
        const parts = [];
        for (let i = 0; i < 16; i += 2) parts.push(v.readUInt16BE(i).toString(16));
        sans.push(compressIpv6(parts));
      }
    }
  }
  return sans;
}
function compressIpv6(parts) {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === "0") j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return parts.join(":");
  return parts.slice(0, best).join(":") + "::" + parts.slice(best + bestLen).join(":");
}
function keyInfo(cert, spkiOid) {
  try {
    const k = cert.publicKey;
    const d = k.asymmetricKeyDetails ?? {};
    switch (k.asymmetricKeyType) {
      case "rsa":
      case "rsa-pss":
        return { algorithm: "RSA", size: d.modulusLength };
      case "ec": {
        const c = CURVES[d.namedCurve ?? ""];
        return { algorithm: "ECDSA", size: c?.size, curve: c?.name ?? d.namedCurve };
      }
      case "ed25519":
        return { algorithm: "Ed25519", size: 256 };
      case "ed448":
        return { algorithm: "Ed448", size: 456 };
      case "dsa":
        return { algorithm: "DSA", size: d.modulusLength };
      default:
        return { algorithm: k.asymmetricKeyType ?? spkiOid };
    }
  } catch {
    return { algorithm: spkiOid };
  }
}
function parseCertificate(derIn) {
  const der = Buffer.isBuffer(derIn) ? derIn : Buffer.from(derIn);
  let node;
  try {
    node = new X509Certificate(der);
  } catch (e) {
    throw new CertificateParseError(`not a readable X.509 certificate (${e.message})`);
  }
  try {
    return build(der, node);
  } catch (e) {
    if (e instanceof DerError) throw new CertificateParseError(`malformed certificate: ${e.message}`);
    throw e;
  }
}
function build(der, node) {
  const top = readTlv(der, 0);
  if (top.end !== der.length) throw new DerError(`${der.length - top.end} trailing bytes after the certificate`, top.end);
  const [tbsT, sigAlgT] = children(der, expectTag(top, SEQ, "Certificate"));
  const tbs = children(der, expectTag(tbsT, SEQ, "tbsCertificate"));
  let i = 0;
  if (tbs[0]?.tag === 160) i++;
  const serialT = expectTag(tbs[i++], INTEGER, "serialNumber");
  i++;
  i++;
  const validity = children(der, expectTag(tbs[i++], SEQ, "validity"));
  i++;
  const spki = children(der, expectTag(tbs[i++], SEQ, "subjectPublicKeyInfo"));
  const spkiOid = oidText(content(der, children(der, spki[0])[0]));
  const sigOid = oidText(content(der, expectTag(children(der, expectTag(sigAlgT, SEQ, "signatureAlgorithm"))[0], OID, "algorithm")));
  const notBefore = readTime(der, validity[0]);
  const notAfter = readTime(der, validity[1]);
  const nodeFrom = Date.parse(node.validFrom);
  const nodeTo = Date.parse(node.validTo);
  if (nodeFrom !== notBefore.getTime() || nodeTo !== notAfter.getTime()) {
    throw new CertificateParseError(
      `validity dates are ambiguous (read ${notBefore.toISOString()}\u2013${notAfter.toISOString()}, OpenSSL read ${node.validFrom}\u2013${node.validTo})`
    );
  }
  const serialBytes = Buffer.from(content(der, serialT));
  let sans = [];
  let isCA = false;
  let ski;
  let aki;
  const crlUrls = [];
  const ocspUrls = [];
  const caIssuersUrls = [];
  const extsT = tbs.find((t) => t.tag === 163);
  if (extsT) {
    const extSeq = readTlv(der, extsT.contentStart, extsT.end);
    for (const ext of children(der, expectTag(extSeq, SEQ, "extensions"))) {
      const parts = children(der, ext);
      const oid = oidText(content(der, expectTag(parts[0], OID, "extnID")));
      const valT = parts[parts.length - 1];
      expectTag(valT, OCTET, `extension ${oid} value`);
      const inner = readTlv(der, valT.contentStart, valT.end);
      switch (oid) {
        case EXT_SAN:
          sans = parseSans(der, inner);
          break;
        case EXT_BASIC: {
          const bc = children(der, inner);
          isCA = bc[0]?.tag === BOOLEAN && der[bc[0].contentStart] !== 0;
          break;
        }
        case EXT_SKI:
          ski = Buffer.from(content(der, expectTag(inner, OCTET, "subjectKeyIdentifier")));
          break;
        case EXT_AKI:
          for (const c of children(der, expectTag(inner, SEQ, "authorityKeyIdentifier"))) if (c.tag === 128) aki = Buffer.from(content(der, c));
          break;
        case EXT_CRLDP:
          for (const dp of children(der, expectTag(inner, SEQ, "cRLDistributionPoints"))) {
            for (const f of children(der, dp)) {
              if (f.tag !== 160) continue;
              for (const name of children(der, f)) if (name.tag === 160) crlUrls.push(...generalNameUris(der, name));
            }
          }
          break;
        case EXT_AIA:
          for (const ad of children(der, expectTag(inner, SEQ, "authorityInfoAccess"))) {
            const [m, loc] = children(der, ad);
            if (loc?.tag !== 134) continue;
            const url = content(der, loc).toString("latin1");
            const method = oidText(content(der, m));
            if (method === AD_OCSP) ocspUrls.push(url);
            else if (method === AD_CA_ISSUERS) caIssuersUrls.push(url);
          }
          break;
      }
    }
  }
  const subjectRaw = node.subject ?? "";
  const issuerRaw = node.issuer ?? "";
  return {
    fingerprint: "sha256:" + createHash("sha256").update(der).digest("hex"),
    der,
    subject: dnToRfc4514(subjectRaw),
    issuer: dnToRfc4514(issuerRaw),
    subjectCN: dnAttr(subjectRaw, "CN"),
    issuerCN: dnAttr(issuerRaw, "CN"),
    issuerO: dnAttr(issuerRaw, "O"),
    serialNumber: serialHex(serialBytes),
    serialBytes,
    notBefore,
    notAfter,
    sans,
    key: keyInfo(node, spkiOid),
    signatureAlgorithm: SIG_ALGS[sigOid] ?? sigOid,
    authorityKeyId: aki,
    subjectKeyId: ski,
    ocspUrls,
    caIssuersUrls,
    crlUrls,
    isCA: isCA || node.ca,
    selfIssued: subjectRaw === issuerRaw
  };
}
function displayName(c) {
  return c.subjectCN ?? c.sans[0] ?? (c.subject || c.fingerprint.slice(0, 19));
}
function isIssuedBy(cert, issuer) {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return new X509Certificate(cert.der).verify(new X509Certificate(issuer.der).publicKey);
  } catch {
    return false;
  }
}
function roleOf(c) {
  if (!c.isCA) return "leaf";
  return c.selfIssued ? "root" : "intermediate";
}

export {
  DerError,
  readTlv,
  children,
  content,
  oidText,
  readTime,
  CertificateParseError,
  parseCertificate,
  displayName,
  isIssuedBy,
  roleOf
};
