/**
 * The real Excel JavaScript API's surface, read from @types/office-js (the declarations Microsoft
 * publishes with every requirement set): for each class of the `Excel` namespace, its members, the
 * requirement set each needs (the `[Api set: ExcelApi 1.x]` remark), whether a property is read-only,
 * and, for properties typed as a union of string literals, the values the host accepts.
 *
 * The fake (fake-excel.ts) checks every member it is asked for against this table, so a host that
 * uses a member the real API does not have, or one above the requirement set a test configures,
 * fails in the test as it would in Excel.
 */
import { readFileSync } from 'fs';
import ts from 'typescript';

export interface MemberInfo {
  kind: 'property' | 'method';
  /** The requirement set, e.g. { set: 'ExcelApi', version: '1.9' }; null when the remark gives none (context, items, load). */
  requirement: { set: string; version: string } | null;
  /** The remark as written ("ExcelApi 1.2 for options; 1.7 for password"). */
  remark: string | null;
  readonly: boolean;
  /** String literal values of a property typed as `Excel.X | "A" | "B"`. */
  literals: string[] | null;
}

export type ApiSurface = ReadonlyMap<string, ReadonlyMap<string, MemberInfo>>;

/** Members every client object inherits from OfficeExtension.ClientObject. */
export const CLIENT_OBJECT_MEMBERS = ['context', 'isNullObject'] as const;

let cached: ApiSurface | null = null;

export function excelApiSurface(): ApiSurface {
  if (cached) return cached;
  const file = require.resolve('@types/office-js/index.d.ts');
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const classes = new Map<string, Map<string, MemberInfo>>();
  const visit = (node: ts.Node, ns: string) => {
    if (ts.isModuleDeclaration(node)) {
      const name = ns ? `${ns}.${node.name.text}` : node.name.text;
      if (node.body && ts.isModuleBlock(node.body)) node.body.statements.forEach((s) => visit(s, name));
      return;
    }
    if (ns !== 'Excel' || !ts.isClassDeclaration(node) || !node.name) return;
    const members = classes.get(node.name.text) ?? new Map<string, MemberInfo>();
    for (const m of node.members) {
      if (!m.name || !(ts.isPropertyDeclaration(m) || ts.isMethodDeclaration(m))) continue;
      const name = m.name.getText(source);
      const doc = text.slice(m.pos, m.getStart(source));
      const remark = /\[Api set: ([^\]]*)\]/.exec(doc)?.[1] ?? null;
      const req = remark ? /^(\w+) (\d+\.\d+)/.exec(remark) : null;
      const info: MemberInfo = {
        kind: ts.isMethodDeclaration(m) ? 'method' : 'property',
        requirement: req ? { set: req[1], version: req[2] } : null,
        remark,
        readonly: ts.isPropertyDeclaration(m) && (m.modifiers ?? []).some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword),
        literals: null,
      };
      if (ts.isPropertyDeclaration(m) && m.type && ts.isUnionTypeNode(m.type)) {
        const lits = m.type.types.flatMap((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : []));
        if (lits.length > 0) info.literals = lits;
      }
      // Overloads: keep the lowest requirement seen (the first declaration in the file).
      if (!members.has(name)) members.set(name, info);
    }
    classes.set(node.name.text, members);
  };
  source.statements.forEach((s) => visit(s, ''));
  cached = classes;
  return classes;
}

/** Compares "1.10" > "1.9" numerically. */
export function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
