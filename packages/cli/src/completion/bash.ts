import type { Command } from 'commander';
import { type CommandWords, everyCommandWords, type OptionWords, programWords } from './command-words.js';

const flagsOf = (option: OptionWords) => [option.short, option.long].filter(Boolean).join('|');

/** What follows an option that takes a value: its values, or nothing (bash then offers files). */
function valueCases(options: readonly OptionWords[]): string {
  const withValues = options.filter((option) => option.valueName && option.values.length > 0);
  const free = options.filter((option) => option.valueName && option.values.length === 0);
  const cases = withValues.map(
    (option) =>
      `        ${flagsOf(option)}) COMPREPLY=($(compgen -W "${option.values.join(' ')}" -- "$cur")); return ;;`,
  );
  if (free.length > 0) cases.push(`        ${free.map(flagsOf).join('|')}) return ;;`);
  return cases.length > 0 ? `\n      case "$prev" in\n${cases.join('\n')}\n      esac` : '';
}

/** The case entry of one command, keyed by the words that reach it (`config set`, aliases too). */
function entry(key: string, options: readonly OptionWords[], words: readonly string[]): string {
  return `    ${key})
      options="${options.map((option) => option.long).join(' ')}"
      words="${words.join(' ')}"${valueCases(options)}
      ;;`;
}

function keyOf(command: CommandWords, all: readonly CommandWords[]): string {
  if (command.path.length === 1) return command.names.join('|');
  const parent = all.find((other) => other.path.join(' ') === command.path.slice(0, -1).join(' '));
  // Every spelling: the parent's aliases and the subcommand's (`lists ls`, `lists delete`).
  return (parent?.names ?? [command.path[0]])
    .flatMap((name) => command.names.map((sub) => `"${name} ${sub}"`))
    .join('|');
}

/** A bash script: `complete -F _todo todo`, with `COMP_WORDS` read as the program's commands. */
export function bashScript(program: Command): string {
  const { commands, options } = programWords(program);
  const all = everyCommandWords(commands);
  const groups = commands.filter((command) => command.subcommands.length > 0);
  const entries = [
    entry(
      '""',
      options,
      commands.flatMap((command) => command.names),
    ),
    ...all.map((command) =>
      entry(
        keyOf(command, all),
        command.options,
        command.subcommands.length > 0
          ? command.subcommands.flatMap((sub) => sub.names)
          : command.argumentValues,
      ),
    ),
  ];
  return `# todo completion for bash: add to ~/.bashrc
#   source <(todo completion bash)
_todo() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" key="" options="" words=""
  COMPREPLY=()
  if [ "$COMP_CWORD" -gt 1 ]; then key="\${COMP_WORDS[1]}"; fi
  case "$key" in
    ${groups.flatMap((command) => command.names).join('|')})
      if [ "$COMP_CWORD" -gt 2 ]; then key="$key \${COMP_WORDS[2]}"; fi ;;
  esac
  case "$key" in
${entries.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then words="$options"; fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _todo todo
`;
}
