// The characters a line of text and a multi-line text may hold, shared by the contract's schemas.

// No control characters (C0, DEL and C1: newlines, tabs, escapes): a title is one line in a
// list, a table or a terminal, and an escape sequence must never reach a terminal that shows it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;

// Notes may run over lines (\n, or \r\n, folded) and hold tabs; every other control character is
// refused, as above.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const TEXT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
