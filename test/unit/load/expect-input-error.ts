import { expect } from 'vitest';
import { SvcgenInputError } from '../../../generator/load/errors.ts';

/** Awaits a rejection with SvcgenInputError (the CLI's exit-2 class) and returns it. */
export async function inputError(work: Promise<unknown>): Promise<SvcgenInputError> {
  let caught: unknown;
  try {
    await work;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the load to fail').toBeInstanceOf(SvcgenInputError);
  const error = caught as SvcgenInputError;
  expect(error.message.startsWith(error.file), `message should start with the file: ${error.message}`).toBe(true);
  if (error.pointer !== undefined) expect(error.message).toContain(`#${error.pointer}`);
  if (error.line !== undefined) expect(error.message).toContain(`:${error.line}`);
  return error;
}
