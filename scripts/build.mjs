// One `npm run build`: bundle the action and the CLI into dist/ with esbuild.
// `node scripts/build.mjs --outdir DIR` builds elsewhere (used by the freshness check).
// Code splitting keeps cold start low: heavy parts (TLS probing, revocation with
// undici, GitHub's Octokit, node-forge, the HTML renderer) are separate chunks
// loaded by dynamic import() only when a run needs them.
import { build } from 'esbuild';
import { rm, mkdir, readFile, writeFile, chmod } from 'node:fs/promises';

const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? process.argv[i + 1] : 'dist';

// ESM bundles of CommonJS dependencies need a real `require` for Node built-ins.
const banner =
  "import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);";

// @actions/core imports its OIDC client (and through it @actions/http-client and a
// copy of undici) at load time; certwatch never uses it. Bundling a stub keeps
// ~600 KB of JavaScript out of every start-up (see scripts/shims/oidc-utils.js).
const withoutOidc = {
  name: 'without-actions-oidc',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: new URL('./shims/oidc-utils.js', import.meta.url).pathname }
        : undefined,
    );
  },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { action: 'src/action.ts', cli: 'src/bin.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // undici lazily requires node:sqlite (absent on Node 20); keep it a runtime require.
  external: ['node:sqlite'],
  banner: { js: banner },
  plugins: [withoutOidc],
  sourcemap: false,
  minify: false,
});
// The bin needs a shebang, and only the bin.
const cli = `${outdir}/cli.js`;
await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, 'utf8')}`);
await chmod(cli, 0o755);
