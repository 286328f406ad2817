import type { Finding } from '@listinglens/contracts';
import type { Detector, DetectorContext } from '@listinglens/pipeline';
import type { ImageAiAssessor } from '../image-ai-assessor';
import { assessed } from './assessed';

/** The label a marketplace applies (EU AI Act art. 50) when AI imagery is not disclosed. */
export const AI_GENERATED_LABEL = { id: 'ai-generated-image', name: 'AI-generated image' } as const;

/**
 * `ai.undisclosed`: an image is `likely_ai` (strong evidence only) and the listing does not say it uses AI
 * imagery (aiDisclosure false or absent). Names the label to apply and the signals behind it.
 */
export class AiUndisclosedDetector implements Detector {
  readonly id = 'ai.undisclosed';
  readonly version = 1;

  constructor(private readonly assessor: ImageAiAssessor) {}

  async detect(ctx: DetectorContext): Promise<Finding[]> {
    if (ctx.listing.aiDisclosure === true) return [];
    const findings: Finding[] = [];
    for (const image of ctx.images) {
      const assessment = await assessed(this.assessor, ctx, image);
      if (assessment.band !== 'likely_ai') continue;
      findings.push({
        code: 'ai.undisclosed',
        severity: 'high',
        confidence: assessment.likelihood,
        imagePosition: image.position,
        evidence: {
          summary: `This image is likely AI-generated or AI-edited and the listing does not disclose AI imagery. ${assessment.reason}`,
          label: AI_GENERATED_LABEL.name,
          labelId: AI_GENERATED_LABEL.id,
          aiDisclosure: ctx.listing.aiDisclosure ?? null,
          likelihood: assessment.likelihood,
          signals: assessment.signals
            .filter((s) => s.strength === 'strong')
            .map((s) => ({ id: s.id, likelihood: s.likelihood, summary: s.summary })),
        },
        ruleId: 'ai.undisclosed.likely-ai',
        ruleVersion: this.version,
      });
    }
    return findings;
  }
}
