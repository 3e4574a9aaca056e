import { describe, expect, it } from "vitest";
import { parseUserCreateArgs } from "./user-create-args";

describe("parseUserCreateArgs", () => {
  it("reads --key value and --key=value forms", () => {
    expect(parseUserCreateArgs(["--email", "a@b.org", "--name=A B", "--password", "long enough secret"])).toEqual({
      kind: "create",
      email: "a@b.org",
      name: "A B",
      password: "long enough secret",
    });
  });

  it("leaves the password out when not given", () => {
    expect(parseUserCreateArgs(["--name", "A B", "--email", "a@b.org"])).toEqual({ kind: "create", email: "a@b.org", name: "A B", password: undefined });
  });

  it("explains what is missing or unknown", () => {
    expect(parseUserCreateArgs(["--name", "A B"])).toEqual({ kind: "error", message: "--email is required." });
    expect(parseUserCreateArgs(["--email", "a@b.org"])).toEqual({ kind: "error", message: "--name is required." });
    expect(parseUserCreateArgs(["--email"])).toEqual({ kind: "error", message: "--email needs a value." });
    expect(parseUserCreateArgs(["--email", "--name", "x"])).toEqual({ kind: "error", message: "--email needs a value." });
    expect(parseUserCreateArgs(["--role", "admin"])).toEqual({ kind: "error", message: "Unknown argument: --role" });
  });

  it("answers --help", () => {
    expect(parseUserCreateArgs(["--email", "a@b.org", "--help"])).toEqual({ kind: "help" });
  });
});
