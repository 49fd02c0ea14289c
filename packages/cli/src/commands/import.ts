import type { Command } from 'commander';
import { IMPORT_APPS } from '../import/apps/apps.js';
import { IMPORT_FORMATS, PROGRESS_MODES } from '../import/choices.js';
import type { ImportFlags } from './import-run.js';
import { choiceOption, examples, type Runner } from './shared.js';

export function registerImport(program: Command, run: Runner): void {
  program
    .command('import')
    .description('import todos from a CSV, JSON (array) or NDJSON file, or - for standard input')
    .argument('<file>', 'the file, or - to read standard input (then --format is needed)')
    .addOption(
      choiceOption('-f, --format <format>', 'the format (default: from the file name)', IMPORT_FORMATS),
    )
    .addOption(
      choiceOption(
        '--from <app>',
        "another app's file: a Todoist CSV, Taskwarrior's task export, or todo.txt",
        IMPORT_APPS,
      ),
    )
    .option(
      '--map <pairs>',
      'CSV columns to fields, e.g. "Task=title,Due date=due" (fields: id, title, notes, due, priority, tags, completed, list)',
    )
    .option(
      '--rejects <file>',
      'where to write rejected rows (default: <file>.rejects.ndjson; from standard input, none: they are shown)',
    )
    .option('--dry-run', 'check every row, import nothing')
    .option('--resume', 'continue an import that was interrupted (Ctrl-C, a crash, a lost connection)')
    .option(
      '--import-id <id>',
      'name the import yourself, e.g. to repeat one from standard input without duplicates',
    )
    .addOption(
      choiceOption(
        '--progress <mode>',
        'how to show progress: auto is a bar on a terminal, json NDJSON lines on stderr',
        PROGRESS_MODES,
      ).default('auto'),
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `${examples('todo import todos.csv', 'todo export -f csv -o todos.csv && todo import todos.csv', 'todo import tasks.csv --map "Task=title,Due=due"', 'todo import todos.csv --resume', 'cat todos.ndjson | todo import - --format ndjson --rejects rejects.ndjson', 'todo import --from todoist Groceries.csv', 'task export > tasks.json && todo import --from taskwarrior tasks.json', 'todo import --from todotxt ~/todo.txt')}
CSV columns: title, notes, due (YYYY-MM-DD, tomorrow, fri, +3d: as "todo add --due"), priority
(low, normal, high), tags (separated by ; or ,), completed (true/false, yes/no, 1/0, x), list
(a list's name, any case: made if you have none by that name; the Inbox when empty), and id: a
row with the id of a todo you have (a file "todo export" wrote) is left as that todo is.
Rows with errors go to the rejects file with their line number; the others are imported. Exit 1
when any row was rejected. Importing the same file again, or --resume after an interruption,
creates nothing twice; nor does importing the file again after fixing rejected rows or adding
rows: the rows it sent before are found by their content and left as they are.
--from todoist|taskwarrior|todotxt reads that app's own file (a Todoist CSV, "task export"
JSON, a todo.txt): what it cannot keep as a field goes to the notes, said line by line.\n`,
    )
    .action((file: string, flags: ImportFlags) =>
      run(async (context) => (await import('./import-run.js')).runImport(context, file, flags)),
    );
}
