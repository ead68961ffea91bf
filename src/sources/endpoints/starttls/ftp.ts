// FTP AUTH TLS (RFC 4217 §4): "220" greeting, "AUTH TLS" → "234". FTP replies
// continue with "220-" and end with the same code and a space (RFC 959 §4.2).
import { type LineReader, quote } from './line-reader.js';
import { ProbeError } from '../probe-error.js';

async function reply(r: LineReader): Promise<{ code: string; lines: string[] }> {
  const first = await r.readLine();
  const m = /^(\d{3})([- ])/.exec(first) ?? /^(\d{3})$/.exec(first);
  if (!m) throw new ProbeError('starttls', `${r.what}: not an FTP reply: ${quote(first)}`);
  const lines = [first];
  if (m[2] === '-') lines.push(...(await r.readReply((l) => l.startsWith(m[1] + ' '))));
  return { code: m[1], lines };
}

export async function ftpStartTls(r: LineReader): Promise<void> {
  const greeting = await reply(r);
  if (greeting.code !== '220')
    throw new ProbeError('starttls', `${r.what}: server greeting is not 220: ${quote(greeting.lines)}`);
  r.write('AUTH TLS\r\n');
  const go = await reply(r);
  if (go.code !== '234') {
    const what = /^(500|502|504)$/.test(go.code) ? ': server does not offer STARTTLS (AUTH TLS)' : ' refused by server';
    throw new ProbeError('starttls', `${r.what}${what}: ${quote(go.lines)}`);
  }
}
