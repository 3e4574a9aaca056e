import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-shell";
import { NotFoundNotice } from "@/components/ui/not-found-notice";

export const metadata: Metadata = { title: "Page not found" };

// The app-wide 404: an unknown address, and a workspace the reader is not a member of. Static on
// purpose: it must read exactly the same in both cases.
export default function NotFound() {
  return (
    <AuthPage>
      <NotFoundNotice />
    </AuthPage>
  );
}
