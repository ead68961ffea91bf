// The report as Prometheus metrics, in the text exposition format (0.0.4) that
// node_exporter's textfile collector reads and that OpenMetrics parsers accept:
// gauges only (notAfter, time left, status), no sample timestamps (the textfile
// collector refuses them), one sample per certificate and location. A team that runs Prometheus points the
// collector at a file this writes after each run and alerts on days left.
//
// Label values come from certificates and configs, i.e. from whoever made the
// certificate: they are escaped as the format requires (backslash, double
// quote, line feed), other control characters are replaced, and they are
// clipped so a hostile 60 kB CN cannot blow up a time series database.
import type { Report, ReportCertificate } from './report-types.js';
import { displayName, issuingCa, locationText, statusClass, type StatusClass } from './inventory/certificate-facts.js';

/** Longer label values are clipped: real CNs, DNs and paths fit; a hostile one does not get to be a 64 kB label. */
export const MAX_LABEL_CHARS = 256;
const STATUSES: StatusClass[] = ['ok', 'warn', 'fail'];

/** Escape a label value (exposition format: `\\`, `\"`, `\n`); other control characters become U+FFFD. */
export function escapeLabelValue(v: string): string {
  let s = [...v.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd')];
  if (s.length > MAX_LABEL_CHARS) s = [...s.slice(0, MAX_LABEL_CHARS - 1), '…'];
  // Lone surrogates would not encode as UTF-8: the format requires valid UTF-8.
  return s
    .join('')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

function labels(pairs: [string, string][]): string {
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

interface Series {
  labels: [string, string][];
  cert: ReportCertificate;
}

/** One label set per certificate and location; the same place seen twice (two bags of one file) is one series. */
function seriesOf(report: Report): Series[] {
  const out: Series[] = [];
  const seen = new Set<string>();
  for (const c of report.certificates) {
    for (const l of c.locations.length ? c.locations : [null]) {
      const place =
        l === null
          ? ''
          : l.type === 'endpoint' && l.address && l.address !== l.host
            ? `${locationText(l)} (${l.address})`
            : locationText(l);
      const set: [string, string][] = [
        ['fingerprint', c.fingerprint],
        ['subject', displayName(c)],
        ['issuer', issuingCa(c)],
        ['location_type', l?.type ?? ''],
        ['location', place],
        ['owner', c.owner ?? ''],
      ];
      const key = labels(set);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ labels: set, cert: c });
    }
  }
  return out;
}

function family(name: string, help: string, samples: string[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples];
}

export function renderOpenMetrics(report: Report): string {
  const series = seriesOf(report);
  const now = new Date(report.run.now);
  const lines = [
    ...family(
      'certwatch_certificate_not_after_seconds',
      "The certificate's notAfter, as a Unix time in seconds.",
      series.map(
        (s) =>
          `certwatch_certificate_not_after_seconds${labels(s.labels)} ${Math.floor(Date.parse(s.cert.notAfter) / 1000)}`,
      ),
    ),
    // Time left in seconds, not days: Prometheus names carry base units (promtool's lint says so); divide by 86400 for days.
    ...family(
      'certwatch_certificate_expires_in_seconds',
      "Seconds from the run's clock to notAfter; negative once expired.",
      series.map(
        (s) =>
          `certwatch_certificate_expires_in_seconds${labels(s.labels)} ${Math.floor((Date.parse(s.cert.notAfter) - now.getTime()) / 1000)}`,
      ),
    ),
    ...family(
      'certwatch_certificate_status',
      "1 for the certificate's status (ok, warn or fail, from its worst active finding), 0 for the others.",
      series.flatMap((s) =>
        STATUSES.map(
          (st) =>
            `certwatch_certificate_status${labels([...s.labels, ['status', st]])} ${statusClass(s.cert) === st ? 1 : 0}`,
        ),
      ),
    ),
    ...family('certwatch_certificates', 'Distinct certificates seen by the run.', [
      `certwatch_certificates ${report.summary.certificates}`,
    ]),
    ...family('certwatch_failures', 'Error findings after ignores: the run fails when this is above 0.', [
      `certwatch_failures ${report.summary.failures}`,
    ]),
    ...family('certwatch_warnings', 'Warning findings after ignores.', [
      `certwatch_warnings ${report.summary.warnings}`,
    ]),
    // The clock as a value, not a sample timestamp: the textfile collector refuses timestamps.
    ...family(
      'certwatch_run_clock_seconds',
      "The run's clock (the --at date in a forecast), as a Unix time in seconds.",
      [`certwatch_run_clock_seconds ${Math.floor(now.getTime() / 1000)}`],
    ),
  ];
  return lines.join('\n') + '\n';
}
