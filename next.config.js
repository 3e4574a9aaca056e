/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "argon2", "mammoth"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "20mb" },
  },
};

export default nextConfig;
