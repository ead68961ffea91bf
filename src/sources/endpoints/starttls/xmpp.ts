// XMPP STARTTLS (RFC 6120 §5): open a client stream, read <stream:features>,
// it must contain <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>, send
// <starttls/>, expect <proceed/> (or <failure/>). A string scan is enough for
// these few fixed elements; a general XML parser would be attack surface.
import { type LineReader, quote } from './line-reader.js';

const TLS_NS = 'urn:ietf:params:xml:ns:xmpp-tls';

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function xmppStartTls(r: LineReader, domain: string): Promise<void> {
  r.write(
    `<?xml version='1.0'?><stream:stream to='${xmlEscape(domain)}' version='1.0' xml:lang='en' ` +
      `xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>`,
  );
  const features = await r.readUntil((t) => {
    const end = /<\/stream:features\s*>|<stream:features\s*\/>|<\/stream:stream\s*>|<stream:error/.exec(t);
    return end ? end.index + end[0].length : -1;
  });
  if (/<stream:error|<\/stream:stream/.test(features) && !/<stream:features/.test(features)) {
    throw r.error({
      problem: 'stream-closed',
      said: quote(features.slice(features.search(/<stream:error|<\/stream:stream/))),
    });
  }
  if (!new RegExp(`<starttls[^>]*xmlns=['"]${TLS_NS}['"]`).test(features)) {
    throw r.error({
      problem: 'not-offered',
      evidence: 'stream features',
      said: quote(features.slice(features.indexOf('<stream:features'))),
    });
  }
  r.write(`<starttls xmlns='${TLS_NS}'/>`);
  const answer = await r.readUntil((t) => {
    const m = /<proceed[^>]*\/>|<\/proceed>|<failure[^>]*(\/>|>[\s\S]*?<\/failure>)|<\/stream:stream>/.exec(t);
    return m ? m.index + m[0].length : -1;
  });
  if (!/<proceed/.test(answer)) throw r.error({ problem: 'refused', said: quote(answer.trim()) });
}
