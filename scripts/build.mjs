// One `npm run build`: bundle the action and the CLI into dist/ with esbuild.
// `node scripts/build.mjs --outdir DIR` builds elsewhere (used by the freshness check).
import { build } from 'esbuild';
import { rm, mkdir } from 'node:fs/promises';

const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? process.argv[i + 1] : 'dist';

// ESM bundles of CommonJS dependencies need a real `require` for Node built-ins.
const banner = "import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // undici lazily requires node:sqlite (absent on Node 20); keep it a runtime require (NOTES.md).
  external: ['node:sqlite'],
  sourcemap: false,
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({ ...common, entryPoints: ['src/action.ts'], outfile: `${outdir}/action.js`, banner: { js: banner } });
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: `${outdir}/cli.js`, banner: { js: `#!/usr/bin/env node\n${banner}` } });
