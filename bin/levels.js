#!/usr/bin/env node
// The CLI, bundled (lib/bin/, written by `npm run build`): it starts faster than the module tree.
import { main } from '../lib/bin/cli.js';

process.exitCode = await main(process.argv.slice(2));
