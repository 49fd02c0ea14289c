import { describe, expect, it } from 'vitest';
import { elementLines } from './array-lines.js';

describe('elementLines', () => {
  it('gives the line each element starts on, as task export writes the array: [ alone, one object a line', () => {
    expect(elementLines('[\n{"a":1},\n{"a":2},\n{"a":3}\n]\n')).toEqual([2, 3, 4]);
  });

  it('finds the elements of a pretty-printed array, past nested arrays and objects', () => {
    const tasks = [{ tags: ['a', 'b'], annotations: [{ entry: 'x' }] }, { description: 'two' }];
    expect(elementLines(JSON.stringify(tasks, null, 2))).toEqual([2, 13]);
    expect(elementLines('[{"a":1}, {"b":[1,2]},\r\n\r\n  {"c":{}}]')).toEqual([1, 1, 3]);
  });

  it('takes no bracket, comma or quote inside a string for one, escaped quotes and backslashes included', () => {
    const text =
      '[\n{"d":"a, b } ] [ {"},\n{"d":"say \\"hi\\", {"},\n{"d":"ends in \\\\"},\n"a \\", b",\n7\n]';
    expect(JSON.parse(text)).toHaveLength(5);
    expect(elementLines(text)).toEqual([2, 3, 4, 5, 6]);
  });

  it('finds none in an empty array', () => {
    expect(elementLines('[ ]')).toEqual([]);
  });
});
