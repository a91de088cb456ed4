#!/usr/bin/env node
// The CLI, bundled (lib/bin/, written by `npm run build`): it starts faster than the module tree.
import { main } from '../lib/bin/cli.js';

// A reader that stops early (levels accounts changes | head) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
