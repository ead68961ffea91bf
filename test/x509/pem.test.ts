// PEM as found in real repositories: bundles, CRLF, trailing spaces (Let's Encrypt
// intermediates have them), notes between blocks — and damaged blocks, each told
// apart with the line of its BEGIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitPem, toPem } from '../../src/x509/pem.js';
import { readerProblem } from '../../src/report/text/reader-problem.js';
import { issue } from '../helpers/pki.js';

const a = await issue({ cn: 'a.example' });
const b = await issue({ cn: 'b.example' });

test('a bundle of two certificates gives two blocks with the line of each BEGIN', () => {
  const text = `# served by nginx\n\n${a.pem}\nsome notes a person left here\n${b.pem}`;
  const { blocks, problems } = splitPem(text);
  assert.deepEqual(problems, []);
  assert.equal(blocks.length, 2);
  assert.equal(blocks[0].line, 3);
  assert.equal(blocks[1].line, 3 + a.pem.split('\n').length + 1);
  assert.ok(blocks[0].der.equals(a.der));
  assert.ok(blocks[1].der.equals(b.der));
  assert.deepEqual(
    blocks.map((x) => x.index),
    [1, 2],
  );
  assert.equal(text.split('\n')[blocks[1].line - 1], '-----BEGIN CERTIFICATE-----');
});

test('CRLF line endings and trailing spaces on every line still read', () => {
  const text = (a.pem + b.pem)
    .split('\n')
    .map((l) => (l ? `${l}  \t` : l))
    .join('\r\n');
  const { blocks, problems } = splitPem(text);
  assert.deepEqual(problems, []);
  assert.equal(blocks.length, 2);
  assert.ok(blocks[0].der.equals(a.der) && blocks[1].der.equals(b.der));
  assert.equal(blocks[1].line, a.pem.split('\n').length);
});

test('TRUSTED CERTIFICATE and other labels are kept with their label', () => {
  const text =
    toPem('TRUSTED CERTIFICATE', a.der) +
    toPem('X509 CRL', Buffer.from([0x30, 0x00])) +
    toPem('PRIVATE KEY', Buffer.from([0x30, 0x00]));
  const { blocks } = splitPem(text);
  assert.deepEqual(
    blocks.map((x) => x.label),
    ['TRUSTED CERTIFICATE', 'X509 CRL', 'PRIVATE KEY'],
  );
  assert.ok(blocks[0].der.equals(a.der));
});

test('a truncated block is reported at its BEGIN line; the complete block before it still reads', () => {
  const cut = b.pem.split('\n').slice(0, 5).join('\n');
  const { blocks, problems } = splitPem(a.pem + cut);
  assert.equal(blocks.length, 1);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, a.pem.split('\n').length);
  assert.match(readerProblem(problems[0].fault), /truncated|without END/i);
});

test('a block with no END before the next BEGIN is reported, and the next block still reads', () => {
  const cut = a.pem.split('\n').slice(0, 4).join('\n') + '\n';
  const { blocks, problems } = splitPem(cut + b.pem);
  assert.equal(blocks.length, 1);
  assert.ok(blocks[0].der.equals(b.der));
  assert.equal(problems[0].line, 1);
  assert.match(readerProblem(problems[0].fault), /no END/);
});

test('bad base64 inside a block is reported with the line of the damage', () => {
  const lines = a.pem.split('\n');
  lines[3] = lines[3].slice(0, 10) + '*!' + lines[3].slice(12);
  const { blocks, problems } = splitPem(lines.join('\n'));
  assert.equal(blocks.length, 0);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 1);
  assert.match(readerProblem(problems[0].fault), /invalid base64 on line 4/);
});

test('base64 with a missing character (damaged length) is refused, not silently shortened', () => {
  const lines = a.pem.split('\n');
  lines[2] = lines[2].slice(1); // one character gone: every byte after it shifts
  const { blocks, problems } = splitPem(lines.join('\n'));
  assert.equal(blocks.length, 0);
  assert.match(readerProblem(problems[0].fault), /base64/);
});

test('BEGIN CERTIFICATE closed by END PRIVATE KEY is a mismatch, named with both lines', () => {
  const text = a.pem.replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----');
  const { blocks, problems } = splitPem(text);
  assert.equal(blocks.length, 0);
  assert.equal(problems[0].line, 1);
  assert.match(readerProblem(problems[0].fault), /closed by END PRIVATE KEY on line \d+/);
});

test('an empty block is a problem, not an empty certificate', () => {
  const { blocks, problems } = splitPem('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  assert.equal(blocks.length, 0);
  assert.match(readerProblem(problems[0].fault), /empty/);
});
