// Which bytes of a bundle came from which source file, read from the bundle's source map: esbuild's
// metafile counts each file's bytes, but gzip needs the bytes themselves, to tell what each part
// costs compressed.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The numbers of one source-map segment (base64 VLQ, as the Source Map v3 format writes them). */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * The bundle's text split by origin: for each source of `map` (a parsed source map of `code`),
 * the concatenation of the stretches of `code` it produced; stretches mapped to no source (the
 * bundler's own glue) under `null`.
 * @returns {Map<string | null, string>}
 */
export function textBySource(code, map) {
  const parts = new Map();
  const add = (source, text) => parts.set(source, (parts.get(source) ?? '') + text);
  const lines = code.split('\n');
  let sourceIndex = 0;
  map.mappings.split(';').forEach((mappings, lineNumber) => {
    // Source maps count columns in UTF-16 code units, as JavaScript strings index them.
    const line = lines[lineNumber] ?? '';
    let column = 0;
    let start = 0;
    let owner = null;
    for (const segment of mappings ? mappings.split(',') : []) {
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(owner, line.slice(start, column));
      if (sourceDelta !== undefined) sourceIndex += sourceDelta;
      owner = sourceDelta === undefined ? null : (map.sources[sourceIndex] ?? null);
      start = column;
    }
    add(owner, `${line.slice(start)}${lineNumber < lines.length - 1 ? '\n' : ''}`);
  });
  return parts;
}
