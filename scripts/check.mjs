// Everything CI runs, in one command: lint (code and spec), knip, generated-file drift, typecheck,
// the package tarball checks, the release gate, the consumer smoke tests, the test suite on Node
// 24, and (unless --no-test) the test suite on the machine's Node, whose closing line ends CI.
import { ensurePnpm, run, runScript } from "./lib/toolchain.mjs";

const withTests = !process.argv.includes("--no-test");

await runScript(async () => {
  const env = ensurePnpm();
  run("pnpm", ["run", "lint"], { env });
  run("knip", [], { env }); // no unused files, exports or dependencies
  run("node", ["scripts/check-generated.mjs"], { env });
  run("turbo", ["run", "typecheck", "--output-logs=errors-only"], { env });
  run("node", ["scripts/check-pack.mjs"], { env });
  run("node", ["scripts/check-release.mjs"], { env }); // pending changesets vs the spec diff
  run("node", ["scripts/smoke-consumers.mjs"], { env }); // the tarballs in four consumer setups
  run("node", ["scripts/test-node24.mjs"], { env }); // the whole suite on Node 24 too
  if (withTests) run("node", ["scripts/test.mjs"], { env });
});
