// Command-line arguments of `npm run user:create`; pure so it is unit tested.

export type UserCreateArgs =
  | { kind: "help" }
  | { kind: "create"; email: string; name: string; password?: string }
  | { kind: "error"; message: string };

export const USER_CREATE_USAGE = `Usage: npm run user:create -- --email <address> --name "<full name>" [--password <password>]

Creates a Factdesk user who can sign in with that email and password (12 to 256 characters).
Without --password, the password is read from FACTDESK_PASSWORD, or asked for when run in a
terminal (preferred: a password on the command line ends up in the shell history).
The database is the one DATABASE_URL names (default file:./data/factdesk.db).`;

export function parseUserCreateArgs(argv: string[]): UserCreateArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    const match = /^--(email|name|password)(?:=(.*))?$/s.exec(arg);
    if (!match) return { kind: "error", message: `Unknown argument: ${arg}` };
    const key = match[1]!;
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) return { kind: "error", message: `--${key} needs a value.` };
      i++;
    }
    values[key] = value;
  }
  if (!values.email) return { kind: "error", message: "--email is required." };
  if (!values.name) return { kind: "error", message: "--name is required." };
  return { kind: "create", email: values.email, name: values.name, password: values.password };
}
