// Consumer smoke test: packs every published package, installs ONLY those tarballs (plus zod,
// and typescript/@types/node where TypeScript is compiled) into fresh temporary projects, and in
// each one compiles and runs a program that starts the simulator, calls it through the client and
// validates the answers with @graph-recording/zod. Four setups: plain ESM, CommonJS `require`,
// TypeScript with `moduleResolution: "bundler"`, TypeScript with `nodenext`; npm installs two of
// them and pnpm (strict, no hoisting) the other two. Each install tree must hold exactly one zod.
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { packPublishedPackages } from "./lib/pack.mjs";
import { ensurePnpm, runScript } from "./lib/toolchain.mjs";
import { expectValidJs, expectValidTs, flow } from "./smoke/flow.mjs";

const versions = { zod: "4.6.7", typescript: "5.9.3", "@types/node": "20.19.43" };

const esmImports = `
import { createRecordingClient, downloadRecordedAudio, meetingRecordings, zodValidator } from "@graph-recording/client";
import { startSimulator } from "@graph-recording/simulator";
import * as graphZod from "@graph-recording/zod";
import { callRecordingStrictSchema, recordOperationStrictSchema, responseValidator } from "@graph-recording/zod";
`;

// Type-level checks: the published types must be real (an `any` would make @ts-expect-error fail)
// and the client's results must be the spec's named types.
const typeChecks = `
import type { CallRecording, RecordOperation } from "@graph-recording/types";
export function typesAreReal(client: ReturnType<typeof createRecordingClient>, op: RecordOperation): CallRecording | undefined {
  // @ts-expect-error maxRecordDurationInSeconds is a number in the spec
  void client.recordResponse({ callId: "c", body: { maxRecordDurationInSeconds: "5" } });
  const status: RecordOperation["status"] = op.status;
  void status;
  return undefined;
}
`;

const tsCompile = (dir) =>
  [
    ["tsc", ["-p", "tsconfig.json"]],
    ["node", ["dist/main.js"]],
  ].map(([command, args]) => ({ command, args, cwd: dir }));

/** The four consumer projects: package.json extras, files, and the steps that prove them. */
const setups = [
  {
    name: "esm-javascript",
    manager: "npm",
    type: "module",
    files: { "main.mjs": `${esmImports}${expectValidJs}${flow}` },
    steps: () => [{ command: "node", args: ["main.mjs"] }],
  },
  {
    name: "commonjs-require",
    manager: "pnpm",
    type: "commonjs",
    files: {
      "main.cjs": `"use strict";
const { createRecordingClient, downloadRecordedAudio, meetingRecordings, zodValidator } = require("@graph-recording/client");
const { startSimulator } = require("@graph-recording/simulator");
const graphZod = require("@graph-recording/zod");
const { callRecordingStrictSchema, recordOperationStrictSchema, responseValidator } = graphZod;
${expectValidJs}
(async () => {${flow}})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    },
    steps: () => [{ command: "node", args: ["main.cjs"] }],
  },
  {
    name: "typescript-bundler",
    manager: "npm",
    type: "module",
    typescript: { module: "esnext", moduleResolution: "bundler" },
    files: { "src/main.ts": `${esmImports}${typeChecks}${expectValidTs}${flow}` },
    steps: tsCompile,
  },
  {
    name: "typescript-nodenext",
    manager: "pnpm",
    type: "module",
    typescript: { module: "nodenext", moduleResolution: "nodenext" },
    files: { "src/main.ts": `${esmImports}${typeChecks}${expectValidTs}${flow}` },
    steps: tsCompile,
  },
];

/** A failed step, named by setup and step, with the tail of what it printed. */
class SmokeError extends Error {
  constructor(setup, step, output) {
    const tail = output.trim().split("\n").slice(-40).join("\n");
    super(`consumer setup "${setup}": ${step} failed\n${tail}`);
    this.name = "SmokeError";
  }
}

function exec(setup, { command, args, cwd, env }) {
  const step = `${command} ${args.join(" ")}`;
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.error) throw new SmokeError(setup, step, `${result.error.message}\n${output}`);
  if (result.status !== 0) throw new SmokeError(setup, `${step} (exit ${result.status})`, output);
  return result.stdout;
}

/** package.json of a consumer project: the tarballs, zod, and the TypeScript toolchain if any. */
function manifest(setup, tarballs, dir) {
  const fileSpec = (tarball) => `file:${relative(dir, tarball)}`;
  const dependencies = { zod: versions.zod };
  for (const { name, tarball } of tarballs) dependencies[name] = fileSpec(tarball);
  const pkg = { name: `smoke-${setup.name}`, private: true, type: setup.type, dependencies };
  if (setup.typescript) {
    pkg.devDependencies = {
      typescript: versions.typescript,
      "@types/node": versions["@types/node"],
    };
  }
  // The tarballs depend on each other by version (^0.0.0-like ranges that are not on the
  // registry): point those ranges at the tarballs too, as a registry would serve them.
  const overrides = Object.fromEntries(
    tarballs.map(({ name, tarball }) => [name, fileSpec(tarball)]),
  );
  if (setup.manager === "pnpm") pkg.pnpm = { overrides };
  else pkg.overrides = Object.fromEntries(tarballs.map(({ name }) => [name, `$${name}`]));
  return pkg;
}

function tsconfig({ module, moduleResolution }) {
  return {
    compilerOptions: {
      target: "es2022",
      module,
      moduleResolution,
      lib: ["es2023", "dom"],
      types: ["node"],
      strict: true,
      noUnusedLocals: true,
      skipLibCheck: false,
      rootDir: "src",
      outDir: "dist",
    },
    include: ["src"],
  };
}

const installCommand = {
  npm: ["npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"]],
  pnpm: ["pnpm", ["install", "--prefer-offline", "--config.confirmModulesPurge=false"]],
};

/** Every distinct copy of `name` installed under `dir`/node_modules (symlinks resolved). */
function installedCopies(dir, name) {
  const copies = new Set();
  const walk = (folder, depth) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || depth > 12) continue;
      const path = join(folder, entry.name);
      if (entry.name === name && folder.endsWith("node_modules")) {
        try {
          const pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
          if (pkg.name === name) copies.add(`${realpathSync(path)}@${pkg.version}`);
        } catch {}
      }
      walk(path, depth + 1);
    }
  };
  walk(join(dir, "node_modules"), 0);
  return [...copies];
}

function prove(setup, tarballs, base, env) {
  const dir = join(base, setup.name);
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify(manifest(setup, tarballs, dir), null, 2)}\n`,
  );
  if (setup.typescript) {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig(setup.typescript), null, 2));
  }
  for (const [file, text] of Object.entries(setup.files)) writeFileSync(join(dir, file), text);

  const [command, args] = installCommand[setup.manager];
  exec(setup.name, { command, args, cwd: dir, env });
  const zods = installedCopies(dir, "zod");
  if (zods.length !== 1) {
    throw new SmokeError(
      setup.name,
      "zod appears exactly once in node_modules",
      `found ${zods.length}:\n${zods.join("\n")}`,
    );
  }
  const binEnv = { ...env, PATH: `${join(dir, "node_modules", ".bin")}:${env.PATH}` };
  let last = "";
  for (const step of setup.steps(dir)) last = exec(setup.name, { cwd: dir, env: binEnv, ...step });
  const line = last.trim().split("\n").at(-1) ?? "";
  if (!line.startsWith("smoke ok:"))
    throw new SmokeError(setup.name, "the program's result line", last);
  return line;
}

await runScript(async () => {
  const env = ensurePnpm();
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const unknown = wanted.filter((name) => !setups.some((setup) => setup.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown setup ${unknown.join(", ")}; known: ${setups.map((s) => s.name).join(", ")}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const base = mkdtempSync(join(tmpdir(), "graph-recording-consumers-"));
  try {
    const tarballDir = join(base, "tarballs");
    mkdirSync(tarballDir);
    const tarballs = packPublishedPackages({ destination: tarballDir, env });
    for (const setup of setups) {
      if (wanted.length > 0 && !wanted.includes(setup.name)) continue;
      const started = Date.now();
      const line = prove(setup, tarballs, base, env);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${setup.name} (${setup.manager}): ${line} [${seconds} s]\n`);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
