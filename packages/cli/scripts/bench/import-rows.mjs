// The rows the bulk import is measured with, generated the same way every run: a CSV as a person
// exports one (title, notes, due, priority, tags; notes with commas and quotes, so the parser
// quotes), and the same rows as the SDK's create input and as the stored item, for the baselines.

const PRIORITIES = ['normal', 'high', 'low'];
const TAGS = [[], ['home'], ['work', 'urgent'], ['errands']];
const COLUMNS = ['title', 'notes', 'due', 'priority', 'tags'];

/** The `index`-th row: a due day for two in three, notes for one in two. */
export function benchRow(index) {
  const day = new Date(Date.UTC(2026, 0, 1 + (index % 365)));
  return {
    title: `Imported todo ${index + 1}: ${'a title of some length '.repeat(1 + (index % 3)).trim()}`,
    notes: index % 2 === 0 ? `Notes for row ${index + 1}, with a comma and "quotes"` : '',
    due: index % 3 !== 2 ? day.toISOString().slice(0, 10) : '',
    priority: PRIORITIES[index % PRIORITIES.length],
    tags: TAGS[index % TAGS.length],
  };
}

const cell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The CSV text of `count` rows, with its header line. */
export function benchCsv(count) {
  const lines = [COLUMNS.join(',')];
  for (let index = 0; index < count; index++) {
    const row = benchRow(index);
    lines.push(
      [row.title, row.notes, row.due, row.priority, row.tags.join(';')].map((value) => cell(value)).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What `client.todos.create` is given for the `index`-th row: the fields the import would send. */
export function benchCreateInput(index) {
  const row = benchRow(index);
  return {
    title: row.title,
    ...(row.notes ? { notes: row.notes } : {}),
    ...(row.due ? { dueDate: row.due } : {}),
    priority: row.priority,
    ...(row.tags.length > 0 ? { tags: row.tags } : {}),
  };
}

/** The stored item of the `index`-th row, as the handlers write it (store/todo-item.ts). */
export function benchItem(index, id, now) {
  const input = benchCreateInput(index);
  return {
    pk: 'USER#local',
    sk: `TODO#${id}`,
    title: input.title,
    ...(input.notes ? { notes: input.notes } : {}),
    completed: false,
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    priority: input.priority,
    tags: input.tags ?? [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
