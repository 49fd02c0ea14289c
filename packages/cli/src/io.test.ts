import { describe, expect, it } from 'vitest';
import { wantsColor } from './io.js';

const settings = (env: NodeJS.ProcessEnv, noColor = false) => ({ env, noColor, noInput: false });

describe('wantsColor', () => {
  it('colours a terminal, and never a pipe or a file', () => {
    expect(wantsColor(true, settings({}))).toBe(true);
    expect(wantsColor(false, settings({}))).toBe(false);
  });

  it('turns colour off for NO_COLOR, --no-color and TERM=dumb', () => {
    expect(wantsColor(true, settings({ NO_COLOR: '1' }))).toBe(false);
    expect(wantsColor(true, settings({}, true))).toBe(false);
    expect(wantsColor(true, settings({ TERM: 'dumb' }))).toBe(false);
  });

  it('ignores an empty NO_COLOR, as no-color.org says, and honours FORCE_COLOR', () => {
    expect(wantsColor(true, settings({ NO_COLOR: '' }))).toBe(true);
    expect(wantsColor(false, settings({ FORCE_COLOR: '1' }))).toBe(true);
    expect(wantsColor(true, settings({ FORCE_COLOR: '1', NO_COLOR: '1' }))).toBe(false);
  });
});
