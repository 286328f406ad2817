import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import type { ImageAiAssessor } from '../image-ai-assessor';
import { assessed } from './assessed';

/** `ai.watermark`: a known generator watermark decodes from the pixels (scheme, payload, matching bits). */
export class AiWatermarkDetector implements Detector {
  readonly id = 'ai.watermark';
  readonly version = 1;

  constructor(private readonly assessor: ImageAiAssessor) {}

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const image of ctx.images) {
      const assessment = await assessed(this.assessor, ctx, image);
      for (const signal of assessment.signals.filter((s) => s.kind === 'watermark')) {
        findings.push({
          code: 'ai.watermark',
          severity: 'medium',
          confidence: signal.likelihood,
          imagePosition: image.position,
          evidence: { summary: signal.summary, ...signal.evidence },
          ruleId: `ai.watermark.${signal.id.replace(/^watermark\./, '')}`,
          ruleVersion: this.version,
        });
      }
    }
    return findings;
  }
}
