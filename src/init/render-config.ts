// The `.github/certwatch.yml` that `certwatch init` writes: the files discovery
// found, grouped by folder with their CODEOWNERS owners as comments, and every
// other option present but commented out with its default, so a user sees
// what can be set without opening the docs. The `$schema` line comes first
// (editors read it from the first line) and the JSON Schema validates the
// result, as a test proves by uncommenting every option.
import { BUILTIN, ISSUE_DEFAULTS } from '../config/settings.js';
import { DEFAULT_MAX_DOWNLOAD_MB } from '../net/address-policy.js';
import { SCHEMA_URL, ACTION_REPOSITORY } from './action-ref.js';
import type { FileGroup } from './find-certificate-files.js';

/** 600000 → "10m", 10000 → "10s": the way the config itself writes timeouts. */
function timeText(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function q(s: string): string {
  return JSON.stringify(s);
}

// Comments line up in one column, as a person would write them.
const COMMENT_COLUMN = 40;
function c(code: string, comment: string): string {
  return `${code.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}

function fileEntries(groups: FileGroup[]): string[] {
  if (!groups.length) {
    return [
      '# No certificate files were found. While neither files nor endpoints are listed, every',
      '# check discovers certificates by content in the files git tracks (PEM anywhere, base64',
      '# under keys, DER, PKCS#7/#12, Java keystores). To name them instead:',
      '# files:',
      '#   - "certs/**/*.pem"',
      '#   - path: "deploy/**/*.p12"',
      c('#     password-env: P12_PASSWORD', 'read from the environment, masked in logs'),
      c('#     owner: "@example/platform"', 'else CODEOWNERS'),
    ];
  }
  const out = ['# Certificate files found in this repository, one entry per folder.', 'files:'];
  for (const g of groups) {
    const covers =
      g.files.length === 1 && g.files[0] === g.pattern
        ? ''
        : `${g.files.length} file${g.files.length === 1 ? '' : 's'} today`;
    const entry = (code: string) => (covers ? c(code, covers) : code);
    if (g.owners.length) out.push(`  # owners (from CODEOWNERS): ${g.owners.join(' ')}`);
    if (g.needsPassword) {
      out.push(entry(`  - path: ${q(g.pattern)}`));
      out.push('    # password-protected: name the variable that holds the password and pass it to the step');
      out.push('    # password-env: P12_PASSWORD');
    } else {
      out.push(entry(`  - ${q(g.pattern)}`));
    }
  }
  out.push(
    '  # more forms:',
    c('  # - path: "k8s/**/*.yaml"', 'tls.crt inside Kubernetes Secret manifests'),
    c('  #   owner: "@example/platform"', 'overrides CODEOWNERS for these files'),
    c('  #   warn-within: 20%', 'thresholds per entry, too'),
    c('  #   exclude: ["k8s/dev/**"]', "this entry's own exclusions"),
    c('  # - "!certs/legacy/**"', 'negation: listed in the inventory, never judged'),
  );
  return out;
}

export function renderConfig(groups: FileGroup[], opts: { hasCodeowners: boolean }): string {
  const d = BUILTIN;
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    '# certwatch: the TLS certificates this repository depends on. Written by `certwatch init`;',
    '# commented lines show each option with its default. Docs: https://github.com/' + ACTION_REPOSITORY + '#configure',
    'version: 1',
    '',
    '# defaults:',
    c(
      `#   warn-within: ${d.warnWithin.text}`,
      `warn when less is left: 90m, 12h, 30d, or 20% = share of lifetime left`,
    ),
    c(`#   fail-within: ${d.failWithin.text}`, `fail when less is left`),
    c(`#   revocation: ${d.revocation}`, `soft: revoked fails, unknown warns | hard: unknown fails too | off`),
    c(`#   timeout: ${timeText(d.timeoutMs)}`, `per network operation`),
    c(`#   concurrency: ${d.concurrency}`, `endpoints probed at once`),
    c('#   ca-file: certs/private-root.pem', 'extra trust anchors for private CAs (none by default)'),
    c(`#   cache-dir: ${d.cacheDir}`, `CRLs and ARI answers kept between runs (the workflow caches this folder)`),
    c(`#   deadline: ${timeText(d.deadlineMs)}`, `stop starting new work in time to report everything`),
    '',
    ...fileEntries(groups),
    '',
    '# Folders whose certificates are listed in the inventory but never judged (none by default):',
    c('# exclude: ["test/**", "vendor/**"]', 'in discovery, test-fixture folders are never judged anyway'),
    '',
    '# Servers whose certificates to check (none by default):',
    '# endpoints:',
    c('#   - example.com', 'port 443, SNI = host'),
    '#   - https://api.example.com:8443',
    '#   - host: mail.example.com',
    '#     port: 25',
    c('#     starttls: smtp', 'smtp | imap | pop3 | ftp | ldap | postgres | xmpp'),
    '#     owner: "@example/mail-team"    # becomes the issue assignee',
    '#   - host: lb.example.com',
    c('#     all-addresses: true', 'probe every A/AAAA record (default: one)'),
    c('#     optional: true', 'unreachable = warning, not failure (default: false)'),
    '',
    '# Accepted findings (none by default); an ignore expires on its `until` date:',
    '# ignore:',
    '#   - fingerprint: "sha256:<64 hex digits>"',
    '#     until: 2027-01-31',
    '#     reason: "decommissioned in Q1"',
    c('#   - path: "test/fixtures/**"', 'by path: certificates seen only there'),
    '#     reason: "expired on purpose"',
    '',
    "# ACME Renewal Information (RFC 9773): Let's Encrypt and Google Trust Services are built in.",
    '# ari:',
    '#   enabled: true',
    c('#   directories:', 'more ACME CAs (none by default)'),
    '#     - issuer: "Example Private CA"  # matched against the issuer\'s O= or CN=',
    '#       directory: https://acme.example.internal/directory',
    '',
    "# A CA's published list of affected serials (none by default):",
    '# revoked-serials:',
    c('#   - path: incidents/affected-serials.txt', 'one hex serial per line'),
    '#     name: "CA incident"',
    '',
    '# network:',
    c(
      '#   private-addresses: auto',
      'auto: only public addresses on pull requests from forks | refuse: always | allow: never restricted',
    ),
    c('#   allow: [10.20.0.0/16]', 'contacted even where private addresses are refused (none by default)'),
    c(`#   max-download-mb: ${DEFAULT_MAX_DOWNLOAD_MB}`, 'total a run may fetch over HTTP'),
    '',
    '# issues:',
    c(`#   mode: ${ISSUE_DEFAULTS.mode}`, `per-certificate | digest`),
    `#   labels: [${ISSUE_DEFAULTS.labels.join(', ')}]`,
    c(`#   max-open: ${ISSUE_DEFAULTS.maxOpen}`, `past this, one digest issue lists the rest`),
  ];
  if (!opts.hasCodeowners) {
    lines.splice(4, 0, '# Owners: issues are assigned from a CODEOWNERS file (none yet) or per-entry `owner:`.');
  }
  return lines.join('\n') + '\n';
}
