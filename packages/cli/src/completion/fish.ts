import type { Command } from 'commander';
import { type CommandWords, everyCommandWords, type OptionWords, programWords } from './command-words.js';

const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

// Which command the line names is read by position (`todo config rm` is not `todo rm`):
// __todo_is: the words after `todo` start with these; __todo_at: they are exactly these.
const HELPERS = `function __todo_is
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l n (count $argv)
    test (count $tokens) -ge $n; and test "$tokens[1..$n]" = "$argv"
end
function __todo_at
    set -l tokens (commandline -opc)
    set -e tokens[1]
    test (count $tokens) -eq (count $argv); and test "$tokens" = "$argv"
end`;

function optionLine(condition: string | undefined, option: OptionWords): string {
  return [
    'complete -c todo',
    condition ? `-n ${quoted(condition)}` : '',
    option.short ? `-s ${option.short.slice(1)}` : '',
    `-l ${option.long.slice(2)}`,
    option.valueName ? (option.valueName.includes('file') ? '-r -F' : '-x') : '',
    option.values.length > 0 ? `-a ${quoted(option.values.join(' '))}` : '',
    `-d ${quoted(option.description)}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function commandLines(command: CommandWords): string[] {
  const path = command.path.join(' ');
  const words =
    command.subcommands.length > 0
      ? command.subcommands.flatMap((sub) =>
          sub.names.map(
            (name) =>
              `complete -c todo -n ${quoted(`__todo_at ${path}`)} -a ${name} -d ${quoted(sub.description)}`,
          ),
        )
      : command.argumentValues.length > 0
        ? [
            `complete -c todo -n ${quoted(`__todo_is ${path}`)} -a ${quoted(command.argumentValues.join(' '))}`,
          ]
        : command.argumentIsFile
          ? [`complete -c todo -n ${quoted(`__todo_is ${path}`)} -F`]
          : [];
  const names = command.path.length === 1 ? command.names : [command.path.join(' ')];
  // A group's own options only before its subcommand, so that none is offered twice after it.
  const test = command.subcommands.length > 0 ? '__todo_at' : '__todo_is';
  const options = names.flatMap((name) =>
    command.options.map((option) => optionLine(`${test} ${name}`, option)),
  );
  return [...words, ...options];
}

/** A fish script: commands by position, each command's options with their values. */
export function fishScript(program: Command): string {
  const { commands, options } = programWords(program);
  const lines = [
    '# todo completion for fish: save as ~/.config/fish/completions/todo.fish',
    'complete -c todo -f',
    HELPERS,
    ...commands.flatMap((command) =>
      command.names.map(
        (name) => `complete -c todo -n __fish_use_subcommand -a ${name} -d ${quoted(command.description)}`,
      ),
    ),
    ...options.map((option) => optionLine('__fish_use_subcommand', option)),
    ...everyCommandWords(commands).flatMap(commandLines),
  ];
  return `${[...new Set(lines)].join('\n')}\n`;
}
