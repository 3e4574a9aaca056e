import type { CommentSegment } from "@/lib/mentions";

// A comment's text as React text nodes (never HTML), mentions set apart, line breaks kept.
export function CommentBody({ segments, className = "" }: { segments: readonly CommentSegment[]; className?: string }) {
  return (
    <p className={`whitespace-pre-wrap break-words text-sm leading-relaxed text-ink ${className}`} dir="auto">
      {segments.map((segment, i) =>
        segment.kind === "text" ? (
          segment.text
        ) : (
          <span key={i} data-mention={segment.userId} className="rounded bg-blue-50 px-0.5 font-medium text-accent">
            @{segment.name}
          </span>
        ),
      )}
    </p>
  );
}
