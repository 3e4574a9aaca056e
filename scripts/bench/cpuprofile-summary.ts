// Sums a V8 .cpuprofile (node --cpu-prof) by function and by package, to see where a server's CPU
// time goes under a workload without depending on wall-clock noise from the rest of the machine.
//   npx tsx scripts/bench/cpuprofile-summary.ts /tmp/x/CPU.*.cpuprofile [--top 40] [--match text]
// Self time: samples whose top frame is the function. Total time: samples with the function
// anywhere on the stack (counted once per sample, so recursion does not inflate it).
// --match limits the samples to those with a frame whose name or url contains the text, e.g. to
// see only what happens below a given function.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const top = Number(flag("--top") ?? 40);
const match = flag("--match");
/** Only samples between these seconds from the profile's start ("12-30"); the timeline shows where a workload ran. */
const window = flag("--window")?.split("-").map(Number);
const timeline = args.includes("--timeline") ? (args.splice(args.indexOf("--timeline"), 1), true) : false;

/** Which package (or our own code, or node's internals) a frame's url belongs to. */
export function packageOf(url: string): string {
  if (!url) return "(native/vm)";
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's own precompiled copies (react-dom, webpack runtime…) say which one.
    if (name === "next" && rest[1] === "dist" && rest[2] === "compiled") return `next/compiled/${rest[3]}`;
    if (name === "next" && rest[1] === "dist") return `next/${rest[2]}`;
    return name;
  }
  const chunk = /\/(\.next[^/]*)\/server\/(.*)$/.exec(url);
  if (chunk) return `app bundle (${chunk[2]!.split("/").slice(0, 2).join("/")})`;
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}

// Minified frames of a Next build are mapped back to their sources through the build's source maps
// (Turbopack writes them beside the server chunks), so "our code" and the libraries bundled into
// the app show under their own names. trace-mapping comes with the toolchain; without it, frames
// stay as they are.
type Mapper = (frame: CallFrame) => CallFrame;
async function sourceMapper(): Promise<Mapper> {
  let tm: typeof import("@jridgewell/trace-mapping");
  try {
    tm = await import("@jridgewell/trace-mapping");
  } catch {
    return (frame) => frame;
  }
  const maps = new Map<string, InstanceType<typeof tm.TraceMap> | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      maps.set(url, file.includes("/.next") && existsSync(`${file}.map`) ? new tm.FlattenMap(readFileSync(`${file}.map`, "utf8")) : null);
    }
    return maps.get(url)!;
  };
  const cache = new Map<string, CallFrame>();
  return (frame) => {
    const map = frame.url ? mapOf(frame.url) : null;
    if (!map) return frame;
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    let mapped = cache.get(key);
    if (!mapped) {
      const pos = tm.originalPositionFor(map, { line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) });
      mapped = pos.source
        ? { functionName: pos.name ?? frame.functionName, url: decodeURIComponent(pos.source).replace(/^(\.\.\/)+/, "").replace(/^\[project\]\//, ""), lineNumber: (pos.line ?? 1) - 1, columnNumber: pos.column ?? 0 }
        : frame;
      cache.set(key, mapped);
    }
    return mapped;
  };
}

function summarize(file: string, mapFrame: Mapper) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  for (const n of profile.nodes) n.callFrame = mapFrame(n.callFrame);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const stackOf = (id: number) => {
    const stack: Node[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    return stack;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  let all = 0;
  let idle = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const busyPerSecond: number[] = [];
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]! / 1000;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (window && (at < window[0]! * 1000 || at > window[1]! * 1000)) continue;
    const stack = stackOf(profile.samples[i]!);
    const leaf = stack[0]!;
    if (leaf.callFrame.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    busyPerSecond[Math.floor(at / 1000)] = (busyPerSecond[Math.floor(at / 1000)] ?? 0) + dt;
    if (match && !stack.some((n) => n.callFrame.functionName.includes(match) || n.callFrame.url.includes(match))) continue;
    all += dt;
    add(self, label(leaf), dt);
    add(pkgSelf, packageOf(leaf.callFrame.url), dt);
    for (const key of new Set(stack.map(label))) add(total, key, dt);
  }
  const wall = (profile.endTime - profile.startTime) / 1000;
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${v.toFixed(0).padStart(8)} ms ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`);
  };
  console.log(`${file}: ${wall.toFixed(0)} ms profiled, ${idle.toFixed(0)} ms idle, ${all.toFixed(0)} ms busy${match ? ` below "${match}"` : ""}`);
  if (timeline) console.log(`busy ms per second: ${[...busyPerSecond].map((v, s) => `${s}:${Math.round(v ?? 0)}`).join(" ")}`);
  print("Self time by package", pkgSelf);
  print("Self time by function", self);
  print("Total time by function", total);
}

const mapFrame = await sourceMapper();
for (const file of args) summarize(file, mapFrame);
