/** A mistake in how the command was called: its message (Chinese) and the usage go to stderr, exit 2. */
export class UsageError extends Error {}
