#!/usr/bin/env node
// The `todo` command: runs the bundled CLI and exits with its code.
import { main } from '../dist/todo.js';

process.exitCode = await main(process.argv.slice(2), process, process.env);
