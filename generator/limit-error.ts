// A run stopped by a limit the user can move (a generation worker's heap), neither by its input
// (SvcgenInputError, exit 2) nor by a bug: the CLI prints the message alone, no stack, and exits 1.
export class SvcgenLimitError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SvcgenLimitError';
  }
}
