/** Graph endpoints of every national cloud; the Graph token is sent to these origins only. */
export const GRAPH_ORIGINS: readonly string[] = [
  "https://graph.microsoft.com",
  "https://canary.graph.microsoft.com",
  "https://graph.microsoft.us",
  "https://dod-graph.microsoft.us",
  "https://graph.microsoft.de",
  "https://microsoftgraph.chinacloudapi.cn",
];

/** The default service root (beta, where recordOperation carries completionReason). */
export const GRAPH_BETA = "https://graph.microsoft.com/beta";
/** The v1.0 service root. */
export const GRAPH_V1 = "https://graph.microsoft.com/v1.0";

/** The origin of a URL string, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  // Fast path for the common absolute http(s) URL: the origin ends at the first "/" after "//".
  const match = /^(https?:\/\/[^/?#@\\]+)(?:[/?#]|$)/i.exec(url);
  if (match?.[1] && !/[A-Z]|:(?:80|443)$/.test(match[1])) return match[1];
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
