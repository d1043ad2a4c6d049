-- DropForeignKey
ALTER TABLE "UsageDaily" DROP CONSTRAINT "UsageDaily_botId_fkey";

-- DropForeignKey
ALTER TABLE "UsageDaily" DROP CONSTRAINT "UsageDaily_deploymentId_fkey";

-- DropIndex
DROP INDEX "UsageDaily_botId_day_idx";

-- DropIndex
DROP INDEX "UsageDaily_organizationId_day_idx";

-- No bot / no deployment is now "" instead of NULL, so the unique key below covers every row and
-- usage is upserted atomically (INSERT … ON CONFLICT). Nothing wrote UsageDaily before this release.
UPDATE "UsageDaily" SET "botId" = '' WHERE "botId" IS NULL;
UPDATE "UsageDaily" SET "deploymentId" = '' WHERE "deploymentId" IS NULL;

-- AlterTable
ALTER TABLE "UsageDaily" ADD COLUMN     "providerKeyId" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "botId" SET NOT NULL,
ALTER COLUMN "botId" SET DEFAULT '',
ALTER COLUMN "deploymentId" SET NOT NULL,
ALTER COLUMN "deploymentId" SET DEFAULT '';

-- CreateIndex
CREATE INDEX "UsageDaily_organizationId_providerKeyId_day_idx" ON "UsageDaily"("organizationId", "providerKeyId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "UsageDaily_organizationId_day_botId_deploymentId_providerKe_key" ON "UsageDaily"("organizationId", "day", "botId", "deploymentId", "providerKeyId", "provider", "model");
