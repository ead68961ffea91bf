// "Which of our certificates did CA X issue, under which root, owned by whom,
// with what keys?" — the groupings checked against what the estate generator
// intended, not against a second copy of the grouping code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concentration, groupBy, rootFinder } from '../../../src/report/inventory/group.js';
import { caLabelFromDn, parseDn } from '../../../src/report/inventory/dn.js';
import { CAS, emptyReport, fingerprintOf, generateEstate, makeCert } from './estate.js';
import { NOW, fixedClock } from '../../helpers/clock.js';

const { report, truth } = generateEstate();
const leaves = report.certificates.filter((c) => c.role === 'leaf');

function countBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

test('the estate is big enough to mean something: hundreds of leaves, every CA and owner used', () => {
  assert.ok(leaves.length >= 300);
  assert.equal(new Set([...truth.values()].map((t) => t.ca)).size, CAS.filter((c) => c.weight > 0).length);
  assert.equal(new Set([...truth.values()].map((t) => t.owner)).size, 5);
});

test('by issuing CA: every leaf counted under the CA that issued it, with the earliest expiry of the group', () => {
  const groups = groupBy(report, 'issuer');
  const expected = countBy([...truth.values()], (t) => t.caLabel);
  for (const [label, members] of expected) {
    const g = groups.find((x) => x.key === label);
    assert.ok(g, `a group for ${label}; got ${groups.map((x) => x.key).join(' | ')}`);
    assert.equal(g.certificates, members.length, label);
    const earliest = Math.min(
      ...members.map((t) => Date.parse(leaves.find((c) => c.fingerprint === t.fingerprint)!.notAfter)),
    );
    assert.equal(Date.parse(g.earliestExpiry!), earliest, label);
    const owners = [...new Set(members.map((t) => t.owner).filter((o): o is string => o !== null))].sort();
    assert.deepEqual(g.owners, owners, label);
  }
  // Every certificate is in exactly one group, and groups come biggest first.
  assert.equal(
    groups.reduce((n, g) => n + g.certificates, 0),
    report.certificates.length,
  );
  for (let i = 1; i < groups.length; i++) assert.ok(groups[i - 1].certificates >= groups[i].certificates);
});

test('a CA whose organisation holds a comma ("Example, Inc.") is one CA, named by its CN', () => {
  const groups = groupBy(report, 'issuer');
  assert.ok(groups.some((g) => g.key === 'Example, Inc. Issuing CA 1'));
  assert.ok(!groups.some((g) => g.key.startsWith('Inc.')), 'the unescaped comma did not split the organisation');
  assert.deepEqual(parseDn('CN=Example Root CA,O=Example, Inc.,C=US'), [
    { type: 'CN', value: 'Example Root CA' },
    { type: 'O', value: 'Example, Inc.' },
    { type: 'C', value: 'US' },
  ]);
  assert.equal(caLabelFromDn('CN=a\\,b,O=Org\\2C Ltd'), 'a,b (Org, Ltd)');
});

test('by root: the chain is walked through the intermediates in the report; a missing root is said to be missing', () => {
  const groups = groupBy(report, 'root');
  const expected = countBy([...truth.values()], (t) => t.rootLabel);
  // CA certificates join their root's group too: the intermediate itself, and the root certificate.
  const caExtra: Record<string, number> = {
    'ISRG Root X1 (Internet Security Research Group)': 2, // R11 + the root
    'ISRG Root X2 (Internet Security Research Group) (root not seen)': 1, // E6
    'DigiCert Global Root G2 (DigiCert Inc)': 2,
    'Example Root CA (Example, Inc.)': 2,
  };
  for (const [label, members] of expected) {
    const g = groups.find((x) => x.key === label);
    assert.ok(g, `a root group ${label}; got ${groups.map((x) => x.key).join(' | ')}`);
    assert.equal(g.certificates, members.length + (caExtra[label] ?? 0), label);
  }
  assert.equal(groups.length, expected.size);
});

test('by root: a loop of cross-signatures ends as "(root not seen)" instead of hanging', () => {
  const r = emptyReport();
  const a = { subject: 'CN=A', cn: 'A', o: null };
  const b = { subject: 'CN=B', cn: 'B', o: null };
  const base = {
    serial: '1',
    notBefore: fixedClock.at(-10),
    notAfter: fixedClock.at(100),
    locations: [],
    owner: null,
    now: NOW,
    role: 'intermediate' as const,
  };
  r.certificates.push(
    makeCert({ ...base, fingerprint: fingerprintOf('a'), subjectCN: 'A', subject: 'CN=A', issuer: b }),
  );
  r.certificates.push(
    makeCert({ ...base, fingerprint: fingerprintOf('b'), subjectCN: 'B', subject: 'CN=B', issuer: a }),
  );
  r.certificates.push(
    makeCert({ ...base, role: 'leaf', fingerprint: fingerprintOf('leaf'), subjectCN: 'leaf', issuer: a }),
  );
  const rootOf = rootFinder(r.certificates);
  for (const c of r.certificates) assert.match(rootOf(c), /\(root not seen\)$/);
});

test('by owner: certificates without an owner are one visible group, not dropped', () => {
  const groups = groupBy(report, 'owner');
  const expected = countBy([...truth.values()], (t) => t.owner ?? '(no owner)');
  for (const [owner, members] of expected) {
    const extra = owner === '(no owner)' ? report.certificates.filter((c) => c.role !== 'leaf').length : 0;
    assert.equal(groups.find((g) => g.key === owner)?.certificates, members.length + extra, owner);
  }
});

test('by key type: "ECDSA P-256", "RSA 2048" and so on', () => {
  const groups = groupBy(report, 'key');
  const expected = countBy([...truth.values()], (t) => t.key);
  for (const [key, members] of expected) {
    const extra = key === 'RSA 4096' ? report.certificates.filter((c) => c.role !== 'leaf').length : 0;
    assert.equal(groups.find((g) => g.key === key)?.certificates, members.length + extra, key);
  }
  assert.deepEqual(new Set(groups.map((g) => g.key)), new Set(['ECDSA P-256', 'ECDSA P-384', 'RSA 2048', 'RSA 4096']));
});

test('locations count places, not certificates: two addresses behind one name are two places', () => {
  const groups = groupBy(report, 'issuer');
  const r11 = groups.find((g) => g.key === "R11 (Let's Encrypt)")!;
  const places = new Set<string>();
  for (const c of report.certificates.filter((c) => c.issuerCN === 'R11'))
    for (const l of c.locations)
      places.add(l.type === 'file' ? `f ${l.path}:${l.line}` : `e ${l.host}:${l.port} ${l.address}`);
  assert.equal(r11.locations, places.size);
  assert.ok(r11.locations > r11.certificates, 'some R11 certificates are in a file and behind an endpoint');
});

test('failing counts certificates with an active error; an ignored error does not count', () => {
  const groups = groupBy(report, 'owner');
  const total = groups.reduce((n, g) => n + g.failing, 0);
  const expected = report.certificates.filter((c) =>
    c.findings.some((f) => f.severity === 'error' && !f.ignored),
  ).length;
  assert.equal(total, expected);
  assert.ok(
    report.certificates.some((c) => c.findings.some((f) => f.severity === 'error' && f.ignored)),
    'the estate holds an ignored error',
  );
});

test('concentration: one line per issuing CA with certificates, locations and owners, biggest first', () => {
  const lines = concentration(report);
  const byIssuer = groupBy({ ...report, certificates: report.certificates.filter((c) => c.role !== 'root') }, 'issuer');
  assert.equal(lines.length, byIssuer.length);
  const r11 = byIssuer.find((g) => g.key === "R11 (Let's Encrypt)")!;
  const unowned = leaves.filter((c) => c.issuerCN === 'R11' && !c.owner).length;
  assert.equal(
    lines[0],
    `If R11 (Let's Encrypt) revoked everything today: ${r11.certificates} certificates at ${r11.locations} locations, owners @acme/mail, @acme/payments, @acme/platform, @acme/web (+${unowned} without an owner)`,
  );
  assert.ok(
    !lines.some((l) => l.startsWith('If ISRG Root X1 (Internet Security Research Group) revoked everything today: 2')),
    'roots are not counted as revocable',
  );
});

test('by folder: each folder counts the certificates and places in it; endpoints are one group, last', () => {
  const groups = groupBy(report, 'folder');
  // The estate puts a leaf owned by @acme/<team> in certs/<team>/ (certs/misc/ without an owner),
  // the CA bundles in certs/trust/, and serves the rest from endpoints.
  const filePlaces = report.certificates.flatMap((c) =>
    c.locations.filter((l) => l.type === 'file').map((l) => ({ c, dir: l.path.slice(0, l.path.lastIndexOf('/')) })),
  );
  const expected = countBy(filePlaces, (p) => p.dir);
  assert.deepEqual(groups.at(-1)?.key, '(endpoints)');
  assert.deepEqual(
    groups.slice(0, -1).map((g) => g.key),
    ['certs/mail', 'certs/misc', 'certs/payments', 'certs/platform', 'certs/trust', 'certs/web'],
  );
  for (const g of groups.slice(0, -1)) {
    const here = expected.get(g.key) ?? [];
    assert.equal(g.locations, here.length, g.key);
    assert.equal(g.certificates, new Set(here.map((p) => p.c.fingerprint)).size, g.key);
    const team = g.key.slice('certs/'.length);
    if (team !== 'misc' && team !== 'trust') assert.deepEqual(g.owners, [`@acme/${team}`]);
  }
  const served = report.certificates.filter((c) => c.locations.some((l) => l.type === 'endpoint'));
  assert.equal(groups.at(-1)?.certificates, served.length);
});
