// Changes grouped the way every format prints them: per vendor, per operation (with its generated
// function), then the document-level groups.
import type { Change, VendorDiff } from '../types.ts';

export interface ChangeGroup {
  /** `POST /v1/customers`, `components`, `webhooks`, `auth & servers`. */
  title: string;
  function?: string;
  changes: Change[];
}

export function groupChanges(diff: VendorDiff): ChangeGroup[] {
  const byOp = new Map<string, ChangeGroup>();
  const rest: Record<string, ChangeGroup> = {
    components: { title: 'components', changes: [] },
    webhooks: { title: 'webhooks', changes: [] },
    document: { title: 'auth & servers', changes: [] },
  };
  for (const change of diff.changes) {
    if (change.operation) {
      let group = byOp.get(change.operation);
      if (!group) byOp.set(change.operation, (group = { title: change.operation, ...(change.function ? { function: change.function } : {}), changes: [] }));
      group.changes.push(change);
    } else if (change.pointer.startsWith('/components/schemas')) rest.components!.changes.push(change);
    else if (change.kind.startsWith('webhook-')) rest.webhooks!.changes.push(change);
    else rest.document!.changes.push(change);
  }
  const ops = [...byOp.values()].sort((a, b) => (pathOf(a.title) + a.title < pathOf(b.title) + b.title ? -1 : 1));
  return [...ops, ...Object.values(rest).filter((g) => g.changes.length > 0)];
}

function pathOf(title: string): string {
  return title.slice(title.indexOf(' ') + 1);
}

export function label(change: Change): string {
  return change.classification === 'breaking' ? 'BREAKING' : change.classification === 'deprecation' ? 'deprecated' : 'ok';
}

/** `used by 3 operations: getCustomers, postCustomers, …` for component changes. */
export function affectsText(change: Change, max = 5): string {
  const list = change.affects ?? [];
  if (list.length === 0) return '';
  const names = list.map((a) => a.function || a.operation);
  return ` (used by ${list.length} operation${list.length === 1 ? '' : 's'}: ${names.slice(0, max).join(', ')}${names.length > max ? ', …' : ''})`;
}
