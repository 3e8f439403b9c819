import Mocha from 'mocha';
import { join } from 'node:path';

// Which test files run where: the development folder gets every scenario; the installed .vsix
// gets activation, a completion and Terraform (its WebAssembly), which tell whether the package holds what runs, and the
// restart, which needs the bundled client. Crash recovery runs last: it stops the server on
// purpose, and the output check is about the scenarios that should not.
const SUITES = {
  dev: ['activation', 'completion', 'hover', 'diagnostics', 'codeActions', 'newcomer', 'snippets', 'commands', 'statusBar', 'access', 'templates', 'terraform', 'otherJson', 'output', 'recovery'],
  vsix: ['activation', 'packaged', 'terraform', 'output', 'recovery'],
  // With VS Code's display language set to Simplified Chinese: the product speaks it.
  'zh-cn': ['chinese'],
};

/** Marks the suite's lines among everything else the workbench logs; the launchers print these. */
export const LINE_PREFIX = '[suite]';

function print(text: string): void {
  console.log(`${LINE_PREFIX} ${text}`);
}

/**
 * One finished string per console call: the extension host's console reaches the code-server
 * launcher with its arguments joined by commas, which would garble format strings.
 */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => suite.title && print(suite.title));
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => print(`  ✓ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => print(`  - ${test.title} (skipped)`));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) =>
      print(`  ✗ ${test.title}\n${(error.stack ?? error.message).replace(/^/gm, '      ')}`),
    );
  }
}

/** Called by VS Code's extension host (extensionTestsPath); a rejection makes the run exit 1. */
export async function run(): Promise<void> {
  const requested = process.env.KINESIS_E2E_TARGET;
  const target: keyof typeof SUITES = requested === 'vsix' || requested === 'zh-cn' ? requested : 'dev';
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: LineReporter });
  for (const name of SUITES[target]) mocha.addFile(join(__dirname, `${name}.test.js`));
  const { passes, failures, pending } = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  // The launchers read this line to count the results.
  print(`RESULT ${JSON.stringify({ target, passed: passes, failed: failures, skipped: pending })}`);
  if (failures > 0) throw new Error(`${failures} of the in-editor tests failed`);
}
