import { stripVTControlCharacters } from 'node:util';
import type { IO } from '../io.js';

const visibleLength = (text: string) => [...stripVTControlCharacters(text)].length;

/**
 * Rows of text as aligned columns on stdout, the first row (the header) in bold; columns named
 * in `right` are aligned to the right (counts). Cells are already escaped by the caller.
 */
export function printColumns(
  io: IO,
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): void {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => visibleLength(row[column] ?? ''))),
  );
  rows.forEach((row, index) => {
    const line = row
      .map((cell, column) => {
        const gap = ' '.repeat(Math.max(0, (widths[column] ?? 0) - visibleLength(cell)));
        return right.includes(column) ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd();
    io.out(index === 0 ? io.color.bold(line) : line);
  });
}
