import type { Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { todoOfLine } from '../import/apps/todotxt.js';
import { misreadTitleLine, todotxtLines } from './todotxt-lines.js';

const todo = (index: number, title: string): Todo & { list: string } => ({
  id: `01KMZ7X3ABCDEFGHJKMNPQRS${String(index).padStart(2, '0')}`,
  title,
  notes: '',
  completed: false,
  completedAt: null,
  dueDate: null,
  dueTime: null,
  recurrence: null,
  completions: [],
  priority: 'normal',
  tags: [],
  listId: 'inbox',
  list: 'Inbox',
  position: 'a0',
  createdBy: 'sub',
  updatedBy: 'sub',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 1,
});

async function* each<T>(items: T[]) {
  yield* items;
}

describe('misreadTitleLine', () => {
  it('names the todo and each word todo.txt would read as a project, a context or a key:value', () => {
    expect(misreadTitleLine(todo(1, 'Buy +2 batteries, ratio 16:9, ask @ana'))).toBe(
      '01KMZ7X3ABCDEFGHJKMNPQRS01 "Buy +2 batteries, ratio 16:9, ask @ana": todo.txt reads +2 as a project, 16:9, as a key:value, @ana as a context; written as it is',
    );
  });

  it('says nothing of a title read back as it is: a URL, a lone + or @, a word with two colons', () => {
    for (const title of ['Read https://example.com/a:b later', 'Add 1 + 1 @ home', 'Meet at 10:30:00'])
      expect(misreadTitleLine(todo(1, title)), title).toBeUndefined();
  });
});

describe('todotxtLines', () => {
  it('writes every todo, then names the first 20 whose titles todo.txt misreads, then how many more', async () => {
    const todos = Array.from({ length: 25 }, (_, index) => todo(index, `Call @person${index}`));
    const reported: string[] = [];
    const written: string[] = [];
    for await (const line of todotxtLines(each(todos), (line) => reported.push(line))) {
      expect(reported).toEqual([]);
      written.push(line);
    }
    expect(written).toHaveLength(25);
    expect(todoOfLine(written[0] ?? '', { timeZone: 'Europe/Paris' }).todo).toMatchObject({
      title: 'Call',
      tags: ['person0'],
    });
    expect(reported).toHaveLength(21);
    expect(reported[19]).toContain('"Call @person19": todo.txt reads @person19 as a context');
    expect(reported[20]).toBe(
      '… and 5 more todos whose title holds words todo.txt reads as a project, a context or a key:value',
    );
  });
});
