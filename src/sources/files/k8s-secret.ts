// Kubernetes Secret manifests: `tls.crt` / `ca.crt` under `data` (base64) or
// `stringData` (PEM text), in multi-document YAML.
import { LineCounter, parseAllDocuments, isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import { emptyExtraction, within, type Extraction } from './extracted.js';
import { extractPemText } from './pem-der.js';

export const CERT_KEYS = ['tls.crt', 'ca.crt'];
export const KEY_KEYS = ['tls.key'];

/** `strict`: the file was named explicitly (not discovered), so YAML that is not a Secret is worth saying. */
export function extractK8sSecrets(text: string, strict: boolean): Extraction | null {
  // Cheap pre-filter: discovery reads every YAML file in the repository.
  if (!/\bkind:\s*["']?Secret\b/.test(text) && !strict) return null;
  const out = emptyExtraction();
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lc }) as Document.Parsed[];
  } catch (e) {
    out.problems.push({ line: 1, problem: { reason: 'yaml-unparseable', message: (e as Error).message } });
    return out;
  }
  let secrets = 0;
  for (const doc of docs) {
    if (doc.errors.length) {
      out.problems.push({
        line: lc.linePos(doc.errors[0].pos[0]).line,
        problem: { reason: 'yaml-unparseable', message: doc.errors[0].message.split('\n')[0] },
      });
      continue;
    }
    if (isSecret(doc.contents)) {
      secrets++;
      extractSecretDoc(doc.contents as YAMLMap, lc, out);
    }
  }
  if (secrets === 0 && !strict) return null;
  if (secrets === 0) out.problems.push({ line: 1, problem: { reason: 'no-k8s-secret' }, severity: 'notice' });
  return out;
}

export function isSecret(root: unknown): boolean {
  return isMap(root) && (root.get('kind') as unknown) === 'Secret';
}

const FORM = 'k8s-secret';

/** The certificates, keys and placeholders of one Secret document. */
export function extractSecretDoc(root: YAMLMap, lc: LineCounter, out: Extraction): void {
  const meta = root.get('metadata', true);
  const name = isMap(meta) ? `${meta.get('namespace') ?? 'default'}/${meta.get('name') ?? '?'}` : '?';
  for (const section of ['data', 'stringData'] as const) {
    const m = root.get(section, true);
    if (!isMap(m)) continue;
    for (const pair of m.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const line = pair.key.range ? lc.linePos(pair.key.range[0]).line : 1;
      const where = { form: FORM, key: `${section}["${key}"]` };
      if (KEY_KEYS.includes(key)) {
        // An empty placeholder is not a committed key.
        if (isScalar(pair.value) && String(pair.value.value ?? '').trim() === '') continue;
        out.keys.push({
          line,
          privateKey: { form: 'secret', secret: name, key },
          form: FORM,
          key: `${section}["${key}"]`,
        });
        continue;
      }
      if (!CERT_KEYS.includes(key)) continue;
      const v = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
      let pem = v;
      if (section === 'data') {
        const compact = v.replace(/\s+/g, '');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
          out.problems.push({ line, problem: { reason: 'secret-not-base64', secret: name, key } });
          continue;
        }
        pem = Buffer.from(compact, 'base64').toString('utf8');
      }
      if (!pem.trim()) {
        out.problems.push({
          line,
          problem: { reason: 'secret-empty', secret: name, section, key },
          severity: 'warning',
        });
        continue;
      }
      const inner = extractPemText(pem, 0, `Secret ${name} ${key}`);
      // Lines inside a base64 value are meaningless in the YAML: point at the key.
      // Each certificate's place already names the Secret and key (extractPemText's `within`).
      for (const c of inner.certificates) out.certificates.push({ ...c, line, ...where });
      for (const p of inner.problems) out.problems.push(within({ in: 'secret', secret: name, key }, { ...p, line }));
      for (const k of inner.keys)
        out.keys.push(within({ in: 'secret', secret: name, key }, { privateKey: k.privateKey, line, ...where }));
      if (!inner.certificates.length && !inner.problems.length)
        out.problems.push({ line, problem: { reason: 'secret-no-certificate', secret: name, key } });
    }
  }
}
