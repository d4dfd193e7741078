// Bundles the extension and the CLI with esbuild (one file each; vscode stays external).
import process from 'node:process';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'info',
};
const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // the PD commands go in a file of their own: undici is nine tenths of the CLI's code, and
  // `inventory list` / `lint` should not pay for compiling it
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', external: ['./pd.js'] },
  { ...common, entryPoints: ['src/cli/pd.ts'], outfile: 'dist/pd.js' },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
