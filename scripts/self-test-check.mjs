// The CI self-test's assertions about the action's outputs (ci.yml, job
// self-test: `uses: ./` on the demo sandbox). The step's outputs arrive as
// environment variables; the sandbox's certificate dates are read with
// openssl, a peer we did not write, so a wrong `next-expiry` cannot agree by
// accident. The same script runs in `npm test` (test/workflows), fed by the
// built action exactly as the runner would feed it.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const env = process.env;
const problems = [];
const expect = (ok, what) => {
  if (!ok) problems.push(what);
};

// The sandbox holds an expired certificate, one 3 days from expiry and a truncated PEM: the step fails.
expect(env.OUTCOME === 'failure', `step outcome is "${env.OUTCOME}", expected "failure" (the sandbox has failures)`);
expect(env.STATUS === 'fail', `status is "${env.STATUS}", expected "fail"`);

let report = null;
try {
  report = JSON.parse(readFileSync(env.REPORT_PATH ?? '', 'utf8'));
} catch (e) {
  problems.push(`report-path "${env.REPORT_PATH}" is not a readable JSON report (${e.message})`);
}
if (report) {
  expect(
    String(report.summary.failures) === env.FAILURES,
    `failures output ${env.FAILURES} ≠ report ${report.summary.failures}`,
  );
  expect(
    String(report.summary.warnings) === env.WARNINGS,
    `warnings output ${env.WARNINGS} ≠ report ${report.summary.warnings}`,
  );
  expect(
    String(report.summary.certificates) === env.CERTIFICATES,
    `certificates output ${env.CERTIFICATES} ≠ report ${report.summary.certificates}`,
  );
  const ids = new Set([
    ...report.certificates.flatMap((c) => c.findings.map((f) => f.id)),
    ...report.problems.map((p) => p.id),
  ]);
  for (const id of ['expired', 'expiring', 'unparseable', 'private-key'])
    expect(ids.has(id), `no "${id}" finding in the report`);
}
expect(
  Number(env.FAILURES) >= 3,
  `failures is ${env.FAILURES}; the sandbox has at least 3 (expired, 3 days left, truncated PEM)`,
);

// The soonest-expiring leaf is the expired one in certs/legacy/ (10 days ago): ask openssl for its notAfter.
const sandbox = env.SANDBOX ?? 'demo-sandbox';
const enddate = execFileSync('openssl', ['x509', '-noout', '-enddate', '-in', `${sandbox}/certs/legacy/legacy.pem`], {
  encoding: 'utf8',
});
const notAfter = new Date(enddate.trim().replace(/^notAfter=/, '')).toISOString();
expect(
  env.NEXT_EXPIRY !== undefined && Date.parse(env.NEXT_EXPIRY) === Date.parse(notAfter),
  `next-expiry is "${env.NEXT_EXPIRY}", openssl says ${notAfter}`,
);

if (problems.length) {
  for (const p of problems) console.log(`self-test: ${p}`);
  process.exit(1);
}
console.log(
  `self-test: outputs agree (status ${env.STATUS}, ${env.FAILURES} failures, ${env.WARNINGS} warnings, ${env.CERTIFICATES} certificates, next expiry ${env.NEXT_EXPIRY})`,
);
