import { describe, expect, it } from "vitest";
import { originOf } from "../src/hosts.js";

describe("originOf", () => {
  it.each([
    "https://graph.microsoft.com/beta/communications/calls/1",
    "http://127.0.0.1:4000/a?b=1",
    "https://GRAPH.microsoft.com/x",
    "https://graph.microsoft.com:443/x",
    "http://127.0.0.1:80/x",
    "http://user@evil.example/x",
    "https://graph.microsoft.com@evil.example/x",
    "https://graph.microsoft.com\\@evil.example/x",
    "http://h.example",
    "https://h.example?x=1",
    "https://h.example#frag",
  ])("agrees with the URL parser for %s", (url) => {
    expect(originOf(url)).toBe(new URL(url).origin);
  });

  it("returns undefined for what is not a URL", () => {
    expect(originOf("not a url")).toBeUndefined();
  });
});
