#!/usr/bin/env node
// The `todo` command: runs the bundled CLI and exits with its code.
import { main } from '../dist/todo.js';

// A reader that stops early (`todo export | head -n 1`) closes the pipe: stop quietly, no stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2), process, process.env);
