import type { ProviderCredentials } from "../contracts.ts";

const REDACTED = "[redacted]";

/** Shapes of credentials whatever the key: bearer tokens, sk-… keys, Google keys, key= params, URL userinfo. */
const GENERIC: Array<[RegExp, string]> = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{6,}/gi, `Bearer ${REDACTED}`],
  [/\b(?:sk|pk|rk|gsk|xai)-[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED],
  [/([?&](?:key|api_key|apikey|token|access_token)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/(\/\/)[^/@\s:]+:[^/@\s]+@/g, `$1${REDACTED}@`],
];

/**
 * Removes a candidate's secret (and its custom header values) from any text we keep or show,
 * plus anything shaped like a credential. Defensive: our messages are built from our own words,
 * but provider error texts are passed along in attempt records and some echo what they were sent.
 */
export function scrubSecrets(
  text: string,
  credentials?: Pick<ProviderCredentials, "secret" | "headers"> | null,
): string {
  let out = text;
  const secrets = [credentials?.secret, ...Object.values(credentials?.headers ?? {})].filter(
    (s): s is string => typeof s === "string" && s.length >= 6,
  );
  // Longest first, so a secret containing another one is removed whole.
  for (const secret of secrets.sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of GENERIC) out = out.replace(pattern, replacement);
  return out;
}

export function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
