import type { Command } from 'commander';
import type { CommandWords, OptionWords } from './command-words.js';
import { programWords } from './command-words.js';

/** Text inside a single-quoted `_arguments` spec or `_describe` entry. */
const quoted = (text: string) =>
  text.replaceAll("'", "'\\''").replaceAll('[', '\\[').replaceAll(']', '\\]').replaceAll(':', '\\:');

/** `'--priority[how much it matters]:level:(low normal high)'`, short and long spelt together. */
function optionSpec(option: OptionWords): string {
  const value = !option.valueName
    ? ''
    : option.values.length > 0
      ? `:${option.valueName}:(${option.values.join(' ')})`
      : `:${option.valueName}:${option.valueName.includes('file') ? '_files' : ' '}`;
  const spec = `[${quoted(option.description)}]${value}'`;
  return option.short
    ? `'(${option.short} ${option.long})'{${option.short},${option.long}}'${spec}`
    : `'${option.long}${spec}`;
}

function argumentSpec(command: CommandWords): string {
  if (command.argumentValues.length > 0) return `'1:value:(${command.argumentValues.join(' ')})'`;
  return command.argumentIsFile ? "'1:file:_files'" : "'*:argument: '";
}

const described = (commands: readonly CommandWords[]) =>
  commands.flatMap((command) => command.names.map((name) => `'${name}:${quoted(command.description)}'`));

/** The lines that complete one command, `depth` words after `todo`. */
function commandCase(command: CommandWords, depth: number, indent: string): string {
  const names = command.names.join('|');
  if (command.subcommands.length === 0) {
    return `${indent}${names})
${indent}  shift ${depth} words; (( CURRENT -= ${depth} ))
${indent}  _arguments ${[...command.options.map(optionSpec), argumentSpec(command)].join(' ')} ;;`;
  }
  return `${indent}${names})
${indent}  if (( CURRENT == ${depth + 2} )); then
${indent}    local -a subcommands
${indent}    subcommands=(${described(command.subcommands).join(' ')})
${indent}    _describe '${command.names[0]} command' subcommands
${indent}  else
${indent}    case $words[${depth + 2}] in
${command.subcommands.map((sub) => commandCase(sub, depth + 1, `${indent}      `)).join('\n')}
${indent}    esac
${indent}  fi ;;`;
}

/** A zsh script for `compdef`: commands described, each command's options with their values. */
export function zshScript(program: Command): string {
  const { commands, options } = programWords(program);
  return `#compdef todo
# todo completion for zsh: add to ~/.zshrc
#   source <(todo completion zsh)
_todo() {
  if (( CURRENT == 2 )); then
    if [[ $PREFIX == -* ]]; then
      _arguments ${options.map(optionSpec).join(' ')}
    else
      local -a commands
      commands=(${described(commands).join(' ')})
      _describe 'command' commands
    fi
    return
  fi
  case $words[2] in
${commands.map((command) => commandCase(command, 1, '    ')).join('\n')}
  esac
}
compdef _todo todo
`;
}
