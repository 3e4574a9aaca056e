import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatementHeader } from "@/components/statement-header";
import { StatementText } from "@/components/statement-text";
import { NotFound } from "@/lib/server/errors";
import { getStatement, type StatementDetail } from "@/lib/server/statements";
import { loadWorkspacePage } from "../../workspace";

type Params = Promise<{ ws: string; id: string }>;

// Metadata and page share one read per request.
const loadStatement = cache(async (slug: string, id: string): Promise<{ statement: StatementDetail; base: string }> => {
  const { user, workspace } = await loadWorkspacePage(slug);
  try {
    const statement = await getStatement(user, { workspaceId: workspace.id, statementId: id });
    return { statement, base: `/w/${workspace.slug}/statements` };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});

async function load(params: Params) {
  const { ws: slug, id } = await params;
  return loadStatement(slug, id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { statement } = await load(params);
  return { title: statement.title };
}

export default async function StatementPage({ params }: { params: Params }) {
  const { statement, base } = await load(params);
  return (
    <div className="mx-auto w-full max-w-4xl">
      <p className="mb-4 text-sm">
        <Link href={base} className="text-muted hover:text-ink">
          ← Statements
        </Link>
      </p>
      <article className="rounded-lg border border-line bg-white px-6 py-8 shadow-sm sm:px-12 sm:py-10">
        <StatementHeader statement={statement} />
        <StatementText paragraphs={statement.paragraphs} language={statement.language} />
      </article>
    </div>
  );
}
