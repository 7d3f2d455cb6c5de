/**
 * The engine imports no Office.js, DOM or React (STYLE.md: hosts translate, front ends drive), so the
 * same engine serves the add-in, the web page and the command line. Import direction:
 * core ← hosts ← front ends; core imports only core files and the packages listed here.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const CORE = join(__dirname, '../../src/core');
const ALLOWED_PACKAGES = ['zod', 'opencc-js/t2cn', 'cnchar-order', 'cnchar'];
const FORBIDDEN_GLOBALS = /\b(Office|Excel|document|window|navigator|localStorage|XMLHttpRequest|fetch)\s*[.(]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

describe('engine import boundary', () => {
  const files = sourceFiles(CORE);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only core files and allowed packages', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = join(file, '..', spec);
        expect(relative(CORE, target).startsWith('..')).toBe(false);
      } else {
        expect(ALLOWED_PACKAGES).toContain(spec);
      }
    }
    expect(text).not.toMatch(/\.tsx$/);
    expect(FORBIDDEN_GLOBALS.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).toBe(false);
  });

  it('catches a forbidden import (the check itself works)', () => {
    expect(importsOf("import { x } from 'react';\nconst y = require('office-js');")).toEqual(['react', 'office-js']);
    expect(FORBIDDEN_GLOBALS.test('await Excel.run(async (ctx) => {})')).toBe(true);
  });
});
