// Serial numbers are INTEGERs (RFC 5280 §4.1.2.2): compare them as unsigned
// big-endian byte strings with leading zero octets stripped. Comparing text or
// raw encodings gives false matches and misses (a 00 pad byte, short serials
// that are the tail of long ones — check_ssl_cert #540).

/** The magnitude without leading 00 octets (zero becomes empty). */
export function serialMagnitude(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

export function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  const x = serialMagnitude(a);
  const y = serialMagnitude(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
