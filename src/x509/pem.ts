// PEM splitting, done here rather than by a library: real files have trailing
// spaces (Let's Encrypt intermediates), CRLF, text between blocks, and several
// labels in one file; Node's X509Certificate takes the first block whatever its
// label. We need every block, its label and the line of its BEGIN.

export interface PemBlock {
  label: string; // "CERTIFICATE", "PRIVATE KEY", "PKCS7", …
  der: Buffer;
  line: number; // 1-based line of the BEGIN
  index: number; // 1-based position among the file's blocks
}

/** What is wrong with one PEM block, as data (put into words by report/text/reader-problem.ts). */
export type PemFault =
  /** the END line names another label than the BEGIN */
  | { reason: 'pem-end-mismatch'; begin: string; end: string; endLine: number }
  /** a line inside the block that is not base64 (the first such line) */
  | { reason: 'pem-invalid-base64-line'; line: number }
  | { reason: 'pem-empty' }
  /** base64 with bad padding or length, or that does not re-encode to itself */
  | { reason: 'pem-damaged-base64' }
  /** a BEGIN inside the block: this block has no END */
  | { reason: 'pem-no-end-before-begin'; nextBegin: number }
  /** the file ends inside the block */
  | { reason: 'pem-truncated' };

export interface PemProblem {
  label: string;
  line: number;
  fault: PemFault;
}

const BEGIN = /^-----BEGIN ([A-Z0-9 #._-]+)-----\s*$/;
const END = /^-----END ([A-Z0-9 #._-]+)-----\s*$/;
const B64_LINE = /^[A-Za-z0-9+/=]*$/;
const HEADER_LINE = /^[A-Za-z-]+:\s/; // RFC 1421 headers (Proc-Type, DEK-Info) in encrypted keys

export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

export function splitPem(text: string): { blocks: PemBlock[]; problems: PemProblem[] } {
  const lines = text.split(/\r?\n|\r/);
  const blocks: PemBlock[] = [];
  const problems: PemProblem[] = [];
  let cur: { label: string; line: number; b64: string[]; bad?: PemFault } | null = null;
  let index = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!cur) {
      const m = BEGIN.exec(raw);
      if (m) cur = { label: m[1], line: i + 1, b64: [] };
      continue;
    }
    const end = END.exec(raw);
    if (end) {
      index++;
      if (end[1] !== cur.label) {
        problems.push({
          label: cur.label,
          line: cur.line,
          fault: { reason: 'pem-end-mismatch', begin: cur.label, end: end[1], endLine: i + 1 },
        });
      } else if (cur.bad) {
        problems.push({ label: cur.label, line: cur.line, fault: cur.bad });
      } else {
        const joined = cur.b64.join('');
        const der = Buffer.from(joined, 'base64');
        // Buffer.from silently skips junk and decodes a short tail; a lost character
        // shifts every byte after it. PEM base64 is padded to a multiple of 4 (RFC 7468
        // §3; openssl refuses anything else), so check the length, then re-encode.
        if (joined.length === 0) problems.push({ label: cur.label, line: cur.line, fault: { reason: 'pem-empty' } });
        else if (
          joined.length % 4 !== 0 ||
          /=[^=]|={3}/.test(joined) ||
          joined.replace(/=+$/, '') !== der.toString('base64').replace(/=+$/, '')
        )
          problems.push({
            label: cur.label,
            line: cur.line,
            fault: { reason: 'pem-damaged-base64' },
          });
        else blocks.push({ label: cur.label, der, line: cur.line, index });
      }
      cur = null;
      continue;
    }
    if (BEGIN.test(raw)) {
      index++;
      problems.push({
        label: cur.label,
        line: cur.line,
        fault: { reason: 'pem-no-end-before-begin', nextBegin: i + 1 },
      });
      cur = { label: BEGIN.exec(raw)![1], line: i + 1, b64: [] };
      continue;
    }
    if (raw === '' || HEADER_LINE.test(raw)) continue;
    if (!B64_LINE.test(raw)) {
      cur.bad ??= { reason: 'pem-invalid-base64-line', line: i + 1 };
      continue;
    }
    cur.b64.push(raw);
  }
  if (cur) problems.push({ label: cur.label, line: cur.line, fault: { reason: 'pem-truncated' } });
  return { blocks, problems };
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
