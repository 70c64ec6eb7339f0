// Inside src-main/core, imports only go down (DESIGN §3): a file may import its own layer and the
// layers below it, never one above. Type-only imports count too: a type pulled from above is the
// first step of a cycle. A folder missing from this list is reported, so a new one gets its place.
import { dirname, relative, resolve, sep } from 'node:path';

/** Bottom to top. Each entry is one layer: the folders or root files of src-main/core in it. */
export const CORE_LAYERS = [
  ['errors', 'events', 'paths'],
  ['store'],
  ['security'],
  ['calendar'],
  ['domain'],
  ['services'],
  ['outbox'],
  ['workflow'],
  ['inbound'],
  ['channels'],
  ['bpsdata'],
  ['reports'],
  ['privacy'],
  ['backup'],
  ['seed'],
  ['api'],
  ['training'],
  ['app', 'boot'],
];

const layerIndex = new Map(CORE_LAYERS.flatMap((names, index) => names.map((name) => [name, index])));

/** The first path segment below src-main/core, without a file extension; null outside the core. */
function unitOf(file, coreDir) {
  const rel = relative(coreDir, file);
  if (rel === '' || rel.startsWith('..')) return null;
  return rel.split(sep)[0].replace(/\.(ts|tsx|js|mjs)$/, '');
}

const describeOrder = CORE_LAYERS.map((names) => names.join('/')).join(' < ');

export const coreLayersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports inside src-main/core go only downward through its layers.' },
    schema: [],
    messages: {
      upward: "'{{from}}' is below '{{to}}': src-main/core imports only go down ({{order}}).",
      unplaced: "'{{unit}}' has no layer: add it to CORE_LAYERS in eslint/core-layers.js.",
    },
  },
  create(context) {
    const coreDir = resolve(context.cwd, 'src-main', 'core');
    const from = unitOf(context.filename, coreDir);
    if (from === null) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = unitOf(resolve(dirname(context.filename), source), coreDir);
      if (to === null || to === from) return;
      for (const unit of [from, to]) {
        if (!layerIndex.has(unit)) return context.report({ node, messageId: 'unplaced', data: { unit } });
      }
      if (layerIndex.get(to) > layerIndex.get(from)) context.report({ node, messageId: 'upward', data: { from, to, order: describeOrder } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};
