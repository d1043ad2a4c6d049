-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'hosted';

-- CreateIndex
CREATE INDEX "Conversation_organizationId_channel_updatedAt_idx" ON "Conversation"("organizationId", "channel", "updatedAt");
