import { type FieldError, summarizeFieldErrors, TodoCreate, toFieldErrors } from '@todolist/sdk/contract';
import { UsageError } from '../errors.js';

/** The fields a row may fill, by the names the CSV columns use. */
const FIELDS = ['title', 'notes', 'due', 'priority', 'tags', 'completed'] as const;
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

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'done', 'completed']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'open']);

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** The create a row asks for, or why it cannot be one. Blank cells are absent fields. */
export function rowToTodo(
  row: Record<string, unknown>,
  columnMap: Map<string, Field>,
): { ok: true; input: TodoCreate } | { ok: false; message: string; errors: FieldError[] } {
  const values: Partial<Record<Field | 'dueDate', unknown>> = {};
  for (const [key, value] of Object.entries(row)) {
    const field =
      columnMap.get(key) ??
      (key === 'dueDate' ? 'due' : (FIELDS as readonly string[]).includes(key) ? (key as Field) : undefined);
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
    ? values.tags
    : text(values.tags)
        ?.split(/[;,]/)
        .map((tag) => tag.trim())
        .filter(Boolean);
  const candidate = {
    title: text(values.title) ?? '',
    ...(text(values.notes)?.trim() ? { notes: text(values.notes) } : {}),
    ...(text(values.due)?.trim() ? { dueDate: text(values.due)?.trim() } : {}),
    ...(text(values.priority)?.trim() ? { priority: text(values.priority)?.trim().toLowerCase() } : {}),
    ...(tags && tags.length > 0 ? { tags } : {}),
    ...(typeof values.completed === 'boolean'
      ? { completed: values.completed }
      : completedText
        ? { completed: TRUE.has(completedText) }
        : {}),
  };
  const parsed = TodoCreate.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors = toFieldErrors(parsed.error);
  return { ok: false, message: summarizeFieldErrors(errors), errors };
}
