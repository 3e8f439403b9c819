// Builds what the extension ships: the IAM catalog data and the bundles.
//   dist/extension.js  the VS Code client
//   dist/server.js     the language server (`node dist/server.js --stdio` for any LSP editor)
//   dist/cli.js        the command-line checker, when its entry exists
// Flags: --production minifies without source maps; --watch rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildData } from './build-data.mjs';
import { l10nPlugin } from './l10nPlugin.mjs';
import { treeSitterPlugin } from './treeSitterPlugin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const { version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const watch = process.argv.includes('--watch');

const bundles = [
  { entry: 'client/src/extension.ts', out: 'dist/extension.js' },
  { entry: 'server/src/main.ts', out: 'dist/server.js' },
  { entry: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
].filter((b) => existsSync(join(root, b.entry)));

// A production build has no source maps: remove those a development build left beside the bundles.
if (production) for (const b of bundles) rmSync(join(root, `${b.out}.map`), { force: true });

const data = buildData();
if (data.built) console.log(`IAM data: ${data.services} services written to ${data.outDir}`);
// SAM's policy templates are bundled into the server (server/data/sam-policy-templates): their
// Apache 2.0 licence and notice ship beside the other data.
for (const file of ['LICENSE', 'NOTICE']) {
  copyFileSync(join(root, 'server', 'data', 'sam-policy-templates', file), join(data.outDir, `${file}.sam-policy-templates.txt`));
}

// Terraform is read with the tree-sitter HCL grammar (Apache 2.0) in web-tree-sitter (MIT): their
// WebAssembly and licences go beside the bundles, where `server/src/hcl.ts` loads them.
const dist = join(root, 'dist');
const grammar = join(root, 'node_modules', '@tree-sitter-grammars', 'tree-sitter-hcl');
const runtime = join(root, 'node_modules', 'web-tree-sitter');
copyFileSync(join(runtime, 'tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
copyFileSync(join(grammar, 'tree-sitter-terraform.wasm'), join(dist, 'tree-sitter-terraform.wasm'));
copyFileSync(join(runtime, 'LICENSE'), join(data.outDir, 'LICENSE.web-tree-sitter.txt'));
copyFileSync(join(grammar, 'LICENSE'), join(data.outDir, 'LICENSE.tree-sitter-hcl.txt'));

const contexts = await Promise.all(
  bundles.map((b) =>
    esbuild.context({
      absWorkingDir: root,
      entryPoints: [b.entry],
      outfile: b.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // `vscode` is provided by the editor at run time; everything else is bundled.
      external: ['vscode'],
      // ES module builds where packages have them: jsonc-parser's UMD build hides its requires.
      mainFields: ['module', 'main'],
      // yaml's Node build requires `process` and `buffer` (for warnings and !!binary); its
      // platform-neutral build needs neither.
      // web-tree-sitter's ES module build finds its WebAssembly through `import.meta.url`, which a
      // CommonJS bundle does not have; its CommonJS build is told where it is (`hcl.ts`).
      alias: { yaml: './node_modules/yaml/browser/index.js', 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
      // The command line's SARIF describes each rule from docs/rules.md and links to it in the repository.
      define: {
        SERVER_VERSION: JSON.stringify(version),
        PACKAGE_REPOSITORY: JSON.stringify(repository ?? null),
        RULES_MARKDOWN: JSON.stringify(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')),
      },
      minify: production,
      sourcemap: production ? false : 'linked',
      banner: b.banner ? { js: b.banner } : undefined,
      logLevel: 'warning',
      metafile: true,
      plugins: [treeSitterPlugin, l10nPlugin],
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('Watching for changes...');
} else {
  for (const [i, ctx] of contexts.entries()) {
    const result = await ctx.rebuild();
    const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
    console.log(`${bundles[i].out}  ${(bytes / 1024).toFixed(0)} KB`);
    await ctx.dispose();
  }
}
