// POP3 STLS (RFC 2595 §4): "+OK" greeting, CAPA lists STLS (a multi-line reply
// ended by "."), then "STLS" → "+OK". Old servers without CAPA get STLS anyway.
import { type LineReader, quote } from './line-reader.js';
import { ProbeError } from '../probe-error.js';

export async function pop3StartTls(r: LineReader): Promise<void> {
  const greeting = await r.readLine();
  if (!greeting.startsWith('+OK'))
    throw new ProbeError('starttls', `${r.what}: server greeting is not "+OK": ${quote(greeting)}`);
  r.write('CAPA\r\n');
  const first = await r.readLine();
  if (first.startsWith('+OK')) {
    const caps = await r.readReply((l) => l === '.');
    if (!caps.some((l) => /^STLS\b/i.test(l))) {
      throw new ProbeError('starttls', `${r.what}: server does not offer STARTTLS (CAPA: ${quote(caps.slice(0, -1))})`);
    }
  }
  r.write('STLS\r\n');
  const go = await r.readLine();
  if (!go.startsWith('+OK')) throw new ProbeError('starttls', `${r.what} refused by server: ${quote(go)}`);
}
