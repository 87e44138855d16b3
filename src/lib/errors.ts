/**
 * An error caused by what the user asked for (a bad name, an unknown option, a file that would be
 * overwritten). Its message is one line meant for the user; the bin prints it without a stack trace
 * and exits with {@link UsageError.exitCode}.
 */
export class UsageError extends Error {
  static readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}
