import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/report/untrusted-text.ts
var ZWSP = "\u200B";
var CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;
function oneLine(s) {
  return s.replace(CONTROLS, " ");
}
function defuseAutolinks(s) {
  return s.replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`).replace(new RegExp("([#\\uff03])(?=\\p{N})", "gu"), `$1${ZWSP}`).replace(/(GH)-(?=\d)/gi, `$1-${ZWSP}`).replace(/(https?|ftp):\/\//gi, `$1:${ZWSP}//`).replace(/(mailto|xmpp):/gi, `$1:${ZWSP}`).replace(/(www)\./gi, `$1${ZWSP}.`);
}
function mdUntrusted(s) {
  const escaped = oneLine(s).replace(/\\/g, "\\\\").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[|`$]/g, (ch) => `\\${ch}`).replace(/\](?=[([])/g, "]\\");
  return defuseAutolinks(escaped);
}
function titleUntrusted(s) {
  return defuseAutolinks(oneLine(s).replace(/\s+/g, " ").trim());
}
function mdCodeUntrusted(s) {
  return oneLine(s).replace(/`/g, "'");
}
var USER_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
var TEAM_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
function isGithubHandle(owner) {
  return USER_HANDLE.test(owner) || TEAM_HANDLE.test(owner);
}
function ownerMention(owner) {
  return isGithubHandle(owner) ? owner : mdUntrusted(owner);
}
var MAX_OWNER_CHARS = 200;
function ownersMarkdown(owners) {
  return owners.flatMap((o) => o.split(/[\s,]+/)).filter(Boolean).map((o) => ownerMention(o.slice(0, MAX_OWNER_CHARS))).join(", ");
}
function sarifUntrusted(s) {
  return oneLine(s).replace(/[[\]]/g, (ch) => `\\${ch}`);
}

export {
  mdUntrusted,
  titleUntrusted,
  mdCodeUntrusted,
  ownerMention,
  ownersMarkdown,
  sarifUntrusted
};
