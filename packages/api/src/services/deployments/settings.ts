import { z } from "zod";

/** Where a deployment can be reached. */
export const DEPLOYMENT_CHANNELS = ["hosted", "widget", "api", "openai"] as const;
export type DeploymentChannel = (typeof DEPLOYMENT_CHANNELS)[number];

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #4f46e5");

/** How the hosted page and the widget look. Versioned: stored JSON is read through this, defaults filled. */
export const deploymentThemeSchema = z.object({
  v: z.literal(1).default(1),
  title: z.string().trim().min(1).max(80).default("Chat with us"),
  greeting: z.string().trim().max(500).default(""),
  primaryColor: hexColor.default("#4f46e5"),
  backgroundColor: hexColor.default("#ffffff"),
  mode: z.enum(["light", "dark", "auto"]).default("auto"),
  position: z.enum(["bottom-right", "bottom-left"]).default("bottom-right"),
  avatarUrl: z
    .url({ protocol: /^https?$/, message: "Use an http(s) URL" })
    .max(500)
    .optional(),
});
export type DeploymentTheme = z.infer<typeof deploymentThemeSchema>;

/** Requests per minute; both limits apply to every chat turn. */
export const deploymentRateLimitsSchema = z.object({
  v: z.literal(1).default(1),
  /** Per end user (or per IP address when the caller gives no user id). */
  perUserPerMinute: z.number().int().min(1).max(10_000).default(30),
  /** For the whole deployment, across every user. */
  perDeploymentPerMinute: z.number().int().min(1).max(1_000_000).default(1_200),
});
export type DeploymentRateLimits = z.infer<typeof deploymentRateLimitsSchema>;

/** Stored settings that no longer parse fall back to the defaults rather than breaking the chat. */
export function readTheme(value: unknown): DeploymentTheme {
  const parsed = deploymentThemeSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : deploymentThemeSchema.parse({});
}

export function readRateLimits(value: unknown): DeploymentRateLimits {
  const parsed = deploymentRateLimitsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : deploymentRateLimitsSchema.parse({});
}

/** A host pattern: example.com, *.example.com, or localhost:8080 (port optional). */
export const allowedDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/,
    "Use a host such as example.com, *.example.com or localhost:8080",
  )
  .max(253);

/**
 * Whether a page at `origin` may use the widget. An empty list allows every site (shown as such in the
 * dashboard); otherwise the origin's host (with its port, when the pattern has one) must match.
 */
export function originAllowed(allowedDomains: readonly string[], origin: string | null): boolean {
  if (allowedDomains.length === 0) return true;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const hostWithPort = url.port ? `${host}:${url.port}` : host;
  return allowedDomains.some((pattern) => {
    const withPort = pattern.includes(":");
    const candidate = withPort ? hostWithPort : host;
    if (pattern.startsWith("*.")) return candidate.endsWith(pattern.slice(1)) && candidate !== pattern.slice(2);
    return candidate === pattern;
  });
}
