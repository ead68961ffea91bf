// IMAP STARTTLS (RFC 9051 §6.2.1, RFC 3501): "* OK" greeting, CAPABILITY must
// list STARTTLS, then "a2 STARTTLS" → "a2 OK". A PREAUTH greeting means the
// session is already authenticated and STARTTLS is no longer allowed.
import { type LineReader, quote } from './line-reader.js';

async function tagged(r: LineReader, tag: string): Promise<string[]> {
  return r.readReply((l) => l.startsWith(tag + ' '));
}

export async function imapStartTls(r: LineReader): Promise<void> {
  const greeting = await r.readLine();
  if (/^\* PREAUTH/i.test(greeting)) throw r.error({ problem: 'preauth', said: quote(greeting) });
  if (!/^\* OK/i.test(greeting)) throw r.error({ problem: 'bad-greeting', expected: '* OK', said: quote(greeting) });
  let caps = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting)?.[1];
  if (!caps) {
    r.write('a1 CAPABILITY\r\n');
    const lines = await tagged(r, 'a1');
    caps = lines.filter((l) => /^\* CAPABILITY /i.test(l)).join(' ');
  }
  if (!/(^|\s)STARTTLS(\s|$)/i.test(caps)) {
    throw r.error({
      problem: 'not-offered',
      evidence: 'capabilities',
      said: quote(caps.replace(/^\* CAPABILITY /i, '')),
    });
  }
  r.write('a2 STARTTLS\r\n');
  const lines = await tagged(r, 'a2');
  const last = lines[lines.length - 1];
  if (!/^a2 OK/i.test(last)) throw r.error({ problem: 'refused', said: quote(last) });
}
