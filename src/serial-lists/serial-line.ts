// The format of a published serial list, one line at a time. One parser serves
// `revoked-serials` and `inventory --serials-file`, so a list means the same
// thing wherever it is used:
//
//   - the serial is the first field: everything up to the first comma or tab
//     (CA lists carry extra columns: names, dates, reasons);
//   - hex, any case, optionally `0x`; spaces or colons inside it separate bytes
//     (`04:a3:ff`, `04 A3 FF`, as openssl and CA spreadsheets print them);
//   - a leading `-` marks a negative serial (they exist in old roots);
//   - `#` starts a comment; blank lines are skipped.
//
// Serials are INTEGERs (RFC 5280 §4.1.2.2) and compare as numbers: both sides
// become a key of sign + uppercase hex without leading zeros, so `00AB` and `ab`
// match while `AB` never matches `1AB` or `FFAB` (short serials caused false
// matches in check_ssl_cert #540).

export type SerialLine = { serial: string } | { blank: true } | { problem: SerialLineProblem };

/** Why a line names no serial (put into words by report/text/serial-list-cause.ts). */
export type SerialLineProblem =
  | { reason: 'no-serial' } // nothing before the first comma or tab
  | { reason: 'not-hex' }
  | { reason: 'too-long'; hexDigits: number }; // longer than any one serial

// A serial is at most 20 octets (RFC 5280 §4.1.2.2); allow slack for odd CAs but
// refuse a field that is plainly not one serial (two pasted together, a hash).
export const MAX_SERIAL_HEX_DIGITS = 64;

const HEX = /^[0-9a-f]+$/i;

/**
 * The comparison key of a serial written as certwatch prints it (report
 * `serialNumber`: uppercase hex, `-` for negative) or as a list gives it
 * after separators are removed.
 */
export function serialKey(hexWithSign: string): string {
  let s = hexWithSign;
  let sign = '';
  if (s.startsWith('-')) {
    sign = '-';
    s = s.slice(1);
  }
  s = s.replace(/^0+/, '').toUpperCase();
  return s === '' ? '0' : sign + s; // −0 is 0
}

/** One line of a list (without its line break). */
export function parseSerialLine(raw: string): SerialLine {
  const line = raw.replace(/^\uFEFF/, '').replace(/#.*/, '');
  if (line.trim() === '') return { blank: true };
  const field = line.split(/[,\t]/, 1)[0].trim();
  if (field === '') return { problem: { reason: 'no-serial' } };
  let s = field;
  let sign = '';
  if (s.startsWith('-')) {
    sign = '-';
    s = s.slice(1).trimStart();
  }
  if (/^0x/i.test(s)) s = s.slice(2);
  // Each space- or colon-separated group is a byte (or bytes): "4:a3" is 04 A3, not 4A3.
  const groups = s.split(/[\s:]+/).filter((g) => g !== '');
  if (groups.length === 0 || !groups.every((g) => HEX.test(g))) return { problem: { reason: 'not-hex' } };
  const hex = groups.length === 1 ? groups[0] : groups.map((g) => (g.length % 2 ? '0' + g : g)).join('');
  const key = serialKey(sign + hex);
  const hexDigits = key.replace(/^-/, '').length;
  if (hexDigits > MAX_SERIAL_HEX_DIGITS) return { problem: { reason: 'too-long', hexDigits } };
  return { serial: key };
}
