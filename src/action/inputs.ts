import * as core from '@actions/core';
import { UsageError } from '../errors.js';
import { DEFAULT_CONFIG_FOLDER } from '../model/config.js';

export const ACTION_COMMANDS = ['lint', 'plan', 'apply'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** The action's inputs (action.yml), read and checked once. */
export interface ActionInputs {
  command: ActionCommand;
  config: string;
  scores: string | undefined;
  store: string | undefined;
  planFile: string | undefined;
  token: string | undefined;
  comment: boolean;
  failOn: 'error' | 'warning';
  maxRejects: string | undefined;
}

function optional(name: string): string | undefined {
  return core.getInput(name) || undefined;
}

function oneOf<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`The input ${name} is '${value}'; it takes ${choices.join(', ')}.`);
}

/**
 * The inputs, with secrets registered first: GitHub masks a registered value wherever it would
 * appear in the log, a store URL's password included.
 */
export function readInputs(): ActionInputs {
  const token = optional('github-token');
  if (token) core.setSecret(token);
  const store = optional('store');
  for (const url of [store, process.env.LEVELS_STORE]) maskStorePassword(url);

  const comment = (core.getInput('comment') || 'true').toLowerCase();
  return {
    command: oneOf('command', core.getInput('command') || 'plan', ACTION_COMMANDS),
    config: optional('config') ?? DEFAULT_CONFIG_FOLDER,
    scores: optional('scores'),
    store,
    planFile: optional('plan-file'),
    token,
    comment: oneOf('comment', comment, ['true', 'false']) === 'true',
    failOn: oneOf('fail-on', core.getInput('fail-on') || 'error', ['error', 'warning']),
    maxRejects: optional('max-rejects'),
  };
}

function maskStorePassword(url: string | undefined): void {
  if (!url) return;
  core.setSecret(url);
  try {
    const password = new URL(url).password;
    if (password) {
      core.setSecret(password);
      core.setSecret(decodeURIComponent(password));
    }
  } catch {
    // Not a URL with a password: nothing more to mask.
  }
}
