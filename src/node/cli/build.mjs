// `npm run build`. Plain JavaScript, checked by TypeScript through its JSDoc, so that a full build
// starts Vite at Node's own speed; the data-only build loads the pipeline bundled (see loadSite).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { appKey, forgetShell, keepShell, keptShell, shellKeyVariable } from '../app-shell.mjs';

const usage =
  'usage: npm run build [-- --outDir DIR] [--emptyOutDir] [--base PATH] [--logLevel LEVEL] [--full]';

/**
 * The site into `dist/` (or `--outDir`). When the app is what the last `npm run build` into that
 * folder bundled (its sources, lockfile, configuration and these options: see appKey) and its
 * files are there as that build wrote them, only the pipeline runs: the articles' data, the page
 * around it, the feeds and the story pages; the app's files stay as they are (docs/growth.md).
 * Otherwise, or with `--full`, Vite builds everything, as `vite build` does. Exits 1 when the
 * build fails, 2 when the arguments are wrong.
 *
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
async function main(argv) {
  /** @type {{ outDir?: string; emptyOutDir?: boolean; base?: string; logLevel?: string; full?: boolean }} */
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        outDir: { type: 'string' },
        emptyOutDir: { type: 'boolean' },
        base: { type: 'string' },
        logLevel: { type: 'string' },
        full: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const root = process.cwd();
  const outDir = path.resolve(root, values.outDir ?? 'dist');
  const { emptyOutDir, base, logLevel, full } = values;
  const key = appKey(root, { outDir, emptyOutDir, base });
  const shell = full ? undefined : keptShell(root, outDir, key);
  // As Vite's levels: `warn` says warnings and errors only, `error` errors only, `silent` nothing.
  const level = ['silent', 'error', 'warn', 'info'].indexOf(logLevel ?? 'info');
  const logger = {
    info: (/** @type {string} */ line) => {
      if (level >= 3) console.log(line);
    },
    warn: (/** @type {string} */ line) => {
      if (level >= 2) console.warn(line);
    },
  };
  if (shell) {
    logger.info(
      `the app is as the last build left it in ${path.relative(root, outDir) || '.'}: building the data alone`,
    );
    const site = await loadSite(root);
    try {
      await site.buildData(shell, outDir, logger);
    } catch (error) {
      // A rejected file in strict mode, a folder that cannot be read: said as a full build says it.
      if (level >= 1)
        console.error(`error during build: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    return 0;
  }
  // Until this build is done, the next one must build the app again.
  forgetShell(root, outDir);
  process.env[shellKeyVariable] = key;
  const { build } = await import('vite');
  try {
    await build({
      root,
      ...(base === undefined ? {} : { base }),
      ...(logLevel === undefined ? {} : { logLevel: /** @type {import('vite').LogLevel} */ (logLevel) }),
      build: { outDir, ...(emptyOutDir === undefined ? {} : { emptyOutDir }) },
    });
  } catch (error) {
    // Vite says that the build failed, not why (its own command line does, as here).
    if (level >= 1)
      console.error(`error during build: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  // Now that every plugin has written its files (the worker and icons come last), the shell is kept.
  keepShell(root, outDir);
  return 0;
}

/**
 * The data-only build's code (site.ts and the pipeline), bundled into one module that Node loads by
 * itself: through tsx it took 1.5-1.9 s to load, bundled 0.08 s and loaded 0.46 s (by hand). As in
 * Vite's loading of its configuration, packages stay outside and each module's `import.meta.url`
 * stays its own file's (the parse worker and the parse cache's version are found from it).
 *
 * @param {string} root
 * @returns {Promise<typeof import('../site.ts')>}
 */
async function loadSite(root) {
  const { build } = await import('rolldown');
  const file = path.join(root, 'node_modules/.vite/news-shell', `site.${randomUUID()}.mjs`);
  await build({
    input: fileURLToPath(new URL('../site.ts', import.meta.url)),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
    plugins: [
      {
        name: 'file-scope',
        transform: (code, id) => {
          if (/import\.meta\.(?!url\b)/.test(code))
            throw new Error(`${id}: only import.meta.url is kept bundled`);
          return code.includes('import.meta.url')
            ? code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href))
            : null;
        },
      },
    ],
    output: { file, format: 'esm' },
    // Quiet: a slow machine would otherwise hear that the plugin took a share of the bundling.
    logLevel: 'silent',
    checks: { bundlerTimings: false },
  });
  try {
    /** @type {unknown} */
    const site = await import(pathToFileURL(file).href);
    return /** @type {typeof import('../site.ts')} */ (site);
  } finally {
    rmSync(file, { force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
