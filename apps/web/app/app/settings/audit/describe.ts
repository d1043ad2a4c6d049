type Meta = Record<string, unknown> | null | undefined;

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

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
    default:
      return action;
  }
}
