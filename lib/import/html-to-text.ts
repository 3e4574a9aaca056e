// Plain text from an HTML page: the statement's paragraphs, without navigation, scripts or markup.
import { HTMLElement, parse, TextNode, type Node } from "node-html-parser";

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "nav", "aside", "form", "button", "svg", "iframe", "select"]);
const BLOCKS = new Set([
  "address", "article", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table",
  "tbody", "td", "th", "thead", "tr", "ul", "caption", "details", "summary",
]);

export type HtmlText = { text: string; title?: string };

export function htmlToText(html: string): HtmlText {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true, noscript: false } });
  // A page's statement usually sits in <article> or <main>; the rest is chrome around it.
  const content = root.querySelector("article") ?? root.querySelector("main") ?? root.querySelector("body") ?? root;
  const paragraphs: string[] = [];
  let line = "";
  const flush = () => {
    const cleaned = line
      .split("\n")
      .map((l) => l.replace(/[ \t\r\f\n]+/g, " ").trim())
      .join("\n")
      .trim();
    if (cleaned) paragraphs.push(cleaned);
    line = "";
  };
  const walk = (node: Node, pre: boolean) => {
    if (node instanceof TextNode) {
      line += pre ? node.text : node.text.replace(/[ \t\r\n\f]+/g, " ");
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = node.rawTagName?.toLowerCase() ?? "";
    if (SKIPPED.has(tag)) return;
    if (tag === "br") {
      line += "\n";
      return;
    }
    if (tag === "pre") {
      flush();
      paragraphs.push(...node.text.split(/\n\s*\n/).map((p) => p.replace(/\s+$/gm, "")).filter((p) => p.trim()));
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child, pre);
    if (block) flush();
  };
  walk(content, false);
  flush();
  const h1 = root.querySelector("h1")?.text.replace(/\s+/g, " ").trim();
  const title = root.querySelector("title")?.text.replace(/\s+/g, " ").trim();
  return { text: paragraphs.join("\n\n"), title: h1 || title || undefined };
}
