import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  DerError,
  oidText
} from "./chunk-753U3B2Y.js";

// src/x509/pkcs7.ts
var Pkcs7Error = class extends Error {
  constructor(fault) {
    super(fault.reason);
    this.fault = fault;
  }
  fault;
};
var OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
var MAX_DEPTH = 64;
function berTlv(buf, p, limit, depth = 0) {
  if (depth > MAX_DEPTH) throw new DerError("ASN.1 nested too deeply", p);
  if (p + 2 > limit) throw new DerError("truncated TLV header", p);
  const tag = buf[p];
  if ((tag & 31) === 31) throw new DerError("high tag number form not supported", p);
  let len = buf[p + 1];
  let q = p + 2;
  if (len === 128) {
    if (!(tag & 32)) throw new DerError("indefinite length on a primitive value", p);
    let c = q;
    for (; ; ) {
      if (c + 2 > limit) throw new DerError("indefinite-length value without end-of-contents", p);
      if (buf[c] === 0 && buf[c + 1] === 0) break;
      c = berTlv(buf, c, limit, depth + 1).end;
    }
    return { tag, start: p, contentStart: q, end: c + 2, indefinite: true };
  }
  if (len & 128) {
    const n = len & 127;
    if (n > 4) throw new DerError("length field too long", p);
    if (q + n > limit) throw new DerError("truncated length", p);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[q + i];
    q += n;
  }
  const end = q + len;
  if (end > limit) throw new DerError(`content of ${len} bytes runs past the end`, p);
  return { tag, start: p, contentStart: q, end, indefinite: false };
}
function berChildren(buf, t) {
  const out = [];
  const limit = t.indefinite ? t.end - 2 : t.end;
  for (let p = t.contentStart; p < limit; ) {
    const c = berTlv(buf, p, limit, 1);
    out.push(c);
    p = c.end;
  }
  return out;
}
function isPkcs7SignedData(buf) {
  const oid = Buffer.from([6, 9, 42, 134, 72, 134, 247, 13, 1, 7, 2]);
  return buf[0] === 48 && Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 32)).includes(oid);
}
function readPkcs7Certificates(buf) {
  try {
    const top = berTlv(buf, 0, buf.length);
    if (top.tag !== 48) throw new Pkcs7Error({ reason: "pkcs7-no-outer-sequence" });
    const [typeT, explicitT] = berChildren(buf, top);
    if (typeT?.tag !== 6) throw new Pkcs7Error({ reason: "pkcs7-no-content-type" });
    const type = oidText(buf.subarray(typeT.contentStart, typeT.end));
    if (type !== OID_SIGNED_DATA) throw new Pkcs7Error({ reason: "pkcs7-not-signed-data", contentType: type });
    if (explicitT?.tag !== 160) throw new Pkcs7Error({ reason: "pkcs7-no-content" });
    const sdT = berChildren(buf, explicitT)[0];
    if (!sdT) throw new Pkcs7Error({ reason: "pkcs7-signed-data-empty" });
    if (sdT.tag !== 48) throw new Pkcs7Error({ reason: "pkcs7-signed-data-not-sequence" });
    const fields = berChildren(buf, sdT);
    const certsT = fields.slice(3).find((f) => f.tag === 160);
    const out = [];
    if (!certsT) return out;
    for (const c of berChildren(buf, certsT)) {
      if (c.tag !== 48) continue;
      out.push(Buffer.from(buf.buffer, buf.byteOffset + c.start, c.end - c.start));
    }
    return out;
  } catch (e) {
    if (e instanceof DerError) throw new Pkcs7Error({ reason: "pkcs7-ber-damaged", message: e.message });
    throw e;
  }
}

export {
  Pkcs7Error,
  isPkcs7SignedData,
  readPkcs7Certificates
};
