// Serial numbers are INTEGERs (RFC 5280 §4.1.2.2): signed, two's complement.
// Compare them as the integers they are: minimal encodings, byte for byte, so
// FF (−1) never equals 00 FF (+255), while a superfluous leading 00 that real CAs
// write still matches. Comparing text, magnitudes or raw encodings gives false
// matches and misses (short serials that are the tail of long ones — check_ssl_cert #540).

/**
 * The INTEGER's minimal two's-complement form: a leading 00 before a byte < 0x80
 * and a leading FF before a byte ≥ 0x80 say nothing and are dropped.
 */
export function canonicalInteger(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (
    i < bytes.length - 1 &&
    ((bytes[i] === 0 && bytes[i + 1] < 0x80) || (bytes[i] === 0xff && bytes[i + 1] >= 0x80))
  )
    i++;
  return bytes.subarray(i);
}

/** The magnitude without leading 00 octets (zero becomes empty). */
export function serialMagnitude(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

export function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  const x = canonicalInteger(a);
  const y = canonicalInteger(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
