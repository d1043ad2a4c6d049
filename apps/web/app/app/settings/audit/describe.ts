type Meta = Record<string, unknown> | null | undefined;

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Words for the settings a deployment.updated row lists as changed. */
const DEPLOYMENT_FIELDS: Record<string, string> = {
  name: "name",
  slug: "address",
  version: "version",
  channels: "channels",
  environment: "environment",
  allowedDomains: "allowed domains",
  rateLimits: "rate limits",
  theme: "look",
};

/** A sentence for each audit action; unknown actions fall back to their code. */
export function describeAuditEntry(action: string, metadata: unknown): string {
  const m = (metadata ?? {}) as Meta & Record<string, unknown>;
  switch (action) {
    case "organization.created":
      return `Created the organization ${text(m.name)}`;
    case "organization.updated": {
      const name = m.name as { from?: string; to?: string } | undefined;
      return `Renamed the organization from ${text(name?.from)} to ${text(name?.to)}`;
    }
    case "member.role_changed":
      return `Changed ${text(m.email)}'s role from ${text(m.from)} to ${text(m.to)}`;
    case "member.removed":
      return `Removed ${text(m.email)} (${text(m.role)})`;
    case "member.left":
      return `${text(m.email)} left the organization`;
    case "member.joined":
      return `${text(m.email)} joined as ${text(m.role)}`;
    case "invitation.created":
      return `Invited ${text(m.email)} as ${text(m.role)}`;
    case "invitation.revoked":
      return `Revoked the invitation for ${text(m.email)}`;
    case "api_token.created":
      return `Created the API token "${text(m.name)}"`;
    case "api_token.revoked":
      return `Revoked the API token "${text(m.name)}"`;
    case "provider_key.created":
      return `Added the ${text(m.provider)} key "${text(m.label)}" (••••${text(m.lastFour)})`;
    case "provider_key.updated":
      return `Edited the ${text(m.provider)} key "${text(m.label)}"`;
    case "provider_key.rotated":
      return `Rotated the ${text(m.provider)} key "${text(m.label)}" (now ••••${text(m.lastFour)})`;
    case "provider_key.tested":
      return `Tested the ${text(m.provider)} key "${text(m.label)}": ${m.ok ? "connected" : "failed"}`;
    case "provider_key.disabled":
      return `Disabled the ${text(m.provider)} key "${text(m.label)}"`;
    case "provider_key.enabled":
      return `Enabled the ${text(m.provider)} key "${text(m.label)}"`;
    case "provider_key.deleted":
      return `Deleted the ${text(m.provider)} key "${text(m.label)}"`;
    case "ai_settings.updated":
      return "Changed the AI settings (fallback order, texts or prices)";
    case "budget.created":
    case "budget.updated":
      return `${action === "budget.created" ? "Set" : "Changed"} a monthly budget for the ${text(m.scope).replace("_", " ")}`;
    case "budget.deleted":
      return "Removed a monthly budget";
    case "budget.soft_limit_reached":
      return `A monthly budget passed its soft limit (${text(m.scope).replace("_", " ")})`;
    case "bot.created":
      return `Created the bot "${text(m.name)}"`;
    case "bot.renamed":
      return `Renamed a bot to "${text(m.name)}"`;
    case "bot.duplicated":
      return `Duplicated a bot as "${text(m.name)}"`;
    case "bot.deleted":
      return `Deleted the bot "${text(m.name)}"`;
    case "flow.published":
      return `Published version ${String(m.number ?? "")} of "${text(m.botName)}"`;
    case "flow.restored":
      return `Restored version ${String(m.number ?? "")} of "${text(m.botName)}" as the draft`;
    case "flow.republished":
      return `Republished version ${String(m.from ?? "")} of "${text(m.botName)}" as version ${String(m.number ?? "")}`;
    case "deployment.created":
      return `Deployed "${text(m.botName)}" as "${text(m.name)}" at /c/${text(m.slug)}`;
    case "deployment.updated": {
      const changed = Array.isArray(m.changed)
        ? m.changed.map((field) => DEPLOYMENT_FIELDS[String(field)] ?? String(field))
        : [];
      return `Changed the deployment "${text(m.name)}"${changed.length ? ` (${changed.join(", ")})` : ""}`;
    }
    case "deployment.paused":
      return `Paused the deployment "${text(m.name)}"`;
    case "deployment.resumed":
      return `Resumed the deployment "${text(m.name)}"`;
    case "deployment.deleted":
      return `Deleted the deployment "${text(m.name)}" (/c/${text(m.slug)})`;
    case "deployment_key.created":
      return `Created the API key "${text(m.name)}" (••••${text(m.lastFour)}) for the deployment "${text(m.deploymentName)}"`;
    case "deployment_key.revoked":
      return `Revoked the API key "${text(m.name)}" (••••${text(m.lastFour)}) of the deployment "${text(m.deploymentName)}"`;
    case "template.published":
      return `Published the template "${text(m.name)}" ${text(m.version)} (${m.visibility === "organization" ? "organization only" : "public"})`;
    case "template.republished":
      return `Republished the template "${text(m.name)}" as ${text(m.version)} (was ${text(m.from)})`;
    case "template.unpublished":
      return `Unpublished the template "${text(m.name)}"`;
    case "template.archived":
      return `Archived the template "${text(m.name)}"`;
    case "template.used":
      return `Created a bot from the template "${text(m.templateName)}" ${text(m.version)}`;
    default:
      return action;
  }
}
