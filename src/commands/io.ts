/** What a command may touch of its process: injectable, so commands run in tests without spawning. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CommandIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Standard input is a terminal (for prompts). */
  stdinIsTTY: boolean;
  /** Asks a question on the terminal and resolves to the answer. */
  prompt?: (question: string) => Promise<string>;
}

export function processIO(): CommandIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    prompt: async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const reader = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await reader.question(question);
      } finally {
        reader.close();
      }
    },
  };
}

/**
 * Colour on a terminal, as users expect: NO_COLOR (any value) turns it off, FORCE_COLOR turns it
 * on, TERM=dumb and pipes get none.
 */
export function useColor(stream: OutputStream, env: CommandIO['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
