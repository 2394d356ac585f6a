// Deliveries whose body is an urlencoded form (`delivery: 'form'`), as telephony and messaging
// platforms send their callbacks. The fields are read as the Fetch standard's URLSearchParams reads
// them (`+` a space, percent escapes UTF-8), so the verifier signs and returns what a form parser gives.

import { bodyText } from './bytes.ts';
import { failure, type RawBody, type VerifyResult } from './types.ts';

/** Each field name with its values, in the order the names first appear. */
function fieldsOf(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  // forEach, not for…of: the Web libraries the runtime is checked against (ES2023 + WebWorker,
  // without WebWorker.Iterable) do not declare URLSearchParams iterable.
  new URLSearchParams(text).forEach((value, name) => {
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  });
  return fields;
}

/**
 * The `{form}` part of a signed payload: the fields sorted by name (UTF-16 code units), each name
 * followed by its value; a name sent several times is written once per distinct value, the values
 * sorted: the construction schemes that sign a form's fields after the URL use (the oracle test
 * checks it against one vendor's SDK).
 */
export function sortedFieldText(text: string): string {
  const fields = fieldsOf(text);
  let out = '';
  for (const name of [...fields.keys()].sort()) {
    for (const value of [...new Set(fields.get(name))].sort()) out += name + value;
  }
  return out;
}

/**
 * A verified form delivery as its event: one property per field name, its value a string, or an
 * array of strings for a name sent several times. A body that is not UTF-8 is refused, as for JSON.
 */
export function parseFormDelivery(body: RawBody): VerifyResult<unknown> {
  const text = bodyText(body);
  if (text === undefined) return failure('unparsable-body', 'body is not valid UTF-8');
  // fromEntries defines each name as an own property, `__proto__` included.
  const event = Object.fromEntries([...fieldsOf(text)].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
  return { ok: true, event };
}
