// Everything in a report that came from a certificate, a repository or a
// server is untrusted text: a subject can be `<script>…`. Every such string
// goes through escapeHtml on its way into the page (element text and quoted
// attribute values alike), and the page's script reads the DOM, never
// report data spliced into code.
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
