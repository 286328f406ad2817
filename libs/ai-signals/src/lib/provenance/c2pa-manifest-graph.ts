import type { ChainCertificate } from './c2pa-trust';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Who signed one manifest: the signing certificate's issuer and organisation, and its chain. */
export interface C2paSigner {
  manifest: string;
  issuer: string | null;
  organization: string | null;
  commonName: string | null;
  signedAt: string | null;
  /** Signing certificate first, then each issuer found in the file (the root is usually not embedded). */
  chain: ChainCertificate[];
}

export function signersOf(manifests: Json): C2paSigner[] {
  return Object.entries(manifests).flatMap(([label, manifest]) => {
    const info = isObject(manifest) && isObject(manifest['signature_info']) ? manifest['signature_info'] : null;
    if (!info) return [];
    const subject = isObject(info['certificate_subject']) ? info['certificate_subject'] : {};
    const chain = Array.isArray(info['certificate_chain']) ? (info['certificate_chain'] as ChainCertificate[]) : [];
    return [{
      manifest: label,
      issuer: str(info['issuer']),
      organization: str(subject['O']) ?? chain[0]?.organization ?? null,
      commonName: str(info['common_name']) ?? str(subject['CN']),
      signedAt: str(info['time']),
      chain,
    }];
  });
}

/** One manifest reached from the active one through ingredients (depth 0 = active). */
export interface C2paGraphNode {
  manifest: string;
  depth: number;
  /** The ingredient's relationship to its parent (parentOf, componentOf, inputTo); null for the active one. */
  relationship: string | null;
  title: string | null;
  parent: string | null;
}

const MAX_NODES = 256;

/**
 * Breadth-first from the active manifest through every ingredient's `active_manifest`, so a reviewer sees
 * where in the history an AI step sits (ChatGPT: in the ingredient, under a `c2pa.opened` parent).
 * Manifests in the store that no ingredient reaches are listed as `unreachable` (still assessed).
 */
export function ingredientGraph(store: Json): { nodes: C2paGraphNode[]; unreachable: string[] } {
  const manifests = isObject(store['manifests']) ? store['manifests'] : {};
  const active = str(store['active_manifest']);
  const nodes: C2paGraphNode[] = [];
  const seen = new Set<string>();
  const queue: C2paGraphNode[] = active ? [{ manifest: active, depth: 0, relationship: null, title: null, parent: null }] : [];
  while (queue.length > 0 && nodes.length < MAX_NODES) {
    const node = queue.shift() as C2paGraphNode;
    if (seen.has(node.manifest)) continue;
    seen.add(node.manifest);
    nodes.push(node);
    const manifest = manifests[node.manifest];
    if (!isObject(manifest)) continue;
    for (const ingredient of Array.isArray(manifest['ingredients']) ? manifest['ingredients'] : []) {
      const child = isObject(ingredient) ? str(ingredient['active_manifest']) : null;
      if (!child || !isObject(ingredient)) continue;
      queue.push({ manifest: child, depth: node.depth + 1, relationship: str(ingredient['relationship']), title: str(ingredient['title']), parent: node.manifest });
    }
  }
  return { nodes, unreachable: Object.keys(manifests).filter((label) => !seen.has(label)) };
}

/**
 * `c2pa.soft-binding` assertions (a watermark or fingerprint that re-finds the manifest if metadata is
 * stripped) and `c2pa.watermarked` actions, by their registered algorithm name
 * (https://github.com/c2pa-org/softbinding-algorithm-list), e.g. `com.adobe.trustmark.Q`.
 */
export interface C2paBinding {
  manifest: string;
  kind: 'soft-binding' | 'watermarked';
  algorithm: string | null;
}

export function bindingsOf(manifests: Json): C2paBinding[] {
  const out: C2paBinding[] = [];
  for (const [label, manifest] of Object.entries(manifests)) {
    const assertions = isObject(manifest) && Array.isArray(manifest['assertions']) ? manifest['assertions'] : [];
    const softAlgs: (string | null)[] = [];
    for (const assertion of assertions) {
      if (!isObject(assertion)) continue;
      const name = str(assertion['label']) ?? '';
      const data = isObject(assertion['data']) ? assertion['data'] : {};
      if (/^c2pa\.soft-binding(\.v\d+)?$/.test(name)) {
        softAlgs.push(str(data['alg']));
        out.push({ manifest: label, kind: 'soft-binding', algorithm: str(data['alg']) });
      }
      if (/^c2pa\.actions(\.v\d+)?$/.test(name) && Array.isArray(data['actions'])) {
        for (const action of data['actions']) {
          if (!isObject(action) || !/^c2pa\.watermarked(\.bound|\.unbound)?$/.test(str(action['action']) ?? '')) continue;
          const params = isObject(action['parameters']) ? action['parameters'] : {};
          out.push({ manifest: label, kind: 'watermarked', algorithm: str(params['alg']) ?? str(params['com.adobe.soft-binding-alg']) ?? null });
        }
      }
    }
    // A watermarked action that names no algorithm takes the manifest's soft-binding algorithm.
    for (const b of out) if (b.manifest === label && b.kind === 'watermarked' && !b.algorithm) b.algorithm = softAlgs.find(Boolean) ?? null;
  }
  return out;
}
