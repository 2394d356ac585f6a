// `displayName` must be a PascalCase identifier (it names `create<Name>Client`); any title, in any
// script or none at all, has to become one.

export function displayNameFrom(title: unknown, vendor: string): string {
  const fromTitle = pascal(typeof title === 'string' ? title : '');
  if (fromTitle) return fromTitle;
  return pascal(vendor) || 'Api';
}

function pascal(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  // A title such as "1Password Connect" cannot start an identifier with a digit.
  if (/^[0-9]/.test(name)) name = `Api${name}`;
  // Long titles ("Microsoft Azure … Management Client") make unwieldy function names.
  return name.slice(0, 48);
}
