import type { Command, Option } from 'commander';

// What the completion scripts offer, read from the program itself, so they never drift from
// the commands: names, subcommands, options, the values an option or argument takes.

/** One option as completion offers it. */
export interface OptionWords {
  long: string;
  short: string | undefined;
  description: string;
  /** The name of the value it takes (`level` of `--priority <level>`); `undefined` for a flag. */
  valueName: string | undefined;
  /** The values it takes, when there is a fixed set (`low normal high`). */
  values: readonly string[];
}

/** One command (or subcommand: `config set`) as completion offers it. */
export interface CommandWords {
  /** The words that reach it after `todo`: `['config', 'set']`. */
  path: string[];
  /** Its name and aliases (`list`, `ls`). */
  names: string[];
  description: string;
  /** Its own options, then the program's (`--profile`, `--no-color`, `--no-input`), then `--help`; each once. */
  options: OptionWords[];
  /** The values its first argument takes, when there is a fixed set (`bash zsh fish`). */
  argumentValues: readonly string[];
  /** Its first argument names a file. */
  argumentIsFile: boolean;
  subcommands: CommandWords[];
}

const HELP: OptionWords = {
  long: '--help',
  short: '-h',
  description: 'show help',
  valueName: undefined,
  values: [],
};

function optionWords(option: Option): OptionWords | undefined {
  if (!option.long) return undefined;
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1];
  return {
    long: option.long,
    short: option.short,
    description: option.description,
    valueName,
    values: option.argChoices ?? [],
  };
}

/** The options, each long name once, in order. */
function unique(options: (OptionWords | undefined)[]): OptionWords[] {
  const byName = new Map<string, OptionWords>();
  for (const option of options) if (option && !byName.has(option.long)) byName.set(option.long, option);
  return [...byName.values()];
}

function commandWords(command: Command, parents: string[], globals: OptionWords[]): CommandWords {
  const path = [...parents, command.name()];
  const [argument] = command.registeredArguments;
  return {
    path,
    names: [command.name(), ...command.aliases()],
    description: command.description(),
    options: unique([...command.options.map(optionWords), ...globals, HELP]),
    argumentValues: argument?.argChoices ?? [],
    argumentIsFile: argument?.name() === 'file',
    subcommands: visible(command).map((sub) => commandWords(sub, path, globals)),
  };
}

const visible = (command: Command) => command.commands.filter((sub) => sub.name() !== 'help');

/** Every command of the program, and the options `todo` itself takes. */
export function programWords(program: Command): { commands: CommandWords[]; options: OptionWords[] } {
  const options = unique([...program.options.map(optionWords), HELP]);
  // Options of the program that also work after a command: not --version.
  const globals = options.filter((option) => option.long !== '--version' && option !== HELP);
  return { commands: visible(program).map((command) => commandWords(command, [], globals)), options };
}

/** The commands and subcommands, depth first. */
export function everyCommandWords(commands: readonly CommandWords[]): CommandWords[] {
  return commands.flatMap((command) => [command, ...everyCommandWords(command.subcommands)]);
}
