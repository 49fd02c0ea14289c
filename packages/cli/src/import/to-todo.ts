import {
  type FieldError,
  ListName,
  summarizeFieldErrors,
  TodoImportItem,
  toFieldErrors,
} from '@todolist/sdk/contract';
import { parseDueDate } from '../due-date.js';
import { UsageError } from '../errors.js';
import { cleanTag, splitTags } from '../tag-words.js';

/** The fields a row may fill, by the names the CSV columns use. */
const FIELDS = [
  'id',
  'title',
  'notes',
  'due',
  'dueTime',
  'recurrence',
  'priority',
  'tags',
  'completed',
  'list',
] as const;
type Field = (typeof FIELDS)[number];

/** `--map "Task=title,Due date=due"`: which of the file's columns holds which field. */
export function parseColumnMap(spec: string | undefined): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const pair of (spec ?? '').split(',').filter((part) => part.trim())) {
    const [column, field] = pair.split('=').map((part) => part?.trim()) as [string, string | undefined];
    if (!column || !field || !(FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(
        `--map takes "column=field" pairs, field one of ${FIELDS.join(', ')} (got "${pair.trim()}")`,
      );
    }
    map.set(column, field as Field);
  }
  return map;
}

/** The field a column (or a JSON key) fills: as `--map` says, else by its name; `dueDate` as `todo export` names it. */
function fieldOf(key: string, columnMap: Map<string, Field>): Field | undefined {
  return (
    columnMap.get(key) ??
    (key === 'dueDate' ? 'due' : (FIELDS as readonly string[]).includes(key) ? (key as Field) : undefined)
  );
}

/**
 * A CSV none of whose columns is the title would have every row rejected: refused once instead
 * (exit 2), naming the columns it has and how to say which one holds the title.
 */
export function checkTitleColumn(
  file: string,
  columns: readonly string[],
  columnMap: Map<string, Field>,
): void {
  if (columns.some((column) => fieldOf(column, columnMap) === 'title')) return;
  const name = file === '-' ? 'standard input' : file;
  const [first = 'Task'] = columns;
  throw new UsageError(
    `${name} has no title column (its columns: ${columns.join(', ') || 'none'}): name the one that holds the titles with --map "${first}=title"`,
  );
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'done', 'completed']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'open']);

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** What a row asks for, and what tells it from other rows across imports. */
export interface RowTodo {
  ok: true;
  /** The todo to import; with `id` when the row named one (a file `todo export` wrote). */
  input: TodoImportItem;
  /**
   * The row's content as it reads, for finding it again in a later import of the file: the
   * input, but a due day given as a word (`tomorrow`) kept as the word, so the same row read
   * on another day is still the same row.
   */
  content: TodoImportItem;
  /** The name of the list it goes to (the `list` column); the Inbox without one. */
  list?: string;
}

/** The due day of a row, read as `todo add --due` reads it (`2027-04-15`, `tomorrow`, `fri`, `+3d`). */
function dueOf(typed: string | undefined, now: Date): { dueDate?: string; error?: FieldError } {
  if (!typed) return {};
  try {
    return { dueDate: parseDueDate(typed, now) };
  } catch (error) {
    return { error: { path: 'dueDate', message: (error as Error).message } };
  }
}

/**
 * A row's repeat: an object (JSON, NDJSON) or its JSON in a cell (CSV, as `todo export` writes
 * it). A cell that is not JSON is passed on as it is, for the contract to refuse by name.
 */
function recurrenceOf(value: unknown): { recurrence?: unknown } {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'string') return { recurrence: value };
  try {
    return { recurrence: JSON.parse(value) };
  } catch {
    return { recurrence: value };
  }
}

/** The create a row asks for, or why it cannot be one. Blank cells are absent fields. */
export function rowToTodo(
  row: Record<string, unknown>,
  columnMap: Map<string, Field>,
  now: Date,
): RowTodo | { ok: false; message: string; errors: FieldError[] } {
  const values: Partial<Record<Field, unknown>> = {};
  for (const [key, value] of Object.entries(row)) {
    const field = fieldOf(key, columnMap);
    if (field) values[field] = value;
  }
  const completedText = text(values.completed)?.trim().toLowerCase();
  if (
    completedText !== undefined &&
    !TRUE.has(completedText) &&
    !FALSE.has(completedText) &&
    typeof values.completed !== 'boolean'
  ) {
    const message = `completed must be true or false (or yes/no, 1/0, x) (got "${text(values.completed)}")`;
    return { ok: false, message, errors: [{ path: 'completed', message }] };
  }
  const tags = Array.isArray(values.tags)
    ? values.tags.map((tag: unknown) => (typeof tag === 'string' ? cleanTag(tag) : tag))
    : splitTags(text(values.tags) ?? '', /[;,]/);
  const typedDue = text(values.due)?.trim();
  const due = dueOf(typedDue, now);
  const candidate = {
    ...(text(values.id)?.trim() ? { id: text(values.id)?.trim() } : {}),
    title: text(values.title) ?? '',
    ...(text(values.notes)?.trim() ? { notes: text(values.notes) } : {}),
    ...(due.dueDate ? { dueDate: due.dueDate } : {}),
    ...(text(values.dueTime)?.trim() ? { dueTime: text(values.dueTime)?.trim() } : {}),
    ...recurrenceOf(values.recurrence),
    ...(text(values.priority)?.trim() ? { priority: text(values.priority)?.trim().toLowerCase() } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(typeof values.completed === 'boolean'
      ? { completed: values.completed }
      : completedText
        ? { completed: TRUE.has(completedText) }
        : {}),
  };
  const parsed = TodoImportItem.safeParse(candidate);
  const listText = text(values.list)?.trim();
  const listName = listText ? ListName.safeParse(listText) : undefined;
  const errors = [
    ...(due.error ? [due.error] : []),
    ...(parsed.success ? [] : toFieldErrors(parsed.error)),
    ...(listName && !listName.success
      ? toFieldErrors(listName.error).map((error) => ({
          ...error,
          path: 'list',
          message: `list ${error.message}`,
        }))
      : []),
  ];
  if (parsed.success && errors.length === 0) {
    const input = parsed.data;
    const asTyped = typedDue && typedDue !== input.dueDate ? { ...input, dueDate: typedDue } : input;
    // The list is part of what a row asks for; rows without one read as they did before lists came.
    if (!listText) return { ok: true, input, content: asTyped };
    return { ok: true, input, content: { ...asTyped, list: listText } as TodoImportItem, list: listText };
  }
  return { ok: false, message: summarizeFieldErrors(errors), errors };
}
