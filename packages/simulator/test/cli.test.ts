import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli-main.js";
import { HELP, parseCli } from "../src/cli-options.js";
import type { Simulator } from "../src/index.js";

describe("flags", () => {
  it("maps flags onto simulator options", () => {
    expect(
      parseCli([
        "--port",
        "4000",
        "--media-port=4001",
        "--clock",
        "virtual",
        "--speed",
        "2.5",
        "--token",
        "a",
        "--token",
        "b",
        "--page-size",
        "3",
      ]),
    ).toEqual({
      help: false,
      options: {
        port: 4000,
        mediaPort: 4001,
        clock: "virtual",
        speed: 2.5,
        accessTokens: ["a", "b"],
        pageSize: 3,
      },
    });
    expect(parseCli([])).toEqual({ help: false, options: { clock: "real" } });
    expect(parseCli(["-h"])).toEqual({ help: true });
  });

  it.each([
    [["--port", "x"], "--port: expected an integer from 0 to 65535, got 'x'"],
    [["--port", "70000"], "--port: expected an integer from 0 to 65535, got '70000'"],
    [["--clock", "fast"], "--clock: expected 'real' or 'virtual', got 'fast'"],
    [["--speed", "0"], "--speed: expected a number > 0, got '0'"],
    [["--token", ""], "--token: a token cannot be empty"],
    [["--bogus"], "Unknown option '--bogus'"],
    [["positional"], "Unexpected argument 'positional'"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});

function capture() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
    },
  };
}

describe("runCli", () => {
  it("prints help on stdout and exits 0", async () => {
    const { out, io } = capture();
    expect(await runCli(["--help"], { ...io, stop: Promise.resolve() })).toBe(0);
    expect(out.stdout).toBe(HELP);
    expect(out.stderr).toBe("");
  });

  it("exits 2 on bad usage with the reason on stderr", async () => {
    const { out, io } = capture();
    expect(await runCli(["--port", "-1"], { ...io, stop: Promise.resolve() })).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("Try --help.");
  });

  it("prints only the URL on stdout, serves until stopped, then exits 0", async () => {
    const { out, io } = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let sim: Simulator | undefined;
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const exit = runCli(["--port", "0"], {
      ...io,
      stop: stopped,
      onStarted: (s) => {
        sim = s;
        markStarted();
      },
    });
    await started;
    expect(out.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = out.stdout.trim();
    expect(out.stderr).toContain(`Graph (beta):  ${url}/beta`);
    const health = await fetch(`${url}/_simulator/health`);
    expect(health.status).toBe(200);
    expect(sim?.url).toBe(url);
    stop();
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/_simulator/health`)).rejects.toThrow();
  });

  it("exits 1 when the port is taken", async () => {
    const first = capture();
    let stopFirst!: () => void;
    const firstStop = new Promise<void>((r) => {
      stopFirst = r;
    });
    let port = 0;
    const firstRun = new Promise<number>((resolve) => {
      void runCli([], {
        ...first.io,
        stop: firstStop,
        onStarted: (s) => {
          port = Number(new URL(s.url).port);
          resolve(0);
        },
      });
    });
    await firstRun;
    const second = capture();
    expect(await runCli(["--port", String(port)], { ...second.io, stop: Promise.resolve() })).toBe(
      1,
    );
    expect(second.out.stderr).toMatch(/cannot start: .*EADDRINUSE/);
    stopFirst();
  });
});

const builtCli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

describe("the built executable", () => {
  it.skipIf(!existsSync(builtCli))(
    "starts, prints its URL, and stops on SIGTERM with exit 0",
    async () => {
      const child = spawn(process.execPath, [builtCli, "--port", "0"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (text.includes("\n")) resolve(text.trim());
        });
        child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/_simulator/health`)).status).toBe(200);
      const code = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await code).toBe(0);
    },
  );
});
