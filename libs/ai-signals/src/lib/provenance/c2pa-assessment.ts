import { bindingsOf, ingredientGraph, signersOf } from './c2pa-manifest-graph';
import { classifyDigitalSourceType } from './digital-source-type';
import type { AiProvenanceClaim, C2paSummary, C2paValidation } from './provenance-types';
import { shorten } from './provenance-types';
import type { C2paStoreJson } from './c2pa-reader';

export interface C2paAssessment {
  summary: C2paSummary;
  claims: AiProvenanceClaim[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Walks every manifest in the store, not just the active one: ChatGPT puts its creation step in an
 * ingredient's manifest and only `c2pa.opened` in the active one.
 */
export function assessC2paStore(store: C2paStoreJson): C2paAssessment {
  const manifests = isObject(store['manifests']) ? store['manifests'] : {};
  const claims: AiProvenanceClaim[] = [];
  const claimGenerators = new Set<string>();
  const nonAiSourceTypes = new Set<string>();

  for (const [label, manifest] of Object.entries(manifests)) {
    if (!isObject(manifest)) continue;
    const generator = claimGeneratorOf(manifest);
    if (generator) claimGenerators.add(generator);
    for (const assertion of asArray(manifest['assertions'])) {
      if (!isObject(assertion)) continue;
      const assertionLabel = asString(assertion['label']) ?? '?';
      const base = `c2pa/${label}/${assertionLabel}`;
      walkSourceTypes(assertion['data'], base, (path, value, context) => {
        const verdict = classifyDigitalSourceType(value);
        if (!verdict) return;
        if (!verdict.ai) {
          nonAiSourceTypes.add(verdict.code);
          return;
        }
        claims.push({
          source: 'c2pa',
          kind: verdict.ai,
          path,
          value: value.trim(),
          generator: softwareAgentOf(context) ?? generator,
        });
      });
    }
  }

  const validation = validationOf(store);
  const trust = validation === 'trusted' ? 'trusted' : validation === 'unverified' ? 'invalid' : 'untrusted-signer';
  return {
    claims,
    summary: {
      validation,
      trust,
      signers: signersOf(manifests),
      graph: ingredientGraph(store),
      bindings: bindingsOf(manifests),
      // A camera's signed capture claim, on the trust list, with no AI step anywhere in the store.
      trustedCapture: trust === 'trusted' && claims.length === 0 && nonAiSourceTypes.has('digitalCapture'),
      failures: failureCodes(store),
      activeManifest: asString(store['active_manifest']),
      manifestCount: Object.keys(manifests).length,
      claimGenerators: [...claimGenerators],
      nonAiSourceTypes: [...nonAiSourceTypes],
    },
  };
}

/**
 * Finds `digitalSourceType` (and Adobe's legacy `com.adobe.digitalSourceType`) anywhere in an assertion:
 * in actions, their parameters, IPTC metadata assertions. `context` is the object holding the key, so the
 * action's softwareAgent can be reported with it.
 */
function walkSourceTypes(
  node: unknown,
  path: string,
  visit: (path: string, value: string, context: Json) => void,
  depth = 0,
): void {
  if (depth > 12) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkSourceTypes(item, `${path}[${i}]`, visit, depth + 1));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const keyPath = `${path}/${key}`;
    if (/(^|[.:])digitalSourceType$/i.test(key) && typeof value === 'string') visit(keyPath, value, node);
    else walkSourceTypes(value, keyPath, visit, depth + 1);
  }
}

function softwareAgentOf(context: Json): string | null {
  const agent = context['softwareAgent'];
  if (typeof agent === 'string') return shorten(agent, 120);
  if (isObject(agent)) {
    const name = asString(agent['name']);
    const version = asString(agent['version']);
    if (name) return shorten(version ? `${name} ${version}` : name, 120);
  }
  return null;
}

function claimGeneratorOf(manifest: Json): string | null {
  const info = asArray(manifest['claim_generator_info']).find(isObject);
  const name = info ? asString(info['name']) : null;
  if (name) {
    const version = asString(info?.['version']);
    return shorten(version ? `${name} ${version}` : name, 120);
  }
  const legacy = asString(manifest['claim_generator']);
  return legacy ? shorten(legacy, 120) : null;
}

function failureCodes(store: Json): string[] {
  const codes = new Set<string>();
  for (const status of asArray(store['validation_status'])) {
    const code = isObject(status) ? asString(status['code']) : null;
    if (code) codes.add(code);
  }
  return [...codes];
}

/** Older readers omit validation_state; then any failure status means unverified. */
function validationOf(store: Json): C2paValidation {
  const state = asString(store['validation_state']);
  if (state === 'Trusted') return 'trusted';
  if (state === 'Valid') return 'valid';
  if (state === 'Invalid') return 'unverified';
  const failures = failureCodes(store).filter((code) => !/untrusted|ocsp\.skipped/.test(code));
  return failures.length > 0 ? 'unverified' : 'valid';
}
