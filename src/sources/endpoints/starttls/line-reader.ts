// The plaintext half of STARTTLS: read the server's lines (or bytes) with hard
// caps, write commands, then hand the bare socket to TLS. Every dialect uses
// this one reader so the caps and the "nothing may follow the go-ahead" rule
// live in one place.
import type { Socket } from 'node:net';
import type { StartTlsProtocol } from '../../../types.js';
import type { StartTlsProblem } from '../probe-cause.js';
import { ProbeError, socketError } from '../probe-error.js';

// A STARTTLS dialogue is a greeting, a capability list and one reply: a few KiB.
// 64 KiB lets a chatty server through and stops one that streams forever.
export const MAX_STARTTLS_BYTES = 64 * 1024;
// RFC 5321 §4.5.3.1.5 caps an SMTP reply line at 512 octets; IMAP capability
// lines run longer. 4 KiB is generous for every dialect here.
export const MAX_LINE_BYTES = 4096;
// Real EHLO/CAPA replies have 10–30 lines; an endless multi-line banner must end.
export const MAX_REPLY_LINES = 100;

export class LineReader {
  private buf: Buffer = Buffer.alloc(0);
  private total = 0;
  private failure?: Error;
  private wake?: () => void;

  constructor(
    private readonly socket: Socket,
    /** the dialect spoken: every error names it */
    readonly protocol: StartTlsProtocol,
  ) {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.resume();
  }

  private readonly onData = (chunk: Buffer): void => {
    this.total += chunk.length;
    if (this.total > MAX_STARTTLS_BYTES) {
      this.fail(this.error({ problem: 'too-many-bytes', maxBytes: MAX_STARTTLS_BYTES }));
      this.socket.destroy();
      return;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.notify();
  };

  private readonly onError = (e: Error): void => {
    this.fail(
      e instanceof ProbeError
        ? e
        : new ProbeError('starttls', socketError({ step: 'starttls', protocol: this.protocol }, e)),
    );
  };

  private readonly onClose = (): void => {
    this.fail(this.error({ problem: 'closed' }));
  };

  /** The dialogue failed: `problem` says how (the dialects' own failures too). */
  error(problem: StartTlsProblem): ProbeError {
    return new ProbeError('starttls', { reason: 'starttls', protocol: this.protocol, problem });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private async more(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((r) => (this.wake = r));
    // Data that arrived with the failure still counts; only throw when nothing is left to read.
  }

  /** One line without its CR LF (a bare LF is accepted: some servers send it). */
  async readLine(): Promise<string> {
    for (;;) {
      const nl = this.buf.indexOf(0x0a);
      if (nl >= 0) {
        if (nl > MAX_LINE_BYTES) break;
        const line = this.buf.subarray(0, nl).toString('latin1').replace(/\r$/, '');
        this.buf = this.buf.subarray(nl + 1);
        return line;
      }
      if (this.buf.length > MAX_LINE_BYTES) break;
      if (this.failure) throw this.failure;
      await this.more();
    }
    throw this.error({ problem: 'line-too-long', maxBytes: MAX_LINE_BYTES });
  }

  /**
   * Lines until `isLast(line)` says the reply is complete; at most MAX_REPLY_LINES.
   */
  async readReply(isLast: (line: string) => boolean): Promise<string[]> {
    const lines: string[] = [];
    while (lines.length < MAX_REPLY_LINES) {
      const line = await this.readLine();
      lines.push(line);
      if (isLast(line)) return lines;
    }
    throw this.error({ problem: 'too-many-lines', maxLines: MAX_REPLY_LINES, first: lines[0].slice(0, 80) });
  }

  /** Exactly `n` bytes. */
  async readBytes(n: number): Promise<Buffer> {
    while (this.buf.length < n) {
      if (this.failure) throw this.failure;
      await this.more();
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Read until `find(text)` returns the end offset of what was wanted; the text is latin1 of everything buffered. */
  async readUntil(find: (text: string) => number): Promise<string> {
    for (;;) {
      const text = this.buf.toString('latin1');
      const end = find(text);
      if (end >= 0) {
        this.buf = this.buf.subarray(end);
        return text.slice(0, end);
      }
      if (this.failure) throw this.failure;
      await this.more();
    }
  }

  write(text: string | Buffer): void {
    this.socket.write(text);
  }

  /**
   * Stop reading and return the socket for the TLS handshake. Bytes already
   * buffered after the server's go-ahead would be injected into the TLS session
   * (the STARTTLS command-injection class, CVE-2011-0411): refuse them.
   */
  release(): Socket {
    this.socket.removeListener('data', this.onData);
    this.socket.removeListener('error', this.onError);
    this.socket.removeListener('close', this.onClose);
    this.socket.pause();
    if (this.failure) throw this.failure;
    if (this.buf.length) {
      this.socket.destroy();
      throw this.error({ problem: 'bytes-after-go-ahead', bytes: this.buf.length });
    }
    return this.socket;
  }

  /** Detach without handing over (on failure paths). */
  detach(): void {
    this.socket.removeListener('data', this.onData);
    this.socket.removeListener('error', this.onError);
    this.socket.removeListener('close', this.onClose);
  }
}

/** A server reply shortened for messages: protocol lines can be long and hostile. */
export function quote(lines: string[] | string, max = 120): string {
  const text = Array.isArray(lines) ? lines.join(' | ') : lines;
  const clean = text.replace(/[^\x20-\x7e|]/g, '?');
  return clean.length > max ? clean.slice(0, max) + '…' : clean;
}
