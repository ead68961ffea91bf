// An endpoint as every sentence names it (findings and the JSON report's probe errors).
import type { EndpointRef } from '../../findings/finding-detail.js';

/** "shop.example via 192.0.2.7:443 (192.0.2.8)": the name asked for first, then where it was asked. */
export function endpointLabel(e: EndpointRef): string {
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  const base = e.address && e.address !== e.host ? `${host}:${e.port} (${e.address})` : `${host}:${e.port}`;
  // An IP probed under another name: say the name too, or two endpoints on one port read the same.
  return e.servername && e.servername !== e.host ? `${e.servername} via ${base}` : base;
}
