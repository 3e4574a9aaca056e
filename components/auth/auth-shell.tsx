// The calm, centred frame of the pages a person sees before they are inside a desk: sign-in,
// first-run setup.
import { Card } from "@/components/ui/card";

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
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <ProductMark />
        <Card className="mt-8 p-8">
          <h1 className="text-xl font-semibold tracking-tight text-ink">{title}</h1>
          {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
          <div className="mt-6">{children}</div>
        </Card>
        {footer ? <div className="mt-6 text-center text-sm text-muted">{footer}</div> : null}
      </div>
    </main>
  );
}

export function ProductMark() {
  return (
    <div className="flex flex-col items-center gap-2 text-center">
      <span
        aria-hidden
        className="flex h-10 w-10 items-center justify-center rounded-lg bg-ink font-serif text-lg font-semibold text-white"
      >
        F
      </span>
      <p className="text-lg font-semibold tracking-tight text-ink">Factdesk</p>
      <p className="text-xs uppercase tracking-[0.14em] text-muted">Collaborative fact-checking</p>
    </div>
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
