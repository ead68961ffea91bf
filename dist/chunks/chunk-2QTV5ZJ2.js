import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/report/untrusted-text.ts
var ZWSP = "\u200B";
var CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;
function oneLine(s) {
  return s.replace(CONTROLS, " ");
}
function defuseAutolinks(s) {
  return s.replace(AUTOLINK, defuse);
}
var AUTOLINK_SOURCE = String.raw`@(?=[\p{L}\p{N}_-])|[#\uff03](?=\p{N})|GH-(?=\d)|(?:https?|ftp):(?=\/\/)|(?:mailto|xmpp):|www\.`;
var AUTOLINK = new RegExp(AUTOLINK_SOURCE, "giu");
function defuse(m) {
  return m.endsWith(".") ? `${m.slice(0, -1)}${ZWSP}.` : `${m}${ZWSP}`;
}
var MARKDOWN_LIVE = new RegExp(
  String.raw`[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+|[\\&<>|$\x60]|\](?=[(\[])|` + AUTOLINK_SOURCE,
  "giu"
);
var ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
function neutralise(m) {
  switch (m) {
    case "\\":
    case "|":
    case "$":
    case "`":
      return `\\${m}`;
    case "&":
    case "<":
    case ">":
      return ENTITY[m];
    case "]":
      return "]\\";
    default:
      return /^[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(m) ? " " : defuse(m);
  }
}
function mdUntrusted(s) {
  return MAY_NEED_WORK.test(s) ? s.replace(MARKDOWN_LIVE, neutralise) : s;
}
var MAY_NEED_WORK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\\&<>|$`\]@#\uff03]|GH-|:\/\/|mailto:|xmpp:|www\./i;
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
