-- CreateEnum
CREATE TYPE "BudgetScope" AS ENUM ('organization', 'bot', 'provider_key');

-- DropIndex
DROP INDEX "ProviderKey_organizationId_fallbackOrder_idx";

-- AlterTable
ALTER TABLE "ProviderKey" DROP COLUMN "fallbackOrder",
DROP COLUMN "monthlyBudgetUsd",
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "lastTestMessage" TEXT,
ADD COLUMN     "lastTestOk" BOOLEAN,
ADD COLUMN     "lastTestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProviderKeyRevision" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "providerKeyId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProviderKeyRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiSettings" (
    "organizationId" TEXT NOT NULL,
    "fallback" JSONB NOT NULL DEFAULT '[]',
    "unavailableMessage" TEXT NOT NULL DEFAULT 'This assistant is unavailable right now. Please try again later.',
    "alertWebhookUrl" TEXT,
    "priceOverrides" JSONB NOT NULL DEFAULT '{}',
    "cooldownSeconds" INTEGER NOT NULL DEFAULT 60,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiSettings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "scope" "BudgetScope" NOT NULL,
    "scopeId" TEXT NOT NULL,
    "monthlyLimitUsd" DECIMAL(12,4) NOT NULL,
    "softLimitPercent" INTEGER NOT NULL DEFAULT 80,
    "hardStop" BOOLEAN NOT NULL DEFAULT true,
    "softAlertedMonth" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiAttempt" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "providerKeyId" TEXT,
    "botId" TEXT,
    "deploymentId" TEXT,
    "conversationId" TEXT,
    "messageId" TEXT,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "firstTokenMs" INTEGER,
    "latencyMs" INTEGER,
    "tokensIn" INTEGER NOT NULL DEFAULT 0,
    "tokensOut" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderKeyRevision_providerKeyId_createdAt_idx" ON "ProviderKeyRevision"("providerKeyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_organizationId_scope_scopeId_key" ON "Budget"("organizationId", "scope", "scopeId");

-- CreateIndex
CREATE INDEX "AiAttempt_organizationId_createdAt_idx" ON "AiAttempt"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AiAttempt_providerKeyId_createdAt_idx" ON "AiAttempt"("providerKeyId", "createdAt");

-- CreateIndex
CREATE INDEX "ProviderKey_organizationId_idx" ON "ProviderKey"("organizationId");

-- AddForeignKey
ALTER TABLE "ProviderKeyRevision" ADD CONSTRAINT "ProviderKeyRevision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderKeyRevision" ADD CONSTRAINT "ProviderKeyRevision_providerKeyId_fkey" FOREIGN KEY ("providerKeyId") REFERENCES "ProviderKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSettings" ADD CONSTRAINT "AiSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiAttempt" ADD CONSTRAINT "AiAttempt_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiAttempt" ADD CONSTRAINT "AiAttempt_providerKeyId_fkey" FOREIGN KEY ("providerKeyId") REFERENCES "ProviderKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
