// placeholder replaced below
export async function runUpdate(_args: string[]): Promise<number> {
  return 2;
}
