// Published serial lists: "the CA published the serials it will revoke — which
// of ours are on it?" Serials compare as integers; lists are written by people.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkRevocation } from '../../../src/checks/revocation/check-revocation.js';
import { applyRevokedSerialLists } from '../../../src/checks/revocation/revoked-serials.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import { hierarchy, issue, type Issued } from '../../helpers/pki.js';
import { buildCrl } from '../../helpers/der-writer.js';
import {
  ctxFor,
  observed,
  privateKey,
  rec,
  send,
  settingsFor,
  startServer,
} from '../../helpers/revocation-fixtures.js';
import { said } from '../../helpers/said.js';
import { tempDir, removeTempDir } from '../../helpers/workspace.js';
import { NOW, fixedClock } from '../../helpers/clock.js';

let ws: string;
let inter: Issued;
let otherCa: Issued;

before(async () => {
  ws = await tempDir('certwatch-serials-');
  ({ intermediate: inter } = await hierarchy({ cn: 'unused.example' }, 'Incident'));
  otherCa = await issue({ cn: 'Unaffected CA', ca: true, org: 'Other PKI' });
});
after(async () => {
  await removeTempDir(ws);
  await closeHttp();
});

describe('revoked-serials lists', () => {
  test('a certificate on the list is revoked with the list name; others are untouched', async () => {
    const hit = rec(await issue({ cn: 'affected.example', issuer: inter, serial: '04a3ff' }));
    const miss = rec(await issue({ cn: 'fine.example', issuer: inter, serial: '04a300' }));
    await writeFile(join(ws, 'list1.txt'), '# incident\n04:A3:FF\n');
    const certs = [observed(hit), observed(miss)];
    const problems = await applyRevokedSerialLists(
      certs,
      settingsFor({ workspace: ws, revokedSerials: [{ path: 'list1.txt', name: 'CAA rechecking incident' }] }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      certs[0].revocation && {
        s: certs[0].revocation.status,
        m: certs[0].revocation.method,
        r: certs[0].revocation.reason,
      },
      { s: 'revoked', m: 'list', r: 'CAA rechecking incident' },
    );
    assert.deepEqual(
      certs[0].findings.map((f) => `${f.id}/${f.severity}`),
      ['revoked/error'],
    );
    assert.match(said(certs[0].findings[0]), /on the published list CAA rechecking incident \(list1\.txt\)/);
    assert.equal(certs[1].revocation, undefined);
    assert.deepEqual(certs[1].findings, []);
  });

  test('serials compare as integers: 00-padded DER matches, a shorter serial with the same suffix does not', async () => {
    const padded = rec(await issue({ cn: 'padded.example', issuer: inter, serial: '80ff01' })); // DER 00 80 ff 01
    const longer = rec(await issue({ cn: 'longer.example', issuer: inter, serial: '01ff01' }));
    await writeFile(join(ws, 'list2.txt'), '80FF01\nff01\n');
    const certs = [observed(padded), observed(longer)];
    await applyRevokedSerialLists(certs, settingsFor({ workspace: ws, revokedSerials: [{ path: 'list2.txt' }] }));
    assert.equal(certs[0].revocation?.status, 'revoked');
    assert.equal(certs[0].revocation?.reason, 'list2.txt', 'path stands in for a missing name');
    assert.equal(certs[1].revocation, undefined);
  });

  test('the issuer filter (case-insensitive substring of the issuer DN) limits the list', async () => {
    const ours = rec(await issue({ cn: 'ours.example', issuer: inter, serial: '0b0b0b' }));
    const theirs = rec(await issue({ cn: 'theirs.example', issuer: otherCa, serial: '0b0b0b' }));
    await writeFile(join(ws, 'list3.txt'), '0b0b0b\n');
    const certs = [observed(ours), observed(theirs)];
    await applyRevokedSerialLists(
      certs,
      settingsFor({ workspace: ws, revokedSerials: [{ path: 'list3.txt', issuer: 'incident pki', name: 'x' }] }),
    );
    assert.equal(certs[0].revocation?.status, 'revoked');
    assert.equal(certs[1].revocation, undefined);
  });

  test('a missing list is an unparseable error pointing at the file', async () => {
    const problems = await applyRevokedSerialLists(
      [],
      settingsFor({ workspace: ws, revokedSerials: [{ path: 'incidents/missing.txt' }] }),
    );
    assert.equal(problems.length, 1);
    assert.deepEqual(
      { id: problems[0].id, sev: problems[0].severity, loc: problems[0].location },
      { id: 'unparseable', sev: 'error', loc: { type: 'file', path: 'incidents/missing.txt', line: 1 } },
    );
    assert.match(said(problems[0]), /does not exist/);
  });

  test('lines that are not serials are reported with their line numbers; the rest still apply', async () => {
    const hit = rec(await issue({ cn: 'partial.example', issuer: inter, serial: '0c0c0c' }));
    await writeFile(join(ws, 'list4.txt'), 'serial\n0c0c0c\nzz:zz\n');
    const certs = [observed(hit)];
    const problems = await applyRevokedSerialLists(
      certs,
      settingsFor({ workspace: ws, revokedSerials: [{ path: 'list4.txt' }] }),
    );
    assert.equal(certs[0].revocation?.status, 'revoked');
    assert.equal(problems.length, 1);
    assert.match(said(problems[0]), /line 1, 3 are not a hex serial number/);
    assert.equal(problems[0].location?.type === 'file' && problems[0].location.line, 1);
  });

  test('a later revocation check that finds the certificate good does not clear the list verdict', async () => {
    const srv = await startServer();
    try {
      const l = rec(
        await issue({
          cn: 'listed-and-good.example',
          issuer: inter,
          serial: '0d0d0d',
          crlUrl: srv.base + '/empty.crl',
        }),
      );
      srv.routes.set(
        '/empty.crl',
        send(
          buildCrl({
            issuerNameDer: rec(inter).subjectNameDer,
            signingKey: privateKey(inter),
            thisUpdate: NOW,
            nextUpdate: fixedClock.at(1),
          }),
        ),
      );
      await writeFile(join(ws, 'list5.txt'), '0d0d0d\n');
      const obs = observed(l, { companions: [rec(inter)] });
      const settings = settingsFor({ workspace: ws, revokedSerials: [{ path: 'list5.txt', name: 'incident' }] });
      await applyRevokedSerialLists([obs], settings);
      await checkRevocation([obs], ctxFor(settings, NOW));
      assert.equal(obs.revocation?.status, 'revoked');
      assert.equal(obs.revocation?.method, 'list');
      assert.deepEqual(
        obs.findings.map((f) => f.id),
        ['revoked'],
      );
    } finally {
      await srv.close();
    }
  });
});
