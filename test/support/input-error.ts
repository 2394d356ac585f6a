// The SvcgenInputError a call throws, for asserting its file, pointer and message; anything else
// it throws is rethrown, and a call that does not throw fails the test.
import { SvcgenInputError } from '../../generator/load/errors.ts';

export function inputError(run: () => unknown): SvcgenInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof SvcgenInputError) return error;
    throw error;
  }
  throw new Error('expected an input error');
}
