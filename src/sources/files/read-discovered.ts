// Reading the files discovery looks at: every tracked file, most of them small and of
// no interest. What keeps this cheap (issue 13: within 2× of `git grep -l` over the tree):
// - one synchronous open/read/close per file: several times faster than the promise
//   API's four thread-pool round trips, and nothing else runs meanwhile; no fstat and no
//   second read to find the end (see sniffOpen);
// - a scratch buffer for files not named as certificates, copied only when worth a look;
// - the workspace check resolves each folder once, not each file: a file is opened with
//   O_NOFOLLOW, so only a file that is itself a symbolic link costs a realpath (a
//   realpath per file was a quarter of the scan's CPU profile).
// Tried and left out: `git grep -l` as a pre-filter, with this process reading only
// the first bytes of unmatched files for a keystore's magic. Its threads cost more CPU
// (+0.3 s on a 4,300-file tree) than the reads they saved, and on a busy 2-core machine
// the scan took 1.08 s against 0.55 s without it (best of 12 each). Also tried: a second
// thread sniffing files from the far end of the list (claims by compare-and-swap on shared
// memory). It took half the files, yet the scan's wall time did not move (best 0.51 s
// against 0.50 s, 15 runs each, interleaved, load 4–9) and its CPU rose ~0.1 s: a worker's start-up
// costs what the reads it spares cost.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../../shared/path-inside.js';
import { worthALook } from './extract-file.js';
import { FileTooLarge } from './file-cause.js';

// Past this size a file found by discovery is data or a build artefact, not where
// anyone keeps a certificate, and sniffing it costs time.
export const DISCOVERY_MAX_BYTES = 2 * 1024 * 1024;

/** A committed symbolic link that leads out of the workspace: not read. */
export const OUTSIDE = Symbol('outside the workspace');

export interface DiscoveredFile {
  rel: string;
  /** named as a certificate file (.pem, .jks…): read whole, up to the general limit */
  certName: boolean;
}

/**
 * Reads one discovered file: the bytes worth extracting, null for a file of no
 * interest (or not a regular file, or too big to sniff), or OUTSIDE. Throws fs errors
 * (ELOOP, EACCES…) and FileTooLarge for a certificate-named file over the limit.
 */
export type DiscoveryReader = (f: DiscoveredFile) => Buffer | null | typeof OUTSIDE;

const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK; // a FIFO must not wait for a writer
const NOFOLLOW = constants.O_NOFOLLOW as number | undefined; // undefined on Windows

let scratch: Buffer | undefined;

/** A reader for one workspace (and one run: folders are resolved once). */
export function discoveryReader(workspace: string, maxFileBytes: number): DiscoveryReader {
  const root = realOrResolved(workspace);
  const folderInside = new Map<string, boolean>();
  const inside = (abs: string): boolean => {
    try {
      return isInside(root, realpathSync.native(abs));
    } catch {
      return true; // a dangling or looping link: reading it explains it
    }
  };
  const openInside = (rel: string): number | typeof OUTSIDE => {
    const abs = path.join(workspace, rel);
    const dir = path.dirname(abs);
    let ok = folderInside.get(dir);
    if (ok === undefined) folderInside.set(dir, (ok = inside(dir)));
    if (!ok) return OUTSIDE;
    if (NOFOLLOW === undefined) return inside(abs) ? openSync(abs, FLAGS) : OUTSIDE;
    try {
      return openSync(abs, FLAGS | NOFOLLOW);
    } catch (e) {
      // The file itself is a symbolic link (Linux and macOS say ELOOP): followed only inside.
      if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw e;
      return inside(abs) ? openSync(abs, FLAGS) : OUTSIDE;
    }
  };
  return (f) => {
    const fd = openInside(f.rel);
    if (fd === OUTSIDE) return OUTSIDE;
    try {
      return readOpen(fd, f, maxFileBytes);
    } finally {
      closeSync(fd);
    }
  };
}

function readOpen(fd: number, f: DiscoveredFile, maxFileBytes: number): Buffer | null {
  if (!f.certName) return sniffOpen(fd, f.rel);
  const st = fstatSync(fd);
  if (!st.isFile()) return null; // a device, a folder named like a certificate
  if (st.size > maxFileBytes) throw new FileTooLarge({ reason: 'too-large', bytes: st.size, limit: maxFileBytes });
  // One byte more than the size: a file growing past the limit while read is noticed.
  const buf = Buffer.allocUnsafeSlow(st.size + 1); // its own memory: a pool slab would outlive it
  const n = readInto(fd, buf, buf.length);
  return n > maxFileBytes ? null : buf.subarray(0, n);
}

/**
 * A file not named as a certificate: read into one scratch buffer, copied only when worth
 * a look, so most of a repository costs no allocation. No fstat: one read of up to the
 * cap + 1 bytes says both what is in the file and whether it is over the cap (a read of
 * a regular file returns less than asked only at its end).
 */
function sniffOpen(fd: number, rel: string): Buffer | null {
  const buf = (scratch ??= Buffer.allocUnsafe(DISCOVERY_MAX_BYTES + 1));
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } catch (e) {
    // A submodule folder git lists (EISDIR), a FIFO with no writer (EAGAIN): nothing to read.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'EAGAIN' || code === 'EINVAL') return null;
    throw e;
  }
  if (n > DISCOVERY_MAX_BYTES) return null; // data or a build artefact, not sniffed
  const bytes = buf.subarray(0, n);
  return worthALook(bytes, rel) ? Buffer.from(bytes) : null;
}

/** Reads up to `len` bytes from the start of the file into the start of buf; how many came. */
function readInto(fd: number, buf: Buffer, len: number): number {
  let n = 0;
  for (let r; n < len && (r = readSync(fd, buf, n, len - n, n)) > 0; ) n += r;
  return n;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}
