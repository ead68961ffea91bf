import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/net/disk-cache.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
var DiskCache = class {
  dir;
  /** `root` is the run's cache directory (absent: no disk cache); `area` a subfolder such as "crl". */
  constructor(root, area) {
    this.dir = root ? join(root, area) : null;
  }
  /** The file for `key` (e.g. a URL) with a name prefix and suffix, or null when there is no cache. */
  file(key, suffix, prefix = "") {
    if (!this.dir) return null;
    return join(this.dir, `${prefix}${createHash("sha256").update(key).digest("hex").slice(0, 32)}${suffix}`);
  }
  async read(file) {
    if (!file) return null;
    try {
      return await readFile(file);
    } catch {
      return null;
    }
  }
  /** Parsed JSON, or null when absent or damaged. The shape is the caller's to check. */
  async readJson(file) {
    const raw = await this.read(file);
    if (!raw) return null;
    try {
      return JSON.parse(raw.toString("utf8"));
    } catch {
      return null;
    }
  }
  async write(file, data) {
    if (!file || !this.dir) return;
    try {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file);
    } catch {
    }
  }
  writeJson(file, value) {
    return this.write(file, JSON.stringify(value));
  }
};

export {
  DiskCache
};
