import createMDX from "@next/mdx";
import type { NextConfig } from "next";

// A fully static site: `next build` writes HTML, CSS and JS to out/, served by any static host.
const nextConfig: NextConfig = {
  output: "export",
  // out/<slug>/index.html, so plain static servers resolve /<slug>/ without rewrites.
  trailingSlash: true,
  images: { unoptimized: true },
  pageExtensions: ["ts", "tsx", "mdx"],
  poweredByHeader: false,
  reactStrictMode: true,
};

// No remark/rehype plugins: headings get their ids and code blocks their copy button from
// mdx-components.tsx, which works the same under Turbopack and webpack.
const withMDX = createMDX({ extension: /\.mdx$/ });

export default withMDX(nextConfig);
