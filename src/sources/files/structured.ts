// Certificates under any key of a YAML or JSON file: kubeconfig `certificate-authority-data`
// / `client-certificate-data`, Helm `values.yaml`, ConfigMaps, Kubernetes Secrets, JSON
// settings with `"-----BEGIN …\n…"` strings. Each is located by its key path
// ("users[0].user.client-certificate-data") and the line of its key.
import { LineCounter, parseAllDocuments, isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { emptyExtraction, within, type Extraction } from './extracted.js';
import { CERT_KEYS, KEY_KEYS, extractSecretDoc, isSecret } from './k8s-secret.js';
import { B64_DER_CERT_MARKER, B64_PEM_MARKERS, PEM_MARKER, extractFromText } from './pem-in-text.js';

export interface StructuredOptions {
  form: 'yaml' | 'json';
  severity: 'error' | 'notice';
}

/** null when the text is not valid YAML/JSON (a Helm template): the caller scans it as text. */
export function extractStructured(text: string, o: StructuredOptions): Extraction | null {
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lc }) as Document.Parsed[];
  } catch {
    return null;
  }
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return null;
  const out = emptyExtraction();
  for (const doc of docs) {
    const root = doc.contents;
    const secret = isSecret(root);
    if (secret) extractSecretDoc(root as YAMLMap, lc, out);
    const form = secret ? 'k8s-secret' : isKubeconfig(root) ? 'kubeconfig' : o.form;
    walk(root, [], 1);

    function walk(node: unknown, path: (string | number)[], keyLine: number): void {
      if (isMap(node)) {
        for (const pair of node.items) {
          const k = isScalar(pair.key) ? String(pair.key.value) : '?';
          // A Secret's tls.crt / ca.crt / tls.key were read above, with their placeholder rules.
          if (
            secret &&
            path.length === 1 &&
            (path[0] === 'data' || path[0] === 'stringData') &&
            (CERT_KEYS.includes(k) || KEY_KEYS.includes(k))
          )
            continue;
          const line = isScalar(pair.key) && pair.key.range ? lc.linePos(pair.key.range[0]).line : keyLine;
          walk(pair.value, [...path, k], line);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const line = (item as { range?: [number, number, number] })?.range
            ? lc.linePos((item as { range: [number, number, number] }).range[0]).line
            : keyLine;
          walk(item, [...path, i], line);
        });
      } else if (isScalar(node) && typeof node.value === 'string') {
        inspect(node.value, path, keyLine);
      }
    }

    function inspect(value: string, path: (string | number)[], line: number): void {
      const hasPem = value.includes(PEM_MARKER);
      if (!hasPem && !B64_PEM_MARKERS.some((m) => value.includes(m)) && !value.includes(B64_DER_CERT_MARKER)) return;
      // A folded base64 value arrives with spaces where its lines broke.
      const text = !hasPem && /^[A-Za-z0-9+/=\s]+$/.test(value) ? value.replace(/\s+/g, '') : value;
      const key = keyPath(path);
      const inner = extractFromText(text, { form, severity: o.severity });
      // Lines inside a value mean little in the file: point at its key.
      for (const c of inner.certificates) out.certificates.push({ ...c, line, key });
      for (const k of inner.keys) out.keys.push(within({ in: 'key', path: key }, { ...k, line, key }));
      for (const p of inner.problems) out.problems.push(within({ in: 'key', path: key }, { ...p, line, key }));
    }
  }
  return out;
}

function isKubeconfig(root: unknown): boolean {
  if (!isMap(root)) return false;
  return root.get('kind') === 'Config' || (root.has('clusters') && (root.has('users') || root.has('contexts')));
}

/** users[0].user.client-certificate-data; keys that are not plain names are quoted: data["tls.crt"]. */
export function keyPath(path: (string | number)[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(p)) s += s ? `.${p}` : p;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s;
}
