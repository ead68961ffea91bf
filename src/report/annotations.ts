// Findings → workflow annotations on the file and line they concern. Endpoint
// findings point at the config line that declares the endpoint.
import type { Location } from '../types.js';
import type { Report, ReportFinding } from './report-types.js';
import { findingSentence, findingSentenceBesidePlace } from './text/finding-sentence.js';
import { displayName } from '../x509/parse-certificate.js';
import { severityRank } from '../findings/severity.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  startLine?: number;
}

// GitHub shows at most 10 annotations per level per step, and caps them per run;
// emitting thousands only slows the log. The summary and report list the rest.
export const MAX_ANNOTATIONS = 100;

function placeOf(l: Location | undefined): { file?: string; startLine?: number } {
  if (!l) return {};
  if (l.type === 'file') return l.path.startsWith('(') ? {} : { file: l.path, startLine: l.line };
  return l.configFile && !l.configFile.startsWith('(') ? { file: l.configFile, startLine: l.configLine } : {};
}

export function annotationsFor(r: Report): Annotation[] {
  const out: Annotation[] = [];
  const add = (f: ReportFinding, loc: Location | undefined, title: string) => {
    if (f.ignored) return;
    const place = placeOf(loc);
    // GitHub shows the file and line beside the annotation: the message need not repeat them.
    out.push({
      level: f.severity,
      title,
      message: place.file ? findingSentenceBesidePlace(f, r.run.now, loc) : findingSentence(f, r.run.now),
      ...place,
    });
  };
  for (const c of r.certificates) {
    for (const f of c.findings) {
      const title = `certwatch ${f.id}: ${displayName(c)}`;
      if (f.location) add(f, f.location, title);
      else {
        // One annotation per distinct place (a certificate committed in three files gets three).
        const seen = new Set<string>();
        for (const l of c.locations) {
          const p = placeOf(l);
          const k = `${p.file}:${p.startLine}`;
          if (seen.has(k)) continue;
          seen.add(k);
          add(f, l, title);
        }
      }
    }
  }
  for (const f of r.problems) add(f, f.location, `certwatch ${f.id}`);
  return out.sort((a, b) => severityRank(a.level) - severityRank(b.level)).slice(0, MAX_ANNOTATIONS);
}
