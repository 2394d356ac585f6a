// The inferred profile as the starter overlay specs/overlays/<vendor>/00-profile.yaml, with each
// note as a comment above the key it is about.
import { Document, isMap, isScalar } from 'yaml';
import type { InferredProfile } from './index.ts';

export function renderProfileOverlay(vendor: string, inferred: InferredProfile): string {
  const overlay = {
    overlay: '1.0.0',
    info: {
      title: `svcgen profile for ${inferred.profile.displayName as string}`,
      version: '1.0.0',
      description: `Inferred by \`svcgen add ${vendor}\` from the spec alone; every comment marks a guess or a gap to check.`,
    },
    actions: [{ target: '$', update: { 'x-svcgen': inferred.profile } }],
  };
  const doc = new Document(overlay);
  const profileNode = doc.getIn(['actions', 0, 'update', 'x-svcgen'], true);
  if (isMap(profileNode)) {
    // Notes about keys the profile leaves out (auth comes from the spec) head the profile.
    const present = new Set(profileNode.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined)));
    const absent = inferred.notes.filter((note) => !present.has(note.key)).map((note) => ` ${commentText(note.text)}`);
    const first = profileNode.items[0]?.key;
    if (absent.length && isScalar(first)) first.commentBefore = absent.join('\n');
    for (const pair of profileNode.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const texts = inferred.notes.filter((note) => note.key === key.value).map((note) => ` ${commentText(note.text)}`);
      if (texts.length) key.commentBefore = [key.commentBefore, ...texts].filter(Boolean).join('\n');
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * A note quotes the spec (a server URL, a scheme's name), and a comment cannot escape what YAML
 * refuses in its input (a NUL byte): such characters are written as \u escapes.
 */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
