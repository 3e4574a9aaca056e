"use client";
// The statement header's claim count, kept current by the workbench: the header is rendered on the
// server, the count follows the claims others add and delete while the page is open.
import { createContext, useContext } from "react";

const ClaimCount = createContext<number | null>(null);

export const ClaimCountProvider = ClaimCount.Provider;

/** The workbench's live count inside it; the server's count anywhere else. */
export function LiveClaimCount({ initial }: { initial: number }) {
  const live = useContext(ClaimCount);
  return <>{live ?? initial}</>;
}
