// The key under which openapi-typescript lists an operation in `operations` (types.d.ts).
// openapi-typescript writes `#` in an operationId as `/` (it would otherwise read as a JSON
// pointer fragment), so `operations['Models#create']` does not exist; `operations['Models/create']`
// does. Two ids that differ only there cannot both survive the loader: it renames operationIds
// that camel-case alike (load/dedupe-operation-ids.ts), and `#` and `/` both split words.
export function typesOperationKey(operationId: string): string {
  return operationId.replaceAll('#', '/');
}
