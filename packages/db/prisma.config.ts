import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env, and env() throws when unset: fall back explicitly.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
