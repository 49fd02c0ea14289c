import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { examples, type Runner } from './shared.js';

interface CommandWords {
  name: string;
  description: string;
  options: string[];
}

/** The commands and their long options, read from the program itself so completion never drifts. */
function commandWords(program: Command): { commands: CommandWords[]; globals: string[] } {
  const longOptions = (command: Command) =>
    command.options.map((option) => option.long).filter((long): long is string => !!long);
  const commands = program.commands
    .filter((command) => command.name() !== 'help')
    .map((command) => ({
      name: command.name(),
      description: command.description(),
      options: [...longOptions(command), '--help'],
    }));
  return { commands, globals: [...longOptions(program), '--help', '--version'] };
}

function bash(program: Command): string {
  const { commands, globals } = commandWords(program);
  const cases = commands.map((c) => `    ${c.name}) opts="${c.options.join(' ')}" ;;`).join('\n');
  return `# todo completion for bash: add to ~/.bashrc
#   source <(todo completion bash)
_todo() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" command="\${COMP_WORDS[1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(' ')} ${globals.join(' ')}" -- "$cur"))
    return
  fi
  case "$command" in
${cases}
    *) opts="" ;;
  esac
  COMPREPLY=($(compgen -W "$opts ${globals.join(' ')}" -- "$cur"))
}
complete -o default -F _todo todo
`;
}

function zsh(program: Command): string {
  const { commands, globals } = commandWords(program);
  const described = commands
    .map((c) => `    '${c.name}:${c.description.replaceAll("'", "'\\''").replaceAll(':', '\\:')}'`)
    .join('\n');
  const cases = commands
    .map((c) => `      ${c.name}) _arguments ${c.options.map((o) => `'${o}'`).join(' ')} '*:argument:' ;;`)
    .join('\n');
  return `#compdef todo
# todo completion for zsh: add to ~/.zshrc
#   source <(todo completion zsh)
_todo() {
  local -a commands
  commands=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    _arguments ${globals.map((o) => `'${o}'`).join(' ')}
  else
    case $words[2] in
${cases}
    esac
  fi
}
compdef _todo todo
`;
}

function fish(program: Command): string {
  const { commands, globals } = commandWords(program);
  const lines = [
    '# todo completion for fish: save as ~/.config/fish/completions/todo.fish',
    'complete -c todo -f',
    ...commands.map(
      (c) =>
        `complete -c todo -n __fish_use_subcommand -a ${c.name} -d '${c.description.replaceAll("'", "\\'")}'`,
    ),
    ...globals.map((o) => `complete -c todo -l ${o.slice(2)}`),
    ...commands.flatMap((c) =>
      c.options.map((o) => `complete -c todo -n '__fish_seen_subcommand_from ${c.name}' -l ${o.slice(2)}`),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

const SHELLS = { bash, zsh, fish };

export function registerCompletion(program: Command, run: Runner): void {
  program
    .command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      examples(
        'source <(todo completion bash)',
        'todo completion fish > ~/.config/fish/completions/todo.fish',
      ),
    )
    .action((shell: string) =>
      run(async (context) => {
        const script = SHELLS[shell as keyof typeof SHELLS];
        if (!script) throw new UsageError(`no completion for "${shell}": use bash, zsh or fish`);
        context.io.stdout.write(script(program));
      }),
    );
}
