// Reads a built chunk's source map (dist/*.js.map, written by scripts/build.mjs) to tell which
// source module each stretch of the minified output came from: bytes per module, and the module
// a CPU profile's function belongs to. The map is of the build as it is on disk, so the figures
// never drift from a second build made with other options.
import { readFile } from 'node:fs/promises';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((character, value) => [character, value]));

/** The numbers of one mappings segment (base64 VLQ, as the source map spec says). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const character of text) {
    const digit = DIGIT.get(character);
    if (digit === undefined) throw new Error(`bad source map segment "${text}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** One array per generated line of `{ column, source }`, source -1 where the map names none. */
function decodeMappings(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = decodeSegment(segment);
        column += values[0];
        if (values.length === 1) return { column, source: -1 };
        source += values[1];
        return { column, source };
      });
  });
}

/**
 * A package's name for a source path as the map gives it: the package after the last
 * `node_modules/`, else `src/<folder>` for the CLI's own code.
 */
export function moduleGroup(sourcePath) {
  const inModules = sourcePath.split('node_modules/').at(-1);
  if (inModules !== sourcePath) {
    const parts = inModules.split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = sourcePath.replace(/^(\.\.\/)+/, '').split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** A chunk's code and map, with bytes per source and a lookup from a generated position to its source. */
export async function readChunkMap(chunkPath) {
  const [code, mapText] = await Promise.all([
    readFile(chunkPath, 'utf8'),
    readFile(`${chunkPath}.map`, 'utf8').catch(() => {
      throw new Error(`${chunkPath}.map is missing: the build writes source maps; rebuild`);
    }),
  ]);
  const map = JSON.parse(mapText);
  const lines = decodeMappings(map.mappings);
  const codeLines = code.split('\n');
  const bytesBySource = new Array(map.sources.length).fill(0);
  let unmapped = 0;
  lines.forEach((segments, lineIndex) => {
    const length = Buffer.byteLength(codeLines[lineIndex] ?? '');
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.column ?? length;
      const text = (codeLines[lineIndex] ?? '').slice(segment.column, end);
      if (segment.source < 0) unmapped += Buffer.byteLength(text);
      else bytesBySource[segment.source] += Buffer.byteLength(text);
    });
  });
  return {
    code,
    bytes: Buffer.byteLength(code),
    sources: map.sources.map((path, index) => ({
      path,
      group: moduleGroup(path),
      bytes: bytesBySource[index],
    })),
    unmappedBytes: unmapped,
    /** The source path at a 0-based generated line and column, or undefined. */
    sourceAt(line, column) {
      const segments = lines[line] ?? [];
      let found;
      for (const segment of segments) {
        if (segment.column > column) break;
        found = segment;
      }
      return found && found.source >= 0 ? map.sources[found.source] : undefined;
    },
  };
}

/** Bytes per module group, largest first, each with its largest files. */
export function bytesByGroup(sources) {
  const groups = new Map();
  for (const source of sources) {
    const group = groups.get(source.group) ?? { name: source.group, bytes: 0, files: [] };
    group.bytes += source.bytes;
    group.files.push(source);
    groups.set(source.group, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, files: group.files.sort((a, b) => b.bytes - a.bytes) }))
    .sort((a, b) => b.bytes - a.bytes);
}
