import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages ship TypeScript source; Next compiles them.
  transpilePackages: ["@pixel/api", "@pixel/db", "@pixel/ui", "@pixel/flow"],
  // Native or WASM server dependencies stay as Node requires instead of being bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "ioredis",
    "nodemailer",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
