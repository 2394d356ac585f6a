// Function names are camelCased operationIds. Two ids can camelCase to the same name
// (`get_foo`, `GetFoo`); the later one in id order gets a numeric suffix, and the rename is
// reported like any other so the manifest tells the user.
//
// A paginated operation also exports `<name>All` (emit/operations.ts paginatorName), so that name
// is taken too: beside an operation `listItemsAll`, the paginator of `listItems` would be declared
// twice in operations.js, which then fails to load. Whichever of the two comes later in id order is
// renamed.
//
// The names the generated modules give besides the functions (model/module-names.ts: the client
// factory, the types index.ts re-exports, the webhook helpers) are taken before any operation's, so
// an operation whose function or paginator would have one of them is the one renamed.
//
// An operationId that camel-cases to a reserved word (`delete`, `eval`) already has the `_` that
// model/naming.ts appends; that is listed as a rename too, so a user looking for `delete` finds why.
import { isReservedWord } from './naming.ts';
import type { OperationModel, Rename } from './types.ts';

/** The name of the function that walks every page of a paginated operation named `functionName`. */
export function paginatorNameOf(functionName: string): string {
  return `${functionName}All`;
}

/** The module-level names an operation exports under `name`: its function, and its paginator if it has one. */
function exportsOf(op: OperationModel, name: string): string[] {
  return op.pagination ? [name, paginatorNameOf(name)] : [name];
}

/** What a name is taken by: an operation's function or its paginator, or a name the generated modules give themselves. */
type Holder =
  | {
      kind: 'function' | 'paginator';
      /** `METHOD /path` of the operation. */
      operation: string;
    }
  | {
      kind: 'module';
      /** What the name is (`an export of client.ts`). */
      what: string;
    };

function label(op: OperationModel): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

function collisionReason(op: OperationModel, taken: ReadonlyMap<string, Holder>): string {
  const [own, paginator] = exportsOf(op, op.functionName);
  const holder = taken.get(own!);
  if (holder?.kind === 'module') return `function name is ${holder.what}`;
  if (holder?.kind === 'paginator') return `function name is the name of the paginator of ${holder.operation}`;
  if (holder) return 'function name collides with another operation after camel-casing';
  const other = taken.get(paginator!);
  if (other?.kind === 'module') return `the name of its paginator, ${paginator}, is ${other.what}`;
  return `the name of its paginator, ${paginator}, is the function name of ${other?.operation}`;
}

/**
 * Gives each operation a function name of its own, clear of `reserved` (model/module-names.ts:
 * name → what holds it); returns the renames, each with its reason.
 */
export function assignFunctionNames(ops: OperationModel[], reserved: ReadonlyMap<string, string>): Rename[] {
  const renames: Rename[] = [];
  // Every module-level name given so far, and what it names.
  const taken = new Map<string, Holder>([...reserved].map(([name, what]) => [name, { kind: 'module', what }]));
  const free = (op: OperationModel, name: string) => exportsOf(op, name).every((n) => !taken.has(n));
  for (const op of ops) {
    const word = op.functionName.slice(0, -1);
    if (op.functionName.endsWith('_') && isReservedWord(word)) {
      renames.push({ from: word, to: op.functionName, operation: label(op), reason: `\`${word}\` cannot name a function in a JavaScript module` });
    }
    let name = op.functionName;
    for (let n = 2; !free(op, name); n++) name = `${op.functionName}${n}`;
    if (name !== op.functionName) {
      renames.push({
        from: op.functionName,
        to: name,
        operation: label(op),
        reason: collisionReason(op, taken),
      });
      op.functionName = name;
    }
    taken.set(name, { kind: 'function', operation: label(op) });
    if (op.pagination) taken.set(paginatorNameOf(name), { kind: 'paginator', operation: label(op) });
  }
  return renames;
}
