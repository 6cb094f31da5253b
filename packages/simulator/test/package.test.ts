import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/index.cjs", import.meta.url)));

// Each program starts the simulator through the package's own exports (self-reference by
// name), makes one Graph request and closes it; the process must then exit by itself.
const program = (load: string) => `
${load}
const sim = await startSimulator();
const call = sim.control.createCall();
const res = await fetch(sim.baseUrl + "/communications/calls/" + call.id + "/recordResponse", {
  method: "POST",
  headers: { authorization: "Bearer " + sim.accessToken, "content-type": "application/json" },
  body: "{}",
});
console.log(res.status, (await res.json())["@odata.type"]);
await sim.close();
`;

describe.skipIf(!built)("the built package, as a consumer loads it", () => {
  it.each([
    [
      "ESM import",
      "--input-type=module",
      program('import { startSimulator } from "@graph-recording/simulator";'),
    ],
    [
      "CommonJS require",
      "--input-type=commonjs",
      `(async () => {${program('const { startSimulator } = require("@graph-recording/simulator");')}})();`,
    ],
  ])("works through %s and lets the process exit", async (_name, flag, source) => {
    const { stdout } = await run(process.execPath, [flag, "-e", source], {
      cwd: packageDir,
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe("200 #microsoft.graph.recordOperation");
  });
});
