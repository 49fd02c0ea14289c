// The printed report every benchmark shares: the machine, how it measured, one row per figure with
// its baseline, ratio and target, the notes, the misses, and the command that reproduces the run.
// Plain columns, stable across terminals and CI.
import { cpus, loadavg, platform, release } from 'node:os';

const COLUMNS = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];

/**
 * One figure of the table. `value`, `baseline` and `target` are printed as they are.
 * @typedef {object} Row
 * @property {string} figure what is measured
 * @property {string} value
 * @property {string} baseline what `value` is read against, measured in the same run
 * @property {number} ratio value / baseline
 * @property {string} target
 * @property {boolean} [pass] whether the target is met; absent for a figure reported without one
 */

/**
 * The machine and runtime the figures are measured on, with how busy it was before the run.
 * @example
 * describeMachine(); // '2026-11-25 12:46 UTC, Node v24.21.0, linux 6.18, 2 cores (AMD EPYC), load average 1.11 before the run'
 */
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

/** Bytes as kilobytes with one decimal: `kb(2048)` is '2.0 KB'. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Milliseconds, whole by default: `ms(12.34)` is '12 ms', `ms(12.34, 3)` '12.340 ms'. */
export const ms = (value, digits = 0) => `${value.toFixed(digits)} ms`;

/** A row's result: PASS or MISS against its target, or "-" for a figure reported without one. */
const result = (row) => (row.pass === undefined ? '-' : row.pass ? 'PASS' : 'MISS');

/** The rows as a table under a header line and a rule; numbers right-aligned, words left-aligned. */
export function renderTable(rows) {
  const cells = rows.map((row) => [
    row.figure,
    row.value,
    row.baseline,
    row.ratio.toFixed(2),
    row.target,
    result(row),
  ]);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column].length)),
  );
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

/** 'all targets met', or which were missed; it counts the figures with a target when not all have one. */
export function renderVerdict(rows) {
  const targeted = rows.filter((row) => row.pass !== undefined);
  const misses = targeted.filter((row) => !row.pass);
  if (misses.length > 0)
    return `MISSED ${misses.length} of ${targeted.length} targets: ${misses.map((row) => row.figure).join('; ')}`;
  return targeted.length === rows.length
    ? 'all targets met'
    : `all targets met (${targeted.length} of ${rows.length} figures have one)`;
}

/**
 * The whole report as text: `title` and the machine, the `method` lines, the table, the `details`
 * (if any), the notes, the verdict, the `appendix` (if any) and the `reproduce` command.
 * @param {{ title: string, machine: string, method: string[], rows: Row[], details?: string[],
 *   notes: string[], appendix?: string[], reproduce: string }} report
 * @example
 * renderReport({
 *   title: 'todolist handlers benchmark',
 *   machine: describeMachine(),
 *   method: ['cold start: median of 15 runs each, alternating with its baseline'],
 *   rows,
 *   notes: [],
 *   reproduce: 'npm run bench -w @todolist/handlers',
 * });
 */
export function renderReport({
  title,
  machine,
  method,
  rows,
  details = [],
  notes,
  appendix = [],
  reproduce,
}) {
  return [
    `${title}, ${machine}`,
    ...method,
    '',
    renderTable(rows),
    '',
    ...(details.length > 0 ? [...details, ''] : []),
    ...notes.map((note) => `note: ${note}`),
    renderVerdict(rows),
    ...(appendix.length > 0 ? ['', ...appendix] : []),
    '',
    `reproduce: ${reproduce}`,
  ].join('\n');
}
