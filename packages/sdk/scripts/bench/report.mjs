// The printed report: the machine, one row per figure with its baseline, ratio and target, the
// bundle's bytes by package, the misses, and the command that reproduces the run. Plain columns,
// stable across terminals and CI. Laid out as the handlers' benchmark report is.
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

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

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

/** The bundle's minified bytes per package, each with its three largest files. */
function renderBreakdown({ packages, glueBytes, freshBytes, entry }) {
  const nameWidth = Math.max(...packages.map((entry) => entry.name.length));
  const share = (bytes) => `${Math.round((100 * bytes) / freshBytes)}%`.padStart(4);
  return [
    `bundle breakdown, minified bytes by package (esbuild metafile of ${entry.slice(entry.lastIndexOf('dist/'))}, ${kb(freshBytes)}):`,
    ...packages.map(
      ({ name, bytes, files }) =>
        `  ${name.padEnd(nameWidth)}  ${kb(bytes).padStart(8)}  ${share(bytes)}  largest: ${files
          .slice(0, 3)
          .map(({ file, bytes: fileBytes }) => `${file} ${kb(fileBytes)}`)
          .join(', ')}`,
    ),
    ...(glueBytes > 0 ? [`  ${'(esbuild glue)'.padEnd(nameWidth)}  ${kb(glueBytes).padStart(8)}`] : []),
  ];
}

/** The whole report as text. */
export function renderReport({ machine, settings, rows, bundle, notes }) {
  const misses = rows.filter((row) => !row.pass);
  return [
    `todolist SDK benchmark, ${machine}`,
    'bundle: dist/browser/todolist-sdk.min.js as built, gzip level 9; ky alone built in memory with the same esbuild settings',
    `overhead: sequential calls (one in flight) against the local gateway, ${settings.seed} todos seeded, per figure ${settings.warmupCalls} warm-up calls + ${settings.rounds} rounds of ${settings.callsPerRound} calls, alternating call by call with its baseline; medians`,
    '',
    renderTable(rows),
    '',
    ...renderBreakdown(bundle),
    '',
    ...notes.map((note) => `note: ${note}`),
    misses.length === 0
      ? 'all targets met'
      : `MISSED ${misses.length} of ${rows.length} targets: ${misses.map((row) => row.figure).join('; ')}`,
    '',
    'reproduce: npm run bench -w @todolist/sdk   (or `npm run bench` at the root, which builds first)',
  ].join('\n');
}
