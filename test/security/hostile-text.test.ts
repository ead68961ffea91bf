// Certificates whose names carry mentions, images, links, HTML, references and
// workflow commands: run through the BUILT action and CLI, every output is
// checked for live markup. Markdown is rendered by cmark-gfm (GitHub's own
// fork of cmark, a peer we did not write) and what GitHub links after
// rendering — @mentions, #refs, GH-refs — is looked for in the rendered text.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { FakeGitHub } from '../helpers/fake-github.js';
import { runScheduled, type ActionResult } from '../helpers/run-action.js';
import { workspace, writeFiles } from '../helpers/workspace.js';
import { hostileCertificate, HOSTILE_CN, HOSTILE_O, HOSTILE_SANS, type HostileCert } from '../helpers/hostile-certs.js';
import { fromNow } from '../helpers/clock.js';

const exec = promisify(execFile);
const CLI = path.resolve('dist/cli.js');
const REPO = 'acme/site';
const OWNER = '@acme/certs';
const hasCmark = spawnSync('cmark-gfm', ['--version']).status === 0;

/** GitHub-flavoured Markdown → HTML, raw HTML kept (--unsafe) so that anything that would pass through shows. */
function gfm(md: string): string {
  const r = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'],
    { input: md, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const ALLOWED_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'hr',
  'sub',
  'br',
  'blockquote',
  'a',
]);

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Nothing in `md` is live on GitHub except links to the repository/run and
 * mentions of `owners`: no images, no foreign links, no HTML or comments but
 * certwatch's markers, and no @mention / #ref / GH-ref in the rendered text.
 */
function assertInert(where: string, md: string, owners: string[] = []): void {
  const html = gfm(md);
  assert.doesNotMatch(html, /<img\b/i, `${where}: an image`);
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)) {
    assert.ok(m[1].startsWith(`https://github.com/${REPO}/`), `${where}: a link to ${m[1]}`);
  }
  for (const m of html.matchAll(/<!--([\s\S]*?)-->/g))
    assert.match(m[1], /^\s*certwatch:/, `${where}: an HTML comment ${m[0].slice(0, 60)}`);
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<\/?([a-zA-Z][\w-]*)/g)) {
    assert.ok(ALLOWED_TAGS.has(m[1].toLowerCase()), `${where}: raw HTML <${m[1]}>`);
  }
  // GitHub links mentions and references in text, not inside code or existing links.
  const text = decode(
    html.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<a\s[\s\S]*?<\/a>/g, ' ').replace(/<[^>]+>/g, ' '),
  );
  const withoutOwners = owners.reduce(
    (t, o) => t.replace(new RegExp(`${o.replace(/[/]/g, '\\/')}(?![\\w/-])`, 'g'), ' '),
    text,
  );
  assert.doesNotMatch(withoutOwners, /@[\p{L}\p{N}_-]/u, `${where}: a live @mention`);
  assert.doesNotMatch(text, /[#\uff03]\p{N}/u, `${where}: a live #reference`);
  assert.doesNotMatch(text, /\bGH-\d/i, `${where}: a live GH- reference`);
}

/** A line the runner would execute: `::cmd` after leading whitespace, or `##[` anywhere. */
function assertNoForgedCommands(where: string, out: string): void {
  for (const line of out.split(/\r\n|\r|\n/)) {
    if (/^\s*::/.test(line))
      assert.match(line, /^::(error|warning|notice|debug|add-mask|group|endgroup)( [^:]*)?::/, `${where}: ${line}`);
    assert.ok(!line.includes('##['), `${where}: legacy command in ${JSON.stringify(line)}`);
    assert.ok(
      !/FORGED|forged-mask/.test(line) || !/^\s*::/.test(line) || /%0A/.test(line),
      `${where}: forged command ${JSON.stringify(line)}`,
    );
  }
  assert.ok(!out.split(/\r\n|\r|\n/).some((l) => /^\s*::add-mask::forged-mask/.test(l)), `${where}: forged add-mask`);
}

let ws: string;
let expired: HostileCert;
let replacement: HostileCert;
let formula: HostileCert;

before(async () => {
  expired = await hostileCertificate({
    cn: HOSTILE_CN,
    o: HOSTILE_O,
    dnsSans: HOSTILE_SANS,
    notBefore: fromNow(-100),
    notAfter: fromNow(-1),
    slot: 'expired',
  });
  replacement = await hostileCertificate({
    cn: '@acme/everyone ![x](https://attacker.example/close.png) <!-- … --> closes #7',
    o: HOSTILE_O,
    notBefore: fromNow(-1),
    notAfter: fromNow(300),
    slot: 'replacement',
  });
  formula = await hostileCertificate({
    cn: ' =cmd|calc!A0',
    o: '\n+cmd|calc',
    notBefore: fromNow(-1),
    notAfter: fromNow(300),
    slot: 'formula',
  });
  ws = await workspace({
    '.github/certwatch.yml': [
      'version: 1',
      'files:',
      '  - path: "certs/*.pem"',
      `    owner: "${OWNER}"`,
      'issues:',
      '  mode: per-certificate',
      '',
    ].join('\n'),
    'certs/site.pem': expired.pem,
    'certs/formula.pem': formula.pem,
  });
});

after(async () => {
  await rm(ws, { recursive: true, force: true });
});

const scheduled = (gh: FakeGitHub, inputs: Record<string, string> = {}): Promise<ActionResult> =>
  runScheduled(ws, REPO, gh.url, { revocation: 'off', ...inputs });

describe('hostile certificate text is inert in every output', {
  skip: hasCmark ? false : 'cmark-gfm is not installed (scripts/test-deps.sh installs it)',
}, () => {
  it('the built action: issue title, body, closing comment, job summary, annotations, SARIF, HTML, log', async () => {
    const gh = await new FakeGitHub(REPO).start();
    try {
      const r = await scheduled(gh, {
        report: 'out/report.json',
        sarif: 'out/certwatch.sarif',
        html: 'out/inventory.html',
      });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const opened = gh.openIssues();
      assert.equal(opened.length, 1, 'one issue for the expired certificate');
      const issue = opened[0];
      // The hostile text did arrive (the checks below are not vacuous) …
      assert.match(issue.body, /Renew now/);
      assert.match(r.summary, /attacker\.example/);
      // … and nothing of it is live.
      assert.doesNotMatch(issue.title, /[\r\n]/, 'a title is one line');
      assert.doesNotMatch(issue.title, /@[\p{L}\p{N}]|[#\uff03]\p{N}|GH-\d/u, `title: ${issue.title}`);
      assertInert('issue body', issue.body, [OWNER]);
      assertInert('job summary', r.summary, [OWNER]);
      // The configured owner is still a live mention (and the only one).
      assert.match(issue.body, new RegExp(`\\| Owner \\| ${OWNER} \\|`), 'owner mentioned');
      assert.match(r.summary, new RegExp(`\\| ${OWNER} \\|`), 'owner in the summary');

      for (const a of r.annotations) {
        assert.doesNotMatch(a.message + (a.title ?? ''), /FORGED/, 'annotation text is not a forged command');
        assert.notEqual(a.file, 'README.md');
      }
      assertNoForgedCommands('action stdout', r.stdout);
      assertNoForgedCommands('action stderr', r.stderr);

      const sarif = JSON.parse(await readFile(path.join(ws, 'out/certwatch.sarif'), 'utf8'));
      for (const res of sarif.runs[0].results) {
        // SARIF §3.11.6: an embedded link is "[text](target)" with unescaped brackets.
        assert.doesNotMatch(res.message.text, /(^|[^\\])\[[^\]]*[^\\]\]\(/, `SARIF message: ${res.message.text}`);
        assert.doesNotMatch(res.message.text, /[\r\n]/);
      }
      const html = await readFile(path.join(ws, 'out/inventory.html'), 'utf8');
      assert.doesNotMatch(html, /<img\b|<a\b[^>]*attacker|<!-- hidden/i, 'HTML report');
      assert.match(html, /&lt;img src=x/, 'the HTML shows the text, escaped');

      // The certificate is replaced by another hostile one: the closing comment names it, inertly.
      await writeFiles(ws, { 'certs/site.pem': replacement.pem });
      const second = await scheduled(gh);
      assert.equal(gh.issue(issue.number).state, 'closed', second.stdout);
      const closing = gh
        .issue(issue.number)
        .comments.map((c) => c.body)
        .join('\n\n');
      assert.match(closing, /close\.png/, 'the comment names the replacement');
      assertInert('closing comment', closing);
      assertInert('closed body', gh.issue(issue.number).body, [OWNER]);
      assertNoForgedCommands('second run stdout', second.stdout);
    } finally {
      await gh.stop();
      await writeFiles(ws, { 'certs/site.pem': expired.pem });
    }
  });

  it('the built CLI: text, markdown, JSON, SARIF and every inventory format', async () => {
    const cli = async (args: string[]) => {
      try {
        return (
          await exec(process.execPath, [CLI, ...args, '--workspace', ws, '--revocation', 'off'], {
            timeout: 60_000,
            maxBuffer: 32 * 1024 * 1024,
            env: { ...process.env, NO_COLOR: '1' },
          })
        ).stdout;
      } catch (e) {
        const x = e as { stdout?: string; code?: number };
        if (x.code !== 1) throw e;
        return x.stdout ?? '';
      }
    };
    for (const f of ['text', 'markdown', 'json', 'sarif']) {
      const out = await cli(['check', '--format', f]);
      assertNoForgedCommands(`check --format ${f}`, out);
      if (f === 'markdown') assertInert('check --format markdown', out, [OWNER]);
      if (f === 'json')
        assert.ok(
          JSON.parse(out).certificates.some((c: { sans: string[] }) => c.sans.includes(HOSTILE_SANS[2])),
          'JSON keeps the exact SAN',
        );
    }
    for (const f of ['text', 'markdown', 'csv', 'html', 'json', 'ics']) {
      const out = await cli(['inventory', '--format', f]);
      assertNoForgedCommands(`inventory --format ${f}`, out);
      if (f === 'markdown') assertInert('inventory --format markdown', out, [OWNER]);
      if (f === 'csv') {
        // Every text cell a spreadsheet would run (after leading spaces/line breaks) starts with a quote.
        for (const cell of parseCsv(out).flat()) {
          if (/^-?\d+$/.test(cell)) continue; // days_left: a number we computed
          assert.doesNotMatch(cell, /^\s*[=+\-@]/, `CSV cell ${JSON.stringify(cell)}`);
        }
        assert.ok(parseCsv(out).flat().includes("' =cmd|calc!A0"), 'the formula cell is neutralised, not dropped');
      }
    }
  });

  // Discovery reads any committed file: a Secret's name, a JSON key and a keystore-like
  // file's words are the committer's text, and they reach the sentences of file problems.
  it('the built action: names inside discovered files (Secret, JSON key) are inert in summary, annotations and log', async (t) => {
    const HOSTILE = '@acme/everyone [x](https://attacker.example/s) ![i](https://attacker.example/i.png) #7 <b>x</b>';
    const files = await workspace({
      'k8s/secret.yaml': [
        'apiVersion: v1',
        'kind: Secret',
        'type: kubernetes.io/tls',
        'metadata:',
        `  name: ${JSON.stringify(`${HOSTILE}\n::error::FORGED`)}`,
        'data:',
        `  tls.crt: ${Buffer.from('not a certificate').toString('base64')}`,
        '  tls.key: c2VjcmV0',
        '',
      ].join('\n'),
      'config/app.json': JSON.stringify(
        { [HOSTILE]: '-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n' },
        null,
        1,
      ),
    });
    t.after(() => rm(files, { recursive: true, force: true }));
    const gh = await new FakeGitHub(REPO).start();
    try {
      const r = await runScheduled(files, REPO, gh.url, { revocation: 'off' });
      // The hostile names did arrive in the findings (the checks below are not vacuous) …
      assert.match(r.summary, /attacker\.example\/s/, r.stdout + r.stderr);
      assert.match(r.stdout, /attacker\.example\/i\.png/);
      assert.ok(
        r.annotations.some((a) => /attacker\.example/.test(a.message)),
        'an annotation names the hostile file text',
      );
      // … and nothing of it is live or executable.
      assertInert('job summary', r.summary);
      // An annotation's message is plain text on GitHub; what matters is that its line ending is encoded (below).
      assert.ok(
        r.annotations.some((a) => a.message.includes('\n::error::FORGED')),
        'the forged command arrived, inside a message',
      );
      assertNoForgedCommands('action stdout', r.stdout);
      assertNoForgedCommands('action stderr', r.stderr);
    } finally {
      await gh.stop();
    }
  });
});

/** RFC 4180, enough for our own output: quoted fields with doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}
