import { describe, expect, it } from 'vitest';
import { carrierOf, RepeatCopies } from './taskwarrior-repeats.js';

const copy = (line: number, status: string, due: string, imask: number) => ({
  line,
  task: { description: 'Stretch', status, due, imask, parent: 'P', recur: 'daily' },
});

describe('carrierOf', () => {
  it('is the open copy due first, wherever it is in the file, waiting ones too', () => {
    const copies = [
      copy(2, 'pending', '20261204T070000Z', 3),
      copy(3, 'completed', '20261201T070000Z', 0),
      copy(4, 'waiting', '20261202T070000Z', 1),
      copy(5, 'pending', '20261203T070000Z', 2),
    ];
    expect(carrierOf(copies)?.line).toBe(4);
  });

  it('is none when every copy is done', () => {
    expect(carrierOf([copy(2, 'completed', '20261201T070000Z', 0)])).toBeUndefined();
  });
});

describe('RepeatCopies', () => {
  it('holds only the copies, not deleted ones nor templates, and gives them back marked, saying so once per template', () => {
    const copies = new RepeatCopies();
    expect(copies.hold({ description: 'Buy milk', status: 'pending' }, 2)).toBe(false);
    expect(copies.hold({ status: 'recurring', recur: 'daily', uuid: 'P' }, 3)).toBe(false);
    expect(copies.hold({ ...copy(4, 'deleted', '20261201T070000Z', 0).task }, 4)).toBe(false);
    for (const { line, task } of [
      copy(5, 'pending', '20261203T070000Z', 2),
      copy(6, 'pending', '20261202T070000Z', 1),
    ])
      expect(copies.hold(task, line)).toBe(true);
    expect(copies.hold({ ...copy(7, 'completed', '20261201T070000Z', 0).task, parent: 'Q' }, 7)).toBe(true);
    const notices: string[] = [];
    const released = [...copies.release((line, message) => notices.push(`line ${line}: ${message}`))];
    expect(released.map(({ line, repeats }) => [line, repeats])).toEqual([
      [5, false],
      [6, true],
      [7, false],
    ]);
    expect(notices).toEqual([
      'line 6: "Stretch" is 2 copies of one repeat (lines 5, 6): the open one due first repeats, the other comes in without the repeat',
      'line 7: "Stretch" repeats, but no copy of it is open (line 7): done, without the repeat',
    ]);
  });
});
