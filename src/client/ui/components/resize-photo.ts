/**
 * Shrinks a camera photo on the device before it is stored: longest side at most 1600 px, JPEG.
 * A 12-megapixel photo (4–6 MB) becomes a few hundred kB, which keeps the offline store small and the
 * upload quick on a poor signal. Works offline (no server round trip).
 */
export const PHOTO_MAX_SIDE = 1600;
const JPEG_QUALITY = 0.82;

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (typeof createImageBitmap === 'function') {
    // EXIF orientation applied, so portrait photos stay upright.
    return createImageBitmap(file, { imageOrientation: 'from-image' });
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The photo resized to fit PHOTO_MAX_SIDE, as a JPEG Blob; rejects when the file is not an image. */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const image = await decode(file);
  const { width, height } = fitWithin(image.width, image.height, PHOTO_MAX_SIDE);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(image, 0, 0, width, height);
  if ('close' in image) image.close();
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))),
      'image/jpeg',
      JPEG_QUALITY,
    );
  });
}
