-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "publishedById" TEXT,
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "sourceBotId" TEXT;

-- CreateTable
CREATE TABLE "TemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "flow" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateRating" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TemplateRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TemplateVersion_templateId_version_key" ON "TemplateVersion"("templateId", "version");

-- CreateIndex
CREATE INDEX "TemplateRating_userId_idx" ON "TemplateRating"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TemplateRating_templateId_userId_key" ON "TemplateRating"("templateId", "userId");

-- CreateIndex
CREATE INDEX "Template_sourceBotId_idx" ON "Template"("sourceBotId");

-- CreateIndex
CREATE INDEX "Template_searchVector_idx" ON "Template" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Template" ADD CONSTRAINT "Template_sourceBotId_fkey" FOREIGN KEY ("sourceBotId") REFERENCES "Bot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Template" ADD CONSTRAINT "Template_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateVersion" ADD CONSTRAINT "TemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateVersion" ADD CONSTRAINT "TemplateVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateRating" ADD CONSTRAINT "TemplateRating_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateRating" ADD CONSTRAINT "TemplateRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ── Written by hand (Prisma's diff sees neither CHECK constraints nor triggers, so drift stays clean) ──

-- A rating is 1 to 5 stars, whatever writes the row.
ALTER TABLE "TemplateRating" ADD CONSTRAINT "TemplateRating_rating_check" CHECK ("rating" BETWEEN 1 AND 5);

-- The gallery's full-text search document, weighted so a match in the name ranks first: name A; tags,
-- category, industry and use case B; description C; SEO description D. Catalogue keys such as
-- "digital_transformation" are split on "_" so each word is found. Kept in the row (not an expression
-- index) so ranking and highlighting read it without recomputing, and only recomputed when a searched
-- column changes (not on every usage or rating update).
CREATE FUNCTION "Template_searchVector_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, replace(
      concat_ws(' ', array_to_string(NEW."tags", ' '), NEW."category", NEW."industry", NEW."useCase"),
      '_', ' ')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."description", '')), 'C') ||
    setweight(to_tsvector('english'::regconfig, coalesce(NEW."seoDescription", '')), 'D');
  RETURN NEW;
END
$$;

CREATE TRIGGER "Template_searchVector_update"
BEFORE INSERT OR UPDATE OF "name", "description", "tags", "category", "industry", "useCase", "seoDescription"
ON "Template"
FOR EACH ROW EXECUTE FUNCTION "Template_searchVector_update"();

-- Rows that exist already get their document now (the trigger fires on this no-op update).
UPDATE "Template" SET "name" = "name";
