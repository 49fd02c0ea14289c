import { UsageError } from '../../errors.js';
import { readRows, type SourceRow } from '../read-rows.js';
import { type AppReadOptions, type AppTodo, appRow, joinNotes, tagsOf } from './app-rows.js';
import { readTodoistDate } from './todoist-date.js';

// Todoist's CSV (a project's export, or its import template): one row a task, section or note.
// PRIORITY 1 is p1, the highest, and an empty cell is read as p1, as Todoist reads it; p4 is
// "no priority".

const PRIORITIES: Record<string, string> = {
  '': 'high',
  '1': 'high',
  '2': 'high',
  '3': 'normal',
  '4': 'normal',
};

/** A task read so far: its notes grow with the `note` rows under it. */
interface PendingTask {
  row: SourceRow;
  todo: AppTodo;
  comments: string[];
}

/** A section's name as a tag: `Next week` is `next-week`. */
const tagOfSection = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9_.-]/g, '');

/** The `@label` words of a task's CONTENT, and the title without them. */
function labelsOf(content: string): { title: string; labels: string[] } {
  const labels: string[] = [];
  const title = content
    .split(/\s+/)
    .filter((word) => {
      const label = /^@(\S+)$/.exec(word)?.[1];
      if (label) labels.push(label);
      return !label;
    })
    .join(' ');
  return { title, labels };
}

/** A task row as a todo: the section it is in and the task it is under kept as a tag and in the notes. */
async function todoOfTask(
  cells: Record<string, string>,
  line: number,
  context: { section?: string; parent?: string },
  options: AppReadOptions,
): Promise<AppTodo> {
  const { title, labels } = labelsOf(cells.CONTENT ?? '');
  const sectionTag = context.section ? tagOfSection(context.section) : undefined;
  const { tags, refused } = tagsOf([...labels, ...(sectionTag ? [sectionTag] : [])]);
  const sectionRefused = !!context.section && (!sectionTag || refused.includes(sectionTag));
  if (sectionRefused) options.notice(line, `section "${context.section}" cannot be a tag: kept in the notes`);
  const labelsRefused = refused.filter((word) => word !== sectionTag);
  if (labelsRefused.length > 0)
    options.notice(line, `@${labelsRefused.join(' @')} cannot be a tag: kept in the notes`);
  const date = cells.DATE
    ? await readTodoistDate(cells.DATE, { lang: cells.DATE_LANG, timeZone: cells.TIMEZONE }, options)
    : undefined;
  if (date?.lost) options.notice(line, date.lost);
  const { notes: dateNotes, ...dateFields } = date?.fields ?? {};
  const priority = PRIORITIES[(cells.PRIORITY ?? '').trim()];
  if (priority === undefined) options.notice(line, `PRIORITY "${cells.PRIORITY}" is not 1 to 4: left normal`);
  const notes = joinNotes(
    cells.DESCRIPTION,
    context.parent ? `Sub-task of: ${context.parent}` : undefined,
    sectionRefused ? `Section: ${context.section}` : undefined,
    labelsRefused.map((word) => `@${word}`).join(' '),
    cells.RESPONSIBLE ? `Responsible: ${cells.RESPONSIBLE}` : undefined,
    cells.DEADLINE ? `Deadline: ${cells.DEADLINE}` : undefined,
    dateNotes as string | undefined,
  );
  return {
    title,
    ...(notes ? { notes } : {}),
    ...dateFields,
    priority: priority ?? 'normal',
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/** The todo of a task with its `note` rows appended to its notes. */
function finished(task: PendingTask): SourceRow {
  const notes = joinNotes(task.todo.notes as string | undefined, ...task.comments);
  const { notes: _, ...todo } = task.todo;
  return { ...task.row, row: { ...todo, ...(notes ? { notes } : {}) } };
}

/** The tasks of a Todoist CSV, each yielded once the rows under it (its notes) are read. */
export async function* todoistRows(file: string, options: AppReadOptions): AsyncGenerator<SourceRow> {
  let pending: PendingTask | undefined;
  let section: string | undefined;
  const parents: { indent: number; title: string }[] = [];
  let index = 0;
  for await (const row of readRows(file, 'csv')) {
    if (row.columns && !(row.columns.includes('TYPE') && row.columns.includes('CONTENT')))
      throw new UsageError(
        `${file === '-' ? 'standard input' : file} is no Todoist CSV: it needs the columns TYPE and CONTENT (its columns: ${row.columns.join(', ')})`,
      );
    const cells = row.row as Record<string, string>;
    const type = cells.TYPE ?? '';
    if (type === 'note') {
      if (pending) pending.comments.push(cells.CONTENT ?? '');
      else
        yield {
          ...row,
          index: index++,
          row: { unreadable: 'a note row needs a task row above it' },
          source: cells,
        };
      continue;
    }
    if (pending) yield finished(pending);
    pending = undefined;
    if (type === '' && Object.values(cells).every((cell) => !cell)) continue;
    if (type === 'section') {
      section = cells.CONTENT;
      parents.length = 0;
      continue;
    }
    if (type !== 'task') {
      yield {
        ...row,
        index: index++,
        row: { unreadable: `TYPE must be task, section or note (got "${type}")` },
        source: cells,
      };
      continue;
    }
    const indent = Math.max(1, Number.parseInt(cells.INDENT ?? '', 10) || 1);
    while (parents.length > 0 && (parents.at(-1)?.indent ?? 0) >= indent) parents.pop();
    const parent = parents.at(-1)?.title;
    const todo = await todoOfTask(
      cells,
      row.line,
      { ...(section ? { section } : {}), ...(parent ? { parent } : {}) },
      options,
    );
    parents.push({ indent, title: String(todo.title) });
    pending = { row: appRow(index++, row.line, todo, cells), todo, comments: [] };
  }
  if (pending) yield finished(pending);
}
