import type { getOctokit } from '@actions/github';

type Octokit = ReturnType<typeof getOctokit>;

export interface Thread {
  owner: string;
  repo: string;
  /** The pull request's number (its comments are the issue's). */
  number: number;
}

/** The login GITHUB_TOKEN comments as; a personal token says its own through GET /user. */
const ACTIONS_BOT = 'github-actions[bot]';

/** A comment the action writes starts with this hidden marker, one per config folder. */
export function commentMarker(config: string): string {
  return `<!-- levels-plan: ${config.replace(/--/g, '- -')} -->`;
}

/**
 * Writes `body` (which starts with `marker`) as the one sticky comment of the pull request: the
 * comment that starts with the marker and was written by this token's user is edited in place;
 * otherwise a new one is added. Someone else's comment that quotes the marker is never touched.
 */
export async function upsertComment(octokit: Octokit, thread: Thread, marker: string, body: string): Promise<{ action: 'created' | 'updated'; url: string }> {
  const author = await authorLogin(octokit);
  const { owner, repo, number } = thread;
  let existing: { id: number } | undefined;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })) {
    existing = page.data.find((comment) => comment.user?.login === author && (comment.body ?? '').startsWith(marker));
    if (existing) break;
  }
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return { action: 'created', url: data.html_url };
}

async function authorLogin(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return ACTIONS_BOT; // GITHUB_TOKEN is an installation token: GET /user answers 403.
  }
}

/** The HTTP status of a failed GitHub request, if it had one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
