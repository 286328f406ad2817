-- The detector or signal source an image's error came from (image.detector_failed names it; issue 23).
ALTER TABLE "listing_images" ADD COLUMN "errorDetector" TEXT;
