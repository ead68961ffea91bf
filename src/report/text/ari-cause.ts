// Why a CA's ACME Renewal Information gave no usable window
// (checks/ari/fetch-renewal-info.ts AriCause), in words.
import type { AriCause } from '../../checks/ari/fetch-renewal-info.js';
import { fetchFailure } from './fetch-failure.js';

export function ariCause(c: AriCause): string {
  switch (c.reason) {
    case 'fetch':
      return fetchFailure(c.failure);
    case 'directory-status':
      return `directory ${c.directory} returned ${c.status}`;
    case 'directory-not-json':
      return `directory ${c.directory} is not JSON`;
    case 'no-renewal-info':
      return `directory ${c.directory} offers no renewalInfo endpoint`;
    case 'unknown-certificate':
      return `renewalInfo ${c.url} does not know this certificate (HTTP 404)`;
    case 'renewal-info-status':
      return `renewalInfo ${c.url} returned ${c.status}`;
    case 'malformed-json':
      return `renewalInfo ${c.url} returned malformed JSON`;
    case 'no-window':
      return `renewalInfo ${c.url} returned no valid suggestedWindow start/end (RFC 3339 timestamps are required)`;
    case 'window-reversed':
      return `renewalInfo ${c.url} returned a window that ends (${c.end}) before it starts (${c.start})`;
    case 'error':
      return c.text;
  }
}
