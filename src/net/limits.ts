// Size and time limits for every network read certwatch makes. One place, so the
// numbers and the reasons for them can be read together.

/**
 * CRLs: large enough for real CAs' complete CRLs (the biggest public ones are tens
 * of MB; a 1M-entry CRL is ~35 MB), small enough that a misbehaving server cannot
 * make the runner page. The lookup scans DER in place, so memory ≈ this size.
 */
export const CRL_MAX_BYTES = 150 * 1024 * 1024;

/** OCSP responses are a few KB even with a delegated responder chain; 64 KB is generous. */
export const OCSP_MAX_BYTES = 64 * 1024;

/** ARI renewalInfo answers and ACME directories are small JSON documents (RFC 9773 §4.2, RFC 8555 §7.1.1). */
export const ARI_MAX_BYTES = 64 * 1024;

/** AIA caIssuers: one certificate, or a small PKCS#7 bundle of a few. */
export const CERT_MAX_BYTES = 1024 * 1024;

/** CDNs move CRLs and AIA files (http → https, host changes); more hops than this is a loop. */
export const MAX_REDIRECTS = 3;

/**
 * A whole CRL transfer may take longer than the per-operation timeout (a 100 MB CRL
 * at 2 MB/s takes ~50 s); stalls are still caught by the idle (body) timeout.
 */
export const CRL_TRANSFER_TIMEOUT_MS = 120_000;

/**
 * Clock skew allowed between the CA's clock and ours when judging thisUpdate /
 * nextUpdate: CAs backdate a little, runners drift a little.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * At most this many certificates are checked at once: the fetches are deduplicated,
 * so this bounds open sockets and parallel CRL parses, not correctness.
 */
export const REVOCATION_CONCURRENCY = 8;

/**
 * A cached CRL without nextUpdate (optional in RFC 5280) has no expiry of its own;
 * when its server is down, a copy fetched longer ago than this is not used as the
 * answer. 10 days is the Baseline Requirements' longest CRL publication interval.
 */
export const CRL_NO_NEXT_UPDATE_FALLBACK_MS = 10 * 86_400_000;

/**
 * A CRL without nextUpdate is believed for this long after its thisUpdate, like an
 * OCSP response without nextUpdate (verify-ocsp.ts): older, its entries still prove
 * revocation, but its silence no longer proves "good". 10 days, the Baseline
 * Requirements' longest CRL publication interval (§4.9.7), is the most any CA promises.
 */
export const CRL_NO_NEXT_UPDATE_MAX_AGE_MS = 10 * 86_400_000;

/**
 * A published serial list by URL, counted in bytes received (compressed when the
 * server sends gzip): real incident lists are big — Let's Encrypt's 2020 list
 * was over a gigabyte with its domain names — and a list is streamed, never
 * held, so this only stops a server that never ends. 4 GiB admits a 2 GB list
 * with room to spare; the run's deadline bounds the time.
 */
export const SERIAL_LIST_MAX_DOWNLOAD_BYTES = 4 * 1024 ** 3;
