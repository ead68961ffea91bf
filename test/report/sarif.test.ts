import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { renderSarif } from '../../src/report/sarif.js';
import { cert, endpointAt, fileAt, finding, fp, report } from '../helpers/report-factory.js';
import type { SarifLog } from '../helpers/sarif-log.js';

// The OASIS SARIF 2.1.0 schema (final "rtm.5" text) as shipped by the
// @microsoft/jest-sarif package (devDependency). It is a draft-04 schema that
// uses only keywords Ajv 8 reads the same way once `id` is spelled `$id`.
const SCHEMA_PATH = new URL(
  '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
  import.meta.url,
);

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only
  // non-unicode regular expressions accept (as draft-04 validators compiled it).
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s) && URL.canParse(s, 'file:///'));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
  return ajv.compile(schema);
}

const validate = sarifValidator();

function assertValid(doc: unknown) {
  const ok = validate(doc);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

function sample() {
  return report(
    [
      cert({
        cn: 'site.example.com',
        findings: [finding('expired')],
        locations: [
          fileAt('certs/site.pem', 12),
          { type: 'file', path: 'deploy/my bundle.pem', line: 40, detail: 'PEM block 2' },
        ],
      }),
      cert({
        cn: 'api.example.com',
        findings: [finding('expiring', 'warning')],
        locations: [endpointAt('api.example.com', 8443, { configFile: '.github/certwatch.yml', configLine: 7 })],
      }),
      cert({
        cn: 'nowhere.example.com',
        findings: [finding('hostname-mismatch')],
        locations: [endpointAt('nowhere.example.com')],
      }),
      cert({
        cn: 'old.example.com',
        findings: [
          finding('expired', 'error', { ignored: { reason: 'decommissioned in Q1', until: '2027-01-31' } }),
          finding('superseded', 'notice'),
        ],
        locations: [fileAt('certs/old.pem')],
      }),
    ],
    {
      problems: [
        finding('unparseable', 'error', {
          location: fileAt('certs/broken.pem', 3),
          message: 'certs/broken.pem: PEM block 1 is not base64',
        }),
      ],
    },
  );
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    assertValid(JSON.parse(renderSarif(sample())));
    assertValid(JSON.parse(renderSarif(report([]))));
  });

  it('the validator rejects a broken log, so the check above can fail', () => {
    const doc = JSON.parse(renderSarif(sample()));
    doc.runs[0].results[0].level = 'fatal';
    assert.equal(validate(doc), false);
    const doc2 = JSON.parse(renderSarif(sample()));
    delete doc2.runs[0].tool.driver.name;
    assert.equal(validate(doc2), false);
  });

  it('has a rule per finding id and a result per finding at each file line', () => {
    const run = (JSON.parse(renderSarif(sample())) as SarifLog).runs[0];
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length);
    for (const id of ['expired', 'expiring', 'revoked', 'renewal-window', 'unparseable'])
      assert.ok(ruleIds.includes(id), id);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);

    const at = (uri: string) => run.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === uri);
    const site = at('certs/site.pem');
    assert.equal(site.length, 1);
    assert.equal(site[0].ruleId, 'expired');
    assert.equal(site[0].level, 'error');
    assert.equal(site[0].locations[0].physicalLocation.region.startLine, 12);
    assert.equal(site[0].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(site[0].properties.fingerprint, fp('site.example.com'));
    assert.equal(
      at('deploy/my%20bundle.pem')[0].locations[0].physicalLocation.region.startLine,
      40,
      'paths are URI-encoded',
    );
    assert.match(at('deploy/my%20bundle.pem')[0].message.text, /PEM block 2/);
  });

  it('endpoint findings point at the config line that declares the endpoint; without one there is no result', () => {
    const run = (JSON.parse(renderSarif(sample())) as SarifLog).runs[0];
    const api = run.results.find((r) => r.ruleId === 'expiring')!;
    assert.equal(api.level, 'warning');
    assert.equal(api.locations[0].physicalLocation.artifactLocation.uri, '.github/certwatch.yml');
    assert.equal(api.locations[0].physicalLocation.region.startLine, 7);
    assert.match(api.message.text, /api\.example\.com:8443/);
    assert.equal(run.results.filter((r) => r.ruleId === 'hostname-mismatch').length, 0);
  });

  it('ignored findings are suppressed, not dropped; notices are notes; target problems are reported', () => {
    const run = (JSON.parse(renderSarif(sample())) as SarifLog).runs[0];
    const old = run.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'certs/old.pem');
    const ignored = old.find((r) => r.ruleId === 'expired')!;
    assert.deepEqual(ignored.suppressions, [
      { kind: 'external', status: 'accepted', justification: 'decommissioned in Q1 until 2027-01-31' },
    ]);
    assert.equal(old.find((r) => r.ruleId === 'superseded')?.level, 'note');
    const broken = run.results.find((r) => r.ruleId === 'unparseable')!;
    assert.equal(broken.locations[0].physicalLocation.region.startLine, 3);
    assert.equal(run.results.length, 6);
  });

  it('fingerprints follow the certificate, not the line', () => {
    const a = JSON.parse(
      renderSarif(report([cert({ cn: 'x', findings: [finding('expired')], locations: [fileAt('certs/x.pem', 1)] })])),
    ).runs[0].results[0];
    const b = JSON.parse(
      renderSarif(report([cert({ cn: 'x', findings: [finding('expired')], locations: [fileAt('certs/x.pem', 30)] })])),
    ).runs[0].results[0];
    assert.deepEqual(a.partialFingerprints, b.partialFingerprints);
  });
});
