// Certificates inside arbitrary text: PEM blocks that do not start a line (`x := \`-----BEGIN…`),
// PEM inside string literals with escaped newlines (JSON, Java, Python, Go), TOML
// multi-line strings, heredocs, Markdown fences, comment-prefixed lines, Helm
// templates that are not YAML — and base64 of a PEM or DER certificate under a key
// (kubeconfig `certificate-authority-data`, `.env`, properties).
// Hand-written: no library finds PEM in source code; the line-based PEM splitter
// (x509/pem.ts) is kept for certificate files, whose exact messages people rely on.
import { emptyExtraction, within, type Extraction } from './extracted.js';
import { addPemBlock, extractPemText } from './pem-der.js';
import { extractDerObjects } from './der-objects.js';

/** The base64 of "-----BEGIN" at its three alignments (a value may not start at the BEGIN). */
export const B64_PEM_MARKERS = ['LS0tLS1CRUdJTi', '0tLS0tQkVHSU4', 'tLS0tLUJFR0lO'];
/** Base64 of a v3 certificate's start: SEQUENCE, SEQUENCE, [0] { INTEGER 2 }, INTEGER (serial). */
export const B64_DER_CERT_MARKER = 'gAwIBAgI';
export const PEM_MARKER = '-----BEGIN';

const BEGIN_ANYWHERE = /-----BEGIN ([A-Z0-9 #._-]{1,64})-----/g;
// A PEM block in a text file is a few kilobytes; a bundle of every public root ~250 KB.
// Past this an END is not looked for: the BEGIN is prose, not a block.
const MAX_BLOCK_CHARS = 512 * 1024;
const B64_RUN = /[A-Za-z0-9+/=]+/g;
const B64_CHAR = /[A-Za-z0-9+/]/;

/** Maps an offset in a text to its 1-based line without splitting the text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export interface TextScanOptions {
  /** the form to record: "pem-in-source" for code, "yaml"/"toml"/"env"… for config files */
  form: string;
  /** a problem in a file found by discovery is a notice (a placeholder, a doc example) */
  severity: 'error' | 'notice';
  /** key of the line a certificate was found on (config-like files) */
  keyOf?: (line: number) => string | undefined;
}

/** Every PEM block and base64-wrapped certificate in `text`, wherever it sits. */
export function extractFromText(text: string, o: TextScanOptions): Extraction {
  const out = emptyExtraction();
  const lineOf = lineIndex(text);
  const covered: [number, number][] = [];
  if (text.includes(PEM_MARKER)) scanPem(text, o, lineOf, out, covered);
  if (B64_PEM_MARKERS.some((m) => text.includes(m)) || text.includes(B64_DER_CERT_MARKER))
    scanBase64(text, o, lineOf, out, covered);
  return out;
}

function scanPem(
  text: string,
  o: TextScanOptions,
  lineOf: (n: number) => number,
  out: Extraction,
  covered: [number, number][],
) {
  BEGIN_ANYWHERE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let index = 0;
  while ((m = BEGIN_ANYWHERE.exec(text))) {
    const label = m[1];
    const bodyStart = m.index + m[0].length;
    const endMark = `-----END ${label}-----`;
    const end = text.indexOf(endMark, bodyStart);
    const line = lineOf(m.index);
    const key = o.keyOf?.(line);
    if (end === -1 || end - bodyStart > MAX_BLOCK_CHARS) {
      out.problems.push(
        within({ in: 'pem-block', label }, { line, problem: { reason: 'pem-no-end' }, severity: o.severity }),
      );
      continue;
    }
    BEGIN_ANYWHERE.lastIndex = end + endMark.length;
    covered.push([m.index, end + endMark.length]);
    index++;
    const der = decodeBody(text.slice(bodyStart, end));
    if (!der) {
      // "-----BEGIN CERTIFICATE-----\n...\n-----END" in docs, `{{ .Values.cert }}` in templates.
      out.problems.push({
        line,
        problem: { reason: 'pem-undecodable', label },
        severity: o.severity,
        ...(key ? { key } : {}),
      });
      continue;
    }
    addPemBlock(out, { label, der, line, index }, 0, undefined, false, { form: o.form, ...(key ? { key } : {}) });
  }
}

/**
 * The base64 of a PEM body as written in source: escaped newlines (`\n`, `\\n`), quotes,
 * string concatenation (`" +`), comment or quote prefixes. Each line contributes its
 * longest base64 run; the result must be canonical base64 of one DER object.
 */
function decodeBody(body: string): Buffer | null {
  const unescaped = body.replace(/\\+[nrt]/g, '\n');
  let b64 = '';
  for (const ln of unescaped.split(/\r?\n|\r/)) {
    let best = '';
    for (const run of ln.match(B64_RUN) ?? []) if (run.length > best.length) best = run;
    // "//" of a comment or "+" of a concatenation alone on a line is not data.
    if (best.length >= 4 || /=$/.test(best)) b64 += best;
  }
  return canonicalDer(b64);
}

/** Canonical base64 that decodes to exactly one DER TLV, else null. */
export function canonicalDer(b64: string): Buffer | null {
  if (!b64 || b64.length % 4 !== 0 || /=[^=]|={3}/.test(b64)) return null;
  const der = Buffer.from(b64, 'base64');
  if (der.toString('base64') !== b64) return null;
  return der.length >= 2 && der[0] === 0x30 ? der : null;
}

function scanBase64(
  text: string,
  o: TextScanOptions,
  lineOf: (n: number) => number,
  out: Extraction,
  covered: [number, number][],
) {
  const seen = new Set<number>();
  const hits: number[] = [];
  for (const mk of [...B64_PEM_MARKERS, B64_DER_CERT_MARKER]) {
    for (let i = text.indexOf(mk); i !== -1; i = text.indexOf(mk, i + 1)) hits.push(i);
  }
  hits.sort((a, b) => a - b);
  for (const hit of hits) {
    if (covered.some(([a, b]) => hit >= a && hit < b)) continue; // inside a PEM block already read
    let s = hit;
    while (s > 0 && B64_CHAR.test(text[s - 1])) s--;
    if (seen.has(s)) continue;
    seen.add(s);
    let e = hit;
    while (e < text.length && B64_CHAR.test(text[e])) e++;
    // Padding only ends a value ("KEY=" before one is not part of it).
    while (text[e] === '=' && (e - s) % 4 !== 0) e++;
    const token = text.slice(s, e);
    const line = lineOf(s);
    const key = o.keyOf?.(line);
    const where = { form: o.form, ...(key ? { key } : {}) };
    const raw = Buffer.from(token, 'base64');
    if (raw.toString('base64').replace(/=+$/, '') !== token.replace(/=+$/, '')) continue; // not base64 after all
    const inner = raw.includes(PEM_MARKER) ? extractPemText(raw.toString('utf8')) : extractDerObjects(raw);
    // Lines inside a base64 value mean nothing in the file: point at the value's line.
    for (const c of inner.certificates) out.certificates.push({ ...c, line, ...where });
    for (const k of inner.keys) out.keys.push({ ...k, line, ...where });
    for (const p of inner.problems)
      out.problems.push({ ...p, line, severity: o.severity === 'notice' ? 'notice' : p.severity });
  }
}
