import { UsageError } from './errors.js';
import { safeText } from './output/safe-text.js';

/**
 * A filter typed on the command line, read as the API reads it: one that does not parse is exit
 * 2 with where it went wrong (`--filter "(today | p1": ")" expected … (at character 12)`),
 * before any request. The contract loads here, never with `todo --version`.
 * @param label how the command line named it: `--filter`, `the filter`
 */
export async function checkFilter(text: string, label: string): Promise<string> {
  const { parseFilter, FilterSyntaxError } = await import('@todolist/sdk/contract');
  try {
    parseFilter(text);
    return text;
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      throw new UsageError(`${label} "${safeText(text)}": ${error.message}`);
    throw error;
  }
}
