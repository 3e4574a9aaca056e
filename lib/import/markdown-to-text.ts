// Plain text from Markdown: the words as a reader sees them, without the markup characters.

export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(line);
      continue;
    }
    // Setext heading underlines and horizontal rules become paragraph breaks.
    if (/^\s*(=+|-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      out.push("");
      continue;
    }
    // Link reference definitions are not text.
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(line)) continue;
    out.push(inline(block(line)));
  }
  return out.join("\n");
}

function block(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s{0,3}(>\s?)+/, "")
    .replace(/^(\s*)[*+-]\s+/, "$1- ");
}

function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, "$1$2")
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1");
}
