import {
  summarizeFieldErrors,
  TodoImportItem,
  type TodoImportResponse,
  type TodoImportResult,
  toFieldErrors,
} from '@todolist/sdk/contract';

/** An item of an import that passed the contract, with its place in the request. */
export interface CheckedImportItem {
  index: number;
  item: TodoImportItem & { title: string };
}

/**
 * Checks each item of an import alone against the contract: a bad one becomes its "rejected"
 * result, with its reasons, while the good ones go on.
 */
export function checkImportItems(items: readonly unknown[]): {
  accepted: CheckedImportItem[];
  rejected: TodoImportResult[];
} {
  const accepted: CheckedImportItem[] = [];
  const rejected: TodoImportResult[] = [];
  for (const [index, raw] of items.entries()) {
    const parsed = TodoImportItem.safeParse(raw);
    if (parsed.success) {
      accepted.push({ index, item: parsed.data });
      continue;
    }
    const errors = toFieldErrors(parsed.error);
    const id = (raw as { id?: unknown } | null)?.id;
    rejected.push({
      index,
      id: typeof id === 'string' ? id : null,
      status: 'rejected',
      error: { message: summarizeFieldErrors(errors), errors },
    });
  }
  return { accepted, rejected };
}

/** The answer of an import: every result in the order of the items, and the counts. */
export function importAnswer(results: readonly TodoImportResult[]): TodoImportResponse {
  const ordered = [...results].sort((a, b) => a.index - b.index);
  const count = (status: TodoImportResult['status']) =>
    ordered.filter((result) => result.status === status).length;
  return {
    results: ordered,
    created: count('created'),
    existing: count('existing'),
    rejected: count('rejected'),
  };
}
