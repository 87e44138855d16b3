import type { ProjectSnapshot } from '../../src/lib/project.js';

/** A destination folder held in memory: POSIX path -> contents. */
export function memoryProject(files: Record<string, string>): ProjectSnapshot {
  const paths = Object.keys(files);
  const childrenOf = (dir: string) => {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...new Set(paths.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length).split('/')[0]!))];
  };
  return {
    read: (path) => files[path],
    list: (dir = '') => childrenOf(dir),
    isDirectory: (path) => paths.some((candidate) => candidate.startsWith(`${path}/`)),
  };
}
