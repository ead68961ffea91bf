// PostgreSQL SSLRequest (protocol docs §55.2.10): an 8-byte packet, one byte
// back: 'S' = go ahead with TLS, 'N' = no TLS. Anything buffered after 'S' is
// an injection attempt (CVE-2021-23222) and LineReader.release refuses it.
import { type LineReader, quote } from './line-reader.js';

// Int32 length 8, Int32 code 80877103 (1234 << 16 | 5679).
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

export async function postgresStartTls(r: LineReader): Promise<void> {
  r.write(SSL_REQUEST);
  const [answer] = await r.readBytes(1);
  if (answer === 0x53 /* S */) return;
  if (answer === 0x4e /* N */) throw r.error({ problem: 'postgres-ssl-off' });
  if (answer === 0x45 /* E */) throw r.error({ problem: 'postgres-error-response' });
  throw r.error({ problem: 'not-postgres', answer, said: quote(String.fromCharCode(answer)) });
}
