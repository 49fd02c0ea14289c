import { describe, expect, it } from 'vitest';
import { listNamed } from './list-named.js';
import { parseQuickAdd } from './parse.js';

const read = (text: string) =>
  parseQuickAdd(text, { timeZone: 'Europe/Paris', now: new Date('2026-12-03T10:00:00Z') });

describe('listNamed', () => {
  const lists = [
    { id: 'a', name: 'Groceries', archived: true },
    { id: 'b', name: 'groceries', archived: false },
    { id: 'c', name: 'Flat' },
  ];

  it('finds the list a whole name means, case aside, an unarchived one first', () => {
    const text = 'Milk @GROCERIES tomorrow';
    expect(listNamed(text, read(text), lists)).toMatchObject({ list: { id: 'b' }, parse: { title: 'Milk' } });
    expect(listNamed('Rent @flat', read('Rent @flat'), lists).list?.id).toBe('c');
  });

  it('gives an unknown name back to the title, and says which it was', () => {
    const text = 'Call mum @nowhere friday';
    const { parse, list, unknownList } = listNamed(text, read(text), lists);
    expect(list).toBeUndefined();
    expect(unknownList).toBe('nowhere');
    expect(parse.title).toBe('Call mum @nowhere');
    expect(parse.taken.map((piece) => piece.kind)).toEqual(['due']);
  });

  it('leaves a parse that names no list as it is', () => {
    const parse = read('Milk');
    expect(listNamed('Milk', parse, lists)).toEqual({ parse });
  });
});
