import type { Command } from 'commander';
import type { OutputFlags } from '../../output/mode.js';
import { examples, jsonOption, ndjsonOption, type Runner } from '../shared.js';
import type { FiltersEditFlags } from './change.js';

const FILTER_ARGUMENT = 'a saved filter name or an unambiguous prefix of one (any case), or its id';
const GRAMMAR =
  'today, overdue, no date, next 7 days, before: dec 24, p1, #tag, @list, recurring, shared, search: words; & | ! ( )';

/**
 * `todo filters` and its verbs: the person's saved filters (`/v1/filters`), named queries in the
 * filter language that every client of theirs shows (the page's sidebar among them). Each
 * verb's action loads with it.
 */
export function registerFilters(program: Command, run: Runner): void {
  const filters = program
    .command('filters')
    .description('show, save, change and delete saved filters: named queries for "todo list --saved"')
    .addHelpText(
      'after',
      `${examples('todo filters', "todo filters add 'Work now' '(today | overdue) & #work'", 'todo list --saved work', "todo filters edit work --filter 'today & #work'", 'todo filters rm work')}
A filter is a line of the filter language: ${GRAMMAR}.\n`,
    );

  filters
    .command('list', { isDefault: true })
    .alias('ls')
    .description('the saved filters, oldest first, each with its filter')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText('after', examples('todo filters', 'todo filters --json'))
    .action((flags: OutputFlags) =>
      run(async (context) => (await import('./show.js')).runFiltersShow(context, flags)),
    );

  filters
    .command('add')
    .description('save a filter under a name (at most 50 saved filters)')
    .argument('<name>', 'its name')
    .argument('<filter>', `a line of the filter language: ${GRAMMAR}`)
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        "todo filters add 'Work now' '(today | overdue) & #work'",
        "todo filters add Urgent 'p1 & !no date'",
      ),
    )
    .action((name: string, query: string, flags: OutputFlags) =>
      run(async (context) => (await import('./change.js')).runFiltersAdd(context, name, query, flags)),
    );

  filters
    .command('edit')
    .description('rename a saved filter, or change its filter')
    .argument('<saved>', FILTER_ARGUMENT)
    .option('--name <name>', 'its new name')
    .option('-f, --filter <filter>', 'its new filter')
    .addOption(jsonOption())
    .addOption(ndjsonOption())
    .addHelpText(
      'after',
      examples(
        "todo filters edit work --name 'Work today'",
        "todo filters edit work --filter 'today & #work'",
      ),
    )
    .action((ref: string, flags: FiltersEditFlags) =>
      run(async (context) => (await import('./change.js')).runFiltersEdit(context, ref, flags)),
    );

  filters
    .command('rm')
    .alias('delete')
    .description('delete a saved filter (no todo is changed)')
    .argument('<saved>', FILTER_ARGUMENT)
    .addHelpText('after', examples('todo filters rm work'))
    .action((ref: string) =>
      run(async (context) => (await import('./change.js')).runFiltersRm(context, ref)),
    );
}
