/** How many of the notices are shown on stderr; all are in `--json`'s summary. */
const SHOWN = 20;

/**
 * What an import from another app could not keep as it was, row by row (`line 7: DATE "…" kept
 * in the notes`), and the records it skipped on purpose, counted by why (`deleted`).
 */
export class AppNotices {
  readonly notices: { line: number; message: string }[] = [];
  readonly skipped = new Map<string, number>();

  readonly notice = (line: number, message: string): void => {
    this.notices.push({ line, message });
  };

  readonly skip = (reason: string): void => {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  };

  /** The notices by line (a reader may tell of a line after later ones: a Taskwarrior repeat's copies). */
  #byLine() {
    return this.notices.toSorted((a, b) => a.line - b.line);
  }

  /** `line 7: …` for the first notices, then how many more there are. */
  lines(): string[] {
    const shown = this.#byLine()
      .slice(0, SHOWN)
      .map(({ line, message }) => `line ${line}: ${message}`);
    const more = this.notices.length - shown.length;
    return more > 0 ? [...shown, `… and ${more} more (all of them in --json)`] : shown;
  }

  /** `; skipped 2 deleted, 1 recurring template`, for the summary; empty when none was. */
  skippedText(): string {
    if (this.skipped.size === 0) return '';
    return `; skipped ${[...this.skipped].map(([reason, count]) => `${count} ${reason}`).join(', ')}`;
  }

  /** `line 4` or `lines 4, 9, 12`, the first ten: the lines rejected, for the summary. */
  linesText(lines: readonly number[]): string {
    const shown = lines.slice(0, 10).join(', ');
    return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${lines.length > 10 ? ', …' : ''}`;
  }

  /** What `--json`'s summary adds: the records skipped, by why; what was not kept; the lines rejected. */
  summary(rejectedLines: readonly number[]) {
    return { skipped: Object.fromEntries(this.skipped), notices: this.#byLine(), rejectedLines };
  }
}
