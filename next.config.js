/** @type {import('next').NextConfig} */
const nextConfig = {
  // The e2e suite and the demo build into their own folder (NEXT_DIST_DIR=.next-e2e) so a running
  // dev server's .next is left alone.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and WebAssembly database drivers stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "argon2", "mammoth"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "20mb" },
  },
};

export default nextConfig;
