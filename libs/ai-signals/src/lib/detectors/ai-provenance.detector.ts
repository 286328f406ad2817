import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import type { ImageAiAssessor } from '../image-ai-assessor';
import { assessed } from './assessed';
import type { ProvenanceReport } from '../provenance/provenance-types';

/**
 * `ai.provenance`: the file's own metadata says generative AI made or edited it; with C2PA, the signer's
 * trust verdict (trusted / untrusted-signer / invalid) and identity come with it. A C2PA manifest that
 * failed validation and claims nothing about AI is `provenance.unverified` (info): not an AI finding,
 * but it must reach a reviewer as "unverified", never pass as clean.
 */
export class AiProvenanceDetector implements Detector {
  readonly id = 'ai.provenance';
  readonly version = 1;

  constructor(private readonly assessor: ImageAiAssessor) {}

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const image of ctx.images) {
      const assessment = await assessed(this.assessor, ctx, image);
      const report = assessment.measurements['provenance'] as ProvenanceReport | undefined;
      const signals = assessment.signals.filter((s) => s.kind === 'provenance');
      if (signals.length > 0) {
        const claims = signals.map((s) => s.evidence);
        const generator = claims.map((c) => c.generator).find((g) => g !== null) ?? null;
        const edited = claims.every((c) => c.kind === 'edited');
        findings.push({
          code: 'ai.provenance',
          severity: edited ? 'low' : 'medium',
          confidence: Math.max(...signals.map((s) => s.likelihood)),
          imagePosition: image.position,
          evidence: {
            summary: signals[0].summary,
            generator,
            aiKind: edited ? 'edited' : 'generated',
            claims,
            c2paTrust: report?.c2pa?.trust ?? null,
            c2pa: report?.c2pa ?? null,
          },
          ruleId: 'ai.provenance.metadata',
          ruleVersion: this.version,
        });
      } else if (report?.c2pa?.validation === 'unverified' || report?.c2paError) {
        findings.push({
          code: 'provenance.unverified',
          severity: 'info',
          confidence: 0.5,
          imagePosition: image.position,
          evidence: {
            summary:
              'The image carries a C2PA manifest that did not validate (changed after signing, or a bad or ' +
              'expired signature): its statements cannot be relied on. It makes no AI claim.',
            c2pa: report.c2pa,
            c2paError: report.c2paError,
          },
          ruleId: 'provenance.unverified.c2pa',
          ruleVersion: this.version,
        });
      }
    }
    return findings;
  }
}
