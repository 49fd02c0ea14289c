// The SDK's own part of its report (the rest is @todolist/bench-kit/report): the browser bundle's
// bytes by package.
import { kb } from '@todolist/bench-kit/report';

/** The bundle's minified bytes per package, each with its three largest files. */
export function renderBreakdown({ packages, glueBytes, freshBytes, entry }) {
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
