// File targets → observations: expand globs (or, in discovery, list the files git
// tracks), read each file (bounded), decode by content, parse every certificate once.
// One bad file never stops the others.
import fg from 'fast-glob';
import { closeSync, constants, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type {
  CertificateRecord,
  FileLocation,
  FileTarget,
  Finding,
  FindingDetail,
  Observation,
  Severity,
} from '../../types.js';
import { CertificateParseError, roleOf } from '../../x509/parse-certificate.js';
import { parseOncePerRun } from '../../x509/parse-once.js';
import type { Whereabouts } from './extracted.js';
import { CERT_FILE_EXTS, extractFile } from './extract-file.js';
import { listDiscoveryFiles } from './discovery-list.js';
import { OUTSIDE, discoveryReader, type DiscoveryReader } from './read-discovered.js';
import { markSuperseded } from './superseded.js';
import { isInside } from '../../shared/path-inside.js';
import { FileTooLarge, type FileCause } from './file-cause.js';

// Certificate files are kilobytes; a bundle of every public root is ~250 KB. Past
// 10 MiB a file is not a certificate file, and reading it whole would waste memory.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
// Never descend into dependencies or VCS internals (the documented discovery rules).
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
  /** the path rule that keeps a file from being judged (findings/path-rules.ts), if any */
  excludedBy?: (rel: string, target: FileTarget) => string | undefined;
}

interface Matched {
  rel: string;
  target: FileTarget;
  excluded?: string;
}

export async function collectFiles(targets: FileTarget[], o: CollectFilesOptions): Promise<FileCollection> {
  const findings: Finding[] = [];
  const byPath = new Map<string, Matched>();
  for (const t of targets) {
    let matches: string[];
    try {
      matches = t.discovered
        ? await listDiscoveryFiles(o.workspace, [...ALWAYS_IGNORED, ...(o.ignore ?? [])])
        : await fg(t.pattern, {
            cwd: o.workspace,
            dot: true,
            onlyFiles: false, // a directory named x.pem deserves a message, not silence
            followSymbolicLinks: false, // a symlink loop must not recurse; links to files are still listed
            ignore: [...ALWAYS_IGNORED, ...(o.ignore ?? [])],
            suppressErrors: true,
            unique: true,
          });
    } catch (e) {
      findings.push(
        problem(
          'unparseable',
          'error',
          { kind: 'glob-problem', pattern: t.pattern, reason: (e as Error).message },
          configLoc(t),
        ),
      );
      continue;
    }
    matches.sort();
    if (!t.discovered) {
      // Discovery globs match directories too; only configured ones are judged for "matched nothing".
      if (matches.length === 0) {
        findings.push(problem('no-match', 'notice', { kind: 'no-match', pattern: t.pattern }, configLoc(t)));
      }
    }
    for (const rel of matches) {
      const norm = rel.split(path.sep).join('/');
      if (o.only && !o.only.has(norm)) continue;
      if (o.inShard && !o.inShard(norm)) continue;
      // First target wins: its owner and password apply.
      if (!byPath.has(norm)) byPath.set(norm, { rel: norm, target: t, excluded: o.excludedBy?.(norm, t) });
    }
  }

  const matched = [...byPath.values()];
  // One file at a time, synchronously: the files are a fresh checkout in the page
  // cache, where a read is a few microseconds and a thread-pool round trip costs
  // more than the read (issue 15 profile); nothing else runs while files are collected.
  const observations: Observation[] = [];
  const dirs: RealDirs = new Map();
  const reader = discoveryReader(o.workspace, MAX_FILE_BYTES);
  const parse = parseOncePerRun();
  for (const m of matched) {
    const r = await collectOne(m, o, dirs, reader, parse);
    for (const x of r.obs) observations.push(x);
    for (const f of r.findings) findings.push(f);
  }
  return { observations, findings, filesRead: matched.length };
}

function configLoc(t: FileTarget): FileLocation {
  return { type: 'file', path: t.source?.file ?? '(inputs)', line: t.source?.line ?? 1 };
}

function problem(id: Finding['id'], severity: Severity, detail: FindingDetail, location: FileLocation): Finding {
  return { id, severity, detail, location };
}

/**
 * `size` from the stat that already decided this is a regular file (one stat per file, not three).
 * Synchronous, like the discovery reads below: a CPU profile of 10,000 PEM files
 * (issue 15) spent ~1.3 s of main-thread time in the promise API's stat/open/read/close
 * round trips for files the page cache answers in microseconds.
 */
function readBounded(abs: string, size: number): Buffer {
  if (size > MAX_FILE_BYTES) {
    throw new FileTooLarge({ reason: 'too-large', bytes: size, limit: MAX_FILE_BYTES });
  }
  // O_NONBLOCK: a FIFO swapped in after the stat must not wait for a writer.
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // Read at most the limit + 1 even if the size changed under us.
    // Unzeroed: only the bytes read are ever looked at (subarray below). Outside
    // Buffer's shared 8 KiB pool: a file's bytes are garbage once decoded, and in the
    // pool they would pin slabs shared with the certificates kept (16 MB of mostly
    // dead slabs for 10,000 PEM files, issue 15 heap snapshot).
    const buf = Buffer.allocUnsafeSlow(Math.min(size, MAX_FILE_BYTES) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, n)) > 0; ) n += r;
    if (n > MAX_FILE_BYTES) throw new FileTooLarge({ reason: 'grew-too-large', limit: MAX_FILE_BYTES });
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Real (links resolved) paths of directories, per collectFiles call: files share a few folders. */
type RealDirs = Map<string, string>;

function realDir(dir: string, memo: RealDirs): string {
  let real = memo.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync.native(dir);
    } catch {
      real = path.resolve(dir);
    }
    memo.set(dir, real);
  }
  return real;
}

/**
 * Whether the file, every link followed, is inside the workspace (a dangling or
 * looping link counts as inside: reading it explains it), and its lstat when it is
 * not a link. Synchronous like the discovery reads. A file that is not itself a link
 * is where its folder really is: one lstat per file and one realpath per folder,
 * not a realpath(3) walk of every path component per file (issue 15 profile).
 */
function locate(abs: string, workspace: string, dirs: RealDirs): { inside: boolean; lstat?: Stats } {
  const root = realDir(workspace, dirs);
  let st: Stats;
  try {
    st = lstatSync(abs);
  } catch {
    return { inside: true };
  }
  if (!st.isSymbolicLink())
    return { inside: isInside(root, path.join(realDir(path.dirname(abs), dirs), path.basename(abs))), lstat: st };
  try {
    return { inside: isInside(root, realpathSync.native(abs)) };
  } catch {
    return { inside: true };
  }
}

async function collectOne(
  m: Matched,
  o: CollectFilesOptions,
  dirs: RealDirs,
  reader: DiscoveryReader,
  parse: (der: Buffer) => CertificateRecord,
): Promise<{ obs: Observation[]; findings: Finding[] }> {
  const abs = path.join(o.workspace, m.rel);
  const discovered = !!m.target.discovered;
  const certName = CERT_FILE_EXTS.has(path.extname(m.rel).toLowerCase());
  const loc = (line: number, w: Whereabouts & { detail?: string } = {}): FileLocation => ({
    type: 'file',
    path: m.rel,
    line,
    ...(w.detail ? { detail: w.detail } : {}),
    ...(w.form ? { form: w.form } : {}),
    ...(w.entry !== undefined ? { entry: w.entry } : {}),
    ...(w.key ? { key: w.key } : {}),
    ...(m.excluded ? { excluded: m.excluded } : {}),
  });
  // What discovery meets in a file that does not call itself a certificate (a placeholder
  // Secret, a doc example, a Helm template) is a notice, never an error.
  const sev = (s: Severity): Severity => (discovered && !certName ? 'notice' : s);
  // A problem at a line of this file (line absent: the whole file), and where inside it.
  const fileProblem = (line: number | undefined, cause: FileCause, inside?: string): FindingDetail => ({
    kind: 'file-problem',
    path: m.rel,
    ...(line !== undefined ? { line } : {}),
    ...(inside ? { inside } : {}),
    cause,
  });
  const fail = (cause: FileCause, severity: Severity = 'error', line = 1) => ({
    obs: [],
    findings: [problem('unparseable', sev(severity), fileProblem(line > 1 ? line : undefined, cause), loc(line))],
  });
  let buf: Buffer;
  // A committed symbolic link may point anywhere on the runner (/etc, ~/.ssh, another job's files):
  // only what is inside the workspace is read.
  const outside = () => fail({ reason: 'link-outside-workspace' }, 'notice');
  try {
    if (discovered) {
      // The reader checks the workspace itself (per folder, and per file only for a link).
      const got = reader({ rel: m.rel, certName });
      if (got === OUTSIDE) return outside();
      if (!got) return { obs: [], findings: [] };
      buf = got;
    } else {
      const where = locate(abs, o.workspace, dirs);
      if (!where.inside) return outside();
      // stat follows links: a loop is ELOOP, a dangling link ENOENT — both explained below.
      const st = where.lstat ?? statSync(abs);
      if (st.isDirectory()) return fail({ reason: 'directory' }, 'warning');
      if (!st.isFile()) return fail({ reason: 'not-regular-file' }, 'warning');
      buf = readBounded(abs, st.size);
    }
  } catch (e) {
    if (e instanceof FileTooLarge) return fail(e.fileCause);
    const err = e as NodeJS.ErrnoException;
    // git lists files deleted in the working tree until the deletion is staged.
    if (discovered && err.code === 'ENOENT') return { obs: [], findings: [] };
    return fail({ reason: 'unreadable', ...(err.code ? { code: err.code } : {}), message: err.message });
  }

  const envName = m.target.passwordEnv;
  const pw = envName ? (o.env ?? process.env)[envName] : undefined;
  if (envName && pw === undefined) {
    return fail({ reason: 'password-env-unset', env: envName });
  }
  const ex = await extractFile(buf, m.rel, { discovered, password: pw, passwordEnv: envName });
  if (!ex) return { obs: [], findings: [] }; // nothing of interest in a file discovery looked at

  const findings: Finding[] = [];
  if (ex.misnamed)
    findings.push(problem('misnamed', 'notice', { kind: 'misnamed', path: m.rel, ...ex.misnamed }, loc(1)));
  for (const p of ex.problems) {
    findings.push(
      problem(
        'unparseable',
        sev(p.severity ?? 'error'),
        fileProblem(p.line, { reason: 'parser', problem: p.problem, ...(p.within ? { within: p.within } : {}) }),
        loc(p.line, p),
      ),
    );
  }
  for (const k of ex.keys) {
    findings.push(
      problem(
        'private-key',
        'notice',
        {
          kind: 'private-key',
          path: m.rel,
          line: k.line,
          privateKey: k.privateKey,
          ...(k.within ? { within: k.within } : {}),
        },
        loc(k.line, k),
      ),
    );
  }
  const parsed: { rec: CertificateRecord; line: number; where: Whereabouts & { detail?: string } }[] = [];
  for (const c of ex.certificates) {
    try {
      const rec = parse(c.der);
      parsed.push({ rec, line: c.line, where: c });
      // Odd encodings OpenSSL reads too: the certificate is checked; the oddity is said once, quietly.
      for (const n of rec.parseNotes)
        findings.push(
          problem(
            'unparseable',
            'notice',
            fileProblem(c.line, { reason: 'encoding-note', text: n }, c.detail),
            loc(c.line, c),
          ),
        );
    } catch (e) {
      if (!(e instanceof CertificateParseError)) throw e;
      findings.push(
        problem(
          'unparseable',
          sev('error'),
          fileProblem(c.line, { reason: 'certificate-unparseable', text: e.message }, c.detail),
          loc(c.line, c),
        ),
      );
    }
  }
  if (!parsed.length && !ex.problems.length && !ex.keys.length && ex.certificates.length === 0) {
    findings.push(
      problem(
        'unparseable',
        discovered ? 'notice' : 'error',
        fileProblem(undefined, { reason: 'no-certificate' }),
        loc(1),
      ),
    );
  }
  const notes = markSuperseded(parsed.map((p) => p.rec));
  // One array for the whole file, shared by every sighting in it (it includes each
  // certificate itself): a bundle of n certificates costs n references, not n².
  const companions = parsed.map((p) => p.rec);
  const obs: Observation[] = parsed.map((p) => ({
    cert: p.rec,
    location: loc(p.line, p.where),
    role: roleOf(p.rec),
    owner: m.target.owner,
    thresholds: m.target.thresholds,
    companions,
    supersededBy: notes.get(p.rec),
  }));
  return { obs, findings };
}
