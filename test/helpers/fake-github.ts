// A small in-memory GitHub REST server on 127.0.0.1 for the endpoints
// certwatch uses: issues (list by label with state + pagination, create,
// update, comments), labels, assignees and pull-request files. It records
// every call so tests can assert "no write happened", and injects the faults
// real runs meet: 403 without `issues: write`, 410 issues disabled, 500s,
// primary and secondary rate limits. Like GitHub's search-backed listings, it
// can show a newly created issue in listings only after a delay
// (`listingDelayMs`) while GET /issues/{number} sees it at once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  created_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  created_at: string;
  comments: FakeComment[];
  pull_request?: boolean; // the issues list returns PRs too
  author: string; // user.login: who opened it
  listedFrom?: number; // epoch ms from which listings show it (created through the API while listingDelayMs > 0)
}

export interface RecordedCall {
  method: string;
  path: string; // without query
  query: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: whatever JSON certwatch sent; tests read the fields they expect and fail if absent
  body: any;
  status: number;
  at: number; // epoch ms when the request arrived
  tag?: string; // the Authorization token: tells concurrent runs apart
  created?: number; // POST /issues: the number handed out
}

export interface Fault {
  method?: string; // default: any
  path: RegExp; // matched against the path without query
  kind: 'forbidden' | 'disabled' | 'server-error' | 'secondary-rate-limit' | 'rate-limit' | 'validation';
  times?: number; // default: forever
}

export interface PrFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
}

// Real GitHub caps per_page at 100 and the PR files list at 3,000 entries.
const MAX_PER_PAGE = 100;
const PR_FILES_CAP = 3000;
// A request body bigger than this is not something certwatch sends.
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
// GitHub's limit on issue bodies and comments.
const MAX_BODY = 65_536;

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  issues: FakeIssue[] = [];
  labels = new Map<string, { name: string; color: string; description: string | null }>();
  collaborators = new Set<string>();
  prFiles = new Map<number, PrFile[]>();
  calls: RecordedCall[] = [];
  faults: Fault[] = [];
  rateRemaining = 5000;
  /** Who the token acts as: what GraphQL `viewer` answers, and the author of issues it creates. */
  viewer: { login: string; type: 'Bot' | 'User' } = { login: 'github-actions[bot]', type: 'Bot' };
  /** How long an issue created through the API stays out of listings (GET by number sees it at once). */
  listingDelayMs = 0;
  private server: Server | null = null;
  private nextNumber = 1;
  private nextCommentId = 1;
  private clock = Date.parse('2026-01-01T00:00:00Z');
  url = '';

  constructor(repository = 'acme/site') {
    [this.owner, this.repo] = repository.split('/');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake-github bug: ${err?.message ?? err}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections?.();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Seed an issue as if created earlier (numbers keep increasing); by the token's identity unless `author` says who. */
  addIssue(partial: Partial<FakeIssue> & { title: string; body: string }): FakeIssue {
    const issue: FakeIssue = {
      author: this.viewer.login,
      number: this.nextNumber++,
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      created_at: this.tick(),
      comments: [],
      ...partial,
    };
    this.issues.push(issue);
    return issue;
  }

  issue(n: number): FakeIssue {
    const i = this.issues.find((x) => x.number === n);
    if (!i) throw new Error(`no issue #${n}`);
    return i;
  }

  openIssues(): FakeIssue[] {
    return this.issues.filter((i) => i.state === 'open' && !i.pull_request);
  }

  /** Calls that change something (a GraphQL query is a POST that reads). */
  writes(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'GET' && c.path !== '/graphql');
  }

  resetCalls(): void {
    this.calls = [];
  }

  /** Back to an empty repository between tests (the server keeps running). */
  reset(): void {
    this.issues = [];
    this.labels.clear();
    this.collaborators = new Set();
    this.prFiles.clear();
    this.faults = [];
    this.viewer = { login: 'github-actions[bot]', type: 'Bot' };
    this.listingDelayMs = 0;
    this.nextNumber = 1; // a fresh repository: numbers start again (lookups by number must not meet gaps from earlier tests)
    this.nextCommentId = 1;
    this.resetCalls();
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const tag = /^(?:token|Bearer) (\S+)/.exec(String(req.headers.authorization ?? ''))?.[1];
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      at: Date.now(),
      ...(tag ? { tag } : {}),
    };
    this.calls.push(call);

    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.rateRemaining = Math.max(0, this.rateRemaining - 1);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(this.rateRemaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': String(5000 - this.rateRemaining),
        'x-ratelimit-resource': 'core',
        ...headers,
      });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };

    if (!/^(token|Bearer) \S+/.test(String(req.headers.authorization ?? '')))
      return send(401, { message: 'Requires authentication' });

    const fault = this.faults.find(
      (f) => (!f.method || f.method === method) && f.path.test(url.pathname) && (f.times === undefined || f.times > 0),
    );
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      return this.sendFault(fault, send);
    }

    if (url.pathname === '/graphql' && method === 'POST') {
      // Only the query certwatch sends: who the token is (installation tokens get "<app>[bot]").
      if (!/\bviewer\b/.test(String(body?.query ?? '')))
        return send(200, { errors: [{ message: 'fake-github: only viewer is implemented' }] });
      return send(200, { data: { viewer: { login: this.viewer.login, __typename: this.viewer.type } } });
    }
    if (url.pathname === '/user' && method === 'GET') {
      // Installation tokens (GITHUB_TOKEN, apps) cannot call GET /user.
      if (this.viewer.type === 'Bot') return send(403, { message: 'Resource not accessible by integration' });
      return send(200, { login: this.viewer.login, type: 'User' });
    }
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(`${base}/`)) return send(404, { message: 'Not Found' });
    const route = url.pathname.slice(base.length);
    let m: RegExpExecArray | null;

    if (route === '/issues' && method === 'GET') return this.listIssues(url, send);
    if (route === '/issues' && method === 'POST') {
      if (typeof body?.title !== 'string' || !body.title)
        return send(422, { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] });
      if (String(body.body ?? '').length > MAX_BODY)
        return send(422, {
          message: 'Validation Failed',
          errors: [{ field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }],
        });
      const assignees: string[] = body.assignees ?? [];
      const bad = assignees.filter((a) => !this.collaborators.has(a));
      if (bad.length)
        return send(422, {
          message: 'Validation Failed',
          errors: [{ value: bad[0], resource: 'Issue', field: 'assignees', code: 'invalid' }],
        });
      for (const name of (body.labels ?? []) as string[]) {
        // GitHub creates unknown labels on the fly, grey and without description.
        if (!this.labels.has(name)) this.labels.set(name, { name, color: 'ededed', description: null });
      }
      const issue = this.addIssue({
        title: body.title,
        body: body.body ?? '',
        labels: body.labels ?? [],
        assignees,
        ...(this.listingDelayMs > 0 ? { listedFrom: Date.now() + this.listingDelayMs } : {}),
      });
      call.created = issue.number;
      return send(201, this.issueJson(issue));
    }
    if ((m = /^\/issues\/(\d+)$/.exec(route))) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return send(404, { message: 'Not Found' });
      if (method === 'GET') return send(200, this.issueJson(issue));
      if (method === 'PATCH') {
        if (body.body !== undefined && String(body.body).length > MAX_BODY)
          return send(422, { message: 'Validation Failed' });
        if (body.assignees) {
          const bad = (body.assignees as string[]).filter((a) => !this.collaborators.has(a));
          if (bad.length)
            return send(422, {
              message: 'Validation Failed',
              errors: [{ value: bad[0], field: 'assignees', code: 'invalid' }],
            });
          issue.assignees = body.assignees;
        }
        if (body.title !== undefined) issue.title = body.title;
        if (body.body !== undefined) issue.body = body.body;
        if (body.labels !== undefined) issue.labels = body.labels;
        if (body.state !== undefined) {
          issue.state = body.state;
          issue.state_reason =
            body.state === 'closed' ? (body.state_reason ?? 'completed') : (body.state_reason ?? 'reopened');
        }
        return send(200, this.issueJson(issue));
      }
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(route))) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return send(404, { message: 'Not Found' });
      if (method === 'POST') {
        if (typeof body?.body !== 'string' || String(body.body).length > MAX_BODY)
          return send(422, { message: 'Validation Failed' });
        const c = { id: this.nextCommentId++, body: body.body, created_at: this.tick() };
        issue.comments.push(c);
        return send(201, c);
      }
      if (method === 'GET') return this.paginate(url, issue.comments, send);
    }
    if ((m = /^\/issues\/(\d+)\/assignees$/.exec(route)) && method === 'POST') {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return send(404, { message: 'Not Found' });
      for (const a of (body.assignees ?? []) as string[])
        if (this.collaborators.has(a) && !issue.assignees.includes(a)) issue.assignees.push(a);
      return send(201, this.issueJson(issue));
    }
    if ((m = /^\/assignees\/([^/]+)$/.exec(route)) && method === 'GET') {
      return this.collaborators.has(decodeURIComponent(m[1])) ? send(204) : send(404, { message: 'Not Found' });
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(route)) && method === 'GET') {
      const l = this.labels.get(decodeURIComponent(m[1]));
      return l ? send(200, l) : send(404, { message: 'Not Found' });
    }
    if (route === '/labels' && method === 'POST') {
      if (this.labels.has(body.name))
        return send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        });
      const l = { name: body.name, color: body.color, description: body.description ?? null };
      this.labels.set(l.name, l);
      return send(201, l);
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(route)) && method === 'GET') {
      const files = this.prFiles.get(Number(m[1]));
      if (!files) return send(404, { message: 'Not Found' });
      return this.paginate(url, files.slice(0, PR_FILES_CAP), send);
    }
    return send(404, { message: 'Not Found' });
  }

  private listIssues(url: URL, send: (s: number, d?: unknown, h?: Record<string, string>) => void): void {
    const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
    const state = url.searchParams.get('state') ?? 'open';
    const now = Date.now();
    let items = this.issues.filter(
      (i) =>
        (i.listedFrom ?? 0) <= now &&
        (state === 'all' || i.state === state) &&
        wanted.every((w) => i.labels.includes(w)),
    );
    items = [...items].sort((a, b) => a.number - b.number);
    if ((url.searchParams.get('direction') ?? 'desc') === 'desc') items.reverse();
    this.paginate(
      url,
      items.map((i) => this.issueJson(i)),
      send,
    );
  }

  private paginate(
    url: URL,
    items: unknown[],
    send: (s: number, d?: unknown, h?: Record<string, string>) => void,
  ): void {
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    send(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  }

  private sendFault(f: Fault, send: (s: number, d?: unknown, h?: Record<string, string>) => void): void {
    const doc = 'https://docs.github.com/rest';
    switch (f.kind) {
      case 'forbidden':
        return send(403, { message: 'Resource not accessible by integration', documentation_url: doc, status: '403' });
      case 'disabled':
        return send(410, { message: 'Issues are disabled for this repo', documentation_url: doc, status: '410' });
      case 'server-error':
        return send(502, { message: 'Server Error' });
      case 'secondary-rate-limit':
        return send(
          403,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: doc,
          },
          { 'retry-after': '1' },
        );
      case 'rate-limit':
        this.rateRemaining = 0;
        return send(
          403,
          { message: 'API rate limit exceeded for installation ID 1.', documentation_url: doc },
          { 'x-ratelimit-remaining': '0' },
        );
      case 'validation':
        return send(422, { message: 'Validation Failed' });
    }
  }

  private issueJson(i: FakeIssue): Record<string, unknown> {
    return {
      id: i.number * 1000,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      labels: i.labels.map((name) => ({ name, color: this.labels.get(name)?.color ?? 'ededed' })),
      assignees: i.assignees.map((login) => ({ login })),
      assignee: i.assignees[0] ? { login: i.assignees[0] } : null,
      comments: i.comments.length,
      created_at: i.created_at,
      html_url: `https://github.example/${this.owner}/${this.repo}/issues/${i.number}`,
      user: { login: i.author, type: /\[bot\]$/.test(i.author) ? 'Bot' : 'User' },
      ...(i.pull_request ? { pull_request: { url: 'x' } } : {}),
    };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: parsed request JSON, recorded as sent (see RecordedCall.body)
async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  if (!size) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A logger that keeps what it was told, by level, for assertions on what a run said. */
export function capture() {
  const lines = { info: [] as string[], warning: [] as string[], error: [] as string[] };
  return {
    lines,
    info: (m: string) => lines.info.push(m),
    warning: (m: string) => lines.warning.push(m),
    error: (m: string) => lines.error.push(m),
  };
}
