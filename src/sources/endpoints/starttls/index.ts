// STARTTLS dispatch: run the plaintext dialogue of one dialect over a connected
// socket within the phase deadline, and hand the socket back ready for TLS.
import type { Socket } from 'node:net';
import type { StartTlsProtocol } from '../../../types.js';
import { armDeadline } from '../probe-error.js';
import { LineReader } from './line-reader.js';
import { smtpStartTls } from './smtp.js';
import { imapStartTls } from './imap.js';
import { pop3StartTls } from './pop3.js';
import { ftpStartTls } from './ftp.js';
import { ldapStartTls } from './ldap.js';
import { postgresStartTls } from './postgres.js';
import { xmppStartTls } from './xmpp.js';

export async function negotiateStartTls(
  protocol: StartTlsProtocol,
  socket: Socket,
  opts: { domain: string; deadline: { at: number; isRunDeadline: boolean } },
): Promise<Socket> {
  const disarm = armDeadline(socket, 'starttls', opts.deadline, { step: 'starttls', protocol });
  const reader = new LineReader(socket, protocol);
  try {
    switch (protocol) {
      case 'smtp':
        await smtpStartTls(reader);
        break;
      case 'imap':
        await imapStartTls(reader);
        break;
      case 'pop3':
        await pop3StartTls(reader);
        break;
      case 'ftp':
        await ftpStartTls(reader);
        break;
      case 'ldap':
        await ldapStartTls(reader);
        break;
      case 'postgres':
        await postgresStartTls(reader);
        break;
      case 'xmpp':
        await xmppStartTls(reader, opts.domain);
        break;
    }
    return reader.release();
  } catch (e) {
    reader.detach();
    socket.destroy();
    throw e;
  } finally {
    disarm();
  }
}
