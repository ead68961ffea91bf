import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/checks/revocation/serial.ts
function serialMagnitude(bytes) {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
function sameSerial(a, b) {
  const x = serialMagnitude(a);
  const y = serialMagnitude(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
function parseSerialText(text) {
  let s = text.trim().replace(/^0x/i, "").replace(/[:\s-]/g, "");
  if (s === "" || !/^[0-9a-fA-F]+$/.test(s)) return null;
  if (s.length % 2) s = "0" + s;
  return Buffer.from(serialMagnitude(Buffer.from(s, "hex")));
}

export {
  serialMagnitude,
  sameSerial,
  parseSerialText
};
