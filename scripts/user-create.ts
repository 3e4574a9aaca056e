// npm run user:create -- --email a@b.org --name "A B" [--password …]
// Creates a user through the same service as the app (validation, argon2id hashing, duplicate check).
import { createInterface } from "node:readline";
import { createUserAccount } from "../lib/server/accounts";
import { db } from "../lib/server/db";
import { ServiceError } from "../lib/server/errors";
import { parseUserCreateArgs, USER_CREATE_USAGE } from "./user-create-args";

async function main(): Promise<number> {
  const args = parseUserCreateArgs(process.argv.slice(2));
  if (args.kind === "help") {
    console.log(USER_CREATE_USAGE);
    return 0;
  }
  if (args.kind === "error") {
    console.error(`user:create: ${args.message}\n\n${USER_CREATE_USAGE}`);
    return 2;
  }

  let password = args.password ?? process.env.FACTDESK_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error("user:create: no password given. Pass --password, set FACTDESK_PASSWORD, or run it in a terminal to be asked.");
      return 2;
    }
    password = await askHidden("Password (12 to 256 characters): ");
    const again = await askHidden("Password again: ");
    if (password !== again) {
      console.error("user:create: the two passwords do not match; nothing was created.");
      return 1;
    }
  }

  try {
    const user = await createUserAccount({ email: args.email, name: args.name, password });
    console.log(`Created user ${user.name} <${user.email}> (id ${user.id}).`);
    console.log("They can sign in now. Add them to a desk from that desk's Members page.");
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) {
      const fields = Object.keys(error.fieldErrors ?? {}).length > 0;
      // The form-level wording ("correct the highlighted fields") means nothing in a terminal.
      console.error(`user:create: ${fields && error.code === "invalid" ? "some values are not valid." : error.message} Nothing was created.`);
      for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
        console.error(`  ${field}: ${messages.join(" ")}`);
      }
      return 1;
    }
    if ((error as { code?: string }).code === "P2021") {
      console.error("user:create: the database has no tables yet. Run `npm run db:migrate` first.");
      return 1;
    }
    console.error(`user:create failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
    let prompted = false;
    output._writeToOutput = (text: string) => {
      // The prompt itself is written once; everything typed after it stays hidden.
      if (!prompted) {
        prompted = true;
        process.stdout.write(text);
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

const code = await main();
await db().$disconnect().catch(() => {});
process.exit(code);
