import type { CooldownStore } from "../contracts.ts";

/**
 * Cooldowns in this process only: for tests and a single instance. Several instances need a shared store
 * (the database or Redis) so a failing key rests everywhere.
 */
export class MemoryCooldownStore implements CooldownStore {
  private readonly until = new Map<string, number>();

  async coolingDown(keyId: string, now: number): Promise<boolean> {
    const until = this.until.get(keyId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(keyId);
    return false;
  }

  /** Never shortens a longer rest already set (e.g. a Retry-After from another call). */
  async coolDown(keyId: string, until: number): Promise<void> {
    this.until.set(keyId, Math.max(until, this.until.get(keyId) ?? 0));
  }

  /** When the key may be called again, if it is resting. */
  restingUntil(keyId: string): number | undefined {
    return this.until.get(keyId);
  }

  clear(): void {
    this.until.clear();
  }
}

export function createMemoryCooldownStore(): MemoryCooldownStore {
  return new MemoryCooldownStore();
}
