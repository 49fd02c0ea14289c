// Text from the API, a file or a token is data, and a terminal obeys what it is sent: an escape
// sequence in a todo's notes could retitle the window, clear the screen or move the cursor.
// Everything the CLI prints for people passes its data through here first; JSON, NDJSON and CSV
// are written as the data is (JSON escapes C0 controls itself, and scripts want the bytes).

// C0 controls, DEL, and the C1 controls a terminal may also take as escapes (U+009B is a CSI).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `\x1b` for ESC: visible, and what a reader would type in a shell's `printf`. */
const visible = (character: string) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** One line of text with every control character, newlines and tabs included, shown as `\xHH`. */
export function safeText(text: string): string {
  return text.replace(CONTROL, visible);
}

/**
 * Text that may run over several lines (a todo's notes): each line escaped as {@link safeText},
 * a tab as two spaces, and every line after the first indented by `indent`.
 */
export function safeLines(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => safeText(line.replaceAll('\t', '  ')))
    .join(`\n${indent}`);
}
