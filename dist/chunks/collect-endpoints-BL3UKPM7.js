import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  bundledRoots
} from "./chunk-SMPWPSRB.js";
import {
  oncePerKey
} from "./chunk-JHOQIWRP.js";
import {
  looksLikePem,
  splitPem,
  toPem
} from "./chunk-SLWETIJE.js";
import {
  verifyErrorName
} from "./chunk-TNHBLPBT.js";
import {
  TrustAnchors
} from "./chunk-4JGJ5N6R.js";
import {
  CertificateParseError,
  parseCertificate
} from "./chunk-753U3B2Y.js";
import {
  ProxyConfigError,
  proxyFor
} from "./chunk-S52FOATI.js";
import "./chunk-NOSH5WDB.js";
import {
  refusal,
  refusalOf
} from "./chunk-Y3CDYBQM.js";
import "./chunk-DDCI7ZLU.js";

// src/sources/endpoints/collect-endpoints.ts
import { createHash } from "node:crypto";
import { isIP as isIP4 } from "node:net";
import { isAbsolute, resolve as resolvePath } from "node:path";

// src/sources/endpoints/pool.ts
var Pool = class {
  constructor(concurrency, perKey) {
    this.concurrency = concurrency;
    this.perKey = perKey;
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be \u2265 1, got ${concurrency}`);
    if (!(perKey >= 1)) throw new RangeError(`per-host limit must be \u2265 1, got ${perKey}`);
  }
  concurrency;
  perKey;
  running = 0;
  perKeyRunning = /* @__PURE__ */ new Map();
  queue = [];
  /** Run `task` when a slot for `key` is free; resolves with its result. */
  run(key, task) {
    return new Promise((resolve, reject) => {
      this.queue.push({
        key,
        start: () => {
          let p;
          try {
            p = task();
          } catch (e) {
            p = Promise.reject(e);
          }
          p.then(resolve, reject).finally(() => this.done(key));
        }
      });
      this.pump();
    });
  }
  done(key) {
    this.running--;
    const n = (this.perKeyRunning.get(key) ?? 1) - 1;
    if (n === 0) this.perKeyRunning.delete(key);
    else this.perKeyRunning.set(key, n);
    this.pump();
  }
  pump() {
    for (let i = 0; i < this.queue.length && this.running < this.concurrency; ) {
      const item = this.queue[i];
      const n = this.perKeyRunning.get(item.key) ?? 0;
      if (n >= this.perKey) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.running++;
      this.perKeyRunning.set(item.key, n + 1);
      item.start();
    }
  }
};

// src/sources/endpoints/probe-cause.ts
function isRunDeadline(c) {
  return c.reason === "run-deadline" || c.reason === "not-started";
}

// src/sources/endpoints/probe-error.ts
var ProbeError = class extends Error {
  constructor(phase, cause) {
    super(`probe failed in the ${phase} phase: ${cause.reason}`);
    this.phase = phase;
    this.cause = cause;
  }
  phase;
  cause;
  /** the run's deadline (not the phase's own timeout) cut this probe short */
  get runDeadline() {
    return isRunDeadline(this.cause);
  }
};
function phaseDeadline(timeoutMs, runDeadline) {
  const own = Date.now() + timeoutMs;
  return own < runDeadline ? { at: own, isRunDeadline: false } : { at: runDeadline, isRunDeadline: true };
}
function deadlineCause(step, deadline, ms) {
  return deadline.isRunDeadline ? { reason: "run-deadline", step } : { reason: "timeout", step, ms };
}
function armDeadline(socket, phase, deadline, step) {
  const ms = Math.max(0, deadline.at - Date.now());
  const timer = setTimeout(() => {
    socket.destroy(new ProbeError(phase, deadlineCause(step, deadline, ms)));
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
function socketError(step, e) {
  const code = e.code;
  return { reason: "socket", step, ...code ? { code } : {}, message: e.message };
}

// src/sources/endpoints/probe-endpoint.ts
import { isIP as isIP2 } from "node:net";

// src/sources/endpoints/connect-tcp.ts
import { connect } from "node:net";
function connectTcp(address, port, deadline, step = { step: "tcp" }) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port });
    socket.setNoDelay(true);
    const disarm = armDeadline(socket, "tcp", deadline, step);
    const onError = (e) => {
      disarm();
      socket.destroy();
      reject(e instanceof ProbeError ? e : new ProbeError("tcp", socketError(step, e)));
    };
    socket.once("error", onError);
    socket.once("connect", () => {
      disarm();
      socket.removeListener("error", onError);
      resolve(socket);
    });
  });
}

// src/sources/endpoints/proxy-connect.ts
var MAX_PROXY_RESPONSE_HEADER_BYTES = 16 * 1024;
function authority(host, port) {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}
async function connectViaProxy(proxy, host, port, deadline) {
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, "");
  const proxyPort = proxy.port ? Number(proxy.port) : 80;
  const target = authority(host, port);
  const step = { step: "proxy", proxy: proxy.host, target };
  let socket;
  try {
    socket = await connectTcp(proxyHost, proxyPort, deadline, { step: "proxy-tcp", proxy: proxy.host });
  } catch (e) {
    throw new ProbeError("proxy", e.cause);
  }
  let request = `CONNECT ${target} HTTP/1.1\r
Host: ${target}\r
`;
  if (proxy.username) {
    const creds = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    request += `Proxy-Authorization: Basic ${Buffer.from(creds).toString("base64")}\r
`;
  }
  request += "\r\n";
  return new Promise((resolve, reject) => {
    const disarm = armDeadline(socket, "proxy", deadline, step);
    let buf = Buffer.alloc(0);
    const cleanup = () => {
      disarm();
      socket.removeListener("data", onData);
      socket.removeListener("error", onError);
      socket.removeListener("close", onClose);
    };
    const fail = (e) => {
      cleanup();
      socket.destroy();
      reject(e);
    };
    const failWith = (problem) => fail(new ProbeError("proxy", { reason: "proxy", proxy: proxy.host, target, problem }));
    const onError = (e) => fail(e instanceof ProbeError ? e : new ProbeError("proxy", socketError(step, e)));
    const onClose = () => failWith({ problem: "closed" });
    const onData = (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf("\r\n\r\n");
      if (end < 0) {
        if (buf.length > MAX_PROXY_RESPONSE_HEADER_BYTES)
          failWith({ problem: "header-too-large", maxBytes: MAX_PROXY_RESPONSE_HEADER_BYTES });
        return;
      }
      const statusLine = buf.subarray(0, buf.indexOf("\r\n")).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
      if (!m) return failWith({ problem: "not-http", statusLine: statusLine.slice(0, 80) });
      if (m[1] !== "200") return failWith({ problem: "refused", status: m[1], text: m[2] ?? "" });
      cleanup();
      socket.pause();
      const rest = buf.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    socket.on("data", onData);
    socket.once("error", onError);
    socket.once("close", onClose);
    socket.write(request);
  });
}

// src/sources/endpoints/starttls/line-reader.ts
var MAX_STARTTLS_BYTES = 64 * 1024;
var MAX_LINE_BYTES = 4096;
var MAX_REPLY_LINES = 100;
var LineReader = class {
  constructor(socket, protocol) {
    this.socket = socket;
    this.protocol = protocol;
    socket.on("data", this.onData);
    socket.on("error", this.onError);
    socket.on("close", this.onClose);
    socket.resume();
  }
  socket;
  protocol;
  buf = Buffer.alloc(0);
  total = 0;
  failure;
  wake;
  onData = (chunk) => {
    this.total += chunk.length;
    if (this.total > MAX_STARTTLS_BYTES) {
      this.fail(this.error({ problem: "too-many-bytes", maxBytes: MAX_STARTTLS_BYTES }));
      this.socket.destroy();
      return;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.notify();
  };
  onError = (e) => {
    this.fail(
      e instanceof ProbeError ? e : new ProbeError("starttls", socketError({ step: "starttls", protocol: this.protocol }, e))
    );
  };
  onClose = () => {
    this.fail(this.error({ problem: "closed" }));
  };
  /** The dialogue failed: `problem` says how (the dialects' own failures too). */
  error(problem) {
    return new ProbeError("starttls", { reason: "starttls", protocol: this.protocol, problem });
  }
  fail(e) {
    this.failure ??= e;
    this.notify();
  }
  notify() {
    const w = this.wake;
    this.wake = void 0;
    w?.();
  }
  async more() {
    if (this.failure) throw this.failure;
    await new Promise((r) => this.wake = r);
  }
  /** One line without its CR LF (a bare LF is accepted: some servers send it). */
  async readLine() {
    for (; ; ) {
      const nl = this.buf.indexOf(10);
      if (nl >= 0) {
        if (nl > MAX_LINE_BYTES) break;
        const line = this.buf.subarray(0, nl).toString("latin1").replace(/\r$/, "");
        this.buf = this.buf.subarray(nl + 1);
        return line;
      }
      if (this.buf.length > MAX_LINE_BYTES) break;
      if (this.failure) throw this.failure;
      await this.more();
    }
    throw this.error({ problem: "line-too-long", maxBytes: MAX_LINE_BYTES });
  }
  /**
   * Lines until `isLast(line)` says the reply is complete; at most MAX_REPLY_LINES.
   */
  async readReply(isLast) {
    const lines = [];
    while (lines.length < MAX_REPLY_LINES) {
      const line = await this.readLine();
      lines.push(line);
      if (isLast(line)) return lines;
    }
    throw this.error({ problem: "too-many-lines", maxLines: MAX_REPLY_LINES, first: lines[0].slice(0, 80) });
  }
  /** Exactly `n` bytes. */
  async readBytes(n) {
    while (this.buf.length < n) {
      if (this.failure) throw this.failure;
      await this.more();
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
  /** Read until `find(text)` returns the end offset of what was wanted; the text is latin1 of everything buffered. */
  async readUntil(find) {
    for (; ; ) {
      const text = this.buf.toString("latin1");
      const end = find(text);
      if (end >= 0) {
        this.buf = this.buf.subarray(end);
        return text.slice(0, end);
      }
      if (this.failure) throw this.failure;
      await this.more();
    }
  }
  write(text) {
    this.socket.write(text);
  }
  /**
   * Stop reading and return the socket for the TLS handshake. Bytes already
   * buffered after the server's go-ahead would be injected into the TLS session
   * (the STARTTLS command-injection class, CVE-2011-0411): refuse them.
   */
  release() {
    this.socket.removeListener("data", this.onData);
    this.socket.removeListener("error", this.onError);
    this.socket.removeListener("close", this.onClose);
    this.socket.pause();
    if (this.failure) throw this.failure;
    if (this.buf.length) {
      this.socket.destroy();
      throw this.error({ problem: "bytes-after-go-ahead", bytes: this.buf.length });
    }
    return this.socket;
  }
  /** Detach without handing over (on failure paths). */
  detach() {
    this.socket.removeListener("data", this.onData);
    this.socket.removeListener("error", this.onError);
    this.socket.removeListener("close", this.onClose);
  }
};
function quote(lines, max = 120) {
  const text = Array.isArray(lines) ? lines.join(" | ") : lines;
  const clean = text.replace(/[^\x20-\x7e|]/g, "?");
  return clean.length > max ? clean.slice(0, max) + "\u2026" : clean;
}

// src/sources/endpoints/starttls/smtp.ts
var EHLO_NAME = "certwatch.invalid";
async function reply(r) {
  const lines = await r.readReply((l) => !/^\d{3}-/.test(l));
  const code = /^(\d{3})/.exec(lines[lines.length - 1])?.[1];
  if (!code) throw r.error({ problem: "not-a-reply", dialect: "SMTP", said: quote(lines) });
  return { code, lines };
}
async function smtpStartTls(r) {
  const greeting = await reply(r);
  if (greeting.code !== "220") throw r.error({ problem: "bad-greeting", expected: "220", said: quote(greeting.lines) });
  r.write(`EHLO ${EHLO_NAME}\r
`);
  const ehlo = await reply(r);
  if (ehlo.code !== "250") throw r.error({ problem: "ehlo-rejected", said: quote(ehlo.lines) });
  if (!ehlo.lines.some((l) => /^250[- ]STARTTLS\b/i.test(l))) {
    throw r.error({ problem: "not-offered", evidence: "EHLO reply", said: quote(ehlo.lines.map((l) => l.slice(4))) });
  }
  r.write("STARTTLS\r\n");
  const go = await reply(r);
  if (go.code !== "220") throw r.error({ problem: "refused", said: quote(go.lines) });
}

// src/sources/endpoints/starttls/imap.ts
async function tagged(r, tag) {
  return r.readReply((l) => l.startsWith(tag + " "));
}
async function imapStartTls(r) {
  const greeting = await r.readLine();
  if (/^\* PREAUTH/i.test(greeting)) throw r.error({ problem: "preauth", said: quote(greeting) });
  if (!/^\* OK/i.test(greeting)) throw r.error({ problem: "bad-greeting", expected: "* OK", said: quote(greeting) });
  let caps = /\[CAPABILITY ([^\]]*)\]/i.exec(greeting)?.[1];
  if (!caps) {
    r.write("a1 CAPABILITY\r\n");
    const lines2 = await tagged(r, "a1");
    caps = lines2.filter((l) => /^\* CAPABILITY /i.test(l)).join(" ");
  }
  if (!/(^|\s)STARTTLS(\s|$)/i.test(caps)) {
    throw r.error({
      problem: "not-offered",
      evidence: "capabilities",
      said: quote(caps.replace(/^\* CAPABILITY /i, ""))
    });
  }
  r.write("a2 STARTTLS\r\n");
  const lines = await tagged(r, "a2");
  const last = lines[lines.length - 1];
  if (!/^a2 OK/i.test(last)) throw r.error({ problem: "refused", said: quote(last) });
}

// src/sources/endpoints/starttls/pop3.ts
async function pop3StartTls(r) {
  const greeting = await r.readLine();
  if (!greeting.startsWith("+OK")) throw r.error({ problem: "bad-greeting", expected: "+OK", said: quote(greeting) });
  r.write("CAPA\r\n");
  const first = await r.readLine();
  if (first.startsWith("+OK")) {
    const caps = await r.readReply((l) => l === ".");
    if (!caps.some((l) => /^STLS\b/i.test(l))) {
      throw r.error({ problem: "not-offered", evidence: "CAPA", said: quote(caps.slice(0, -1)) });
    }
  }
  r.write("STLS\r\n");
  const go = await r.readLine();
  if (!go.startsWith("+OK")) throw r.error({ problem: "refused", said: quote(go) });
}

// src/sources/endpoints/starttls/ftp.ts
async function reply2(r) {
  const first = await r.readLine();
  const m = /^(\d{3})([- ])/.exec(first) ?? /^(\d{3})$/.exec(first);
  if (!m) throw r.error({ problem: "not-a-reply", dialect: "FTP", said: quote(first) });
  const lines = [first];
  if (m[2] === "-") lines.push(...await r.readReply((l) => l.startsWith(m[1] + " ")));
  return { code: m[1], lines };
}
async function ftpStartTls(r) {
  const greeting = await reply2(r);
  if (greeting.code !== "220") throw r.error({ problem: "bad-greeting", expected: "220", said: quote(greeting.lines) });
  r.write("AUTH TLS\r\n");
  const go = await reply2(r);
  if (go.code !== "234") {
    const said = quote(go.lines);
    throw r.error(
      /^(500|502|504)$/.test(go.code) ? { problem: "auth-tls-not-offered", said } : { problem: "refused", said }
    );
  }
}

// src/sources/endpoints/starttls/ldap.ts
var START_TLS_OID = "1.3.6.1.4.1.1466.20037";
var MAX_LDAP_RESPONSE_BYTES = 16 * 1024;
function tlv(tag, body) {
  if (body.length > 127) throw new Error("LDAP request field too long");
  return Buffer.concat([Buffer.from([tag, body.length]), body]);
}
function startTlsRequest() {
  const op = tlv(119, tlv(128, Buffer.from(START_TLS_OID, "latin1")));
  return tlv(48, Buffer.concat([tlv(2, Buffer.from([1])), op]));
}
var BerFault = class extends Error {
  constructor(defect) {
    super(`malformed LDAP response: ${defect.defect}`);
    this.defect = defect;
  }
  defect;
};
function readTlv(buf, pos, limit) {
  if (pos + 2 > limit) throw new BerFault({ defect: "truncated-element" });
  const tag = buf[pos];
  let len = buf[pos + 1];
  let start = pos + 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 3) throw new BerFault({ defect: "unsupported-length" });
    if (start + n > limit) throw new BerFault({ defect: "truncated-length" });
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (start + len > limit) throw new BerFault({ defect: "overrun" });
  return { tag, start, end: start + len };
}
function messageLength(buf) {
  if (buf.length < 2) return -1;
  const first = buf[1];
  if (!(first & 128)) return 2 + first;
  const n = first & 127;
  if (n === 0 || n > 3) throw new BerFault({ defect: "unsupported-length" });
  if (buf.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[2 + i];
  return 2 + n + len;
}
async function ldapStartTls(r) {
  r.write(startTlsRequest());
  let head = await r.readBytes(2);
  if (head[0] !== 48)
    throw r.error({ problem: "not-ldap", firstByte: head[0], said: quote(head.toString("latin1")) });
  let total;
  try {
    while ((total = messageLength(head)) < 0) head = Buffer.concat([head, await r.readBytes(1)]);
  } catch (e) {
    if (!(e instanceof BerFault)) throw e;
    throw r.error({ problem: "malformed-ldap", defect: e.defect });
  }
  if (total > MAX_LDAP_RESPONSE_BYTES)
    throw r.error({ problem: "ldap-too-large", bytes: total, maxBytes: MAX_LDAP_RESPONSE_BYTES });
  const msg = Buffer.concat([head, await r.readBytes(total - head.length)]);
  let code;
  let diagnostic = "";
  try {
    const outer = readTlv(msg, 0, msg.length);
    const id = readTlv(msg, outer.start, outer.end);
    const op = readTlv(msg, id.end, outer.end);
    if (op.tag !== 120) throw new BerFault({ defect: "not-extended-response", tag: op.tag });
    const result = readTlv(msg, op.start, op.end);
    if (result.tag !== 10) throw new BerFault({ defect: "no-result-code" });
    code = 0;
    for (let i = result.start; i < result.end; i++) code = code * 256 + msg[i];
    const matched = readTlv(msg, result.end, op.end);
    const diag = readTlv(msg, matched.end, op.end);
    diagnostic = msg.subarray(diag.start, diag.end).toString("utf8");
  } catch (e) {
    if (!(e instanceof BerFault)) throw e;
    throw r.error({ problem: "malformed-ldap", defect: e.defect });
  }
  if (code !== 0) throw r.error({ problem: "ldap-result", resultCode: code, diagnostic: quote(diagnostic) });
}

// src/sources/endpoints/starttls/postgres.ts
var SSL_REQUEST = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]);
async function postgresStartTls(r) {
  r.write(SSL_REQUEST);
  const [answer] = await r.readBytes(1);
  if (answer === 83) return;
  if (answer === 78) throw r.error({ problem: "postgres-ssl-off" });
  if (answer === 69) throw r.error({ problem: "postgres-error-response" });
  throw r.error({ problem: "not-postgres", answer, said: quote(String.fromCharCode(answer)) });
}

// src/sources/endpoints/starttls/xmpp.ts
var TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
function xmlEscape(s) {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
async function xmppStartTls(r, domain) {
  r.write(
    `<?xml version='1.0'?><stream:stream to='${xmlEscape(domain)}' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>`
  );
  const features = await r.readUntil((t) => {
    const end = /<\/stream:features\s*>|<stream:features\s*\/>|<\/stream:stream\s*>|<stream:error/.exec(t);
    return end ? end.index + end[0].length : -1;
  });
  if (/<stream:error|<\/stream:stream/.test(features) && !/<stream:features/.test(features)) {
    throw r.error({
      problem: "stream-closed",
      said: quote(features.slice(features.search(/<stream:error|<\/stream:stream/)))
    });
  }
  if (!new RegExp(`<starttls[^>]*xmlns=['"]${TLS_NS}['"]`).test(features)) {
    throw r.error({
      problem: "not-offered",
      evidence: "stream features",
      said: quote(features.slice(features.indexOf("<stream:features")))
    });
  }
  r.write(`<starttls xmlns='${TLS_NS}'/>`);
  const answer = await r.readUntil((t) => {
    const m = /<proceed[^>]*\/>|<\/proceed>|<failure[^>]*(\/>|>[\s\S]*?<\/failure>)|<\/stream:stream>/.exec(t);
    return m ? m.index + m[0].length : -1;
  });
  if (!/<proceed/.test(answer)) throw r.error({ problem: "refused", said: quote(answer.trim()) });
}

// src/sources/endpoints/starttls/index.ts
async function negotiateStartTls(protocol, socket, opts) {
  const disarm = armDeadline(socket, "starttls", opts.deadline, { step: "starttls", protocol });
  const reader = new LineReader(socket, protocol);
  try {
    switch (protocol) {
      case "smtp":
        await smtpStartTls(reader);
        break;
      case "imap":
        await imapStartTls(reader);
        break;
      case "pop3":
        await pop3StartTls(reader);
        break;
      case "ftp":
        await ftpStartTls(reader);
        break;
      case "ldap":
        await ldapStartTls(reader);
        break;
      case "postgres":
        await postgresStartTls(reader);
        break;
      case "xmpp":
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

// src/sources/endpoints/tls-probe.ts
import { connect as tlsConnect } from "node:tls";
import { isIP } from "node:net";
var MAX_SERVED_CERTS = 20;
var MAX_HANDSHAKE_BYTES = 256 * 1024;
var BYTE_CHECK_INTERVAL_MS = 100;
function tlsErrorCause(e) {
  const code = e.code ?? "";
  const tls = (problem) => ({ reason: "tls", problem });
  if (code === "ERR_SSL_EXCESSIVE_MESSAGE_SIZE") return tls({ problem: "oversized-message" });
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG" || code === "ERR_SSL_RECORD_LAYER_FAILURE")
    return tls({ problem: "not-tls" });
  if (code === "ECONNRESET" || /socket disconnected before secure TLS connection/i.test(e.message))
    return tls({ problem: "closed" });
  if (code.startsWith("ERR_SSL_"))
    return tls({
      problem: "openssl",
      code,
      // OpenSSL's reason without its "error:0A000126:SSL routines:func:" prefix and source path
      message: e.message.replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, "").replace(/:\.\.\/deps\/.*$/, "")
    });
  return socketError({ step: "handshake" }, e);
}
function sentChain(s) {
  const out = [];
  let c = s.getPeerX509Certificate();
  while (c && out.length <= MAX_SERVED_CERTS) {
    out.push(c);
    c = c.issuerCertificate;
  }
  return out;
}
function tlsHandshake(socket, opts) {
  return new Promise((resolve, reject) => {
    let stapled;
    let settled = false;
    const options = {
      socket,
      // SNI carries names only (RFC 6066 §3); an IP as servername is deprecated (DEP0123).
      servername: isIP(opts.servername) ? void 0 : opts.servername,
      secureContext: opts.secureContext,
      rejectUnauthorized: false,
      requestOCSP: true,
      // The hostname is judged in checks/chain.ts against servername-or-host. Node's own
      // check would use "localhost" for an IP endpoint reached over a passed-in socket,
      // and its error would replace OpenSSL's chain verdict in authorizationError.
      checkServerIdentity: () => void 0
    };
    const tls = tlsConnect(options);
    const own = tls;
    own.getPeerCertificate = () => ({});
    const disarm = armDeadline(tls, "handshake", opts.deadline, { step: "handshake" });
    const failed = (problem) => new ProbeError("handshake", { reason: "tls", problem });
    const byteCheck = setInterval(() => {
      if (socket.bytesRead > MAX_HANDSHAKE_BYTES) {
        tls.destroy(failed({ problem: "too-many-bytes", maxBytes: MAX_HANDSHAKE_BYTES }));
      }
    }, BYTE_CHECK_INTERVAL_MS);
    byteCheck.unref();
    const finish = (err, result) => {
      if (settled) return;
      settled = true;
      disarm();
      clearInterval(byteCheck);
      tls.destroy();
      socket.destroy();
      if (err) reject(err instanceof ProbeError ? err : new ProbeError("handshake", tlsErrorCause(err)));
      else resolve(result);
    };
    tls.on("OCSPResponse", (r) => {
      if (r && r.length) stapled = Buffer.from(r);
    });
    tls.once("secureConnect", () => {
      delete own.getPeerCertificate;
      try {
        const peer = sentChain(tls);
        const chain = peer.map((c) => c.raw);
        if (chain.length > MAX_SERVED_CERTS) {
          return finish(failed({ problem: "too-many-certificates", max: MAX_SERVED_CERTS }));
        }
        if (chain.length === 0) return finish(failed({ problem: "no-certificate" }));
        const cipher = tls.getCipher();
        const authErr = tls.authorizationError;
        const authCode = authErr ? String(authErr.code ?? authErr) : void 0;
        const handle = tls._handle;
        const reasonText = authCode === "UNSPECIFIED" ? safeCall(() => handle?.verifyError?.()?.message) : void 0;
        finish(void 0, {
          chain,
          peer,
          tlsVersion: tls.getProtocol() ?? void 0,
          cipher: cipher?.standardName ?? cipher?.name,
          authorized: tls.authorized,
          authorizationError: authCode ? verifyErrorName(authCode, reasonText) : void 0,
          stapledOcsp: stapled
        });
      } catch (e) {
        finish(e);
      }
    });
    tls.once("error", (e) => finish(e));
    tls.once("close", () => finish(failed({ problem: "closed" })));
  });
}
function safeCall(f) {
  try {
    return f();
  } catch {
    return void 0;
  }
}

// src/sources/endpoints/probe-endpoint.ts
function nameToCheck(target) {
  return target.servername ?? target.host;
}
async function probeAddress(target, address, ctx) {
  const out = { address, proxy: ctx.proxy?.host };
  let socket;
  try {
    const tcpDeadline = phaseDeadline(target.timeoutMs, ctx.runDeadline);
    if (ctx.proxy) {
      socket = await connectViaProxy(ctx.proxy, address ?? target.host, target.port, tcpDeadline);
    } else {
      socket = await connectTcp(address ?? target.host, target.port, tcpDeadline);
    }
    if (target.starttls) {
      socket = await negotiateStartTls(target.starttls, socket, {
        domain: isIP2(nameToCheck(target)) ? target.host : nameToCheck(target),
        deadline: phaseDeadline(target.timeoutMs, ctx.runDeadline)
      });
    }
    out.tls = await tlsHandshake(socket, {
      servername: nameToCheck(target),
      secureContext: ctx.secureContext,
      deadline: phaseDeadline(target.timeoutMs, ctx.runDeadline)
    });
  } catch (e) {
    out.error = e instanceof ProbeError ? e : new ProbeError("tcp", { reason: "failed", message: e.message });
  } finally {
    socket?.destroy();
  }
  return out;
}

// src/sources/endpoints/resolve.ts
import { lookup } from "node:dns/promises";
import { isIP as isIP3 } from "node:net";
function compareAddresses(a, b) {
  const fa = isIP3(a);
  const fb = isIP3(b);
  if (fa !== fb) return fa - fb;
  if (fa === 4) {
    const na = a.split(".").map(Number);
    const nb = b.split(".").map(Number);
    for (let i = 0; i < 4; i++) if (na[i] !== nb[i]) return na[i] - nb[i];
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
async function resolveAddresses(host, all, deadline, lookupFn = lookup) {
  if (isIP3(host)) return [host];
  let timer;
  const timeout = new Promise((_, reject) => {
    const ms = Math.max(0, deadline.at - Date.now());
    timer = setTimeout(() => reject(new ProbeError("dns", deadlineCause({ step: "resolve", host }, deadline, ms))), ms);
  });
  try {
    const found = await Promise.race([lookupFn(host, { all: true }), timeout]);
    if (found.length === 0) throw new ProbeError("dns", { reason: "no-addresses", host });
    const addresses = [...new Set(found.map((f) => f.address))];
    return all ? addresses.sort(compareAddresses) : [addresses[0]];
  } catch (e) {
    if (e instanceof ProbeError) throw e;
    const code = e.code;
    throw new ProbeError("dns", { reason: "dns", host, ...code ? { code } : {}, message: e.message });
  } finally {
    clearTimeout(timer);
  }
}

// src/sources/endpoints/trust-store.ts
import { readFile, stat } from "node:fs/promises";
import { createSecureContext, rootCertificates } from "node:tls";
var MAX_CA_FILE_BYTES = 10 * 1024 * 1024;
var CaFileError = class extends Error {
  constructor(path, cause) {
    super(`ca-file ${path}: ${cause.reason}`);
    this.path = path;
    this.cause = cause;
  }
  path;
  cause;
};
var PROBE_TLS_OPTIONS = { minVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0" };
async function readCaFile(path) {
  let data;
  try {
    const st = await stat(path);
    if (st.size > MAX_CA_FILE_BYTES)
      throw new CaFileError(path, { reason: "too-large", bytes: st.size, maxBytes: MAX_CA_FILE_BYTES });
    data = await readFile(path);
  } catch (e) {
    if (e instanceof CaFileError) throw e;
    const code = e.code;
    throw new CaFileError(path, { reason: "unreadable", ...code ? { code } : {}, message: e.message });
  }
  const text = data.toString("latin1");
  const ders = looksLikePem(text) ? splitPem(text).blocks.filter((b) => b.label === "CERTIFICATE" || b.label === "TRUSTED CERTIFICATE").map((b) => b.der) : [data];
  const records = [];
  for (const der of ders) {
    try {
      records.push(parseCertificate(der));
    } catch (e) {
      throw new CaFileError(path, { reason: "unparseable", message: e.message });
    }
  }
  if (records.length === 0) throw new CaFileError(path, { reason: "empty" });
  const pems = records.map((r) => toPem("CERTIFICATE", r.der));
  return { records, pems };
}
function lazy(make) {
  let v;
  return () => v ??= make();
}
var cache = /* @__PURE__ */ new Map();
function loadTrustStore(caFile) {
  const key = caFile ?? "";
  const p = oncePerKey(cache, key, () => buildTrustStore(caFile));
  p.catch(() => cache.delete(key));
  return p;
}
async function buildTrustStore(caFile) {
  if (!caFile) {
    return {
      anchors: lazy(() => new TrustAnchors(bundledRoots())),
      secureContext: createSecureContext(PROBE_TLS_OPTIONS),
      label: "Node's bundled roots"
    };
  }
  const extra = await readCaFile(caFile);
  return {
    anchors: lazy(() => new TrustAnchors([...bundledRoots(), ...extra.records])),
    secureContext: createSecureContext({ ...PROBE_TLS_OPTIONS, ca: [...rootCertificates, ...extra.pems] }),
    label: `Node's bundled roots + ${caFile}`
  };
}

// src/sources/endpoints/collect-endpoints.ts
var MAX_CONNECTIONS_PER_HOST = 4;
var NotStarted = class extends Error {
};
function baseLocation(t, address) {
  const servername = t.servername ?? (isIP4(t.host) ? void 0 : t.host);
  return {
    type: "endpoint",
    host: t.host,
    port: t.port,
    ...address ? { address } : {},
    ...servername ? { servername } : {},
    protocol: t.protocol,
    ...t.source ? { configFile: t.source.file, configLine: t.source.line } : {}
  };
}
function roleOf(c, index) {
  if (index === 0) return "leaf";
  return c.selfSigned && c.isCA ? "root" : "intermediate";
}
async function collectEndpoints(targets, opts) {
  const pool = new Pool(opts.concurrency, MAX_CONNECTIONS_PER_HOST);
  const parsed = /* @__PURE__ */ new Map();
  const env = opts.env ?? process.env;
  const pastDeadline = () => Date.now() >= opts.deadline;
  const probeTarget = async (target) => {
    const res = { target, addresses: [] };
    const key = target.host.toLowerCase();
    const caFile = target.caFile ? isAbsolute(target.caFile) ? target.caFile : resolvePath(opts.workspace, target.caFile) : opts.defaultCaFile;
    try {
      res.store = await loadTrustStore(caFile);
    } catch (e) {
      if (!(e instanceof CaFileError)) throw e;
      res.caFileProblem = e;
      res.store = await loadTrustStore(void 0);
    }
    let proxy;
    try {
      proxy = proxyFor(target.host, target.port, env);
    } catch (e) {
      if (!(e instanceof ProxyConfigError)) throw e;
      res.error = new ProbeError("proxy", { reason: "proxy-config", problem: e.problem });
      return res;
    }
    let addresses;
    if (proxy && !target.allAddresses && !isIP4(target.host)) {
      addresses = [void 0];
    } else {
      try {
        addresses = await pool.run(key, () => {
          if (pastDeadline()) throw new NotStarted();
          return resolveAddresses(
            target.host,
            target.allAddresses,
            phaseDeadline(target.timeoutMs, opts.deadline),
            opts.lookup
          );
        });
      } catch (e) {
        if (e instanceof NotStarted) res.notStarted = true;
        else res.error = e;
        return res;
      }
    }
    const guard = opts.network;
    if (guard?.publicOnly) {
      const why = addresses[0] === void 0 ? await refusal(
        target.host,
        guard,
        opts.lookup ? async (h) => (await opts.lookup(h, { all: true })).map((a) => a.address) : void 0
      ) : addresses.map((a) => refusalOf(target.host, a, guard)).find((w) => w !== null);
      if (why) {
        res.refused = { reason: "refused", refusal: why, ...proxy ? { proxy: proxy.host } : {} };
        return res;
      }
    }
    res.addresses = await Promise.all(
      addresses.map(async (address) => {
        try {
          const outcome = await pool.run(key, () => {
            if (pastDeadline()) throw new NotStarted();
            return probeAddress(target, address, {
              runDeadline: opts.deadline,
              secureContext: res.store.secureContext,
              proxy
            });
          });
          return {
            address,
            outcome,
            judged: outcome.tls ? judge(target, outcome, res.store, parsed, opts) : void 0
          };
        } catch (e) {
          if (e instanceof NotStarted) return { address, notStarted: true };
          throw e;
        }
      })
    );
    return res;
  };
  const results = await Promise.all(targets.map(probeTarget));
  const out = { observations: [], findings: [], probes: [], judged: [] };
  const reportedConfig = /* @__PURE__ */ new Set();
  for (const r of results) assemble(r, out, reportedConfig, opts.network);
  return out;
}
function notChecked(t, cause, address) {
  return {
    id: "not-checked",
    severity: "notice",
    detail: { kind: "endpoint-not-checked", endpoint: endpointRef(t, address), cause },
    location: baseLocation(t, address)
  };
}
function endpointRef(t, address) {
  return {
    host: t.host,
    port: t.port,
    ...t.servername && t.servername !== t.host ? { servername: t.servername } : {},
    ...address && address !== t.host ? { address } : {}
  };
}
function parseCached(der, cache2) {
  const key = createHash("sha256").update(der).digest("hex");
  let r = cache2.get(key);
  if (!r) {
    try {
      r = parseCertificate(der);
    } catch (e) {
      if (!(e instanceof CertificateParseError)) throw e;
      r = e;
    }
    cache2.set(key, r);
  }
  if (r instanceof CertificateParseError) throw r;
  return r;
}
function judge(t, outcome, store, cache2, opts) {
  const tls = outcome.tls;
  const parseErrors = [];
  const records = tls.chain.map((der, index) => {
    try {
      return parseCached(der, cache2);
    } catch (e) {
      if (!(e instanceof CertificateParseError)) throw e;
      parseErrors.push({ index, der, error: e });
      return void 0;
    }
  });
  const verdict = opts.judge({
    records,
    peer: tls.peer,
    anchors: store.anchors(),
    name: nameToCheck(t),
    now: opts.now ?? /* @__PURE__ */ new Date(),
    authorized: tls.authorized,
    authorizationError: tls.authorizationError
  });
  tls.peer = [];
  return { records, parseErrors, verdict };
}
function assemble(r, out, reportedConfig, guard) {
  const t = r.target;
  if (r.refused) {
    out.findings.push(notChecked(t, r.refused));
    out.probes.push({
      targetId: t.id,
      host: t.host,
      port: t.port,
      ok: false,
      failure: { cause: r.refused },
      phase: "dns",
      chainLength: 0,
      authorized: false
    });
    return;
  }
  const unreachableSeverity = t.optional ? "warning" : "error";
  const ca = r.caFileProblem;
  const caKey = ca ? JSON.stringify([ca.path, ca.cause]) : "";
  if (ca && !reportedConfig.has(caKey)) {
    reportedConfig.add(caKey);
    out.findings.push({
      id: "config",
      severity: "error",
      detail: { kind: "ca-file-problem", path: ca.path, cause: ca.cause },
      location: baseLocation(t)
    });
  }
  if (r.notStarted) {
    out.findings.push(notChecked(t, { reason: "not-started" }));
    return;
  }
  if (r.error) {
    out.findings.push(
      r.error.runDeadline ? notChecked(t, r.error.cause) : {
        id: "unreachable",
        severity: unreachableSeverity,
        detail: { kind: "unreachable", endpoint: endpointRef(t), cause: r.error.cause },
        location: baseLocation(t)
      }
    );
    out.probes.push({
      targetId: t.id,
      host: t.host,
      port: t.port,
      ok: false,
      failure: { cause: r.error.cause },
      phase: r.error.phase,
      chainLength: 0,
      authorized: false
    });
    return;
  }
  for (const a of r.addresses) {
    const loc = baseLocation(t, a.address);
    if (a.notStarted || !a.outcome) {
      out.findings.push(notChecked(t, { reason: "not-started" }, a.address));
      continue;
    }
    const { outcome } = a;
    const summary = {
      targetId: t.id,
      host: t.host,
      port: t.port,
      ...a.address ? { address: a.address } : {},
      ok: !outcome.error,
      chainLength: outcome.tls?.chain.length ?? 0,
      authorized: false,
      ...outcome.proxy ? { proxy: outcome.proxy } : {}
    };
    out.probes.push(summary);
    if (outcome.error) {
      const { cause } = outcome.error;
      const told = guard?.publicOnly && outcome.error.phase === "starttls" ? { reason: "starttls-withheld", protocol: t.starttls, policy: guard.policy } : cause;
      summary.failure = { cause: told, at: endpointRef(t, a.address) };
      summary.phase = outcome.error.phase;
      out.findings.push(
        outcome.error.runDeadline ? notChecked(t, cause, a.address) : {
          id: "unreachable",
          severity: unreachableSeverity,
          detail: { kind: "unreachable", endpoint: endpointRef(t, a.address), cause: told },
          location: loc
        }
      );
      continue;
    }
    const tls = outcome.tls;
    summary.tlsVersion = tls.tlsVersion;
    summary.cipher = tls.cipher;
    summary.opensslError = tls.authorizationError;
    summary.stapledOcsp = !!tls.stapledOcsp;
    const { records, parseErrors, verdict } = a.judged;
    for (const { index, der, error } of parseErrors) {
      out.findings.push({
        id: "unparseable",
        severity: "error",
        detail: {
          kind: "served-unparseable",
          endpoint: endpointRef(t, a.address),
          index,
          chainLength: tls.chain.length,
          fingerprint: `sha256:${createHash("sha256").update(der).digest("hex")}`,
          reason: error.message
        },
        location: { ...loc, chainIndex: index }
      });
    }
    const leaf = records[0];
    const parsed = records.filter((c) => !!c);
    records.forEach((cert, i) => {
      if (!cert) return;
      out.observations.push({
        cert,
        location: { ...loc, chainIndex: i },
        role: roleOf(cert, i),
        ...t.owner ? { owner: t.owner } : {},
        ...t.thresholds ? { thresholds: t.thresholds } : {},
        companions: parsed.filter((c) => c !== cert),
        ...i === 0 && tls.stapledOcsp ? { stapledOcsp: tls.stapledOcsp } : {},
        ...verdict?.offPath[i] ? { offPath: true } : {}
      });
    });
    if (!leaf || !verdict) {
      summary.authorizationError = "unparseable";
      continue;
    }
    summary.authorized = verdict.trusted && verdict.hostname.ok;
    if (!verdict.trusted) summary.authorizationError = verdict.problem;
    else if (!verdict.hostname.ok) summary.authorizationError = "hostname-mismatch";
    out.judged.push({
      targetId: t.id,
      at: endpointRef(t, a.address),
      endpoint: endpointRef(t),
      allAddresses: !!t.allAddresses,
      ...a.address ? { address: a.address } : {},
      leaf,
      location: { ...loc, chainIndex: 0 },
      verdict
    });
  }
}
export {
  MAX_CONNECTIONS_PER_HOST,
  collectEndpoints
};
