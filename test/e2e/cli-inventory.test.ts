// "Which of our certificates did CA X issue, where are they, who owns them, and
// what expires before date D?" — answered by one `certwatch inventory` command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hierarchy, issue } from '../helpers/pki.js';
import { main } from '../../src/cli.js';
import { tempDir } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const { at, day } = realClock();

function csvRows(text: string): string[][] {
  // The CSV under test has no embedded newlines for these names; split simply, honour quotes.
  return text
    .trim()
    .split(/\r\n/)
    .map((line) =>
      [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
        .map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'))
        .slice(0, -1),
    );
}

test('inventory filters by issuer, owner, expiry date and a published serial list, in CSV and ICS', async (t) => {
  const dir = await tempDir('certwatch-inv-', t);
  const alpha = await hierarchy({ cn: 'a0.inv.test', notBefore: at(-10), notAfter: at(15) }, 'Alpha');
  const beta = await hierarchy({ cn: 'b0.inv.test', notBefore: at(-10), notAfter: at(12) }, 'Beta');
  const write = async (rel: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  };
  const alphaCerts = [];
  for (let i = 1; i <= 4; i++) {
    const c = await issue({
      cn: `a${i}.inv.test`,
      issuer: alpha.intermediate,
      notBefore: at(-10),
      notAfter: at(i * 30),
      serial: `0a0${i}`,
    });
    alphaCerts.push(c);
    await write(`web/a${i}.pem`, c.pem);
  }
  await write('payments/b0.pem', beta.leaf.pem);
  await write('web/a0.pem', alpha.leaf.pem);
  await write(
    '.github/certwatch.yml',
    `version: 1\nfiles:\n  - path: "web/*.pem"\n    owner: "@acme/web"\n  - path: "payments/*.pem"\n    owner: "@acme/payments"\n`,
  );
  await write(
    'affected.txt',
    `# CA incident list\n${alphaCerts[1].cert.serialNumber}\n0x${alphaCerts[2].cert.serialNumber}\n`,
  );

  // Alpha-issued, expiring before day 70: a0 (15 d), a1 (30 d), a2 (60 d).
  const csvFile = path.join(dir, 'out.csv');
  const code = await main([
    'inventory',
    '--workspace',
    dir,
    '--issuer',
    'alpha intermediate',
    '--expires-before',
    day(70),
    '--format',
    'csv',
    '--output',
    csvFile,
  ]);
  assert.equal(code, 0);
  const rows = csvRows(await readFile(csvFile, 'utf8'));
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  assert.ok(col('subject') >= 0 && col('owner') >= 0 && col('location') >= 0, header.join(','));
  const subjects = rows
    .slice(1)
    .map((r) => r[col('subject')])
    .sort();
  assert.deepEqual(subjects, ['CN=a0.inv.test', 'CN=a1.inv.test', 'CN=a2.inv.test']);
  for (const r of rows.slice(1)) {
    assert.match(r[col('owner')], /@acme\/web/);
    assert.match(r[col('location')], /^web\/a\d\.pem:1$/);
  }

  // The CA published its affected serials: exactly those two, wherever they are.
  const listed = path.join(dir, 'listed.json');
  await main([
    'inventory',
    '--workspace',
    dir,
    '--serials-file',
    path.join(dir, 'affected.txt'),
    '--format',
    'json',
    '--output',
    listed,
  ]);
  const j = JSON.parse(await readFile(listed, 'utf8'));
  assert.deepEqual(j.certificates.map((c: { subjectCN: string }) => c.subjectCN).sort(), [
    'a2.inv.test',
    'a3.inv.test',
  ]);

  // Owner filter, and a forecast: on day 40, a0 (15 d) and a1 (30 d) have expired.
  const fc = path.join(dir, 'forecast.json');
  const fcode = await main([
    'inventory',
    '--workspace',
    dir,
    '--owner',
    'acme/web',
    '--at',
    day(40),
    '--format',
    'json',
    '--output',
    fc,
  ]);
  assert.equal(fcode, 1); // failures on that date
  const f = JSON.parse(await readFile(fc, 'utf8'));
  const expired = f.certificates
    .filter((c: { findings: { id: string }[] }) => c.findings.some((x) => x.id === 'expired'))
    .map((c: { subjectCN: string }) => c.subjectCN);
  assert.deepEqual(expired.sort(), ['a0.inv.test', 'a1.inv.test']);
  assert.ok(f.certificates.every((c: { owner: string }) => c.owner.includes('@acme/web')));

  // A calendar teams can subscribe to: one event per certificate.
  const ics = path.join(dir, 'expiry.ics');
  await main(['inventory', '--workspace', dir, '--format', 'ics', '--output', ics]);
  const cal = await readFile(ics, 'utf8');
  assert.equal(cal.match(/BEGIN:VEVENT/g)?.length, 6); // the six checked-in certificates
});

test('inventory: a bad date is a usage error (exit 2) naming the flag', async () => {
  const code = await main([
    'inventory',
    '--expires-before',
    '2026-02-31',
    '--workspace',
    tmpdir(),
    '--format',
    'json',
    '--output',
    path.join(tmpdir(), 'certwatch-bad-date.json'),
  ]);
  assert.equal(code, 2);
});
