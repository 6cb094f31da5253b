// The README's second command: every package's tests through turbo, then one closing line
// `N passed, N failed` summed from each package's vitest JSON report.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensurePnpm, root, run, runScript } from "./lib/toolchain.mjs";

const reportPath = (pkg) => join(root, "packages", pkg, "reports", "vitest.json");
const packages = () =>
  readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

function readCounts(pkg) {
  const path = reportPath(pkg);
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, "utf8"));
  // A test file that failed without any failed test (it did not load, or a hook threw) counts
  // once; a file whose tests failed is already counted through those tests.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === "failed" &&
      !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

await runScript(async () => {
  const env = ensurePnpm();
  for (const pkg of packages()) rmSync(reportPath(pkg), { force: true });
  const turbo = run("turbo", ["run", "test", "--output-logs=new-only", "--continue"], {
    env,
    allowFailure: true,
  });
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const pkg of packages()) {
    const counts = readCounts(pkg);
    if (!counts) continue;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  if (turbo.status !== 0 && total.failed === 0) total.failed = 1;
  const ran = total.passed + total.failed;
  if (ran === 0) process.stderr.write("No test ran: that counts as a failure.\n");
  if (turbo.status !== 0 || total.failed > 0 || ran === 0) process.exitCode = 1;
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : "";
  process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
});
