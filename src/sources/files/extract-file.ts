// One file's bytes → its certificates, keys and problems, decided by content first
// and name second: keystores and DER by their magic, PEM anywhere in text, base64
// certificates under keys of config files. A file that is not what its name says is
// read for what it is, with a note saying so.
import path from 'node:path';
import { emptyExtraction, type Extraction } from './extracted.js';
import { extractPemOrDer } from './pem-der.js';
import { extractPkcs7, extractPkcs7File } from './pkcs7.js';
import { extractK8sSecrets } from './k8s-secret.js';
import { derKind, extractDerObjects } from './der-objects.js';
import { JCEKS_MAGIC, JKS_MAGIC, extractJavaKeystore } from './java-keystore.js';
import { B64_DER_CERT_MARKER, B64_PEM_MARKERS, PEM_MARKER, extractFromText } from './pem-in-text.js';
import { extractStructured } from './structured.js';
import type { MisnamedStore } from './file-cause.js';

export type ContentKind = 'jks' | 'jceks' | 'pkcs12' | 'pkcs7' | 'der' | 'text' | 'binary' | 'empty';

// DER certificates are often named .pem by habit and read fine: only stores are worth a note.
const STORES = new Set<ContentKind>(['jks', 'jceks', 'pkcs12', 'pkcs7'] satisfies MisnamedStore[]);
// What each extension promises, for "a PKCS#12 store, named .jks".
const EXT_KIND: Record<string, ContentKind[]> = {
  '.jks': ['jks'],
  '.jceks': ['jceks'],
  '.keystore': ['jks', 'jceks', 'pkcs12'],
  '.truststore': ['jks', 'jceks', 'pkcs12'],
  '.p12': ['pkcs12'],
  '.pfx': ['pkcs12'],
  '.p7b': ['pkcs7', 'text'],
  '.p7c': ['pkcs7', 'text'],
  '.p7': ['pkcs7', 'text'],
  '.p7s': ['pkcs7'],
  '.spc': ['pkcs7'],
  '.pem': ['text'],
  '.der': ['der', 'pkcs7'],
  '.cer': ['der', 'text', 'pkcs7'],
  '.crt': ['der', 'text', 'pkcs7'],
  '.cert': ['der', 'text', 'pkcs7'],
};
/** Names that say "certificate file": a problem in one found by discovery keeps its severity. */
export const CERT_FILE_EXTS = new Set(Object.keys(EXT_KIND).concat(['.key', '.bks']));
const PEM_FILE_EXTS = new Set(['.pem', '.crt', '.cer', '.cert', '.key', '.ca-bundle', '.chain']);
// Text config formats whose values sit on `key = value` / `key: value` / `KEY=value` lines.
const CONFIG_FORMS: Record<string, string> = {
  '.toml': 'toml',
  '.env': 'env',
  '.properties': 'properties',
  '.ini': 'ini',
  '.cfg': 'config',
  '.conf': 'config',
  '.tfvars': 'hcl',
};
const SECRET_KIND = /\bkind:\s*["']?Secret\b/;
// A NUL in the first bytes means binary (git's own heuristic looks at the first 8000).
const BINARY_SNIFF_BYTES = 8000;

export function contentKind(buf: Buffer): ContentKind {
  if (buf.length === 0) return 'empty';
  if (buf.length >= 4) {
    const magic = buf.readUInt32BE(0);
    if (magic === JKS_MAGIC) return 'jks';
    if (magic === JCEKS_MAGIC) return 'jceks';
  }
  // '0' starts plenty of text files; a DER SEQUENCE is followed by binary length and content.
  if (buf[0] === 0x30 && (buf.subarray(0, BINARY_SNIFF_BYTES).includes(0) || !isMostlyText(buf))) return derKind(buf);
  return buf.subarray(0, BINARY_SNIFF_BYTES).includes(0) ? 'binary' : 'text';
}

function isMostlyText(buf: Buffer): boolean {
  const head = buf.subarray(0, 512);
  let printable = 0;
  for (const b of head) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  return printable / head.length > 0.95;
}

const PEM_BYTES = Buffer.from(PEM_MARKER, 'latin1');
const B64_DER_BYTES = Buffer.from(B64_DER_CERT_MARKER, 'latin1');
const B64_PEM_BYTES = B64_PEM_MARKERS.map((m) => Buffer.from(m, 'latin1'));
// "LS0t" (base64 of "---") is in the base64 of "-----BEGIN" at each of its three alignments:
// one pass over the file finds whether any of them can be there.
const B64_DASHES = Buffer.from('LS0t', 'latin1');
const SECRET_BYTES = Buffer.from('Secret', 'latin1');

function bufferMayHoldCertificates(buf: Buffer): boolean {
  return (
    buf.includes(PEM_BYTES) ||
    buf.includes(B64_DER_BYTES) ||
    (buf.includes(B64_DASHES) && B64_PEM_BYTES.some((m) => buf.includes(m)))
  );
}

/**
 * Whether a file found by discovery, not named as a certificate file, deserves a look:
 * a keystore or DER magic, or text with a PEM/base64 marker (or a YAML Secret). The same
 * tests extractFile applies first, run on a scratch buffer so the many uninteresting
 * files of a repository cost no allocation.
 */
export function worthALook(buf: Buffer, rel: string): boolean {
  if (buf.length === 0) return false;
  const kind = contentKind(buf);
  if (kind === 'binary') return false;
  if (kind !== 'text') return true;
  const ext = path.extname(rel).toLowerCase();
  return bufferMayHoldCertificates(buf) || ((ext === '.yaml' || ext === '.yml') && buf.includes(SECRET_BYTES));
}

/** Cheap test before any parsing: could this text hold a certificate or key? */
export function textMayHoldCertificates(text: string): boolean {
  return (
    text.includes(PEM_MARKER) || text.includes(B64_DER_CERT_MARKER) || B64_PEM_MARKERS.some((m) => text.includes(m))
  );
}

export interface ExtractFileOptions {
  discovered: boolean;
  password?: string;
  passwordEnv?: string;
}

export interface FileExtraction extends Extraction {
  /** a store named as another ("PKCS#12 store, named .jks"): read for what it is, and this says so */
  misnamed?: { store: MisnamedStore; ext: string };
}

/** null: nothing of interest in a file found by discovery (say nothing about it). */
export async function extractFile(buf: Buffer, rel: string, o: ExtractFileOptions): Promise<FileExtraction | null> {
  const base = path.basename(rel).toLowerCase();
  const ext = base.startsWith('.env') ? '.env' : path.extname(base);
  const kind = contentKind(buf);
  const certName = CERT_FILE_EXTS.has(ext);
  if (o.discovered && !certName && (kind === 'binary' || kind === 'empty')) return null;

  const expected = EXT_KIND[ext];
  const misnamed =
    expected && STORES.has(kind) && !expected.includes(kind) ? { store: kind as MisnamedStore, ext } : undefined;
  const withNote = (x: Extraction): FileExtraction => (misnamed ? { ...x, misnamed } : x);
  const severity = o.discovered && !certName ? 'notice' : 'error';

  switch (kind) {
    case 'jks':
    case 'jceks':
      return withNote(extractJavaKeystore(buf, { password: o.password, passwordEnv: o.passwordEnv }));
    case 'pkcs12': {
      // node-forge loads only when a PKCS#12 store is actually met.
      const { extractPkcs12 } = await import('./pkcs12.js');
      return withNote(tag(extractPkcs12(buf, { password: o.password, passwordEnv: o.passwordEnv }), 'pkcs12'));
    }
    case 'pkcs7':
      return withNote(tag(extractPkcs7(buf), 'pkcs7'));
    case 'der':
      return withNote(tag(extractDerObjects(buf), 'der'));
    case 'empty':
    case 'binary':
      if (ext === '.p12' || ext === '.pfx') {
        const { extractPkcs12 } = await import('./pkcs12.js');
        return extractPkcs12(buf, { password: o.password, passwordEnv: o.passwordEnv });
      }
      if (ext === '.bks')
        return {
          ...emptyExtraction(),
          problems: [
            {
              line: 1,
              problem: { reason: 'bks-keystore' },
              severity: 'notice',
            },
          ],
        };
      return extractPemOrDer(buf);
  }

  // Text. Discovery reads every tracked file: the markers are looked for in the bytes
  // (memmem speed) before anything is decoded, so a file without one costs no string.
  if (
    o.discovered &&
    !certName &&
    !bufferMayHoldCertificates(buf) &&
    !((ext === '.yaml' || ext === '.yml') && buf.includes(SECRET_BYTES))
  )
    return null;
  const text = buf.toString('utf8');
  const yamlLike = ext === '.yaml' || ext === '.yml';
  // A Secret with placeholder values holds no marker, yet is worth a notice (README: discovery reads Secrets).
  if (o.discovered && !certName && !textMayHoldCertificates(text) && !(yamlLike && SECRET_KIND.test(text))) return null;
  if (ext === '.p7b' || ext === '.p7c' || ext === '.p7') return tag(extractPkcs7File(buf), 'pkcs7');
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
    const structured = extractStructured(text, { form: ext === '.json' ? 'json' : 'yaml', severity });
    if (structured) {
      if (
        !o.discovered &&
        ext !== '.json' &&
        !structured.certificates.length &&
        !structured.keys.length &&
        !structured.problems.length
      ) {
        // Named explicitly and nothing found: say what was expected, as before.
        return extractK8sSecrets(text, true) ?? structured;
      }
      return structured;
    }
    // Not YAML (a Helm template with {{ }}): look for certificates as in any text.
    const found = extractFromText(text, { form: 'template', severity, keyOf: keyOfLine(text) });
    // Named explicitly and nothing found: the YAML error is the news.
    if (!o.discovered && !found.certificates.length && !found.keys.length && !found.problems.length)
      return extractK8sSecrets(text, true) ?? found;
    return found;
  }
  if (PEM_FILE_EXTS.has(ext) || (!o.discovered && !ext)) {
    // A certificate file: the strict line-based reader, whose messages name each damaged block.
    // A plain PEM file needs no form on its location (the contract's plain example).
    return extractPemOrDer(buf);
  }
  const form = CONFIG_FORMS[ext];
  if (form) return extractFromText(text, { form, severity, keyOf: keyOfLine(text) });
  if (!ext || ext === '.kubeconfig') {
    // kubeconfigs are usually named `config` or `kubeconfig`, without an extension.
    const structured = extractStructured(text, { form: 'yaml', severity });
    if (structured && (structured.certificates.length || structured.keys.length)) return structured;
  }
  const found = extractFromText(text, { form: 'pem-in-source', severity });
  if (!o.discovered && !found.certificates.length && !found.keys.length && !found.problems.length)
    return extractPemOrDer(buf);
  return found;
}

function tag(x: Extraction, form: string): Extraction {
  for (const c of x.certificates) c.form ??= form;
  for (const k of x.keys) k.form ??= form;
  return x;
}

/** The key a `key = value`, `key: value` or `KEY=value` line assigns, for config-like text. */
function keyOfLine(text: string): (line: number) => string | undefined {
  let lines: string[] | undefined;
  let section = '';
  const sections: string[] = [];
  return (line) => {
    if (!lines) {
      lines = text.split(/\r?\n/);
      // TOML/INI [section] headers qualify the keys below them.
      for (const l of lines) {
        const m = /^\s*\[+\s*([^\]]+?)\s*\]+\s*$/.exec(l);
        if (m) section = m[1];
        sections.push(section);
      }
    }
    for (let i = line - 1; i >= 0 && i >= line - 200; i--) {
      const m = /^\s*(?:export\s+)?["']?([A-Za-z0-9_.\-/]+)["']?\s*[:=]/.exec(lines[i] ?? '');
      if (m) return sections[i] ? `${sections[i]}.${m[1]}` : m[1];
    }
    return undefined;
  };
}
