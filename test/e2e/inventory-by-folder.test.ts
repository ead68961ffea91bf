// `certwatch inventory --by folder`: one line per folder with its certificates,
// locations, failing certificates and earliest expiry, in text, CSV, Markdown and
// JSON, through the built CLI. The expected roll-up is written from the estate's
// intent (which certificate was put where, expiring when), not computed by our code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { issue } from '../helpers/pki.js';
import { workspace } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

test('built CLI inventory --by folder: one line per folder in text, CSV, Markdown and JSON', async (t) => {
  const { at, day } = realClock();
  const cert = (cn: string, from: number, to: number) => issue({ cn, notBefore: at(from), notAfter: at(to) });
  const expired = await cert('old.web.test', -100, -2);
  const shared = await cert('shared.test', -10, 100);
  const soon = await cert('soon.web.test', -10, 20);
  const pay = await cert('pay.test', -10, 50);
  const top = await cert('top.test', -10, 300);
  const svc = await Promise.all([2, 10].map((n) => cert(`svc-${n}.test`, -10, 200 + n)));
  const dir = await workspace({
    'web/old.pem': expired.pem,
    'web/shared.pem': shared.pem,
    'web/soon.pem': soon.pem,
    'payments/pay.pem': pay.pem,
    'payments/keys/shared.pem': shared.pem, // the same certificate in a second folder
    'top.pem': top.pem,
    'services/svc-2/tls.pem': svc[0].pem,
    'services/svc-10/tls.pem': svc[1].pem,
    '.github/certwatch.yml': [
      'version: 1',
      'files:',
      '  - path: "web/*.pem"',
      '    owner: "@acme/web"',
      '  - path: "payments/**/*.pem"',
      '    owner: "@acme/payments"',
      '  - "*.pem"',
      '  - "services/**/*.pem"',
      '',
    ].join('\n'),
  });
  t.after(() => rm(dir, { recursive: true, force: true }));

  // folder, certificates, locations, failing, earliest expiry, owners — in the order a tree reads.
  const expected: [string, number, number, number, string, string][] = [
    ['.', 1, 1, 0, day(300), ''],
    ['payments', 1, 1, 0, day(50), '@acme/payments'],
    // The shared certificate is owned from both its places; a folder lists the owners of what it holds.
    ['payments/keys', 1, 1, 0, day(100), '@acme/payments, @acme/web'],
    ['services/svc-2', 1, 1, 0, day(202), ''],
    ['services/svc-10', 1, 1, 0, day(210), ''],
    ['web', 3, 3, 1, day(-2), '@acme/payments, @acme/web'],
  ];

  const text = cli('inventory', '--workspace', dir, '--revocation', 'off', '--by', 'folder');
  assert.equal(text.status, 1, text.stderr); // the expired certificate fails the run, as any inventory says
  const lines = text.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^certwatch inventory by folder — as of .* — 7 certificates \(1 failing, 1 warning\)/);
  assert.match(lines[1], /^ {2}FOLDER +CERTS +LOCATIONS +FAILING +EARLIEST EXPIRY +OWNERS$/);
  assert.deepEqual(
    lines.slice(2).map((l) => l.trim().split(/\s{2,}/)),
    expected.map(([f, c, l, n, e, o]) => [f, String(c), String(l), String(n), e, o || '-']),
  );

  const csv = cli('inventory', '--workspace', dir, '--revocation', 'off', '--by', 'folder', '--format', 'csv');
  const rows = csv.stdout.split('\r\n').filter(Boolean);
  assert.equal(rows[0], 'folder,certificates,locations,failing,earliest_expiry,owners');
  // Owners start with @, which spreadsheets read as a formula: quoted as text (render-csv.ts).
  assert.deepEqual(
    rows.slice(1),
    expected.map(([f, c, l, n, e, o]) => [f, c, l, n, e, o ? `'${o.replace(', ', ' ')}` : ''].join(',')),
  );

  const md = cli('inventory', '--workspace', dir, '--revocation', 'off', '--by', 'folder', '--format', 'markdown');
  assert.match(md.stdout, /^## Certificate inventory by folder\n/);
  assert.match(md.stdout, /\| Folder \| Certificates \| Locations \| Failing \| Earliest expiry \| Owners \|/);
  assert.match(md.stdout, new RegExp(`\\| web \\| 3 \\| 3 \\| 1 \\| ${day(-2)} \\| @acme/payments, @acme/web \\|`));

  const json = cli('inventory', '--workspace', dir, '--revocation', 'off', '--by', 'folder', '--format', 'json');
  const doc = JSON.parse(json.stdout) as {
    by: string;
    groups: { key: string; certificates: number; locations: number; failing: number; earliestExpiry: string }[];
  };
  assert.equal(doc.by, 'folder');
  assert.deepEqual(
    doc.groups.map((g) => [g.key, g.certificates, g.locations, g.failing, g.earliestExpiry.slice(0, 10)]),
    expected.map(([f, c, l, n, e]) => [f, c, l, n, e]),
  );

  // Filters apply before the roll-up: what @acme/web owns (the shared certificate too, in both its folders).
  const owned = cli('inventory', '--workspace', dir, '--revocation', 'off', '--by', 'folder', '--owner', 'acme/web');
  assert.deepEqual(
    owned.stdout
      .trimEnd()
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s{2,}/)[0]),
    ['payments/keys', 'web'],
  );

  // A format that has no roll-up, and a grouping that does not exist, are usage errors.
  const html = cli('inventory', '--workspace', dir, '--by', 'folder', '--format', 'html');
  assert.equal(html.status, 2);
  assert.match(html.stderr, /--by folder works with --format text, json, csv or markdown, not html/);
  const bogus = cli('inventory', '--workspace', dir, '--by', 'directory');
  assert.equal(bogus.status, 2);
  assert.match(bogus.stderr, /--by: "directory" is not one of folder, issuer, root, owner, key/);
});
