// `.github/certwatch.yml` as users write it (README, "Configure"), and as they get it wrong:
// every mistake names the file, the line and the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../src/config/load-config.js';
import { parseConfigText } from '../../src/config/parse-config.js';
import { buildSettings, settingsFrom, DISCOVERY_PATTERNS, UsageError } from '../../src/config/settings.js';
import { parseDuration, thresholdMs, DurationError } from '../../src/config/duration.js';
import { checkThresholdOrder } from '../../src/config/threshold-order.js';
import { said } from '../helpers/said.js';
import { tempDir } from '../helpers/workspace.js';
import { DAY, NOW, HOUR } from '../helpers/clock.js';

const FP = 'sha256:' + '3f'.repeat(8) + 'a1b2c3d4e5f60718293a4b5c6d7e8f90' + '0e'.repeat(8);
const FILE = '.github/certwatch.yml';

// The contract's example, verbatim but for a real-looking fingerprint.
const FULL = `version: 1
defaults:
  warn-within: 30d        # durations: 90m, 12h, 30d; or 20% = share of lifetime left
  fail-within: 7d
  revocation: soft        # soft | hard | off
  timeout: 10s            # per network operation
  concurrency: 32         # endpoints probed at once
  ca-file: certs/private-root.pem   # extra trust anchors for private CAs (also per endpoint)
  cache-dir: .certwatch-cache       # CRLs and ARI answers kept between runs
  deadline: 15m           # stop starting new work in time to report everything
endpoints:
  - example.com                          # port 443, SNI = host
  - https://api.example.com:8443
  - host: mail.example.com
    port: 25
    starttls: smtp                       # smtp | imap | pop3 | ftp | ldap | postgres | xmpp
    owner: "@example/mail-team"          # becomes the issue assignee / mention
  - host: lb.example.com
    all-addresses: true                  # probe every A/AAAA record, not just one
  - host: 10.1.2.3
    servername: internal.example.com     # SNI and hostname check differ from the address
    optional: true                       # unreachable = warning, not failure
files:
  - "certs/**/*.pem"
  - path: "deploy/**/*.p12"
    password-env: P12_PASSWORD           # read from the environment, masked in logs
  - path: "k8s/**/*.yaml"                # tls.crt inside Kubernetes Secret manifests
    owner: "@example/platform"           # owners work on file entries too (else CODEOWNERS)
ignore:
  - fingerprint: "${FP}"
    until: 2027-01-31                    # an ignore expires; after that it fails again
    reason: "decommissioned in Q1"
ari:                                     # ACME Renewal Information (RFC 9773)
  enabled: true                          # Let's Encrypt and Google Trust Services are built in
  directories:                           # more ACME CAs: issuer match → ACME directory URL
    - issuer: "Example Private CA"       # matched against the issuer's O= or CN=
      directory: https://acme.example.internal/directory
revoked-serials:                         # a CA's published list of affected serials
  - path: incidents/affected-serials.txt # one hex serial per line; # comments allowed
    issuer: "Let's Encrypt"              # optional: only certificates from this issuer
    name: "CAA rechecking incident"      # shown as the revocation reason
issues:
  mode: per-certificate                  # per-certificate | digest
  labels: [certificates]
  max-open: 50                           # past this, one digest issue lists the rest
`;

function configError(text: string): ConfigError {
  try {
    const raw = parseConfigText(text, FILE);
    settingsFrom(raw, '/ws', { now: NOW });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  assert.fail('expected a ConfigError');
}

test("the contract's full example parses into the expected Settings", () => {
  const s = settingsFrom(parseConfigText(FULL, FILE), '/ws', { now: NOW });
  assert.equal(s.workspace, '/ws');
  assert.equal(s.configPath, FILE);
  assert.deepEqual(s.defaults, {
    warnWithin: { kind: 'absolute', ms: 30 * DAY, text: '30d' },
    failWithin: { kind: 'absolute', ms: 7 * DAY, text: '7d' },
    revocation: 'soft',
    timeoutMs: 10_000,
    concurrency: 32,
    caFile: 'certs/private-root.pem',
    cacheDir: '.certwatch-cache',
    deadlineMs: 15 * 60_000,
  });
  assert.deepEqual(
    s.endpoints.map((e) => ({
      host: e.host,
      port: e.port,
      servername: e.servername,
      starttls: e.starttls,
      all: e.allAddresses,
      optional: e.optional,
      owner: e.owner,
      line: e.source?.line,
    })),
    [
      {
        host: 'example.com',
        port: 443,
        servername: 'example.com',
        starttls: undefined,
        all: false,
        optional: false,
        owner: undefined,
        line: 12,
      },
      {
        host: 'api.example.com',
        port: 8443,
        servername: 'api.example.com',
        starttls: undefined,
        all: false,
        optional: false,
        owner: undefined,
        line: 13,
      },
      {
        host: 'mail.example.com',
        port: 25,
        servername: 'mail.example.com',
        starttls: 'smtp',
        all: false,
        optional: false,
        owner: '@example/mail-team',
        line: 14,
      },
      {
        host: 'lb.example.com',
        port: 443,
        servername: 'lb.example.com',
        starttls: undefined,
        all: true,
        optional: false,
        owner: undefined,
        line: 18,
      },
      {
        host: '10.1.2.3',
        port: 443,
        servername: 'internal.example.com',
        starttls: undefined,
        all: false,
        optional: true,
        owner: undefined,
        line: 20,
      },
    ],
  );
  assert.ok(s.endpoints.every((e) => e.timeoutMs === 10_000 && e.source?.file === FILE));
  assert.equal(new Set(s.endpoints.map((e) => e.id)).size, 5, 'endpoint ids are distinct');
  assert.deepEqual(
    s.files.map((f) => ({
      pattern: f.pattern,
      passwordEnv: f.passwordEnv,
      owner: f.owner,
      line: f.source?.line,
      discovered: f.discovered,
    })),
    [
      { pattern: 'certs/**/*.pem', passwordEnv: undefined, owner: undefined, line: 24, discovered: undefined },
      { pattern: 'deploy/**/*.p12', passwordEnv: 'P12_PASSWORD', owner: undefined, line: 25, discovered: undefined },
      { pattern: 'k8s/**/*.yaml', passwordEnv: undefined, owner: '@example/platform', line: 27, discovered: undefined },
    ],
  );
  assert.equal(s.ignore.length, 1);
  assert.equal(s.ignore[0].fingerprint, FP);
  assert.equal(s.ignore[0].until?.toISOString(), '2027-01-31T23:59:59.999Z', 'an ignore lasts through its until day');
  assert.equal(s.ignore[0].reason, 'decommissioned in Q1');
  assert.equal(s.ignore[0].source?.line, 30);
  assert.deepEqual(s.ari, {
    enabled: true,
    directories: [{ issuer: 'Example Private CA', directory: 'https://acme.example.internal/directory' }],
  });
  assert.deepEqual(
    s.revokedSerials.map(({ path, issuer, name }) => ({ path, issuer, name })),
    [{ path: 'incidents/affected-serials.txt', issuer: "Let's Encrypt", name: 'CAA rechecking incident' }],
  );
  assert.deepEqual(s.issues, { mode: 'per-certificate', labels: ['certificates'], maxOpen: 50 });
  assert.deepEqual(s.shard, { index: 1, count: 1 });
  assert.equal(s.now, NOW);
});

test('inputs override the config; no config and no inputs means discovery', async (t) => {
  const s = settingsFrom(parseConfigText(FULL, FILE), '/ws', {
    warnWithin: '20%',
    failWithin: '12h',
    revocation: 'hard',
  });
  assert.deepEqual(s.defaults.warnWithin, { kind: 'percent', percent: 20, text: '20%' });
  assert.deepEqual(s.defaults.failWithin, { kind: 'absolute', ms: 12 * HOUR, text: '12h' });
  assert.equal(s.defaults.revocation, 'hard');

  const ws = await tempDir('certwatch-cfg-', t);
  const d = await buildSettings(ws, { now: NOW });
  assert.equal(d.configPath, undefined);
  assert.deepEqual(
    d.files.map((f) => [f.pattern, f.discovered]),
    DISCOVERY_PATTERNS.map((p) => [p, true]),
  );
  assert.equal(d.defaults.warnWithin.text, '30d');
  assert.equal(d.defaults.failWithin.text, '7d');
  await assert.rejects(buildSettings(ws, { configPath: 'missing.yml', configExplicit: true }), UsageError);

  await mkdir(path.join(ws, '.github'));
  await writeFile(path.join(ws, FILE), 'version: 1\nfiles: ["a/*.pem"]\n');
  const c = await buildSettings(ws, { now: NOW });
  assert.equal(c.configPath, FILE);
  assert.deepEqual(
    c.files.map((f) => f.pattern),
    ['a/*.pem'],
    'configured files replace discovery',
  );
});

test('durations read as users type them: 90m, 12h, 30d and 20% of the lifetime', () => {
  assert.deepEqual(parseDuration('90m'), { kind: 'absolute', ms: 90 * 60_000, text: '90m' });
  assert.deepEqual(parseDuration('12h'), { kind: 'absolute', ms: 12 * HOUR, text: '12h' });
  assert.deepEqual(parseDuration('30d'), { kind: 'absolute', ms: 30 * DAY, text: '30d' });
  assert.deepEqual(parseDuration('20%'), { kind: 'percent', percent: 20, text: '20%' });
  assert.equal(thresholdMs(parseDuration('20%'), 10 * DAY), 2 * DAY);
  assert.equal(thresholdMs(parseDuration('12h'), 10 * DAY), 12 * HOUR);
  assert.throws(() => parseDuration('-5d'), /negative/);
  assert.throws(() => parseDuration('150%'), DurationError);
  assert.throws(() => parseDuration('30 days'), /not a duration/);
  // The same durations are accepted by the config file (schema and code agree).
  const s = settingsFrom(
    parseConfigText('version: 1\ndefaults:\n  warn-within: 20%\n  fail-within: 90m\n', FILE),
    '/ws',
  );
  assert.equal(s.defaults.warnWithin.kind, 'percent');
  assert.equal(s.defaults.failWithin.kind, 'absolute');
});

test('a tab in the indentation is a ConfigError naming the file, the line and tabs', () => {
  const e = configError('version: 1\ndefaults:\n\twarn-within: 30d\n');
  assert.equal(e.problems[0].file, FILE);
  assert.equal(e.problems[0].line, 3);
  assert.match(e.message, /tabs/);
  assert.match(e.message, /^\.github\/certwatch\.yml:3: /);
});

test('an unknown key warn-witin suggests warn-within, on its own line', () => {
  const e = configError('version: 1\ndefaults:\n  fail-within: 7d\n  warn-witin: 30d\n');
  assert.equal(e.problems.length, 1);
  assert.equal(e.problems[0].line, 4);
  assert.equal(e.problems[0].key, 'defaults.warn-witin');
  assert.match(e.problems[0].message, /did you mean "warn-within"/);
  assert.match(e.message, /certwatch\.yml:4:/);
});

test('an unknown key in an endpoint or file entry suggests the nearest key there', () => {
  const e = configError(
    'version: 1\nendpoints:\n  - host: a.example\n    all-adresses: true\nfiles:\n  - path: x.p12\n    pasword-env: PW\n',
  );
  const byKey = new Map(e.problems.map((p) => [p.key, p]));
  assert.match(byKey.get('endpoints.0.all-adresses')!.message, /did you mean "all-addresses"/);
  assert.equal(byKey.get('endpoints.0.all-adresses')!.line, 4);
  assert.match(byKey.get('files.0.pasword-env')!.message, /did you mean "password-env"/);
  assert.equal(byKey.get('files.0.pasword-env')!.line, 7);
});

test('a negative duration gets a clear message with its line', () => {
  const e = configError('version: 1\ndefaults:\n  warn-within: 30d\n  fail-within: -5d\n');
  assert.equal(e.problems.length, 1);
  assert.equal(e.problems[0].line, 4);
  assert.match(e.problems[0].message, /"-5d" is negative/);
});

test('fail-within larger than warn-within is a config warning, not a crash', () => {
  const s = settingsFrom(
    parseConfigText('version: 1\ndefaults:\n  warn-within: 5d\n  fail-within: 10d\n', FILE),
    '/ws',
    { now: NOW },
  );
  const w = checkThresholdOrder(s);
  assert.equal(w.length, 1);
  assert.equal(w[0].id, 'config');
  assert.equal(w[0].severity, 'warning');
  assert.match(said(w[0]), /fail-within \(10d\) is larger than warn-within \(5d\)/);
  assert.deepEqual(w[0].location && w[0].location.type === 'file' && w[0].location.path, FILE);
  // Percent vs percent compares too; a file entry's own inverted thresholds point at its line.
  const p = settingsFrom(
    parseConfigText('version: 1\nfiles:\n  - path: a.pem\n    warn-within: 10%\n    fail-within: 33%\n', FILE),
    '/ws',
  );
  const pw = checkThresholdOrder(p);
  assert.equal(pw.length, 1);
  assert.equal(pw[0].location?.type === 'file' && pw[0].location.line, 3);
  // The right order says nothing.
  assert.deepEqual(checkThresholdOrder(settingsFrom(parseConfigText(FULL, FILE), '/ws')), []);
});

test('version missing or version 2 is refused with the line', () => {
  const missing = configError('defaults:\n  warn-within: 30d\n');
  assert.match(missing.message, /missing required key "version"/);
  const two = configError('# certwatch\nversion: 2\n');
  assert.equal(two.problems[0].line, 2);
  assert.match(two.problems[0].message, /must be 1 \(found 2\)/);
});

test('an endpoints item of the wrong type says what was found, on its line', () => {
  const e = configError('version: 1\nendpoints:\n  - example.com\n  - 443\n  - [a, b]\n');
  assert.equal(e.problems.length, 2, e.message);
  assert.deepEqual(
    e.problems.map((p) => p.line),
    [4, 5],
  );
  assert.match(e.problems[0].message, /must be a string or a mapping \(found 443\)/);
  assert.match(e.problems[1].message, /found a list/);
});

test('an endpoint that does not parse names its line', () => {
  const e = configError('version: 1\nendpoints:\n  - ok.example\n  - "bad host:99999"\n');
  assert.equal(e.problems[0].line, 4);
  assert.equal(e.problems[0].key, 'endpoints.1');
});

test('a malformed ignore fingerprint is refused with its line and a hint', () => {
  const e = configError(`version: 1\nignore:\n  - fingerprint: "sha256:abc"\n    reason: x\n`);
  assert.equal(e.problems[0].line, 3);
  assert.equal(e.problems[0].key, 'ignore.0.fingerprint');
  assert.match(e.problems[0].message, /not a SHA-256 fingerprint/);
  // A colon-separated uppercase fingerprint (as browsers show it) is accepted and normalised.
  const colons = FP.slice(7).toUpperCase().match(/../g)!.join(':');
  const s = settingsFrom(parseConfigText(`version: 1\nignore:\n  - fingerprint: "${colons}"\n`, FILE), '/ws');
  assert.equal(s.ignore[0].fingerprint, FP);
});

test('a fingerprint with the wrong number of hex digits is refused, not normalised into a rule that never matches', () => {
  const e = configError(`version: 1\nignore:\n  - fingerprint: "sha256:${'a'.repeat(70)}"\n`);
  assert.equal(e.problems[0].line, 3);
  assert.match(e.problems[0].message, /SHA-256/);
});

test('an until that is not YYYY-MM-DD, or not a real day, is refused with its line', () => {
  for (const until of ['31/01/2027', '2027-02-30', '2027-13-01']) {
    const e = configError(`version: 1\nignore:\n  - fingerprint: "${FP}"\n    until: "${until}"\n`);
    assert.equal(e.problems[0].line, 4, until);
    assert.match(e.problems[0].message, /not a date; use YYYY-MM-DD/, until);
  }
});

test('an empty config or a list at the top says what it needs', () => {
  assert.match(configError('').message, /empty/);
  assert.match(configError('- a\n- b\n').message, /must be a mapping/);
});
