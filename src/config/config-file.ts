// Generated from schema/certwatch.schema.json by scripts/gen-config-types.mjs — do not edit.
// The shape of .github/certwatch.yml once it has passed schema validation.

/**
 * host, host:port, [v6]:port, https://host:port/path, smtp://host, imaps://host, tls://host:port …
 */
export type EndpointString = string;
/**
 * A GitHub user (@alice, assigned to issues) or team (@org/team, mentioned).
 */
export type Owner = string;
/**
 * A duration such as 10s, 500ms, 2m.
 */
export type Timeout = string;
/**
 * A duration (90m, 12h, 30d, 2w) or a share of the certificate's lifetime left (20%).
 */
export type Duration = string;

export interface CertwatchConfig {
  $schema?: string;
  /**
   * Config format version; must be 1.
   */
  version: 1;
  defaults?: {
    /**
     * A duration (90m, 12h, 30d, 2w) or a share of the certificate's lifetime left (20%).
     */
    'warn-within'?: string;
    /**
     * A duration (90m, 12h, 30d, 2w) or a share of the certificate's lifetime left (20%).
     */
    'fail-within'?: string;
    /**
     * soft: revoked fails, unknown warns; hard: unknown fails too; off.
     */
    revocation?: 'soft' | 'hard' | 'off';
    /**
     * A duration such as 10s, 500ms, 2m.
     */
    timeout?: string;
    /**
     * Endpoints probed at once (default 32).
     */
    concurrency?: number;
    /**
     * Extra trust anchors (PEM) for private CAs.
     */
    'ca-file'?: string;
    /**
     * CRLs and ARI answers kept between runs (default .certwatch-cache).
     */
    'cache-dir'?: string;
    /**
     * A duration such as 10s, 500ms, 2m.
     */
    deadline?: string;
  };
  endpoints?: (EndpointString | EndpointObject)[];
  /**
   * Globs of certificate files, or mappings with path and options. A glob starting with "!" excludes what it matches (never a literal "!").
   */
  files?: (string | FileObject)[];
  /**
   * Globs (e.g. "test/**", "vendor/**") whose certificates are never judged; they stay in the inventory, marked excluded.
   */
  exclude?: string[];
  /**
   * Items: Either fingerprint: or path:, with an optional until: and reason:.
   */
  ignore?: {
    /**
     * sha256:<hex> as shown in reports.
     */
    fingerprint?: string;
    /**
     * A glob: certificates seen only at matching paths are not judged (still listed).
     */
    path?: string;
    /**
     * YYYY-MM-DD; after it the ignore stops applying.
     */
    until?: string;
    reason?: string;
  }[];
  ari?: {
    enabled?: boolean;
    directories?: {
      /**
       * Matched against the issuer's O= or CN=.
       */
      issuer: string;
      /**
       * ACME directory URL.
       */
      directory: string;
    }[];
  };
  'revoked-serials'?: {
    /**
     * A file in the repository: one serial per line (first field up to a comma or tab), plain or gzip'd.
     */
    path?: string;
    /**
     * Where the CA publishes the list (http or https), plain or gzip'd; streamed and cached in cache-dir.
     */
    url?: string;
    issuer?: string;
    name?: string;
  }[];
  /**
   * Which addresses certwatch may contact for certificate-derived URLs (AIA, OCSP, CRL), ARI and endpoints, and how much a run may download. On a pull request from a fork this section (with ignore, ari, revoked-serials and ca-file) is read from the base branch's config.
   */
  network?: {
    /**
     * auto (default): only public addresses are contacted on pull requests from forks, private ones too elsewhere (internal PKIs); refuse: only public addresses, always; allow: private addresses always (also on forks).
     */
    'private-addresses'?: 'auto' | 'refuse' | 'allow';
    /**
     * IP addresses or CIDR blocks contacted even where private addresses are refused (an internal CA's CRL server, say).
     */
    allow?: string[];
    /**
     * Total megabytes one run may fetch over HTTP (CRLs, OCSP, issuer certificates, ARI, serial lists by URL). Default 8192.
     */
    'max-download-mb'?: number;
  };
  issues?: {
    mode?: 'per-certificate' | 'digest';
    labels?: string[];
    'max-open'?: number;
  };
}
export interface EndpointObject {
  /**
   * Name, IP address, or a URL form like smtp://host:25.
   */
  host: string;
  port?: number;
  /**
   * SNI and the name the certificate must cover, when it differs from host.
   */
  servername?: string;
  starttls?: 'smtp' | 'imap' | 'pop3' | 'ftp' | 'ldap' | 'postgres' | 'xmpp';
  /**
   * Probe every A/AAAA record, not just one.
   */
  'all-addresses'?: boolean;
  /**
   * Unreachable is a warning, not a failure.
   */
  optional?: boolean;
  owner?: Owner;
  /**
   * Extra trust anchors (PEM) for this endpoint.
   */
  'ca-file'?: string;
  timeout?: Timeout;
  'warn-within'?: Duration;
  'fail-within'?: Duration;
}
export interface FileObject {
  /**
   * A glob relative to the repository root.
   */
  path: string;
  /**
   * Environment variable holding the PKCS#12 password.
   */
  'password-env'?: string;
  owner?: Owner;
  'warn-within'?: Duration;
  'fail-within'?: Duration;
  /**
   * Globs this entry's matches leave out of judgement (still listed in the inventory as excluded).
   */
  exclude?: string[];
}
