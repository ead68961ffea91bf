// FTP AUTH TLS (RFC 4217 §4): "220" greeting, "AUTH TLS" → "234". FTP replies
// continue with "220-" and end with the same code and a space (RFC 959 §4.2).
import { type LineReader, quote } from './line-reader.js';

async function reply(r: LineReader): Promise<{ code: string; lines: string[] }> {
  const first = await r.readLine();
  const m = /^(\d{3})([- ])/.exec(first) ?? /^(\d{3})$/.exec(first);
  if (!m) throw r.error({ problem: 'not-a-reply', dialect: 'FTP', said: quote(first) });
  const lines = [first];
  if (m[2] === '-') lines.push(...(await r.readReply((l) => l.startsWith(m[1] + ' '))));
  return { code: m[1], lines };
}

export async function ftpStartTls(r: LineReader): Promise<void> {
  const greeting = await reply(r);
  if (greeting.code !== '220') throw r.error({ problem: 'bad-greeting', expected: '220', said: quote(greeting.lines) });
  r.write('AUTH TLS\r\n');
  const go = await reply(r);
  if (go.code !== '234') {
    const said = quote(go.lines);
    throw r.error(
      /^(500|502|504)$/.test(go.code) ? { problem: 'auth-tls-not-offered', said } : { problem: 'refused', said },
    );
  }
}
