-- CreateTable
CREATE TABLE "DeploymentApiKey" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentApiKey_tokenHash_key" ON "DeploymentApiKey"("tokenHash");

-- CreateIndex
CREATE INDEX "DeploymentApiKey_deploymentId_idx" ON "DeploymentApiKey"("deploymentId");

-- CreateIndex
CREATE INDEX "DeploymentApiKey_organizationId_idx" ON "DeploymentApiKey"("organizationId");

-- AddForeignKey
ALTER TABLE "DeploymentApiKey" ADD CONSTRAINT "DeploymentApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentApiKey" ADD CONSTRAINT "DeploymentApiKey_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
