import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { UserError } from '../errors.js';

/** What the action knows of the run it is in: from GitHub's environment variables. */
export interface Workflow {
  cwd: string;
  /** Where the action writes its files (RUNNER_TEMP, kept for later steps of the job). */
  temp: string;
  eventName: string;
  repository: { owner: string; repo: string } | undefined;
  /** The pull request of a pull_request event. */
  pullRequest: { number: number; baseSha: string; fork: boolean } | undefined;
}

interface PullRequestEvent {
  pull_request?: { number?: number; base?: { sha?: string; repo?: { full_name?: string } }; head?: { repo?: { full_name?: string } | null } };
}

export function readWorkflow(env: NodeJS.ProcessEnv = process.env): Workflow {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let event: PullRequestEvent = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent;
    } catch {
      throw new UserError(`The event file ${env.GITHUB_EVENT_PATH} (GITHUB_EVENT_PATH) cannot be read as JSON.`);
    }
  }
  const pr = event.pull_request;
  const isPullRequest = eventName === 'pull_request' || eventName === 'pull_request_target';
  return {
    cwd: process.cwd(),
    temp: env.RUNNER_TEMP || tmpdir(),
    eventName,
    repository: owner && repo ? { owner, repo } : undefined,
    pullRequest:
      isPullRequest && pr?.number !== undefined && pr.base?.sha
        ? { number: pr.number, baseSha: pr.base.sha, fork: Boolean(pr.head?.repo?.full_name && pr.head.repo.full_name !== pr.base.repo?.full_name) }
        : undefined,
  };
}
