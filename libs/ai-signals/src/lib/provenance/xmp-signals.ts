import { classifyDigitalSourceType } from './digital-source-type';
import { isAiCreditLine, knownGeneratorIn } from './generator-names';
import { isMidjourneyText, MAX_METADATA_TEXT_CHARS } from './generator-text-signals';
import type { AiProvenanceClaim } from './provenance-types';
import { shorten } from './provenance-types';
import { xmpValues } from './xmp-properties';

/** Fields where a person-readable disclosure ("Made with Google AI") is written. */
const CREDIT_FIELDS = ['photoshop:Credit', 'Iptc4xmpCore:CreditLine', 'dc:rights', 'dc:description', 'xmpRights:UsageTerms'];
/** IPTC 2025.1 AI properties: their presence names the AI system used. */
const AI_SYSTEM_FIELDS = ['Iptc4xmpExt:AISystemUsed', 'Iptc4xmpExt:AIPromptInformation'];
const TOOL_FIELDS = ['xmp:CreatorTool', 'tiff:Software', 'photoshop:Source'];

export interface XmpAssessment {
  claims: AiProvenanceClaim[];
  nonAiSourceTypes: string[];
}

export function assessXmp(packets: readonly string[], pathPrefix: string): XmpAssessment {
  const claims: AiProvenanceClaim[] = [];
  const nonAiSourceTypes: string[] = [];
  for (const xmp of packets) {
    const tool = TOOL_FIELDS.flatMap((f) => xmpValues(xmp, f))[0] ?? null;
    const aiSystem = xmpValues(xmp, 'Iptc4xmpExt:AISystemUsed')[0] ?? null;
    const generatorHint = aiSystem ?? (tool ? knownGeneratorIn(tool) : null);

    for (const value of xmpValues(xmp, 'Iptc4xmpExt:DigitalSourceType')) {
      const verdict = classifyDigitalSourceType(value);
      if (!verdict) continue;
      if (!verdict.ai) nonAiSourceTypes.push(verdict.code);
      else {
        claims.push({
          source: 'xmp',
          kind: verdict.ai,
          path: `${pathPrefix}/Iptc4xmpExt:DigitalSourceType`,
          value: value.trim(),
          generator: generatorHint,
        });
      }
    }
    for (const field of AI_SYSTEM_FIELDS) {
      for (const value of xmpValues(xmp, field)) {
        claims.push({ source: 'xmp', kind: 'generated', path: `${pathPrefix}/${field}`, value: shorten(value), generator: aiSystem });
      }
    }
    for (const field of CREDIT_FIELDS) {
      for (const value of xmpValues(xmp, field)) {
        if (isAiCreditLine(value)) {
          const kind = /\bedited\b/i.test(value) ? 'edited' : 'generated';
          claims.push({ source: 'xmp', kind, path: `${pathPrefix}/${field}`, value: shorten(value), generator: generatorHint });
        }
      }
    }
    // Midjourney writes its prompt, parameters and Job ID into the description.
    for (const value of xmpValues(xmp, 'dc:description')) {
      if (isMidjourneyText(value.slice(0, MAX_METADATA_TEXT_CHARS))) {
        claims.push({ source: 'xmp', kind: 'generated', path: `${pathPrefix}/dc:description`, value: shorten(value), generator: 'Midjourney' });
      }
    }
    for (const field of TOOL_FIELDS) {
      for (const value of xmpValues(xmp, field)) {
        const generator = knownGeneratorIn(value);
        if (generator) claims.push({ source: 'xmp', kind: 'generated', path: `${pathPrefix}/${field}`, value: shorten(value), generator });
      }
    }
  }
  return { claims, nonAiSourceTypes };
}
