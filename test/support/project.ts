// The project the vendor-generic suites run over, and its vendors as specs/lock.json pins them.
// Normally this repository; SVCGEN_TEST_PROJECT names another project root (a lock, overlays and
// generated/ of its own), which is how test/unit/fourth-vendor.test.ts runs those suites over a
// throwaway vendor. Suites take their vendor list from here, never from a list of names.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listVendors } from '../../generator/load/index.ts';

/** This checkout: its tsconfig files, node_modules and sources. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The project whose lock, overlays and generated output the generic suites read. */
export const PROJECT_ROOT = process.env.SVCGEN_TEST_PROJECT ? path.resolve(process.env.SVCGEN_TEST_PROJECT) : REPO_ROOT;

/** Every vendor pinned in the project's specs/lock.json, sorted. */
export async function pinnedVendors(root: string = PROJECT_ROOT): Promise<string[]> {
  return (await listVendors(root)).sort();
}
