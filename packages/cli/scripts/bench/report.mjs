// The CLI's own parts of its report (the table and the rest are @todolist/bench-kit/report): what
// the entry chunk holds, the built-in modules startup loads and where the time goes, printed when
// asked (--explain) or when startup misses its target.
import { kb } from '@todolist/bench-kit/report';

/** The eager chunks' bytes per package, the built-ins they import, and the lazy chunks. */
export function renderEntryChunk(entry) {
  const nameWidth = Math.max(...entry.groups.map((group) => group.name.length), 14);
  const share = (bytes) => `${Math.round((100 * bytes) / entry.eagerBytes)}%`.padStart(4);
  const largest = (files) =>
    files
      .slice(0, 3)
      .map((file) => `${file.path.replace(/^(\.\.\/)+(node_modules\/)?/, '')} ${kb(file.bytes)}`)
      .join(', ');
  return [
    `loaded on every run: ${entry.eagerFiles.join(' + ')}, ${kb(entry.eagerBytes)} minified, by package (from the source maps):`,
    ...entry.groups.map(
      (group) =>
        `  ${group.name.padEnd(nameWidth)}  ${kb(group.bytes).padStart(8)}  ${share(group.bytes)}  ${largest(group.files)}`,
    ),
    ...(entry.glueBytes > 0
      ? [
          `  ${'(esbuild glue)'.padEnd(nameWidth)}  ${kb(entry.glueBytes).padStart(8)}  ${share(entry.glueBytes)}`,
        ]
      : []),
    `  built-in modules imported at startup: ${entry.builtins.join(', ') || 'none'}`,
    'loaded by import() only when a command needs them:',
    ...entry.lazyChunks.map(
      (chunk) =>
        `  ${chunk.file.padEnd(24)} ${kb(chunk.bytes).padStart(9)}  ${chunk.groups
          .slice(0, 4)
          .map((group) => group.name)
          .join(', ')}`,
    ),
  ];
}

/** The built-in modules the command makes node compile, and which import pulls in how many. */
export function renderBuiltins(title, builtins) {
  const width = Math.max(...builtins.perImport.map((entry) => entry.specifier.length));
  return [
    `${title}: ${builtins.command.length} built-in modules loaded that an empty ES module does not load; imported alone, each adds:`,
    ...builtins.perImport.map(({ specifier, added }) =>
      `  ${specifier.padEnd(width)}  ${String(added.length).padStart(3)}  ${added.slice(0, 8).join(', ')}${added.length > 8 ? ', …' : ''}`.trimEnd(),
    ),
  ];
}

/** Profiled self time by what it belongs to, the command beside an empty ES module. */
export function renderProfile(title, profile) {
  const rows = [
    ...profile.rows,
    { label: 'total profiled', commandMs: profile.commandMs, bareMs: profile.bareMs },
  ];
  const width = Math.max(...rows.map((row) => row.label.length));
  const number = (value) => `${value.toFixed(1)} ms`.padStart(9);
  const signed = (value) => `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(1)} ms`.padStart(10);
  return [
    `${title}: CPU profile self time, mean of ${profile.runs} runs (node --cpu-prof), beside an empty ES module:`,
    `  ${'where'.padEnd(width)}  ${'todo'.padStart(9)}  ${'empty'.padStart(9)}  ${'added'.padStart(10)}`,
    ...rows.map(
      (row) =>
        `  ${row.label.padEnd(width)}  ${number(row.commandMs)}  ${number(row.bareMs)}  ${signed(row.commandMs - row.bareMs)}`,
    ),
    '  (profiling slows a process down, and starts only once node has booted: read the shares, not the sums)',
  ];
}
