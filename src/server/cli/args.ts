import type { z } from 'zod';

/** Bad usage (unknown sub-command, missing or invalid option): the CLI exits with code 2. */
export class UsageError extends Error {}

/** A failure the operator should read as a sentence (no such account …): exit code 1, no stack. */
export class CliFailure extends Error {}

/** Splits `--name value` / `--name=value` options from positional arguments; a repeated option is refused. */
export function parseArgs(args: string[]): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : args[i + 1];
    if (eq < 0) {
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      i += 1;
    }
    if (name in options) throw new UsageError(`--${name} is given twice.`);
    options[name] = value ?? '';
  }
  return { positional, options };
}

/** Validates options with a strict Zod schema and turns its issues into one readable usage error. */
export function parseOptions<T extends z.ZodType>(schema: T, options: Record<string, string>): z.infer<T> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => `  --${k}: unknown option`).join('\n');
    const field = issue.path.join('.');
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return `  --${field}: ${missing ? 'required' : issue.message}`;
  });
  throw new UsageError(`Invalid options:\n${lines.join('\n')}`);
}
