/**
 * Renders the template folders under `templates/`. A template reads like the file it produces:
 * `name.ext` is copied as it is, `name.ext.ejs` is rendered with EJS, and a path segment written
 * `dot-name` becomes `.name` (npm drops some dotfiles from packages, so none are stored as such).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import * as escape from './escape.js';

/** `templates/` at the package root: two levels up from both `src/lib` and `dist/lib`. */
export const TEMPLATES_ROOT = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface RenderedFile {
  /** POSIX path relative to the destination. */
  path: string;
  contents: string;
}

/** Escapers every template can call: `<%- py(value) %>`, `<%- xml(value) %>`, ... */
const helpers = {
  py: escape.pythonString,
  json: escape.jsonString,
  xml: escape.xml,
  ps: escape.powershellString,
  bat: escape.batchArgument,
};

/**
 * `<%= %>` would HTML-escape, which is right for no file we write: templates must say which format
 * a value is written into (`<%- py(value) %>`), or use `<%- %>` for values validated to be safe.
 */
function refuseHtmlEscape(): never {
  throw new Error('Templates must not use <%= %>: escape for the target format, e.g. <%- py(value) %>.');
}

export function outputPath(templatePath: string): string {
  return templatePath
    .split('/')
    .map((segment) => segment.replace(/^dot-/, '.'))
    .join('/')
    .replace(/\.ejs$/, '');
}

export function renderFile(templatePath: string, data: object): string {
  const source = readFileSync(join(TEMPLATES_ROOT, templatePath), 'utf8');
  if (!templatePath.endsWith('.ejs')) return source;
  return ejs.render(source, { ...helpers, ...data }, { filename: join(TEMPLATES_ROOT, templatePath), escape: refuseHtmlEscape });
}

/** Every file below `templates/<dir>`, rendered, with paths relative to that folder. */
export function renderDir(dir: string, data: object): RenderedFile[] {
  const base = join(TEMPLATES_ROOT, dir);
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
    .map((path) => ({ path: outputPath(path), contents: renderFile(`${dir}/${path}`, data) }));
}
