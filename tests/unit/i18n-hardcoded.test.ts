/**
 * No user-facing text outside the locale files: the tab's JSX has no literal text with letters,
 * and no literal label, title, aria-label, placeholder or alt attribute. Parsed with the
 * TypeScript compiler, not guessed with regular expressions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles, TAB_SRC } from './i18n-support.js';

const TEXT_PROPS = new Set(['label', 'title', 'aria-label', 'placeholder', 'alt', 'hint', 'validationMessage', 'content']);
const LETTERS = /\p{L}{2,}/u;

function findings(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: string[] = [];
  const where = (n: ts.Node) => `${path.relative(TAB_SRC, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && LETTERS.test(n.text)) out.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxAttribute(n) && TEXT_PROPS.has(n.name.getText()) && n.initializer) {
      const init = n.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : undefined;
      if (literal && LETTERS.test(literal.text)) out.push(`${where(n)} ${n.name.getText()}="${literal.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('no hard-coded user-facing text in the tab', () => {
  it('finds none in any .tsx file', () => {
    const all = sourceFiles().filter((f) => f.endsWith('.tsx')).flatMap(findings);
    expect(all).toEqual([]);
  });

  it('would notice one', () => {
    const file = path.join(TAB_SRC, '__probe__.tsx');
    const src = ts.createSourceFile(file, '<Button aria-label="Tallenna">Tallenna</Button>', ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    let n = 0;
    const visit = (x: ts.Node) => {
      if (ts.isJsxText(x) && LETTERS.test(x.text)) n++;
      if (ts.isJsxAttribute(x) && TEXT_PROPS.has(x.name.getText())) n++;
      ts.forEachChild(x, visit);
    };
    visit(src);
    expect(n).toBe(2);
  });
});
