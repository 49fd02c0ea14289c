// The printed report: the machine, one row per figure with its baseline, ratio and target, the
// misses, and the command that reproduces the run. Plain columns, stable across terminals and CI.
import { cpus, loadavg, platform, release } from 'node:os';

const COLUMNS = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];

/** The machine and runtime the figures are measured on, with how busy it was before the run. */
export function describeMachine(now = new Date()) {
  const cores = cpus();
  const [load] = loadavg();
  return [
    `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Node ${process.version}`,
    `${platform()} ${release()}`,
    `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'})`,
    `load average ${load?.toFixed(2)} before the run`,
  ].join(', ');
}

function renderTable(rows) {
  const cells = rows.map((row) => [
    row.figure,
    row.value,
    row.baseline,
    row.ratio.toFixed(2),
    row.target,
    row.pass ? 'PASS' : 'MISS',
  ]);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column].length)),
  );
  // Numbers right-aligned, words left-aligned.
  const alignRight = [false, true, true, true, false, false];
  const line = (values) =>
    values
      .map((value, column) =>
        alignRight[column] ? value.padStart(widths[column]) : value.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

/** The whole report as text. */
export function renderReport({ machine, settings, rows, notes }) {
  const misses = rows.filter((row) => !row.pass);
  return [
    `todolist handlers benchmark, ${machine}`,
    `throughput: ${settings.concurrency} in flight, ${settings.seed} todos seeded, per figure ${settings.warmupSeconds} s warm-up + ${settings.seconds} s in ${settings.rounds} rounds alternating with its baseline`,
    `cold start: median of ${settings.coldStartRuns} runs each, alternating with its baseline`,
    '',
    renderTable(rows),
    '',
    ...notes.map((note) => `note: ${note}`),
    misses.length === 0
      ? 'all targets met'
      : `MISSED ${misses.length} of ${rows.length} targets: ${misses.map((row) => row.figure).join('; ')}`,
    '',
    'reproduce: npm run bench -w @todolist/handlers   (or `npm run bench` at the root, which builds first)',
  ].join('\n');
}
