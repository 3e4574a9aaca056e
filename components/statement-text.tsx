/**
 * The statement as published, for reading: serif, a comfortable measure, one paragraph per block.
 * dir="auto" on each paragraph lets right-to-left paragraphs run right-to-left on their own.
 */
export function StatementText({ paragraphs, language }: { paragraphs: string[]; language?: string }) {
  return (
    <div lang={language || undefined} className="statement-text mt-8 max-w-[70ch] font-serif text-[1.1875rem] leading-[1.7] text-ink">
      {paragraphs.map((paragraph, i) => (
        <p key={i} dir="auto" className="mb-[1.1em] whitespace-pre-line break-words last:mb-0">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
