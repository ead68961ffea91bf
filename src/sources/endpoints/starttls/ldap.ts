// LDAP StartTLS (RFC 4511 §4.14): an ExtendedRequest with the StartTLS OID,
// answered by an ExtendedResponse whose resultCode 0 means go ahead. Both are
// BER; only the few fields we need are read, with explicit bounds.
import { type LineReader, quote } from './line-reader.js';
import type { LdapDefect } from '../probe-cause.js';

const START_TLS_OID = '1.3.6.1.4.1.1466.20037';
// An ExtendedResponse is a result code, two short strings and an optional OID;
// 16 KiB covers a verbose diagnostic message.
const MAX_LDAP_RESPONSE_BYTES = 16 * 1024;

function tlv(tag: number, body: Buffer): Buffer {
  if (body.length > 127) throw new Error('LDAP request field too long'); // our fields are tiny
  return Buffer.concat([Buffer.from([tag, body.length]), body]);
}

/** LDAPMessage { messageID 1, [APPLICATION 23] ExtendedRequest { [0] requestName } } */
export function startTlsRequest(): Buffer {
  const op = tlv(0x77, tlv(0x80, Buffer.from(START_TLS_OID, 'latin1')));
  return tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), op]));
}

/** A fault in the server's BER, as data (report/text/probe-cause.ts words it). */
class BerFault extends Error {
  constructor(readonly defect: LdapDefect) {
    super(`malformed LDAP response: ${defect.defect}`);
  }
}

interface Tlv {
  tag: number;
  start: number; // content start
  end: number; // content end
}

function readTlv(buf: Buffer, pos: number, limit: number): Tlv {
  if (pos + 2 > limit) throw new BerFault({ defect: 'truncated-element' });
  const tag = buf[pos];
  let len = buf[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3) throw new BerFault({ defect: 'unsupported-length' });
    if (start + n > limit) throw new BerFault({ defect: 'truncated-length' });
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (start + len > limit) throw new BerFault({ defect: 'overrun' });
  return { tag, start, end: start + len };
}

/** How many bytes the outer LDAPMessage needs, once its header is buffered; -1 = need more. */
function messageLength(buf: Buffer): number {
  if (buf.length < 2) return -1;
  const first = buf[1];
  if (!(first & 0x80)) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 3) throw new BerFault({ defect: 'unsupported-length' });
  if (buf.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[2 + i];
  return 2 + n + len;
}

export async function ldapStartTls(r: LineReader): Promise<void> {
  r.write(startTlsRequest());
  let head = await r.readBytes(2);
  if (head[0] !== 0x30)
    throw r.error({ problem: 'not-ldap', firstByte: head[0], said: quote(head.toString('latin1')) });
  let total: number;
  try {
    while ((total = messageLength(head)) < 0) head = Buffer.concat([head, await r.readBytes(1)]);
  } catch (e) {
    // The server closing (or the deadline) while the length is read is said as itself.
    if (!(e instanceof BerFault)) throw e;
    throw r.error({ problem: 'malformed-ldap', defect: e.defect });
  }
  if (total > MAX_LDAP_RESPONSE_BYTES)
    throw r.error({ problem: 'ldap-too-large', bytes: total, maxBytes: MAX_LDAP_RESPONSE_BYTES });
  const msg = Buffer.concat([head, await r.readBytes(total - head.length)]);
  let code: number;
  let diagnostic = '';
  try {
    const outer = readTlv(msg, 0, msg.length);
    const id = readTlv(msg, outer.start, outer.end);
    const op = readTlv(msg, id.end, outer.end);
    if (op.tag !== 0x78) throw new BerFault({ defect: 'not-extended-response', tag: op.tag });
    const result = readTlv(msg, op.start, op.end);
    if (result.tag !== 0x0a) throw new BerFault({ defect: 'no-result-code' });
    code = 0;
    for (let i = result.start; i < result.end; i++) code = code * 256 + msg[i];
    const matched = readTlv(msg, result.end, op.end);
    const diag = readTlv(msg, matched.end, op.end);
    diagnostic = msg.subarray(diag.start, diag.end).toString('utf8');
  } catch (e) {
    if (!(e instanceof BerFault)) throw e;
    throw r.error({ problem: 'malformed-ldap', defect: e.defect });
  }
  if (code !== 0) throw r.error({ problem: 'ldap-result', resultCode: code, diagnostic: quote(diagnostic) });
}
