// SMTP STARTTLS (RFC 3207): greeting 220, EHLO, the STARTTLS extension must be
// listed, then "STARTTLS" → 220. Replies may span lines ("250-…" continues,
// "250 …" ends them; RFC 5321 §4.2.1).
import { type LineReader, quote } from './line-reader.js';

// The EHLO argument should be our own name (RFC 5321 §4.1.1.1); a probe has
// none worth telling, and an address literal would be wrong behind NAT.
const EHLO_NAME = 'certwatch.invalid';

async function reply(r: LineReader): Promise<{ code: string; lines: string[] }> {
  const lines = await r.readReply((l) => !/^\d{3}-/.test(l));
  const code = /^(\d{3})/.exec(lines[lines.length - 1])?.[1];
  if (!code) throw r.error({ problem: 'not-a-reply', dialect: 'SMTP', said: quote(lines) });
  return { code, lines };
}

export async function smtpStartTls(r: LineReader): Promise<void> {
  const greeting = await reply(r);
  if (greeting.code !== '220') throw r.error({ problem: 'bad-greeting', expected: '220', said: quote(greeting.lines) });
  r.write(`EHLO ${EHLO_NAME}\r\n`);
  const ehlo = await reply(r);
  if (ehlo.code !== '250') throw r.error({ problem: 'ehlo-rejected', said: quote(ehlo.lines) });
  if (!ehlo.lines.some((l) => /^250[- ]STARTTLS\b/i.test(l))) {
    throw r.error({ problem: 'not-offered', evidence: 'EHLO reply', said: quote(ehlo.lines.map((l) => l.slice(4))) });
  }
  r.write('STARTTLS\r\n');
  const go = await reply(r);
  if (go.code !== '220') throw r.error({ problem: 'refused', said: quote(go.lines) });
}
