/**
 * Opens the pages the main job renders in headless Chromium (Debian's `chromium`, which
 * `npm run setup` installs when it is missing) and checks that a reader sees every operation:
 * the API reference (`reports/api-reference.html`, Redoc) and the conformance report
 * (`packages/conformance/reports/conformance.html`). Turbo runs the tasks that write both pages
 * before this test (see turbo.json). The browser may not reach the network: a page that needs it
 * to render fails here.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specOperations } from "./spec-operations.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const apiReference = join(root, "reports", "api-reference.html");
const conformanceReport = join(root, "packages", "conformance", "reports", "conformance.html");
const operations = specOperations(join(root, "spec", "openapi.yaml"));

const skipReason = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM}: run \`npm run setup\` as root, or \`apt-get install chromium\``;

/** Matches text that starts with `text` (a badge such as "deprecated" may follow). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** A page and what went wrong while it was open: script errors, console errors, network use. */
interface Visit {
  page: Page;
  errors: string[];
  external: { url: string; type: string }[];
}

describe.skipIf(skipReason !== undefined)(
  `the rendered pages in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    let context: BrowserContext;
    let profile: string;

    beforeAll(async () => {
      profile = mkdtempSync(join(tmpdir(), "graph-recording-chromium-"));
      // A fresh profile per run (playwright passes it as --user-data-dir).
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1400, height: 1000 },
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
    });
    afterAll(async () => {
      await context?.close();
      rmSync(profile, { recursive: true, force: true });
    });

    async function open(file: string): Promise<Visit> {
      expect(existsSync(file), `${file} exists (the main job writes it)`).toBe(true);
      const page = await context.newPage();
      const visit: Visit = { page, errors: [], external: [] };
      page.on("pageerror", (error) => visit.errors.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        // A request refused below logs net::ERR_FAILED; those are judged by `external` instead.
        if (message.type() !== "error" || message.text().endsWith("net::ERR_FAILED")) return;
        visit.errors.push(`console error: ${message.text()}`);
      });
      // Offline, as on a reader's disk: every request that is not the file itself is refused.
      await page.route("**/*", (route) => {
        const request = route.request();
        if (request.url().startsWith("file:")) return route.continue();
        visit.external.push({ url: request.url(), type: request.resourceType() });
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
      return visit;
    }

    it("the API reference renders every operation and webhook of the spec, offline", async () => {
      const visit = await open(apiReference);
      const { page } = visit;
      const tags = [...new Set(operations.map((operation) => operation.tag))];
      for (const tag of tags) {
        // The reader's way in: the tag in the side menu opens the tag's page and lists its
        // operations in the menu (only after Redoc has started: a page whose script cannot load
        // shows no list).
        await page
          .locator('[data-component-name="Menu/MenuItem"]', { hasText: exactly(tag) })
          .first()
          .click();
        for (const operation of operations.filter((candidate) => candidate.tag === tag)) {
          const entry = page
            .locator('[data-component-name="Menu/Menu"]')
            .getByText(operation.summary, { exact: true })
            .first();
          await expect
            .poll(() => entry.isVisible(), {
              message: `menu entry "${operation.summary}" (${operation.operationId}) is visible`,
            })
            .toBe(true);
          // Opening the entry shows the operation: its summary as a heading, and its path.
          await entry.click();
          const heading = page.locator("h1, h2, h3", { hasText: exactly(operation.summary) });
          await expect
            .poll(() => heading.first().isVisible(), {
              message: `heading "${operation.summary}" (${operation.operationId}) is shown`,
            })
            .toBe(true);
          if (operation.path) {
            await expect
              // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
              .poll(() => page.locator("body").innerText(), {
                message: `${operation.method} ${operation.path} is shown`,
              })
              .toContain(operation.path);
          }
        }
      }
      expect(visit.errors).toEqual([]);
      // Only decoration may be missing offline (the renderer's logo), never a script or a style.
      expect(visit.external.filter((request) => request.type !== "image")).toEqual([]);
    });

    it("the conformance report shows a section for every operation and webhook with examples", async () => {
      const visit = await open(conformanceReport);
      const headings = await visit.page
        .locator("section h2")
        .evaluateAll((elements) =>
          elements
            .filter((element) => (element as HTMLElement).offsetParent !== null)
            .map((element) => element.textContent ?? ""),
        );
      const shown = headings.map((heading) => heading.replace(/^webhook /, "").split(" (")[0]);
      const expected = operations
        .filter((operation) => operation.hasExamples)
        .map((operation) => operation.webhook ?? operation.operationId);
      expect(expected.length).toBeGreaterThan(0);
      for (const name of expected) expect(shown, `a visible section for ${name}`).toContain(name);
      for (const operation of operations.filter((candidate) => candidate.path)) {
        const heading = headings.find((text) => text.startsWith(`${operation.operationId} (`));
        if (heading) expect(heading).toContain(`${operation.method} ${operation.path}`);
      }
      expect(visit.errors).toEqual([]);
      expect(visit.external).toEqual([]);
    });
  },
);
