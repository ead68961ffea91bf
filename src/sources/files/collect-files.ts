// File targets → observations: expand globs, read each file (bounded), decode by
// kind, parse every certificate once. One bad file never stops the others.
import fg from 'fast-glob';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CertificateRecord, FileLocation, FileTarget, Finding, Observation, Severity } from '../../types.js';
import { CertificateParseError, parseCertificate, roleOf } from '../../x509/parse-certificate.js';
import type { Extraction } from './extracted.js';
import { extractPemOrDer } from './pem-der.js';
import { extractPkcs7File } from './pkcs7.js';
import { extractK8sSecrets } from './k8s-secret.js';
import { markSuperseded } from './superseded.js';

// Certificate files are kilobytes; a bundle of every public root is ~250 KB. Past
// 10 MiB a file is not a certificate file, and reading it whole would waste memory.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
// Reading files in parallel hides disk latency; more than this only adds memory.
const READ_CONCURRENCY = 64;
// Never descend into dependencies or VCS internals (PRODUCT.md discovery rules).
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FileCollection {
  observations: Observation[];
  findings: Finding[]; // target problems: unparseable, private-key, no-match… (no fingerprint)
  filesRead: number;
}

export interface CollectFilesOptions {
  workspace: string;
  /** only these workspace-relative paths (a pull request's changed files); null = all */
  only?: Set<string> | null;
  /** shard membership by file path */
  inShard?: (identity: string) => boolean;
  /** extra ignore globs (e.g. the cache directory) */
  ignore?: string[];
  env?: NodeJS.ProcessEnv;
}

interface Matched {
  rel: string;
  target: FileTarget;
}

export async function collectFiles(targets: FileTarget[], o: CollectFilesOptions): Promise<FileCollection> {
  const findings: Finding[] = [];
  const byPath = new Map<string, Matched>();
  for (const t of targets) {
    let matches: string[];
    try {
      matches = await fg(t.pattern, {
        cwd: o.workspace,
        dot: true,
        onlyFiles: false, // a directory named x.pem deserves a message, not silence
        followSymbolicLinks: false, // a symlink loop must not recurse; links to files are still listed
        ignore: [...ALWAYS_IGNORED, ...(o.ignore ?? [])],
        suppressErrors: true,
        unique: true,
      });
    } catch (e) {
      findings.push(problem('unparseable', 'error', `files: "${t.pattern}" is not a valid glob (${(e as Error).message})`, configLoc(t)));
      continue;
    }
    matches.sort();
    if (!t.discovered) {
      // Discovery globs match directories too; only configured ones are judged for "matched nothing".
      if (matches.length === 0) {
        findings.push(problem('no-match', 'notice', `files: "${t.pattern}" matched no file`, configLoc(t)));
      }
    }
    for (const rel of matches) {
      const norm = rel.split(path.sep).join('/');
      if (o.only && !o.only.has(norm)) continue;
      if (o.inShard && !o.inShard(norm)) continue;
      // First target wins: its owner and password apply.
      if (!byPath.has(norm)) byPath.set(norm, { rel: norm, target: t });
    }
  }

  const matched = [...byPath.values()];
  const results: { obs: Observation[]; findings: Finding[] }[] = new Array(matched.length);
  let next = 0;
  const worker = async () => {
    while (next < matched.length) {
      const i = next++;
      results[i] = await collectOne(matched[i], o);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, matched.length) }, worker));

  const observations: Observation[] = [];
  for (const r of results) {
    observations.push(...r.obs);
    findings.push(...r.findings);
  }
  return { observations, findings, filesRead: matched.length };
}

function configLoc(t: FileTarget): FileLocation {
  return { type: 'file', path: t.source?.file ?? '(inputs)', line: t.source?.line ?? 1 };
}

function problem(id: Finding['id'], severity: Severity, message: string, location: FileLocation): Finding {
  return { id, severity, message, location };
}

/** `size` from the stat that already decided this is a regular file (one stat per file, not three). */
async function readBounded(abs: string, size: number): Promise<Buffer> {
  if (size > MAX_FILE_BYTES) {
    throw Object.assign(new Error(`the file is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit for a certificate file; not read`), { code: 'ETOOBIG' });
  }
  const fh = await open(abs, 'r');
  try {
    // Read at most the limit + 1 even if the size changed under us.
    const buf = Buffer.alloc(Math.min(size, MAX_FILE_BYTES) + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (bytesRead > MAX_FILE_BYTES) throw Object.assign(new Error(`the file grew past the ${MAX_FILE_BYTES / 1048576} MiB limit while being read`), { code: 'ETOOBIG' });
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function explainFsError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ELOOP':
      return 'symbolic link loop; not read';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; the file cannot be read by this job';
    case 'ENOENT':
      return 'dangling symbolic link or file removed during the run';
    case 'EISDIR':
      return 'this is a directory, not a certificate file';
    case 'ETOOBIG':
      return e.message;
    default:
      return `cannot be read (${e.code ?? e.message})`;
  }
}

async function collectOne(m: Matched, o: CollectFilesOptions): Promise<{ obs: Observation[]; findings: Finding[] }> {
  const abs = path.join(o.workspace, m.rel);
  const loc = (line: number, detail?: string): FileLocation => ({ type: 'file', path: m.rel, line, ...(detail ? { detail } : {}) });
  const fail = (reason: string, severity: Severity = 'error', line = 1) => ({
    obs: [],
    findings: [problem('unparseable', severity, `${m.rel}${line > 1 ? `:${line}` : ''}: ${reason}`, loc(line))],
  });
  let buf: Buffer;
  try {
    // stat follows links: a loop is ELOOP, a dangling link ENOENT — both explained below.
    const st = await stat(abs);
    if (st.isDirectory()) {
      // Discovery globs such as **/*.pem also match directories; only configured globs speak up.
      return m.target.discovered ? { obs: [], findings: [] } : fail('this is a directory, not a certificate file; narrow the glob to files', 'warning');
    }
    if (!st.isFile()) return fail('not a regular file (a device, socket or pipe); not read', 'warning');
    buf = await readBounded(abs, st.size);
  } catch (e) {
    return fail(explainFsError(e as NodeJS.ErrnoException));
  }

  const ext = path.extname(m.rel).toLowerCase();
  let ex: Extraction | null;
  if (ext === '.p12' || ext === '.pfx') {
    const envName = m.target.passwordEnv;
    const pw = envName ? (o.env ?? process.env)[envName] : undefined;
    if (envName && pw === undefined) {
      return fail(`PKCS#12 password variable $${envName} is not set in the environment; pass it to the step (env: ${envName}: \${{ secrets.${envName} }})`);
    }
    // node-forge loads only when a PKCS#12 file is actually met.
    const { extractPkcs12 } = await import('./pkcs12.js');
    ex = extractPkcs12(buf, { password: pw, passwordEnv: envName });
  } else if (ext === '.p7b' || ext === '.p7c') {
    ex = extractPkcs7File(buf);
  } else if (ext === '.yaml' || ext === '.yml') {
    ex = extractK8sSecrets(buf.toString('utf8'), !m.target.discovered);
    if (!ex) return { obs: [], findings: [] }; // an ordinary YAML file found by discovery
  } else {
    ex = extractPemOrDer(buf);
  }

  const findings: Finding[] = [];
  for (const p of ex.problems) {
    findings.push(problem('unparseable', p.severity ?? 'error', `${m.rel}:${p.line}: ${p.reason}`, loc(p.line)));
  }
  for (const k of ex.keys) {
    findings.push(
      problem('private-key', 'notice', `${m.rel}:${k.line}: a private key (${k.label}) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.`, loc(k.line)),
    );
  }
  const parsed: { rec: CertificateRecord; line: number; detail?: string }[] = [];
  for (const c of ex.certificates) {
    try {
      const rec = parseCertificate(c.der);
      parsed.push({ rec, line: c.line, detail: c.detail });
      // Odd encodings OpenSSL reads too: the certificate is checked; the oddity is said once, quietly.
      for (const n of rec.parseNotes) findings.push(problem('unparseable', 'notice', `${m.rel}:${c.line}${c.detail ? ` (${c.detail})` : ''}: ${n}`, loc(c.line, c.detail)));
    } catch (e) {
      if (!(e instanceof CertificateParseError)) throw e;
      findings.push(problem('unparseable', 'error', `${m.rel}:${c.line}${c.detail ? ` (${c.detail})` : ''}: ${e.message}`, loc(c.line, c.detail)));
    }
  }
  if (!parsed.length && !ex.problems.length && !ex.keys.length && ex.certificates.length === 0) {
    findings.push(problem('unparseable', m.target.discovered ? 'notice' : 'error', `${m.rel}: holds no certificate`, loc(1)));
  }
  const notes = markSuperseded(parsed.map((p) => p.rec));
  const companions = parsed.map((p) => p.rec);
  const obs: Observation[] = parsed.map((p) => ({
    cert: p.rec,
    location: loc(p.line, p.detail),
    role: roleOf(p.rec),
    owner: m.target.owner,
    thresholds: m.target.thresholds,
    companions: companions.filter((c) => c !== p.rec),
    note: notes.get(p.rec),
  }));
  return { obs, findings };
}
