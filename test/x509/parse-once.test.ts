// One run reads each distinct certificate once, however many files commit it: the
// second copy gets the first copy's record (what openssl reads), a refused one the
// same refusal, and a different certificate its own record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CertificateParseError } from '../../src/x509/parse-certificate.js';
import { parseOncePerRun } from '../../src/x509/parse-once.js';
import { OpenSsl } from '../helpers/openssl.js';

test('parseOncePerRun: equal DER from different buffers is one record; a refusal is repeated', async (t) => {
  const ssl = await OpenSsl.create();
  t.after(() => ssl.dispose());
  const self = await ssl.cert({ subject: '/CN=once.example', san: 'DNS:once.example' });
  const other = await ssl.cert({ subject: '/CN=other.example', serial: '0x0102' });
  const parse = parseOncePerRun();

  const first = parse(Buffer.from(self.der));
  const second = parse(Buffer.concat([self.der])); // equal bytes, another buffer
  assert.equal(second, first);
  const ref = await ssl.read(self.der);
  assert.equal(first.serialNumber, ref.serial);
  assert.equal(first.notAfter.getTime(), ref.notAfter.getTime());
  assert.equal(first.subject, ref.subject);

  const third = parse(other.der);
  assert.notEqual(third, first);
  assert.equal(third.serialNumber, (await ssl.read(other.der)).serial);

  // A truncated certificate is refused, and refused again with the same reason.
  const broken = self.der.subarray(0, self.der.length - 10);
  const refusal = () => {
    try {
      parse(Buffer.from(broken));
    } catch (e) {
      assert.ok(e instanceof CertificateParseError);
      return (e as Error).message;
    }
    assert.fail('a truncated certificate was read');
  };
  const why = refusal();
  assert.match(why, /\S/);
  assert.equal(refusal(), why);
});
