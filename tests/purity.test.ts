import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Folders that must stay pure: no framework, no storage, no Node, no browser. */
const PURE_DIRS = ['src/rules', 'src/quiz', 'src/authoring', 'src/present'].map((dir) => join(ROOT, dir));
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const TEST_OR_BENCH = /\.(?:test|bench)\.[cm]?[jt]sx?$/;
const FORBIDDEN_GLOBALS = new Set(['document', 'window', 'process']);
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

function isForbiddenSpecifier(specifier: string): boolean {
  const root = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return (
    specifier.startsWith('node:') ||
    specifier.startsWith('astro:') ||
    root === 'astro' ||
    root === 'preact' ||
    root.startsWith('@preact/') ||
    root === 'lowdb' ||
    BUILTINS.has(root) ||
    BUILTINS.has(specifier)
  );
}

function bindsName(name: ts.BindingName, wanted: string): boolean {
  if (ts.isIdentifier(name)) return name.text === wanted;
  return name.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, wanted));
}

function declaresInList(list: ts.VariableDeclarationList | undefined, wanted: string): boolean {
  return !!list && list.declarations.some((d) => bindsName(d.name, wanted));
}

/** True when `scope` itself declares `wanted` (parameters, local bindings, functions, classes, imports). */
function declaresLocally(scope: ts.Node, wanted: string): boolean {
  if (ts.isFunctionLike(scope)) return scope.parameters.some((p) => bindsName(p.name, wanted));
  if (ts.isCatchClause(scope)) return !!scope.variableDeclaration && bindsName(scope.variableDeclaration.name, wanted);
  if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    return !!init && ts.isVariableDeclarationList(init) && declaresInList(init, wanted);
  }
  if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isModuleBlock(scope)) return false;
  return scope.statements.some((statement) => {
    if (ts.isVariableStatement(statement)) return declaresInList(statement.declarationList, wanted);
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return statement.name?.text === wanted;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      return (
        clause?.name?.text === wanted ||
        (!!bindings && ts.isNamespaceImport(bindings) && bindings.name.text === wanted) ||
        (!!bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === wanted))
      );
    }
    return false;
  });
}

/** True when `id` reads the host global of that name: not a property name, not shadowed by a local binding. */
function isHostGlobal(id: ts.Identifier): boolean {
  const parent = id.parent;
  // `{ process }` reads the variable; every other node whose `name` is `id` names a property or declares a binding.
  if (!ts.isShorthandPropertyAssignment(parent) && (parent as Partial<ts.NamedDeclaration>).name === id) return false;
  if (ts.isQualifiedName(parent) && parent.right === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  for (let scope: ts.Node | undefined = parent; scope; scope = scope.parent) {
    if (declaresLocally(scope, id.text)) return false;
  }
  return true;
}

/** Every boundary violation in one source text, as `line N: reason` strings. */
function purityViolations(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, reason: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`line ${line + 1}: ${reason}`);
  };
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) specifier = node.arguments[0];
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier && ts.isStringLiteralLike(specifier) && isForbiddenSpecifier(specifier.text)) {
      report(specifier, `imports '${specifier.text}'`);
    }
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isHostGlobal(node)) {
      report(node, `uses the global '${node.text}'`);
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'globalThis' &&
      FORBIDDEN_GLOBALS.has(node.name.text)
    ) {
      report(node, `uses the global '${node.name.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !TEST_OR_BENCH.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('pure core boundary', () => {
  it('catches every kind of forbidden import and global in a sample', () => {
    const sample = [
      "import { z } from 'zod';",
      "import type { RuleMeta } from './rule-meta.ts';",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { writeFile } from 'fs/promises';",
      "import { getCollection } from 'astro:content';",
      "import { defineConfig } from 'astro/config';",
      "export { h } from 'preact';",
      "import { useState } from 'preact/hooks';",
      "import { signal } from '@preact/signals';",
      "const db = await import('lowdb/node');",
      'const key = process.env.KEY;',
      'const title = document.title;',
      "if (typeof window !== 'undefined') {}",
      'const ok = { process: 1, window: 2 }.process;',
      '// a comment about the process and the window is fine',
      "const label = 'document';",
      'function cite(document: string) { return document.length; }',
      'const { process: run } = { process: 1 };',
      'const title = () => document.title;',
      'const env = globalThis.process.env;',
    ].join('\n');
    expect(purityViolations('sample.ts', sample)).toEqual([
      "line 3: imports 'node:fs'",
      "line 4: imports 'path'",
      "line 5: imports 'fs/promises'",
      "line 6: imports 'astro:content'",
      "line 7: imports 'astro/config'",
      "line 8: imports 'preact'",
      "line 9: imports 'preact/hooks'",
      "line 10: imports '@preact/signals'",
      "line 11: imports 'lowdb/node'",
      "line 12: uses the global 'process'",
      "line 13: uses the global 'document'",
      "line 14: uses the global 'window'",
      "line 20: uses the global 'document'",
      "line 21: uses the global 'process'",
    ]);
  });

  const files = PURE_DIRS.flatMap(sourceFiles);

  it('finds the rule module to check', () => {
    expect(files.some((f) => f.startsWith(PURE_DIRS[0]!))).toBe(true);
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s imports nothing impure and touches no host globals', (file) => {
    expect(purityViolations(file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });
});
