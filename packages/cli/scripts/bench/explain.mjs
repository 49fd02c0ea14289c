// The benchmark's explanations: what `todo --version` loads and where its time goes, and where
// `todo list`'s goes, each as lines of the report.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinsLoaded } from './builtins.mjs';
import { profileCommand } from './cpu-profile.mjs';
import { describeEntryChunk } from './entry-chunk.mjs';
import { renderBuiltins, renderEntryChunk, renderProfile } from './report.mjs';

/**
 * The entry chunk by package, the built-in modules it pulls in, and a CPU profile of
 * `todo --version`. `root` is packages/cli, `bin` its bin/todo.js, `env` the CLI's environment.
 */
export async function explainStartup({ root, bin, env, emptyModule, work, children, runs, log }) {
  log('explaining: reading the source maps of the entry chunk and profiling todo --version');
  const entry = await describeEntryChunk(join(root, 'dist/todo.js'));
  const common = { cwd: root, env, work, children };
  const profile = await profileCommand({
    ...common,
    args: [bin, '--version'],
    baselineFile: emptyModule,
    chunkPaths: entry.eagerFiles.map((file) => join(root, 'dist', file)),
    runs,
  });
  const builtins = await builtinsLoaded({
    ...common,
    args: [bin, '--version'],
    imports: entry.builtins,
    emptyModule,
  });
  return [
    ...renderEntryChunk(entry),
    '',
    ...renderBuiltins('todo --version', builtins),
    '',
    ...renderProfile('todo --version', profile),
  ];
}

/** Where `todo list` spends its time, every chunk (the SDK's too) named through its source map. */
export async function explainList({ root, bin, env, emptyModule, work, children, runs, log, title }) {
  log('explaining: profiling todo list');
  const dist = join(root, 'dist');
  const chunks = (await readdir(dist)).filter((file) => file.endsWith('.js'));
  const profile = await profileCommand({
    args: [bin, 'list'],
    baselineFile: emptyModule,
    chunkPaths: chunks.map((file) => join(dist, file)),
    runs,
    cwd: root,
    env,
    work,
    children,
  });
  return renderProfile(title, profile);
}
