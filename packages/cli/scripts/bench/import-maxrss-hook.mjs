// Preloaded with `node --import` when /usr/bin/time is not there: writes the process's peak
// resident set (process.resourceUsage().maxRSS, in KB) to $BENCH_MAXRSS_FILE as it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
