// An iCalendar feed of expiry dates (RFC 5545) that a team can subscribe to:
// one all-day event per certificate on the UTC date of its notAfter, with a
// reminder 30 days before. All-day rather than timed: an expiry is a deadline
// for a day's work, and a timed event at 23:59:59Z lands on "tomorrow" for
// half the world. The exact instant is in the description.
import type { Report, ReportCertificate } from '../report-types.js';
import { readableInstant } from '../format-helpers.js';
import { displayName, isoDate, issuingCa, locationText } from './certificate-facts.js';
import { byExpiry } from './render-text.js';

const REMINDER = '-P30D'; // matches the default warn-within, so the reminder and the warning arrive together
const MAX_LOCATIONS_IN_DESCRIPTION = 20; // a bundle copied into hundreds of places would make an unreadable event

export function renderIcs(report: Report, opts: { title?: string } = {}): string {
  const stamp = icsDateTime(report.generatedAt);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//certwatch//inventory//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(opts.title ?? 'Certificate expiry (certwatch)')}`,
  ];
  for (const c of [...report.certificates].sort(byExpiry)) lines.push(...event(c, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function event(c: ReportCertificate, stamp: string): string[] {
  const day = isoDate(c.notAfter);
  const name = displayName(c);
  const where = c.locations.slice(0, MAX_LOCATIONS_IN_DESCRIPTION).map(locationText);
  if (c.locations.length > where.length) where.push(`… and ${c.locations.length - where.length} more`);
  const description = [
    `Subject: ${c.subject}`,
    `Issuer: ${issuingCa(c)} (${c.issuer})`,
    `Serial: ${c.serialNumber}`,
    `Expires: ${readableInstant(c.notAfter)}`,
    `Owner: ${c.owner ?? 'none recorded'}`,
    `Locations:`,
    ...where.map((w) => `- ${w}`),
    `Fingerprint: ${c.fingerprint}`,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${c.fingerprint}@certwatch`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day.replace(/-/g, '')}`,
    `DTEND;VALUE=DATE:${nextDay(day).replace(/-/g, '')}`, // exclusive end (RFC 5545 §3.6.1): a one-day event
    `SUMMARY:${icsText(`Certificate expires: ${name}`)}`,
    `DESCRIPTION:${icsText(description)}`,
    'TRANSP:TRANSPARENT', // a deadline, not a meeting: do not block the calendar
    ...(c.owner ? [`CATEGORIES:${icsText(c.owner)}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:${REMINDER}`,
    `DESCRIPTION:${icsText(`Certificate expires in 30 days: ${name}`)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** UTC DATE-TIME form "20261122T030000Z" (RFC 5545 §3.3.5). */
export function icsDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function icsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded with CRLF + space (§3.1). Octets,
 * not characters: a UTF-8 sequence is never split, or a strict reader rejects it.
 */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75; // the first line holds 75 octets; continuations 74 after their leading space
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // back off to a character boundary
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}
