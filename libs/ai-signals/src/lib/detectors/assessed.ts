import type { AnalyzedImage, DetectorContext } from '@listinglens/pipeline';
import type { ImageAiAssessment, ImageAiAssessor } from '../image-ai-assessor';

/**
 * The image's shared assessment, with the scan's step deadline; a source stopped for an image-level
 * reason (its time budget ran out) is recorded on the image, so the scan says what was not checked.
 */
export async function assessed(assessor: ImageAiAssessor, ctx: DetectorContext, image: AnalyzedImage): Promise<ImageAiAssessment> {
  const assessment = await assessor.assess(image, ctx.stepDeadline());
  for (const error of assessment.errors) {
    if (error.code) ctx.reportError(image, { code: error.code, message: `${error.source}: ${error.message}` });
  }
  return assessment;
}
