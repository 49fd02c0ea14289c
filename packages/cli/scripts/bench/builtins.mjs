// Which of Node's own modules a command makes Node compile: those outside the startup snapshot are
// compiled on first import, and one import can pull in many (node:child_process brings net, dgram
// and more). Read from `process.moduleLoadList` at exit, beside an empty ES module's.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { track } from '@todolist/bench-kit/processes';

const PROBE = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_MODULE_LIST, process.moduleLoadList.join('\\n')));
`;

/** The built-in modules (not bindings) loaded by the end of `node ...args`. */
async function loadedBuiltins(args, { probe, listFile, cwd, env, children }) {
  const child = track(
    children,
    spawn(process.execPath, ['--import', probe, ...args], {
      cwd,
      env: { ...env, BENCH_MODULE_LIST: listFile },
      stdio: 'ignore',
    }),
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`node --import <probe> ${args.join(' ')} exited with ${code}`);
  const lines = (await readFile(listFile, 'utf8')).split('\n');
  return new Set(lines.filter((line) => line.startsWith('NativeModule ')).map((line) => line.slice(13)));
}

const added = (set, base) => [...set].filter((name) => !base.has(name));

/**
 * The built-in modules `node ...args` loads that an empty ES module does not, and for each
 * built-in in `imports` how many an import of it alone adds.
 */
export async function builtinsLoaded({ args, imports, emptyModule, work, cwd, env, children }) {
  const probe = join(work, 'module-list-probe.mjs');
  await writeFile(probe, PROBE);
  const options = { probe, listFile: join(work, 'module-list.txt'), cwd, env, children };
  const base = await loadedBuiltins([emptyModule], options);
  const command = added(await loadedBuiltins(args, options), base);
  const perImport = [];
  for (const specifier of imports) {
    const file = join(work, 'import-one-builtin.mjs');
    await writeFile(file, `import ${JSON.stringify(specifier)};\n`);
    perImport.push({ specifier, added: added(await loadedBuiltins([file], options), base) });
  }
  return { command, perImport: perImport.sort((a, b) => b.added.length - a.added.length) };
}
