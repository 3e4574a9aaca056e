import "server-only";
import { escapeHtml, renderHtmlReport } from "@/lib/export/html-report";
import { escapeInline, renderMarkdownReport } from "@/lib/export/markdown-report";
import { formatDateTime } from "@/lib/text/dates";
import { NotFound, ServiceError, httpStatus } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/permissions";
import { PdfUnavailable, renderPdf } from "@/lib/server/pdf";
import type { ReportData } from "@/lib/server/reports";
import { requireUser } from "@/lib/server/session";
import { getWorkspace } from "@/lib/server/workspaces";

// What the two report routes share: the signed-in user, the workspace by its slug (a non-member
// gets the same 404 as for a missing one), the format and drafts switch from the address, one
// service call, and the document in the format asked for — or a short page saying what went wrong.

export const REPORT_FORMATS = ["html", "pdf", "md"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const TYPES: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};

// The report is a document, never an app page: even if escaping failed, nothing in it could run,
// load, submit or be framed.
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const COMMON = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

/** "drafts=1" (or true/on/yes) asks for unapproved verdicts; anything else leaves them out. */
export function wantsDrafts(params: URLSearchParams): boolean {
  return ["1", "true", "on", "yes"].includes((params.get("drafts") ?? "").toLowerCase());
}

/** An ASCII file name from the report's title and day: "factcheck-budget-speech-2024-06-01.pdf". */
export function reportFileName(title: string, generatedAt: string, format: ReportFormat): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "report";
  return `factcheck-${slug}-${generatedAt.slice(0, 10)}.${format}`;
}

function markdownOf(data: ReportData): string {
  const reports = data.statements.map((statement) =>
    renderMarkdownReport({ workspace: data.workspace, statement, claims: statement.claims, includeDrafts: data.includeDrafts, generatedAt: data.generatedAt }),
  );
  if (!data.selection) return reports[0] ?? "";
  const head = [
    `# Fact-check report`,
    "",
    `${escapeInline(data.workspace.name)}, generated ${formatDateTime(data.generatedAt)}. ${data.statements.length} ${data.statements.length === 1 ? "statement" : "statements"}.`,
    "",
    ...data.selection.filters.map((f) => `- **${escapeInline(f.label)}:** ${escapeInline(f.value)}`),
  ].join("\n");
  return [head.trimEnd() + "\n", ...reports].join("\n---\n\n");
}

/** A small, self-contained page for a refusal, with a way back. */
function problemPage(status: number, title: string, message: string, back: { href: string; label: string } | null): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;color:#1f2933;background:#fbfaf7;margin:0}main{max-width:36rem;margin:4rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #e4e1da;border-radius:8px}h1{font-size:1.25rem;margin:0 0 .5rem}p{line-height:1.5}a{color:#1d4ed8}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>${back ? `<p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p>` : ""}</main></body></html>`;
  return new Response(body, { status, headers: { ...COMMON, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": HTML_CSP } });
}

/**
 * Runs `load` for the signed-in member of workspace `slug` and answers the report in the format
 * of `?format=` (html by default). `back` is where a refusal page links to.
 */
export async function reportResponse(
  request: Request,
  slug: string,
  back: (workspaceSlug: string, search: URLSearchParams) => { href: string; label: string },
  load: (actor: Actor, workspaceId: string, params: URLSearchParams, includeDrafts: boolean) => Promise<ReportData>,
): Promise<Response> {
  const user = await requireUser();
  const params = new URL(request.url).searchParams;
  let workspace: { id: string; slug: string };
  try {
    workspace = await getWorkspace(user, { slug });
  } catch (error) {
    if (error instanceof NotFound) return problemPage(404, "Page not found", "This page does not exist or you do not have access to it.", null);
    throw error;
  }
  const backLink = back(workspace.slug, params);
  const format = (params.get("format") ?? "html").toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return problemPage(400, "Unknown report format", `“${format}” is not a report format. Choose html, pdf or md.`, backLink);
  }

  let data: ReportData;
  try {
    data = await load(user, workspace.id, params, wantsDrafts(params));
  } catch (error) {
    if (error instanceof NotFound) return problemPage(404, "Page not found", "This page does not exist or you do not have access to it.", null);
    if (error instanceof ServiceError) {
      const fields = Object.values(error.fieldErrors ?? {}).flat();
      const message = fields.length && !fields.includes(error.message) ? `${error.message} ${fields.join(" ")}` : error.message;
      return problemPage(httpStatus(error), "The report could not be made", message, backLink);
    }
    throw error;
  }

  const name = reportFileName(data.title, data.generatedAt, format as ReportFormat);
  const html = format === "md" ? "" : renderHtmlReport(data);
  let body: string | Uint8Array;
  if (format === "pdf") {
    try {
      body = new Uint8Array(await renderPdf(html));
    } catch (error) {
      if (error instanceof PdfUnavailable) return problemPage(503, "PDF export is not available", error.message, backLink);
      throw error;
    }
  } else {
    body = format === "md" ? markdownOf(data) : html;
  }
  const headers: Record<string, string> = {
    ...COMMON,
    "Content-Type": TYPES[format as ReportFormat],
    "Content-Disposition": `${format === "html" ? "inline" : "attachment"}; filename="${name}"`,
  };
  if (format === "html") headers["Content-Security-Policy"] = HTML_CSP;
  return new Response(body as BodyInit, { status: 200, headers });
}
