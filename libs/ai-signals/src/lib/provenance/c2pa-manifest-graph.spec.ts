import { describe, expect, it } from 'vitest';
import { bindingsOf, ingredientGraph } from './c2pa-manifest-graph';

describe('ingredientGraph', () => {
  it('walks from the active manifest through nested ingredients, and lists manifests nothing reaches', () => {
    const store = {
      active_manifest: 'a',
      manifests: {
        a: { ingredients: [{ title: 'edit.jpg', relationship: 'parentOf', active_manifest: 'b' }] },
        b: { ingredients: [{ title: 'gen.png', relationship: 'componentOf', active_manifest: 'c' }, { title: 'loop', active_manifest: 'a' }] },
        c: {},
        orphan: {},
      },
    };
    const graph = ingredientGraph(store);
    expect(graph.nodes.map((n) => [n.manifest, n.depth, n.relationship, n.parent])).toEqual([
      ['a', 0, null, null],
      ['b', 1, 'parentOf', 'a'],
      ['c', 2, 'componentOf', 'b'],
    ]);
    expect(graph.unreachable).toEqual(['orphan']);
  });
});

describe('bindingsOf', () => {
  it('reports soft-binding assertions and watermarked actions by algorithm name', () => {
    const manifests = {
      m: {
        assertions: [
          { label: 'c2pa.soft-binding', data: { alg: 'com.adobe.trustmark.Q', blocks: [] } },
          { label: 'c2pa.actions.v2', data: { actions: [{ action: 'c2pa.watermarked' }, { action: 'c2pa.opened' }] } },
        ],
      },
    };
    expect(bindingsOf(manifests)).toEqual([
      { manifest: 'm', kind: 'soft-binding', algorithm: 'com.adobe.trustmark.Q' },
      { manifest: 'm', kind: 'watermarked', algorithm: 'com.adobe.trustmark.Q' },
    ]);
  });
});
