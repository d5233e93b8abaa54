import { MAX_PROOF_BYTES } from '@federacycle/contracts';

/** the longest side of a proof photo once shrunk (a phone's 12 MP photo is ~4000 px) */
export const PHOTO_MAX_SIDE = 1600;

/**
 * A camera photo shrunk to at most 1600 px as a JPEG (a few hundred kB: quick to queue, to send
 * on a weak network, and under the server's 5 MB cap). If the browser cannot decode it, the file
 * as it is (the server checks its bytes anyway).
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    return blob && blob.size <= MAX_PROOF_BYTES ? blob : file;
  } catch {
    return file;
  }
}
