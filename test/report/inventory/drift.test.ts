// Drift: the repository and the servers disagree. Each scenario is a story a
// team has lived: a renewal committed but never rolled out, a hot-fix
// deployed by hand and never committed, one backend left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDrift } from '../../../src/report/inventory/drift.js';
import type { Location } from '../../../src/types.js';
import type { Report, ReportCertificate } from '../../../src/report/report-types.js';
import { CAS, fingerprintOf, generateEstate, makeCert } from './estate.js';
import { DAY, NOW, fixedClock } from '../../helpers/clock.js';

const R11 = CAS.find((c) => c.id === 'r11')!;
const file = (path: string): Location => ({ type: 'file', path, line: 1 });
const served = (host: string, address = '192.0.2.10', chainIndex = 0): Location => ({
  type: 'endpoint',
  host,
  port: 443,
  address,
  servername: host,
  protocol: 'https',
  chainIndex,
});

function leaf(
  id: string,
  cn: string,
  issuedDaysAgo: number,
  locations: Location[],
  sans?: string[],
): ReportCertificate {
  const notBefore = fixedClock.at(-issuedDaysAgo);
  return makeCert({
    fingerprint: fingerprintOf(id),
    subjectCN: cn,
    sans: sans ?? [cn],
    issuer: R11,
    serial: id.toUpperCase().replace(/[^0-9A-F]/g, '') || 'AB',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 90 * DAY),
    locations,
    owner: '@acme/web',
    now: NOW,
  });
}

/** The estate plus the drift stories, so drift is found among hundreds of certificates that are in step. */
function estateWithDrift(): Report {
  const { report } = generateEstate();
  report.certificates.push(
    // Renewed and committed 10 days ago; the server still has the one from 80 days ago.
    leaf('shop-new', 'shop.example.com', 10, [file('certs/shop.pem')]),
    leaf('shop-old', 'shop.example.com', 80, [served('shop.example.com')]),
    // Someone renewed on the server; the repo still holds last quarter's copy.
    leaf('api-old', 'api.example.com', 85, [file('deploy/api.crt')]),
    leaf('api-new', 'api.example.com', 5, [served('api.example.com')]),
    // In step: the very certificate in the repo is served.
    leaf('www', 'www.example.com', 20, [file('certs/www.pem'), served('www.example.com')]),
    // In step, with an older superseded copy still in the repo next to it: not drift (superseded says so).
    leaf('blog-old', 'blog.example.com', 95, [file('certs/blog-2026q2.pem')]),
    leaf('blog', 'blog.example.com', 15, [file('certs/blog.pem'), served('blog.example.com')]),
    // Matched through a SAN: the file's CN is a legacy name, its SAN is the served name.
    leaf('mail-file', 'legacy-mx', 3, [file('certs/mx.pem')], ['legacy-mx', 'mail.example.com']),
    leaf('mail-served', 'mail.example.com', 60, [served('mail.example.com')]),
    // One name, two backends, two certificates.
    leaf('lb-a', 'lb.example.com', 30, [served('lb.example.com', '198.51.100.1'), file('certs/lb.pem')]),
    leaf('lb-b', 'lb.example.com', 100, [served('lb.example.com', '198.51.100.2')]),
  );
  // The endpoint check saw a difference on a name whose certificates the report does not split by address.
  report.problems.push({
    id: 'address-drift',
    severity: 'warning',
    message: 'edge.example.com:443: 2001:db8::1 and 203.0.113.5 serve different certificates',
    location: { type: 'endpoint', host: 'edge.example.com', port: 443, protocol: 'https' },
  });
  return report;
}

test('renewed in the repo but not deployed: the file is newer than what the endpoint serves', () => {
  const items = findDrift(estateWithDrift()).filter((d) => d.name === 'shop.example.com');
  assert.equal(items.length, 1);
  const [d] = items;
  assert.equal(d.verdict, 'renewed-not-deployed');
  assert.equal(d.file?.path, 'certs/shop.pem');
  assert.equal(d.file?.fingerprint, fingerprintOf('shop-new'));
  assert.equal(d.endpoint?.fingerprint, fingerprintOf('shop-old'));
  assert.match(d.message, /renewed in the repo but not deployed/);
  assert.match(d.message, /certs\/shop\.pem:1/);
  assert.match(d.message, /shop\.example\.com:443/);
});

test('deployed but the repo copy is stale: the endpoint serves a newer certificate than the file', () => {
  const [d, ...rest] = findDrift(estateWithDrift()).filter((x) => x.name === 'api.example.com');
  assert.equal(rest.length, 0);
  assert.equal(d.verdict, 'repo-copy-stale');
  assert.equal(d.file?.fingerprint, fingerprintOf('api-old'));
  assert.equal(d.endpoint?.fingerprint, fingerprintOf('api-new'));
  assert.match(d.message, /deployed but the repo copy is stale/);
});

test('a name matched through a SAN is drift too, named by the name both answer to', () => {
  const [d] = findDrift(estateWithDrift()).filter((x) => x.name === 'mail.example.com');
  assert.equal(d?.verdict, 'renewed-not-deployed');
  assert.equal(d.file?.path, 'certs/mx.pem');
});

test('the same certificate in the repo and at the endpoint is not drift, even beside an older copy', () => {
  const names = findDrift(estateWithDrift()).map((d) => d.name);
  assert.ok(!names.includes('www.example.com'));
  assert.ok(!names.includes('blog.example.com'));
});

test('addresses behind one host:port serving different certificates: addresses-differ, each address listed', () => {
  const items = findDrift(estateWithDrift()).filter((x) => x.verdict === 'addresses-differ');
  const lb = items.find((x) => x.name === 'lb.example.com');
  assert.ok(lb);
  assert.deepEqual(
    lb.endpoint?.addresses?.map((a) => [a.address, a.fingerprint]),
    [
      ['198.51.100.1', fingerprintOf('lb-a')],
      ['198.51.100.2', fingerprintOf('lb-b')],
    ],
  );
  assert.match(lb.message, /^lb\.example\.com:443: its addresses serve 2 different certificates/);
  // The repo holds the newer certificate, served at .1 only: the backend at .2 is named as not yet deployed.
  const behind = findDrift(estateWithDrift()).filter(
    (x) => x.name === 'lb.example.com' && x.verdict !== 'addresses-differ',
  );
  assert.deepEqual(
    behind.map((x) => [x.verdict, x.endpoint?.address]),
    [['renewed-not-deployed', '198.51.100.2']],
  );
  assert.match(behind[0].message, /lb\.example\.com:443 \(198\.51\.100\.2\)/);
});

test("an 'address-drift' finding from the endpoint check appears as addresses-differ, once", () => {
  const report = estateWithDrift();
  report.problems.push({ ...report.problems[0] }); // reported twice (e.g. by two shards): shown once
  const edge = findDrift(report).filter((x) => x.name === 'edge.example.com');
  assert.equal(edge.length, 1);
  assert.equal(edge[0].verdict, 'addresses-differ');
  assert.match(edge[0].message, /2001:db8::1 and 203\.0\.113\.5/);
});

test('in the generated estate, drift is exactly the stories told — hundreds of in-step certificates add none', () => {
  const got = findDrift(estateWithDrift())
    .map((d) => `${d.verdict} ${d.name}`)
    .sort();
  assert.deepEqual(got, [
    'addresses-differ edge.example.com',
    'addresses-differ lb.example.com',
    'renewed-not-deployed lb.example.com',
    'renewed-not-deployed mail.example.com',
    'renewed-not-deployed shop.example.com',
    'repo-copy-stale api.example.com',
  ]);
  assert.deepEqual(findDrift(generateEstate().report), [], 'no drift in the plain estate');
});

test('intermediates in a served chain are not compared with files of the same subject', () => {
  const { report } = generateEstate();
  // A bundle with an older copy of the R11 intermediate, while endpoints serve the current one at chainIndex 1.
  const current = report.certificates.find((c) => c.subjectCN === 'R11')!;
  report.certificates.push({
    ...current,
    fingerprint: fingerprintOf('old-r11'),
    notBefore: '2020-09-04T00:00:00Z',
    locations: [file('certs/old-chain.pem')],
  });
  assert.deepEqual(findDrift(report), []);
});
