import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import type { ImageAiAssessor } from '../image-ai-assessor';
import { assessed } from './assessed';

/** `ai.forensic`: a statistical trace typical of generated images. Weak evidence, reported as such. */
export class AiForensicDetector implements Detector {
  readonly id = 'ai.forensic';
  readonly version = 1;

  constructor(private readonly assessor: ImageAiAssessor) {}

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const image of ctx.images) {
      const assessment = await assessed(this.assessor, ctx, image);
      for (const signal of assessment.signals.filter((s) => s.kind === 'forensic' || s.kind === 'model')) {
        findings.push({
          code: 'ai.forensic',
          severity: 'info',
          confidence: signal.likelihood,
          imagePosition: image.position,
          evidence: { summary: signal.summary, weakEvidence: true, ...signal.evidence },
          ruleId: signal.id,
          ruleVersion: this.version,
        });
      }
    }
    return findings;
  }
}
