// What `certwatch init` puts under `files:`: the certificate files discovery
// finds today, grouped by folder so a new certificate dropped next to them is
// watched too, with each folder's owners from CODEOWNERS. It uses the real
// discovery and file readers (the same ones a check uses), so the config it
// writes matches exactly what a check with no config would have seen.
import path from 'node:path';
import { settingsFrom } from '../config/settings.js';
import { collectFiles } from '../sources/files/collect-files.js';
import { ownersFor, parseCodeowners, readCodeowners } from '../github/codeowners.js';
import { needsPassword } from '../sources/files/file-cause.js';

// The file types certwatch reads by extension (the documented discovery rules). Files of
// these types are grouped by folder and extension; anything else that turned
// out to hold certificates (a Kubernetes manifest, a PEM inside a config file)
// is listed by its exact path, since its neighbours are usually not certificates.
const CERTIFICATE_EXTENSIONS = new Set(['pem', 'crt', 'cer', 'der', 'p7b', 'p7c', 'p12', 'pfx']);
const PKCS12_EXTENSIONS = new Set(['p12', 'pfx']);

export interface FileGroup {
  /** the glob or exact path to write under `files:` */
  pattern: string;
  /** workspace-relative files it covers today */
  files: string[];
  /** owners from CODEOWNERS for those files (union, in first-seen order) */
  owners: string[];
  /** a PKCS#12 file that needs a password the config does not have yet */
  needsPassword: boolean;
}

export interface FoundFiles {
  groups: FileGroup[];
  certificates: number; // distinct certificates read from those files
  hasCodeowners: boolean;
}

export async function findCertificateFiles(workspace: string): Promise<FoundFiles> {
  const discovery = settingsFrom(null, workspace);
  const cacheDir = discovery.defaults.cacheDir.replace(/\/+$/, '');
  const collected = await collectFiles(discovery.files, { workspace, ignore: [`${cacheDir}/**`] });

  const withCertificates = new Set<string>();
  for (const o of collected.observations) if (o.location.type === 'file') withCertificates.add(o.location.path);
  // A certificate file that does not parse today (truncated, password-protected)
  // still belongs under watch: the check will say what is wrong with it.
  const broken = new Set<string>();
  const passwordFiles = new Set<string>();
  for (const f of collected.findings) {
    if (f.id !== 'unparseable' || f.severity === 'notice' || f.location?.type !== 'file') continue;
    if (!CERTIFICATE_EXTENSIONS.has(extensionOf(f.location.path))) continue;
    broken.add(f.location.path);
    if (f.detail.kind === 'file-problem' && needsPassword(f.detail.cause)) passwordFiles.add(f.location.path);
  }

  const codeowners = await readCodeowners(workspace);
  const rules = codeowners ? parseCodeowners(codeowners) : [];

  const byPattern = new Map<string, FileGroup>();
  for (const file of [...new Set([...withCertificates, ...broken])].sort()) {
    const pattern = groupPattern(file);
    let g = byPattern.get(pattern);
    if (!g) byPattern.set(pattern, (g = { pattern, files: [], owners: [], needsPassword: false }));
    g.files.push(file);
    for (const owner of ownersFor(rules, file)) if (!g.owners.includes(owner)) g.owners.push(owner);
    if (passwordFiles.has(file)) g.needsPassword = true;
  }
  const distinct = new Set(collected.observations.map((o) => o.cert.fingerprint));
  return {
    groups: mergeExtensions([...byPattern.values()]),
    certificates: distinct.size,
    hasCodeowners: codeowners !== null,
  };
}

function extensionOf(file: string): string {
  return path.posix.extname(file).slice(1).toLowerCase();
}

/** "certs/a.pem" → "certs/*.pem"; "k8s/tls.yaml" → itself. Glob characters in names are escaped. */
function groupPattern(file: string): string {
  const ext = extensionOf(file);
  if (!CERTIFICATE_EXTENSIONS.has(ext)) return escapeGlob(file);
  const dir = path.posix.dirname(file);
  const base = `*.${path.posix.extname(file).slice(1)}`;
  return dir === '.' ? base : `${escapeGlob(dir)}/${base}`;
}

/**
 * One entry per folder for the plain certificate types ("certs/*.{crt,pem}"),
 * but PKCS#12 stays its own entry: it may need `password-env`, and other
 * files in the folder must not inherit that.
 */
function mergeExtensions(groups: FileGroup[]): FileGroup[] {
  const out: FileGroup[] = [];
  const byFolder = new Map<string, FileGroup[]>();
  for (const g of groups) {
    const m = /^(.*\/)?\*\.([^/*]+)$/.exec(g.pattern);
    if (!m || PKCS12_EXTENSIONS.has(m[2].toLowerCase())) {
      out.push(g);
      continue;
    }
    const folder = m[1] ?? '';
    if (!byFolder.has(folder)) byFolder.set(folder, []);
    byFolder.get(folder)!.push(g);
  }
  for (const [folder, gs] of byFolder) {
    if (gs.length === 1) {
      out.push(gs[0]);
      continue;
    }
    const exts = gs.map((g) => g.pattern.slice(g.pattern.lastIndexOf('.') + 1)).sort();
    out.push({
      pattern: `${folder}*.{${exts.join(',')}}`,
      files: gs.flatMap((g) => g.files).sort(),
      owners: [...new Set(gs.flatMap((g) => g.owners))],
      needsPassword: false,
    });
  }
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

// fast-glob (micromatch) syntax: a folder named "certs (old)" or "[prod]" must match itself only.
function escapeGlob(s: string): string {
  return s.replace(/[*?[\]{}()!\\]/g, '\\$&');
}
