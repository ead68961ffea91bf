import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/x509/parse-certificate.ts
import { X509Certificate, createHash, createPublicKey } from "node:crypto";

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
  if (t.tag !== tag)
    throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`, t.start);
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
var MAX_FIELD = [99, 99, 12, 31, 23, 59, 59, 12, 59];
var MIN_FIELD = [0, 0, 1, 1, 0, 0, 0, 0, 0];
function utcDate(year, month, day, h = 0, mi = 0, s = 0) {
  const d = /* @__PURE__ */ new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, mi, s, 0);
  return d;
}
function readTimeDetailed(buf, t) {
  const s = Buffer.from(buf.subarray(t.contentStart, t.end)).toString("latin1");
  const utc = t.tag === TAG_UTCTIME;
  if (!utc && t.tag !== TAG_GENTIME) throw new DerError(`expected a time, found tag 0x${t.tag.toString(16)}`, t.start);
  const bad = (why) => new DerError(
    `malformed ${utc ? "UTCTime" : "GeneralizedTime"} "${s.replace(/[^\x20-\x7e]/g, "?")}" (${why})`,
    t.start
  );
  const end = utc ? 6 : 7;
  const btz = utc ? 5 : 6;
  if (s.length < (utc ? 11 : 13)) throw bad("too short");
  const f = [];
  let o = 0;
  for (let i = 0; i < end; i++) {
    if (i === btz && (s[o] === "Z" || s[o] === "+" || s[o] === "-")) break;
    if (!/^\d\d$/.test(s.slice(o, o + 2))) throw bad("digits expected");
    const n = Number(s.slice(o, o + 2));
    o += 2;
    if (o >= s.length) throw bad("no time zone");
    const k = utc ? i + 1 : i;
    if (n < MIN_FIELD[k] || n > MAX_FIELD[k]) throw bad("a field is out of range");
    f.push(n);
  }
  const parts = utc ? f : [f[0] * 100 + f[1], ...f.slice(2)];
  const year = utc ? parts[0] < 50 ? 2e3 + parts[0] : 1900 + parts[0] : parts[0];
  const [mo, d, h, mi] = parts.slice(1, 5);
  const sec = parts[5];
  const leap = year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
  const mdays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > mdays) throw bad("no such day");
  const oddities = [];
  if (sec === void 0) oddities.push("no seconds");
  if (!utc && s[o] === ".") {
    o++;
    const from = o;
    while (o < s.length && s[o] >= "0" && s[o] <= "9") o++;
    if (o === from) throw bad("no digit after the decimal point");
    if (o === s.length) throw bad("no time zone");
    oddities.push("fractional seconds");
  }
  let offsetMin = 0;
  if (s[o] === "Z") o++;
  else if (s[o] === "+" || s[o] === "-") {
    if (o + 5 !== s.length || !/^\d{4}$/.test(s.slice(o + 1))) throw bad("malformed offset");
    const oh = Number(s.slice(o + 1, o + 3));
    const om = Number(s.slice(o + 3, o + 5));
    if (oh > 12 || om > 59) throw bad("offset out of range");
    offsetMin = (oh * 60 + om) * (s[o] === "-" ? -1 : 1);
    oddities.push(`offset ${s.slice(o)} instead of Z`);
    o += 5;
  } else throw bad("no time zone");
  if (o !== s.length) throw bad("trailing characters");
  const date = utcDate(year, mo, d, h, mi, sec ?? 0);
  if (offsetMin) date.setTime(date.getTime() - offsetMin * 6e4);
  return { date, oddity: oddities.length ? `${oddities.join(", ")} ("${s}")` : null };
}
function readTime(buf, t) {
  return readTimeDetailed(buf, t).date;
}
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function opensslTimeText(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}
function splitDerObjects(buf) {
  const objects = [];
  let p = 0;
  while (p < buf.length) {
    let t;
    try {
      t = readTlv(buf, p);
    } catch {
      break;
    }
    if (t.tag !== 48) break;
    objects.push(Buffer.from(buf.buffer, buf.byteOffset + t.start, t.end - t.start));
    p = t.end;
  }
  return { objects, trailing: buf.length - p };
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
var EXT_KEY_USAGE = "2.5.29.15";
var EXT_BASIC = "2.5.29.19";
var EXT_SKI = "2.5.29.14";
var EXT_AKI = "2.5.29.35";
var EXT_CRLDP = "2.5.29.31";
var EXT_AIA = "1.3.6.1.5.5.7.1.1";
var EXT_EKU = "2.5.29.37";
var AD_OCSP = "1.3.6.1.5.5.7.48.1";
var NEEDED_EXTENSIONS = {
  [EXT_SAN]: "subjectAltName",
  [EXT_BASIC]: "basicConstraints",
  [EXT_KEY_USAGE]: "keyUsage",
  [EXT_SKI]: "subjectKeyIdentifier",
  [EXT_AKI]: "authorityKeyIdentifier",
  [EXT_CRLDP]: "cRLDistributionPoints",
  [EXT_AIA]: "authorityInfoAccess",
  [EXT_EKU]: "extKeyUsage"
};
function verifiesWithOwnKey(node) {
  try {
    return node.verify(node.publicKey);
  } catch {
    return false;
  }
}
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
function dnToRfc4514(nodeDn, der, name) {
  const rdns = nodeDn.split("\n").filter(Boolean).map((rdn) => rdn.split(" + "));
  dumpNonStrings(rdns, der, name);
  return rdns.reverse().map((rdn) => rdn.reverse().join("+")).join(",");
}
var TEXT_TAGS = /* @__PURE__ */ new Set([12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30]);
function dumpNonStrings(rdns, der, name) {
  const sets = children(der, name);
  if (sets.length !== rdns.length) return;
  sets.forEach((set, r) => {
    const atvs = children(der, set);
    if (atvs.length !== rdns[r].length) return;
    atvs.forEach((atv, a) => {
      const value = children(der, atv)[1];
      if (!value || TEXT_TAGS.has(value.tag)) return;
      const text = rdns[r][a];
      const eq = text.indexOf("=");
      rdns[r][a] = `${text.slice(0, eq)}=#${der.subarray(value.start, value.end).toString("hex").toUpperCase()}`;
    });
  });
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
    if (gn.tag === 130) sans.push({ type: "dNSName", value: v.toString("latin1") });
    else if (gn.tag === 135) {
      if (v.length === 4) sans.push({ type: "iPAddress", value: Array.from(v).join(".") });
      else if (v.length === 16) {
        const parts = [];
        for (let i = 0; i < 16; i += 2) parts.push(v.readUInt16BE(i).toString(16));
        sans.push({ type: "iPAddress", value: compressIpv6(parts) });
      }
    }
  }
  return sans;
}
var KEY_USAGE_BITS = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly"
];
function parseKeyUsage(buf, ext) {
  const bits = content(buf, expectTag(ext, 3, "keyUsage"));
  if (bits.length === 0) throw new DerError("keyUsage BIT STRING is empty", ext.start);
  const out = [];
  for (let i = 0; i < KEY_USAGE_BITS.length; i++) {
    const byte = bits[1 + (i >> 3)];
    if (byte !== void 0 && byte & 128 >> (i & 7)) out.push(KEY_USAGE_BITS[i]);
  }
  return out;
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
var CURVE_OIDS = {
  "1.2.840.10045.3.1.7": "prime256v1",
  "1.3.132.0.34": "secp384r1",
  "1.3.132.0.35": "secp521r1",
  "1.3.132.0.33": "secp224r1",
  "1.3.132.0.10": "secp256k1",
  "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1",
  "1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
  "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1"
};
var OID_RSA = "1.2.840.113549.1.1.1";
var OID_EC = "1.2.840.10045.2.1";
var OID_ED25519 = "1.3.101.112";
var OID_ED448 = "1.3.101.113";
function keyInfoFromSpki(der, spki, spkiOid) {
  switch (spkiOid) {
    case OID_RSA: {
      const bits = spki[1];
      if (bits?.tag !== 3 || der[bits.contentStart] !== 0) return void 0;
      const rsaKey = readTlv(der, bits.contentStart + 1, bits.end);
      const modulus = children(der, expectTag(rsaKey, SEQ, "RSAPublicKey"))[0];
      if (modulus?.tag !== INTEGER) return void 0;
      let p = modulus.contentStart;
      while (p < modulus.end && der[p] === 0) p++;
      if (p === modulus.end) return void 0;
      return { algorithm: "RSA", size: (modulus.end - p - 1) * 8 + (32 - Math.clz32(der[p])) };
    }
    case OID_EC: {
      const params = children(der, spki[0])[1];
      if (params?.tag !== OID) return void 0;
      const c = CURVES[CURVE_OIDS[oidText(content(der, params))] ?? ""];
      return c ? { algorithm: "ECDSA", size: c.size, curve: c.name } : void 0;
    }
    case OID_ED25519:
      return { algorithm: "Ed25519", size: 256 };
    case OID_ED448:
      return { algorithm: "Ed448", size: 456 };
    default:
      return void 0;
  }
}
function keyInfoFromSpkiSafe(der, spki, spkiOid) {
  try {
    return keyInfoFromSpki(der, spki, spkiOid);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    return void 0;
  }
}
function keyInfo(cert, der, spki, spkiOid) {
  const fast = keyInfoFromSpkiSafe(der, spki, spkiOid);
  if (fast) return fast;
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
var SHARED_MAX = 4096;
var shared = /* @__PURE__ */ new Map();
var sharedKeys = /* @__PURE__ */ new Map();
function share(s) {
  if (s === void 0) return s;
  const got = shared.get(s);
  if (got !== void 0) return got;
  if (shared.size >= SHARED_MAX) shared.clear();
  shared.set(s, s);
  return s;
}
function shareKey(k) {
  const id = `${k.algorithm}|${k.size}|${k.curve}`;
  const got = sharedKeys.get(id);
  if (got) return got;
  if (sharedKeys.size >= SHARED_MAX) sharedKeys.clear();
  sharedKeys.set(id, k);
  return k;
}
var NAME_SHORT = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.15": "businessCategory",
  "2.5.4.17": "postalCode",
  "2.5.4.42": "GN",
  "2.5.4.97": "organizationIdentifier",
  "1.2.840.113549.1.9.1": "emailAddress",
  "0.9.2342.19200300.100.1.1": "UID",
  "0.9.2342.19200300.100.1.25": "DC",
  "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
  "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
  "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC"
};
var PLAIN_STRING_TAGS = /* @__PURE__ */ new Set([19, 12, 22]);
function plainByte(b) {
  return b > 32 && b < 127 && b !== 34 && // "
  b !== 35 && // # (escaped first; kept out everywhere for simplicity)
  b !== 43 && // +
  b !== 44 && // ,
  b !== 59 && // ;
  b !== 60 && // <
  b !== 61 && // =
  b !== 62 && // >
  b !== 92;
}
function plainName(der, name) {
  const sets = children(der, name);
  if (!sets.length) return void 0;
  const parts = [];
  let cn;
  let o;
  for (const set of sets) {
    if (set.tag !== 49) return void 0;
    const atvs = children(der, set);
    if (atvs.length !== 1 || atvs[0].tag !== SEQ) return void 0;
    const [typeT, valueT, extra] = children(der, atvs[0]);
    if (typeT?.tag !== OID || !valueT || extra || !PLAIN_STRING_TAGS.has(valueT.tag)) return void 0;
    const short = NAME_SHORT[oidText(content(der, typeT))];
    if (!short || valueT.end === valueT.contentStart) return void 0;
    for (let p = valueT.contentStart; p < valueT.end; p++) {
      const b = der[p];
      if (!plainByte(b) && !(b === 32 && p > valueT.contentStart && p < valueT.end - 1)) return void 0;
    }
    const value = der.toString("latin1", valueT.contentStart, valueT.end);
    parts.push(`${short}=${value}`);
    if (short === "CN") cn = value;
    else if (short === "O") o = value;
  }
  return { rfc4514: parts.reverse().join(","), cn, o };
}
function minimalInteger(der, t) {
  const n = t.end - t.contentStart;
  if (n === 0) return false;
  if (n === 1) return true;
  const a = der[t.contentStart];
  const b = der[t.contentStart + 1];
  return !(a === 0 && !(b & 128) || a === 255 && b & 128);
}
function parseCertificate(derIn, o = {}) {
  const der = Buffer.isBuffer(derIn) ? derIn : Buffer.from(derIn);
  let node;
  const openssl = () => {
    if (node) return node;
    try {
      node = new X509Certificate(der);
    } catch (e) {
      throw new CertificateParseError(`not a readable X.509 certificate (${e.message})`);
    }
    return node;
  };
  if (o.viaOpenssl) openssl();
  try {
    return build(der, openssl, !o.viaOpenssl);
  } catch (e) {
    if (e instanceof DerError) {
      openssl();
      throw new CertificateParseError(`malformed certificate: ${e.message}`);
    }
    throw e;
  }
}
function build(der, openssl, mayBePlain) {
  const top = readTlv(der, 0);
  if (top.end !== der.length)
    throw new DerError(`${der.length - top.end} trailing bytes after the certificate`, top.end);
  const certParts = children(der, expectTag(top, SEQ, "Certificate"));
  const [tbsT, sigAlgT] = certParts;
  const tbs = children(der, expectTag(tbsT, SEQ, "tbsCertificate"));
  let i = 0;
  const v3 = tbs[0]?.tag === 160 && tbs[0].end - tbs[0].contentStart === 3 && der[tbs[0].contentStart] === INTEGER && der[tbs[0].contentStart + 1] === 1 && der[tbs[0].contentStart + 2] === 2;
  if (tbs[0]?.tag === 160) i++;
  const serialT = expectTag(tbs[i++], INTEGER, "serialNumber");
  i++;
  const issuerT = expectTag(tbs[i++], SEQ, "issuer");
  const validity = children(der, expectTag(tbs[i++], SEQ, "validity"));
  const subjectT = expectTag(tbs[i++], SEQ, "subject");
  const spkiT = expectTag(tbs[i++], SEQ, "subjectPublicKeyInfo");
  const spki = children(der, spkiT);
  const spkiOid = oidText(content(der, children(der, spki[0])[0]));
  const sigOid = oidText(
    content(der, expectTag(children(der, expectTag(sigAlgT, SEQ, "signatureAlgorithm"))[0], OID, "algorithm"))
  );
  let plain = mayBePlain && v3 && certParts.length === 3 && certParts[2].tag === 3 && validity.length === 2 && minimalInteger(der, serialT) && tbs.length === i + 1 && tbs[i].tag === 163;
  const parseNotes = [];
  const unreadableExtensions = [];
  const nb = readTimeDetailed(der, validity[0]);
  const na = readTimeDetailed(der, validity[1]);
  if (nb.oddity)
    parseNotes.push(`notBefore is not encoded as RFC 5280 prescribes: ${nb.oddity}; read as OpenSSL reads it`);
  if (na.oddity)
    parseNotes.push(`notAfter is not encoded as RFC 5280 prescribes: ${na.oddity}; read as OpenSSL reads it`);
  const notBefore = nb.date;
  const notAfter = na.date;
  const serialBytes = Buffer.from(content(der, serialT));
  let subjectAltNames = [];
  let isCA = false;
  let hasBasicConstraints = false;
  let ski;
  let aki;
  let keyUsage;
  let extKeyUsage;
  const crlUrls = [];
  const ocspUrls = [];
  const caIssuersUrls = [];
  const seen = /* @__PURE__ */ new Set();
  const extsT = tbs.find((t) => t.tag === 163);
  if (extsT) {
    const extSeq = readTlv(der, extsT.contentStart, extsT.end);
    if (extSeq.end !== extsT.end) plain = false;
    for (const ext of children(der, expectTag(extSeq, SEQ, "extensions"))) {
      const parts = children(der, ext);
      const oid = oidText(content(der, expectTag(parts[0], OID, "extnID")));
      const valT = parts[parts.length - 1];
      expectTag(valT, OCTET, `extension ${oid} value`);
      if (seen.has(oid) || parts.length > 3 || parts.length === 3 && parts[1].tag !== BOOLEAN) plain = false;
      seen.add(oid);
      const name = NEEDED_EXTENSIONS[oid];
      if (!name) continue;
      try {
        const inner = readTlv(der, valT.contentStart, valT.end);
        if (inner.end !== valT.end) throw new DerError(`${valT.end - inner.end} bytes after the value`, inner.end);
        switch (oid) {
          case EXT_SAN:
            subjectAltNames = parseSans(der, inner);
            break;
          case EXT_BASIC: {
            const bc = children(der, expectTag(inner, SEQ, "basicConstraints"));
            isCA = bc[0]?.tag === BOOLEAN && der[bc[0].contentStart] !== 0;
            hasBasicConstraints = true;
            break;
          }
          case EXT_KEY_USAGE:
            keyUsage = parseKeyUsage(der, inner);
            break;
          case EXT_EKU:
            extKeyUsage = children(der, expectTag(inner, SEQ, "extKeyUsage")).map(
              (p) => oidText(content(der, expectTag(p, OID, "keyPurposeId")))
            );
            break;
          case EXT_SKI:
            ski = Buffer.from(content(der, expectTag(inner, OCTET, "subjectKeyIdentifier")));
            break;
          case EXT_AKI:
            for (const c of children(der, expectTag(inner, SEQ, "authorityKeyIdentifier")))
              if (c.tag === 128) aki = Buffer.from(content(der, c));
            break;
          case EXT_CRLDP: {
            const found = [];
            for (const dp of children(der, expectTag(inner, SEQ, "cRLDistributionPoints"))) {
              for (const f of children(der, dp)) {
                if (f.tag !== 160) continue;
                for (const n of children(der, f)) if (n.tag === 160) found.push(...generalNameUris(der, n));
              }
            }
            crlUrls.push(...found);
            break;
          }
          case EXT_AIA: {
            const ocsp = [];
            const ca = [];
            for (const ad of children(der, expectTag(inner, SEQ, "authorityInfoAccess"))) {
              const [m, loc] = children(der, ad);
              if (loc?.tag !== 134) continue;
              const url = content(der, loc).toString("latin1");
              const method = oidText(content(der, m));
              if (method === AD_OCSP) ocsp.push(url);
              else if (method === AD_CA_ISSUERS) ca.push(url);
            }
            ocspUrls.push(...ocsp);
            caIssuersUrls.push(...ca);
            break;
          }
        }
      } catch (e) {
        if (!(e instanceof DerError)) throw e;
        unreadableExtensions.push(name);
        parseNotes.push(`the ${name} extension is malformed (${e.message}); what it says is unknown`);
      }
    }
  }
  const raw = {
    subjectNameDer: der.subarray(subjectT.start, subjectT.end),
    spkiDer: der.subarray(spkiT.start, spkiT.end),
    publicKeyBits: spki[1] ? der.subarray(spki[1].contentStart + 1, spki[1].end) : Buffer.alloc(0),
    ...extKeyUsage ? { extKeyUsage } : {}
  };
  const subjectPlain = plain ? plainName(der, subjectT) : void 0;
  const issuerPlain = subjectPlain ? plainName(der, issuerT) : void 0;
  const fastKey = issuerPlain ? keyInfoFromSpkiSafe(der, spki, spkiOid) : void 0;
  if (fastKey && !parseNotes.length && // Not self-issued: whether it is self-signed takes a signature check with OpenSSL.
  subjectPlain.rfc4514 !== issuerPlain.rfc4514) {
    return {
      fingerprint: "sha256:" + createHash("sha256").update(der).digest("hex"),
      der,
      subject: subjectPlain.rfc4514,
      issuer: share(issuerPlain.rfc4514),
      subjectCN: subjectPlain.cn,
      issuerCN: share(issuerPlain.cn),
      issuerO: share(issuerPlain.o),
      serialNumber: serialHex(serialBytes),
      serialBytes,
      notBefore,
      notAfter,
      sans: subjectAltNames.map((n) => n.value),
      subjectAltNames,
      key: shareKey(fastKey),
      signatureAlgorithm: SIG_ALGS[sigOid] ?? sigOid,
      authorityKeyId: aki,
      subjectKeyId: ski,
      ocspUrls,
      caIssuersUrls,
      crlUrls,
      // Node's `ca` is X509_check_ca() === 1: basicConstraints saying CA (test/x509 shows a
      // keyCertSign-only certificate is not one), which is what the walk read.
      isCA,
      selfIssued: false,
      selfSigned: false,
      keyUsage,
      ...raw,
      parseNotes,
      unreadableExtensions
    };
  }
  const node = openssl();
  const nodeFrom = node.validFrom.replace(/\.\d+ /, " ");
  const nodeTo = node.validTo.replace(/\.\d+ /, " ");
  if (nodeFrom !== opensslTimeText(notBefore) || nodeTo !== opensslTimeText(notAfter)) {
    throw new CertificateParseError(
      `validity dates are ambiguous (read ${notBefore.toISOString()}\u2013${notAfter.toISOString()}, OpenSSL read ${node.validFrom}\u2013${node.validTo})`
    );
  }
  const subjectRaw = node.subject ?? "";
  const issuerRaw = node.issuer ?? "";
  const selfIssued = subjectRaw === issuerRaw;
  return {
    fingerprint: "sha256:" + createHash("sha256").update(der).digest("hex"),
    der,
    subject: dnToRfc4514(subjectRaw, der, subjectT),
    issuer: share(dnToRfc4514(issuerRaw, der, issuerT)),
    subjectCN: dnAttr(subjectRaw, "CN"),
    issuerCN: share(dnAttr(issuerRaw, "CN")),
    issuerO: share(dnAttr(issuerRaw, "O")),
    serialNumber: serialHex(serialBytes),
    serialBytes,
    notBefore,
    notAfter,
    sans: subjectAltNames.map((n) => n.value),
    subjectAltNames,
    key: shareKey(keyInfo(node, der, spki, spkiOid)),
    signatureAlgorithm: SIG_ALGS[sigOid] ?? sigOid,
    authorityKeyId: aki,
    subjectKeyId: ski,
    ocspUrls,
    caIssuersUrls,
    crlUrls,
    // With basicConstraints read, OpenSSL's CA test adds nothing to it; without, it is asked.
    isCA: isCA || !hasBasicConstraints && node.ca,
    selfIssued,
    // Self-signed = verifies with its own key, not "subject equals issuer": a CA's
    // key-rollover certificate is self-issued but signed by the old key, and is an
    // intermediate for revocation, strength and inventory (RFC 5280 §3.2, §6.1).
    selfSigned: selfIssued && verifiesWithOwnKey(node),
    keyUsage,
    ...raw,
    parseNotes,
    unreadableExtensions
  };
}
var publicKeys = /* @__PURE__ */ new WeakMap();
function publicKeyOf(c) {
  let k = publicKeys.get(c);
  if (k === void 0) {
    try {
      k = createPublicKey({ key: c.spkiDer, format: "der", type: "spki" });
    } catch {
      k = null;
    }
    publicKeys.set(c, k);
  }
  return k;
}
function displayName(c) {
  return c.subjectCN || c.sans[0] || c.subject || shortFingerprint(c.fingerprint);
}
function shortFingerprint(fp) {
  return fp.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]*$/i, "$1\u2026");
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
  return c.selfSigned ? "root" : "intermediate";
}

export {
  DerError,
  readTlv,
  children,
  content,
  oidText,
  utcDate,
  readTime,
  splitDerObjects,
  CertificateParseError,
  parseCertificate,
  publicKeyOf,
  displayName,
  shortFingerprint,
  isIssuedBy,
  roleOf
};
