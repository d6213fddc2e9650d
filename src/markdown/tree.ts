/**
 * Walking a syntax tree (mdast or hast) in the plugins of the article pipeline. unist-util-visit does the
 * same with paths, tests and skipping, and costs for them at every node: its three walks were 0.9 s of
 * the 8 s each of the two Markdown threads spent on 20,000 articles (measured, CPU profile). The
 * plugins here need none of that.
 */
import type { Node, Parent } from "unist";

/** Whether some node of `tree` (itself included, parents before children) passes `test`; stops at the first. */
export function someNode(tree: Node, test: (node: Node) => boolean): boolean {
  if (test(tree)) return true;
  const { children } = tree as Partial<Parent>;
  return children !== undefined && children.some((child) => someNode(child, test));
}

/** Calls `visit` on every node of `tree` of type `type`, parents before their children. */
export function eachOfType<T extends Node>(tree: Node, type: T["type"], visit: (node: T) => void): void {
  someNode(tree, (node) => {
    if (node.type === type) visit(node as T);
    return false;
  });
}
