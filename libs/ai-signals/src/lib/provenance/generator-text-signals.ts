import { knownGeneratorIn } from './generator-names';
import type { AiProvenanceClaim, ProvenanceSource } from './provenance-types';
import { shorten } from './provenance-types';

/** A key/value text found in metadata: PNG text chunk, EXIF UserComment, JPEG comment. */
export interface MetadataText {
  source: ProvenanceSource;
  path: string;
  key: string;
  text: string;
}

type Json = Record<string, unknown>;

function parseJsonObject(text: string): Json | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** The A1111 text format: prompt, "Negative prompt:", then "Steps: 20, Sampler: Euler a, CFG scale: 7, ...". */
const A1111_SETTINGS = /\bSteps:\s*\d+,\s*Sampler:/;

/**
 * Civitai's AI Resource Name (https://github.com/civitai/civitai/wiki/AIR-%E2%80%90-Uniform-Resource-Names-for-AI):
 * `urn:air:{ecosystem}:{type}:{source}:{id}[@{version}]`, in its JSON and in A1111 "Civitai resources".
 */
const CIVITAI_AIR = /\burn:air:[a-z0-9]{1,20}:[a-z]{1,20}:[a-z]{1,20}:[\w.-]{1,80}(@[\w.-]{1,40})?/i;
export const civitaiAirIn = (text: string): string | null => CIVITAI_AIR.exec(text)?.[0] ?? null;

/** Midjourney's description: the prompt, its parameters (--ar, --v) and "Job ID: <uuid>". */
export function isMidjourneyText(text: string): boolean {
  return /\bJob ID:\s*[0-9a-f]{8}-[0-9a-f]{4}-/i.test(text) && /--(ar|v|style|stylize|chaos)\b/.test(text);
}

function a1111Generator(text: string): string {
  const version = /\bVersion:\s*([^,\n]+)/.exec(text)?.[1]?.trim() ?? '';
  const model = /\bModel:\s*([^,\n]+)/.exec(text)?.[1]?.trim();
  const air = civitaiAirIn(text);
  let ui = 'Stable Diffusion WebUI';
  if (/fooocus/i.test(version)) ui = 'Fooocus';
  else if (air) ui = `Civitai (${air})`;
  else if (/^f\d|forge/i.test(version)) ui = 'Stable Diffusion WebUI Forge';
  else if (/^v\d/.test(version)) ui = 'Stable Diffusion WebUI (AUTOMATIC1111)';
  else if (/ComfyUI/i.test(text)) ui = 'ComfyUI (A1111-format metadata)';
  else if (/NovelAI/i.test(text)) ui = 'NovelAI';
  return model ? `${ui}, model ${shorten(model, 80)}` : ui;
}

function comfyCheckpoint(prompt: Json): string | null {
  for (const node of Object.values(prompt)) {
    if (!node || typeof node !== 'object') continue;
    const inputs = (node as Json)['inputs'];
    if (inputs && typeof inputs === 'object') {
      const name = (inputs as Json)['ckpt_name'] ?? (inputs as Json)['unet_name'];
      if (typeof name === 'string') return name;
    }
  }
  return null;
}

function isComfyPrompt(json: Json): boolean {
  const nodes = Object.values(json);
  return nodes.length > 0 && nodes.some((n) => !!n && typeof n === 'object' && 'class_type' in (n as Json));
}

/** Identifies the generator that wrote a metadata text, or null when the text is not generator output. */
export function generatorOfText(entry: MetadataText): string | null {
  const key = entry.key.toLowerCase();
  const { text } = entry;
  const json = parseJsonObject(text);

  if (key === 'prompt' && json && isComfyPrompt(json)) {
    const ckpt = comfyCheckpoint(json);
    return ckpt ? `ComfyUI, model ${shorten(ckpt, 80)}` : 'ComfyUI';
  }
  if (key === 'workflow' && json && Array.isArray(json['nodes'])) return 'ComfyUI';
  // ComfyUI's EXIF/WebP savers write both graphs in one JSON: {"prompt": {...}, "workflow": {...}}.
  const inner = json?.['prompt'];
  if (inner && typeof inner === 'object' && !Array.isArray(inner) && isComfyPrompt(inner as Json)) {
    const ckpt = comfyCheckpoint(inner as Json);
    return ckpt ? `ComfyUI, model ${shorten(ckpt, 80)}` : 'ComfyUI';
  }
  const workflow = json?.['workflow'];
  if (workflow && typeof workflow === 'object' && Array.isArray((workflow as Json)['nodes'])) return 'ComfyUI';
  if (['invokeai_metadata', 'invokeai_graph', 'sd-metadata', 'dream'].includes(key)) return 'InvokeAI';
  if (key === 'fooocus_scheme') return 'Fooocus';
  if (json) {
    if ('sui_image_params' in json) return 'SwarmUI';
    const air = civitaiAirIn(text);
    if (air) return `Civitai (${air})`;
    // Draw Things (iOS/macOS) keeps its settings as {"c": prompt, "sampler", "steps", "model", ...}.
    if (typeof json['c'] === 'string' && 'sampler' in json && 'model' in json) return 'Draw Things';
    const version = typeof json['version'] === 'string' ? json['version'] : '';
    if (/fooocus/i.test(version) || 'fooocus_v2_expansion' in json || 'full_prompt' in json) return 'Fooocus';
    const sampler = json['sampler'] ?? json['sampler_name'];
    const steps = json['steps'];
    if (typeof steps === 'number' && typeof sampler === 'string') {
      // NovelAI's Comment chunk and Civitai/Draw Things JSON all carry steps + sampler.
      return key === 'comment' ? 'NovelAI' : 'Stable Diffusion (generation settings in JSON)';
    }
    if ('prompt' in json && ('seed' in json || 'negative_prompt' in json || 'cfg_scale' in json)) {
      return 'Image generator (generation settings in JSON)';
    }
  }
  if (A1111_SETTINGS.test(text)) return a1111Generator(text);
  if (isMidjourneyText(text)) return 'Midjourney';
  if (['software', 'source', 'creator tool', 'generator', 'xpkeywords'].includes(key)) return knownGeneratorIn(text);
  return null;
}

/**
 * Generator text is short; a longer value is cut before any pattern runs, so hostile metadata costs
 * at most this much per field (prompt + ComfyUI graphs of real files are 2–60 KB).
 */
export const MAX_METADATA_TEXT_CHARS = 256 * 1024;

export function claimFromText(entry: MetadataText): AiProvenanceClaim | null {
  const generator = generatorOfText({ ...entry, text: entry.text.slice(0, MAX_METADATA_TEXT_CHARS) });
  if (!generator) return null;
  return { source: entry.source, kind: 'generated', path: entry.path, value: shorten(entry.text), generator };
}
