// The SDK's own part of its report (the rest is @todolist/bench-kit/report): the browser bundle's
// bytes by package, minified and gzipped, and the floor under them.
import { kb } from '@todolist/bench-kit/report';

/**
 * The bundle's bytes per package, each minified (with its share and its three largest files) and
 * gzipped on its own, then the floor: ky with the schemas the client checks and no client code.
 */
export function renderBreakdown({ packages, glueBytes, freshBytes, freshGzipBytes, entry, floor }) {
  const nameWidth = Math.max(...packages.map((entry) => entry.name.length), '(esbuild glue)'.length);
  const share = (bytes) => `${Math.round((100 * bytes) / freshBytes)}%`.padStart(4);
  const gzipSum = packages.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0);
  return [
    `bundle breakdown by package (esbuild metafile and source map of ${entry.slice(entry.lastIndexOf('dist/'))}, ${kb(freshBytes)} minified, ${kb(freshGzipBytes)} gzip):`,
    `  ${'package'.padEnd(nameWidth)}  ${'minified'.padStart(8)}  share  ${'gzip'.padStart(8)}  largest files, minified`,
    ...packages.map(
      ({ name, bytes, gzipBytes, files }) =>
        `  ${name.padEnd(nameWidth)}  ${kb(bytes).padStart(8)}  ${share(bytes)}   ${kb(gzipBytes).padStart(8)}  ${files
          .slice(0, 3)
          .map(({ file, bytes: fileBytes }) => `${file} ${kb(fileBytes)}`)
          .join(', ')}`,
    ),
    ...(glueBytes > 0 ? [`  ${'(esbuild glue)'.padEnd(nameWidth)}  ${kb(glueBytes).padStart(8)}`] : []),
    `  each package's gzip is of its bytes alone: together ${kb(gzipSum)}, more than the whole, as gzip also finds repeats across packages`,
    `  floor: ky and zod with the schemas the client checks, no client code: ${kb(floor.gzipBytes)} gzip (${kb(floor.bytes)} min)`,
  ];
}
