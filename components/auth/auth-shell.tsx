// The calm, centred frame of the pages a person sees before they are inside a desk: sign-in,
// first-run setup, an invitation, and the app-wide "not found". One frame so they all carry the
// same mark and width.
import Link from "next/link";
import { Card } from "@/components/ui/card";

/** The frame alone: product mark on top, then any number of cards, then a quiet footer. */
export function AuthPage({ children, footer }: { children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <ProductMark />
        <div className="mt-8 space-y-6">{children}</div>
        {footer ? <div className="mt-6 text-center text-sm text-muted">{footer}</div> : null}
      </div>
    </main>
  );
}

/** One card of an auth page: a title (h1 for the page's main card, h2 for a second one). */
export function AuthCard({
  title,
  description,
  children,
  level = 1,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <Card className="p-8">
      <Heading className={`${level === 1 ? "text-xl" : "text-base"} font-semibold tracking-tight text-ink`}>{title}</Heading>
      {description ? <div className="mt-1 text-sm text-muted">{description}</div> : null}
      {children ? <div className="mt-6">{children}</div> : null}
    </Card>
  );
}

/** The common case: the frame with a single card. */
export function AuthShell({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <AuthPage footer={footer}>
      <AuthCard title={title} description={description}>
        {children}
      </AuthCard>
    </AuthPage>
  );
}

export function ProductMark() {
  return (
    <Link href="/" className="flex flex-col items-center gap-2 rounded-md text-center">
      <span
        aria-hidden
        className="flex h-10 w-10 items-center justify-center rounded-lg bg-ink font-serif text-lg font-semibold text-white"
      >
        F
      </span>
      <span className="text-lg font-semibold tracking-tight text-ink">Factdesk</span>
      <span className="text-xs uppercase tracking-[0.14em] text-muted">Collaborative fact-checking</span>
    </Link>
  );
}

/** The product name on one line, for the top of pages such as the account page. */
export function ProductWordmark() {
  return (
    <span className="inline-flex items-center gap-2">
      <span
        aria-hidden
        className="flex h-7 w-7 items-center justify-center rounded-md bg-ink font-serif text-sm font-semibold text-white"
      >
        F
      </span>
      <span className="text-base font-semibold tracking-tight text-ink">Factdesk</span>
    </span>
  );
}
