import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { choiceArgument, examples, type Runner } from './shared.js';

// The generators load only for `todo completion`, so every other command starts as fast as before.
const SHELLS = {
  bash: async () => (await import('../completion/bash.js')).bashScript,
  zsh: async () => (await import('../completion/zsh.js')).zshScript,
  fish: async () => (await import('../completion/fish.js')).fishScript,
};

export function registerCompletion(program: Command, run: Runner): void {
  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(choiceArgument('<shell>', 'bash, zsh or fish', Object.keys(SHELLS)))
    .addHelpText(
      'after',
      examples(
        'source <(todo completion bash)',
        'todo completion fish > ~/.config/fish/completions/todo.fish',
      ),
    )
    .action((shell: string) =>
      run(async (context) => {
        const load = Object.hasOwn(SHELLS, shell) ? SHELLS[shell as keyof typeof SHELLS] : undefined;
        if (!load) throw new UsageError(`no completion for "${shell}": use bash, zsh or fish`);
        context.io.stdout.write((await load())(program));
      }),
    );
}
