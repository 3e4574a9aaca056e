// Builders for the export tests: a complete, published claim by default, overridable piece by piece.
import { STARTER_RATING_LEVELS } from "../starter-taxonomy";
import type { ExportClaim, ExportStatement, ExportVerdict, ExportWorkspace, ScaleLevel } from "./types";

export const starterLevels = (): ScaleLevel[] =>
  STARTER_RATING_LEVELS.map((l, position) => ({ id: l.label.toLowerCase().replace(/ /g, "-"), ...l, position, retiredAt: null }));

export const workspace = (over: Partial<ExportWorkspace> = {}): ExportWorkspace => ({
  name: "Norvania Desk",
  publisherName: "Example Fact Check",
  publicBaseUrl: "https://factcheck.example.org",
  ...over,
});

export const statement = (over: Partial<ExportStatement> = {}): ExportStatement => ({
  id: "st1",
  title: "Statement on mine clearance",
  speaker: "Ministry of Foreign Affairs of the Republic of Norvania",
  outlet: "Norvania Press Service",
  url: "https://mfa.norvania.example/press/303",
  publishedAt: "2023-07-29",
  language: "en",
  ...over,
});

export const verdict = (over: Partial<ExportVerdict> = {}): ExportVerdict => ({
  status: "published",
  levelId: "mostly-false",
  levelLabel: "Mostly false",
  summary: "The agency counted 287 victims, not 303.",
  explanation: "The mine action agency's register lists 287 victims [1].",
  author: { id: "u1", name: "Ada Checker" },
  reviewer: { id: "u2", name: "Eve Editor" },
  submittedAt: "2024-05-02T08:00:00.000Z",
  publishedAt: "2024-05-03T09:15:00.000Z",
  updatedAt: "2024-05-03T09:15:00.000Z",
  ...over,
});

export const claim = (over: Partial<ExportClaim> = {}): ExportClaim => ({
  id: "cl1",
  start: 10,
  end: 41,
  quote: "303 victims since November 2020",
  claimReviewed: "303 people fell victim to mines since November 2020",
  status: "checked",
  tags: ["statistic"],
  assignee: { id: "u1", name: "Ada Checker" },
  sources: [
    {
      url: "https://anama.example/register",
      title: "Victim register",
      publisher: "Mine Action Agency",
      publishedAt: "2024-04-30",
      excerpt: "287 victims recorded",
      stance: "refutes",
    },
  ],
  verdict: verdict(),
  createdAt: "2024-05-01T10:30:00.000Z",
  updatedAt: "2024-05-03T09:15:00.000Z",
  ...over,
});
