import type { Choice } from './options.js';

/** Python versions the Functions v4 runtime runs on Linux (3.10 reached end of support on 2026-10-31). */
export const FUNCTIONS_PYTHON_VERSIONS: readonly Choice[] = [
  { value: '3.11', summary: 'GA' },
  { value: '3.12', summary: 'GA' },
  { value: '3.13', summary: 'GA' },
  { value: '3.14', summary: 'preview' },
];

export const DEFAULT_FUNCTIONS_PYTHON = '3.12';

export function isPreviewPython(version: string, versions: readonly Choice[]): boolean {
  return versions.find((choice) => choice.value === version)?.summary === 'preview';
}
