// A server object's URL as a client can use it: its variables at their defaults (the first enum
// value when there is no default), absolute http(s), no trailing slash. Shared by the inferred
// profile's servers (profile-infer/servers.ts) and operations' own servers (operation-servers.ts).

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The server's URL with every variable that has a default (or an enum) replaced; others stay `{name}`. */
export function withVariableDefaults(server: Record<string, any>): string {
  return String(server.url).replace(/\{([^}]*)\}/g, (whole, name: string) => {
    const variable = isRecord(server.variables) ? server.variables[name] : undefined;
    if (isRecord(variable) && variable.default !== undefined) return String(variable.default);
    if (isRecord(variable) && Array.isArray(variable.enum) && variable.enum.length) return String(variable.enum[0]);
    return whole;
  });
}

/** `url` as an absolute http(s) URL without a trailing slash (a relative one resolved against an http(s) `base`), or undefined. */
export function absoluteHttpUrl(url: string, base?: string): string | undefined {
  if (/\{[^}]*\}/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return stripSlash(parsed.href);
  } catch {
    if (!base || !/^https?:\/\//.test(base)) return undefined;
    try {
      return stripSlash(new URL(url, base).href);
    } catch {
      return undefined;
    }
  }
}

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
