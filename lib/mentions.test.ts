import { describe, expect, it } from "vitest";
import {
  editableText,
  encodeMentions,
  insertMention,
  mentionQueryAt,
  mentionToken,
  plainText,
  segmentComment,
  suggestMembers,
  type MentionMember,
} from "./mentions";

const eddie = { id: "u-eddie", name: "Eddie Editor" };
const ed = { id: "u-ed", name: "Eddie" };
const chris = { id: "u-chris", name: "Chris Checker" };
const chris2 = { id: "u-chris2", name: "chris checker" };
const zoe = { id: "u-zoe", name: "Zoë Łukasiewicz" };
const members: MentionMember[] = [eddie, ed, chris, zoe];

describe("encodeMentions", () => {
  it("turns @Name of a member into a token, longest name first, ignoring case", () => {
    const { body, mentionedIds } = encodeMentions("@eddie editor, see this. Thanks @Eddie!", members);
    expect(body).toBe("@[Eddie Editor](u-eddie), see this. Thanks @[Eddie](u-ed)!");
    expect(mentionedIds).toEqual(["u-eddie", "u-ed"]);
  });

  it("needs a word boundary on both sides", () => {
    expect(encodeMentions("mail eddie@Eddie.org or @Eddies", members)).toEqual({ body: "mail eddie@Eddie.org or @Eddies", mentionedIds: [] });
    expect(encodeMentions("(@Zoë Łukasiewicz)", members).mentionedIds).toEqual(["u-zoe"]);
    expect(encodeMentions("@Eddie Editorial", members)).toEqual({ body: "@[Eddie](u-ed) Editorial", mentionedIds: ["u-ed"] });
  });

  it("lists each person once however often they are named", () => {
    expect(encodeMentions("@Chris Checker and @chris checker", members).mentionedIds).toEqual(["u-chris"]);
  });

  it("leaves a name shared by two members as text, but keeps a token naming one of them", () => {
    const both = [...members, chris2];
    expect(encodeMentions("@Chris Checker", both)).toEqual({ body: "@Chris Checker", mentionedIds: [] });
    expect(encodeMentions(`${mentionToken(chris2)} please`, both)).toEqual({ body: "@[chris checker](u-chris2) please", mentionedIds: ["u-chris2"] });
  });

  it("keeps text that only looks like a token of a non-member, and mentions nobody", () => {
    const text = "ask @[Otto Outsider](u-otto) or @Otto Outsider";
    expect(encodeMentions(text, members)).toEqual({ body: text, mentionedIds: [] });
  });

  it("refreshes a token's label to the member's current name", () => {
    expect(encodeMentions("@[Old name](u-chris)", members).body).toBe("@[Chris Checker](u-chris)");
  });
});

describe("segmentComment and editableText", () => {
  const stored = encodeMentions("Hi @Eddie Editor, <b>look</b> @[Otto](u-otto)", members).body;
  const mentioned = new Map([["u-eddie", "Eddie E. Editor"]]);

  it("draws only the tokens of mentioned people, under their current name; the rest is text", () => {
    expect(segmentComment(stored, mentioned)).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", userId: "u-eddie", name: "Eddie E. Editor" },
      { kind: "text", text: ", <b>look</b> @[Otto](u-otto)" },
    ]);
    expect(plainText(segmentComment(stored, mentioned))).toBe("Hi @Eddie E. Editor, <b>look</b> @[Otto](u-otto)");
    expect(segmentComment("", mentioned)).toEqual([]);
  });

  it("gives the author back what they typed, a shared name as its token", () => {
    expect(editableText(stored, mentioned, members)).toBe("Hi @Eddie E. Editor, <b>look</b> @[Otto](u-otto)");
    const both = [...members, chris2];
    const body = encodeMentions(`@Eddie ${mentionToken(chris2)}`, both).body;
    const text = editableText(body, new Map([["u-ed", "Eddie"], ["u-chris2", "chris checker"]]), both);
    expect(text).toBe("@Eddie @[chris checker](u-chris2)");
    // Saving the edit unchanged mentions the same people.
    expect(encodeMentions(text, both).mentionedIds).toEqual(["u-ed", "u-chris2"]);
  });
});

describe("autocomplete", () => {
  it("finds the @query at the caret only where a mention can start", () => {
    expect(mentionQueryAt("Hi @Edd", 7)).toEqual({ start: 3, query: "Edd" });
    expect(mentionQueryAt("Hi @Eddie Ed", 12)).toEqual({ start: 3, query: "Eddie Ed" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("@Eddie, see", 11)).toBeNull();
    expect(mentionQueryAt("@Eddie\nnext", 11)).toBeNull();
    expect(mentionQueryAt("no at sign", 5)).toBeNull();
  });

  it("suggests members by the start of their name or of a word of it", () => {
    expect(suggestMembers("ed", members).map((m) => m.id)).toEqual(["u-ed", "u-eddie"]);
    expect(suggestMembers("check", members).map((m) => m.id)).toEqual(["u-chris"]);
    expect(suggestMembers("łuk", members).map((m) => m.id)).toEqual(["u-zoe"]);
    expect(suggestMembers("", members)).toHaveLength(4);
    expect(suggestMembers("x", members)).toEqual([]);
  });

  it("inserts the name (or a token for a shared name) and moves the caret after it", () => {
    expect(insertMention("Hi @Ed please", 3, 6, eddie, members)).toEqual({ text: "Hi @Eddie Editor please", caret: 16 });
    expect(insertMention("Hi @Ed", 3, 6, eddie, members)).toEqual({ text: "Hi @Eddie Editor ", caret: 17 });
    const both = [...members, chris2];
    expect(insertMention("@chr", 0, 4, chris2, both).text).toBe("@[chris checker](u-chris2) ");
  });
});
