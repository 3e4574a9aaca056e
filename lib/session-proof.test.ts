import { describe, expect, it } from "vitest";
import { signSessionVersionProof, verifySessionVersionProof } from "./session-proof";

const SECRET = "a test secret of enough length";

describe("session version proofs", () => {
  it("moves the signed user's token from the signed version to the next", () => {
    const proof = signSessionVersionProof(SECRET, "user-1", 3, 4);
    expect(verifySessionVersionProof(SECRET, "user-1", 3, proof)).toBe(4);
  });

  it("refuses another user, another starting version, another secret or a tampered proof", () => {
    const proof = signSessionVersionProof(SECRET, "user-1", 3, 4);
    expect(verifySessionVersionProof(SECRET, "user-2", 3, proof)).toBeNull();
    expect(verifySessionVersionProof(SECRET, "user-1", 2, proof)).toBeNull();
    expect(verifySessionVersionProof("another secret entirely", "user-1", 3, proof)).toBeNull();
    expect(verifySessionVersionProof(SECRET, "user-1", 3, proof.replace(".4.", ".9."))).toBeNull();
    expect(verifySessionVersionProof(SECRET, "user-1", 3, "3.4.")).toBeNull();
    expect(verifySessionVersionProof(SECRET, "user-1", 3, { sv: 4 })).toBeNull();
    expect(verifySessionVersionProof(SECRET, undefined, 3, proof)).toBeNull();
  });
});
