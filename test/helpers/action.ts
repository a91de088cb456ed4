import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ACTION = resolve('dist/index.js');

/** One request the fake GitHub API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

/**
 * A GitHub REST API on 127.0.0.1 that keeps issue comments in memory and records every request.
 * GET /user answers 403, as it does for GITHUB_TOKEN; `readOnly` makes writes answer 403, as
 * they do for a fork's token. Comments are listed 2 per page, so paging is exercised.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  readOnly = false;
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  /** A comment someone else wrote (it may quote the action's marker). */
  addComment(login: string, body: string): FakeComment {
    const comment = { id: this.nextId++, body, user: { login, type: 'User' }, html_url: `https://github.example/pr/1#issuecomment-${this.nextId}` };
    this.comments.push(comment);
    return comment;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    this.requests.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization, body });
    const forbidden = { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } };

    if (req.method === 'GET' && url.pathname === '/user') return forbidden;
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (list && req.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = 2;
      const pages = Math.max(1, Math.ceil(this.comments.length / size));
      const link = page < pages ? { link: `<${this.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` } : undefined;
      return { status: 200, body: this.comments.slice((page - 1) * size, page * size), ...(link ? { headers: link } : {}) };
    }
    if (list && req.method === 'POST') {
      if (this.readOnly) return forbidden;
      const comment = { id: this.nextId++, body: String(body?.body), user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.example/pr/${list[1]}#issuecomment-${this.nextId}` };
      this.comments.push(comment);
      return { status: 201, body: comment };
    }
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (one && req.method === 'PATCH') {
      if (this.readOnly) return forbidden;
      const comment = this.comments.find((entry) => entry.id === Number(one[1]));
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      comment.body = String(body?.body);
      return { status: 200, body: comment };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY's content. */
  summary: string;
  /** The workflow commands printed (`::error file=...::message`), outside stop-commands blocks. */
  commands: { command: string; properties: Record<string, string>; message: string }[];
  temp: string;
}

export interface ActionSetup {
  cwd: string;
  inputs: Record<string, string>;
  /** pull_request (with `pullRequest`) or push. */
  eventName?: string;
  pullRequest?: { number: number; baseSha: string; fork?: boolean };
  api?: string;
  env?: Record<string, string>;
}

/** Runs dist/index.js as GitHub's runner does: INPUT_* variables, event file, summary and output files. */
export function runAction(setup: ActionSetup): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'levels-action-'));
  const eventPath = join(temp, 'event.json');
  const pr = setup.pullRequest;
  const event = pr
    ? {
        pull_request: {
          number: pr.number,
          base: { sha: pr.baseSha, repo: { full_name: 'acme/tiers' } },
          head: { repo: { full_name: pr.fork ? 'someone/tiers' : 'acme/tiers' } },
        },
      }
    : { ref: 'refs/heads/main' };
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(join(temp, 'summary.md'), '');
  writeFileSync(join(temp, 'output'), '');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(INPUT_|GITHUB_|RUNNER_|LEVELS_)/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: setup.eventName ?? (pr ? 'pull_request' : 'push'),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_REPOSITORY: 'acme/tiers',
    GITHUB_WORKSPACE: setup.cwd,
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: temp,
    ...(setup.api ? { GITHUB_API_URL: setup.api } : {}),
    ...setup.env,
  });
  for (const [name, value] of Object.entries(setup.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ACTION], { cwd: setup.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      done({
        code: code ?? -1,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(join(temp, 'output'), 'utf8')),
        summary: existsSync(join(temp, 'summary.md')) ? readFileSync(join(temp, 'summary.md'), 'utf8') : '',
        commands: parseCommands(stdout),
        temp,
      });
    });
  });
}

/** GITHUB_OUTPUT's `name<<DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** Workflow commands as the runner reads them: stop-commands blocks are not read. */
function parseCommands(stdout: string): ActionRun['commands'] {
  const commands: ActionRun['commands'] = [];
  let stoppedBy: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stoppedBy !== undefined) {
      if (line === `::${stoppedBy}::`) stoppedBy = undefined;
      continue;
    }
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    if (match[1] === 'stop-commands') {
      stoppedBy = match[3];
      continue;
    }
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescape(match[3]!) });
  }
  return commands;
}

function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
