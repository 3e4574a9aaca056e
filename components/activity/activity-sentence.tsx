import Link from "next/link";
import type { ActivityRef, PhrasePart } from "@/lib/activity-phrases";

/** Where a reference of the log leads, inside this workspace. */
export function activityHref(slug: string, ref: ActivityRef): string {
  const base = `/w/${encodeURIComponent(slug)}`;
  switch (ref.kind) {
    case "claim":
      return `${base}/claims/${encodeURIComponent(ref.id)}`;
    case "statement":
      return `${base}/statements/${encodeURIComponent(ref.id)}`;
    case "comment":
      return `${base}/claims/${encodeURIComponent(ref.claimId)}#comment-${encodeURIComponent(ref.commentId)}`;
    case "tags":
      return `${base}/tags`;
    case "members":
      return `${base}/members`;
    case "settings":
      return `${base}/settings`;
    case "rating-scale":
      return `${base}/rating-scale`;
  }
}

/** The words of one event after its actor's name; what still exists is a link. */
export function ActivitySentence({ parts, slug }: { parts: readonly PhrasePart[]; slug: string }) {
  return (
    <>
      {parts.map((part, i) => {
        if (typeof part === "string") return <span key={i}>{part}</span>;
        const text = part.quoted ? `“${part.text}”` : part.text;
        return part.ref ? (
          <Link key={i} href={activityHref(slug, part.ref)} className="text-accent underline-offset-2 hover:underline">
            {text}
          </Link>
        ) : (
          <span key={i} className="text-ink">
            {text}
          </span>
        );
      })}
    </>
  );
}
