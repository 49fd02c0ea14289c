import { describe, expect, it } from 'vitest';
import { safeLines, safeText } from './safe-text.js';

describe('safeText', () => {
  it('shows every C0 and C1 control and DEL as \\xHH, and leaves other text alone', () => {
    expect(safeText('a\u001b[2Jb\u0007c\u007fd\u009be\u0000')).toBe('a\\x1b[2Jb\\x07c\\x7fd\\x9be\\x00');
    expect(safeText('Café ☕ \\x1b as typed')).toBe('Café ☕ \\x1b as typed');
    expect(safeText('one\ntwo\tthree')).toBe('one\\x0atwo\\x09three');
  });
});

describe('safeLines', () => {
  it('keeps the lines, indented after the first, turns tabs into spaces and escapes the rest', () => {
    expect(safeLines('first\r\n\tsecond\u001b]0;x\u0007', '   ')).toBe('first\n     second\\x1b]0;x\\x07');
  });
});
