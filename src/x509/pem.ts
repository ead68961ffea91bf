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

export interface PemProblem {
  label: string;
  line: number;
  reason: string;
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
  let cur: { label: string; line: number; b64: string[]; bad?: string } | null = null;
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
          reason: `BEGIN ${cur.label} closed by END ${end[1]} on line ${i + 1}`,
        });
      } else if (cur.bad) {
        problems.push({ label: cur.label, line: cur.line, reason: cur.bad });
      } else {
        const joined = cur.b64.join('');
        const der = Buffer.from(joined, 'base64');
        // Buffer.from silently skips junk and decodes a short tail; a lost character
        // shifts every byte after it. PEM base64 is padded to a multiple of 4 (RFC 7468
        // §3; openssl refuses anything else), so check the length, then re-encode.
        if (joined.length === 0) problems.push({ label: cur.label, line: cur.line, reason: 'empty PEM block' });
        else if (
          joined.length % 4 !== 0 ||
          /=[^=]|={3}/.test(joined) ||
          joined.replace(/=+$/, '') !== der.toString('base64').replace(/=+$/, '')
        )
          problems.push({
            label: cur.label,
            line: cur.line,
            reason: 'the base64 inside the PEM block is damaged (bad padding or length)',
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
        reason: `PEM block has no END line before the next BEGIN on line ${i + 1}`,
      });
      cur = { label: BEGIN.exec(raw)![1], line: i + 1, b64: [] };
      continue;
    }
    if (raw === '' || HEADER_LINE.test(raw)) continue;
    if (!B64_LINE.test(raw)) {
      cur.bad ??= `invalid base64 on line ${i + 1} of the PEM block`;
      continue;
    }
    cur.b64.push(raw);
  }
  if (cur) problems.push({ label: cur.label, line: cur.line, reason: 'truncated PEM: BEGIN without END' });
  return { blocks, problems };
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
