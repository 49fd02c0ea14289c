// Part b: each route bundle's size as built, beside its size with the AWS SDK bundled in too.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleOptions, routeBundles } from '../bundles.mjs';

/** Size of the bundle esbuild would write for `entry` with the SDK inside, built in memory. */
async function sizeWithSdk(entry, outfile) {
  const { external: _leftOut, ...options } = bundleOptions;
  const { outputFiles } = await esbuild.build({ ...options, entryPoints: [entry], outfile, write: false });
  const bundle = outputFiles.find((file) => file.path === resolve(outfile));
  if (!bundle) throw new Error(`esbuild produced no ${outfile}`);
  return bundle.contents.byteLength;
}

/** Bytes of each built route bundle (dist/lambda/<route>/index.mjs) and of the same with the SDK. */
export async function measureBundles(root) {
  const bundles = routeBundles(root);
  return Promise.all(
    bundles.map(async ({ name, entry, outfile }) => {
      const built = await stat(outfile).catch(() => {
        throw new Error(`${outfile} is missing: run \`node scripts/build.mjs\` first`);
      });
      return { name, bytes: built.size, bytesWithSdk: await sizeWithSdk(entry, outfile) };
    }),
  );
}
