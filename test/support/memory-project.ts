import type { ProjectSnapshot } from '../../src/lib/project.js';

/** A destination folder held in memory: POSIX path -> contents; it reads as a disk does. */
export function memoryProject(files: Record<string, string>): ProjectSnapshot {
  const paths = Object.keys(files);
  const childrenOf = (dir: string) => {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...new Set(paths.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length).split('/')[0]!))];
  };
  return {
    read: (path) => {
      // As on disk: a path below a file cannot be read at all.
      const parts = path.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        if (parts.slice(0, depth).join('/') in files) throw new Error(`ENOTDIR: not a directory, stat '${path}'`);
      }
      return files[path];
    },
    list: (dir = '') => childrenOf(dir),
    isDirectory: (path) => paths.some((candidate) => candidate.startsWith(`${path}/`)),
  };
}
