// Hand-written rather than a JSON tokenizer taken as a dependency: JSON.parse gives no
// positions, and the text is scanned only after JSON.parse accepted it, so the scan needs no
// error handling of its own: it only has to know when it is inside a string (where brackets,
// commas and escaped quotes mean nothing) and how deep in arrays and objects it is.

/** What JSON takes for blank between tokens. */
const BLANK = new Set([' ', '\t', '\n', '\r']);

/**
 * The line (from 1) each element of the JSON array `text` starts on, in order: what a rejected
 * Taskwarrior task is reported at, whether the export is one task a line or pretty-printed.
 * `text` must be valid JSON whose value is an array.
 */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  // Just after the array's `[` or one of its commas, where its next element starts.
  let awaiting = false;
  for (const char of text) {
    if (char === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (BLANK.has(char)) continue;
    if (awaiting && char !== ']') {
      lines.push(line);
      awaiting = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') awaiting = ++depth === 1;
    else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) awaiting = true;
  }
  return lines;
}
