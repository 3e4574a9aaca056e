-- DropIndex
DROP INDEX "Verdict_claimId_idx";

-- DropIndex
DROP INDEX "Verdict_status_updatedAt_idx";

-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN "submittedAt" DATETIME;

-- CreateTable
CREATE TABLE "CommentMention" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("commentId", "userId"),
    CONSTRAINT "CommentMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VerdictVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "verdictId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "levelId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sourcesJson" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "VerdictVersion_verdictId_fkey" FOREIGN KEY ("verdictId") REFERENCES "Verdict" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VerdictVersion_levelId_fkey" FOREIGN KEY ("levelId") REFERENCES "RatingLevel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "VerdictVersion_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_VerdictVersion" ("explanation", "id", "levelId", "submittedAt", "submittedById", "summary", "verdictId", "version") SELECT "explanation", "id", "levelId", "submittedAt", "submittedById", "summary", "verdictId", "version" FROM "VerdictVersion";
DROP TABLE "VerdictVersion";
ALTER TABLE "new_VerdictVersion" RENAME TO "VerdictVersion";
CREATE UNIQUE INDEX "VerdictVersion_verdictId_version_key" ON "VerdictVersion"("verdictId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CommentMention_userId_idx" ON "CommentMention"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Verdict_claimId_key" ON "Verdict"("claimId");

-- CreateIndex
CREATE INDEX "Verdict_status_submittedAt_idx" ON "Verdict"("status", "submittedAt");
