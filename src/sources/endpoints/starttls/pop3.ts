// POP3 STLS (RFC 2595 §4): "+OK" greeting, CAPA lists STLS (a multi-line reply
// ended by "."), then "STLS" → "+OK". Old servers without CAPA get STLS anyway.
import { type LineReader, quote } from './line-reader.js';

export async function pop3StartTls(r: LineReader): Promise<void> {
  const greeting = await r.readLine();
  if (!greeting.startsWith('+OK')) throw r.error({ problem: 'bad-greeting', expected: '+OK', said: quote(greeting) });
  r.write('CAPA\r\n');
  const first = await r.readLine();
  if (first.startsWith('+OK')) {
    const caps = await r.readReply((l) => l === '.');
    if (!caps.some((l) => /^STLS\b/i.test(l))) {
      throw r.error({ problem: 'not-offered', evidence: 'CAPA', said: quote(caps.slice(0, -1)) });
    }
  }
  r.write('STLS\r\n');
  const go = await r.readLine();
  if (!go.startsWith('+OK')) throw r.error({ problem: 'refused', said: quote(go) });
}
