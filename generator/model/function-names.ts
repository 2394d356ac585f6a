// Function names are camelCased operationIds. Two ids can camelCase to the same name
// (`get_foo`, `GetFoo`); the later one in id order gets a numeric suffix, and the rename is
// reported like any other so the manifest tells the user.
import type { OperationModel, Rename } from './types.ts';

export function assignFunctionNames(ops: OperationModel[]): Rename[] {
  const renames: Rename[] = [];
  const taken = new Set<string>();
  for (const op of ops) {
    let name = op.functionName;
    for (let n = 2; taken.has(name); n++) name = `${op.functionName}${n}`;
    if (name !== op.functionName) {
      renames.push({
        from: op.functionName,
        to: name,
        operation: `${op.method.toUpperCase()} ${op.path}`,
        reason: 'function name collides with another operation after camel-casing',
      });
      op.functionName = name;
    }
    taken.add(name);
  }
  return renames;
}
