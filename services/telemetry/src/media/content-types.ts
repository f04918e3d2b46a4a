/** Extensions for the media types browsers record and play; other allowed types are stored as .bin. */
const EXTENSIONS: Record<string, string> = {
  'audio/webm': '.weba',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'audio/flac': '.flac',
  'video/webm': '.webm',
  'video/mp4': '.mp4',
  'video/ogg': '.ogv',
  'video/quicktime': '.mov',
  'video/x-matroska': '.mkv',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
};

/** `video/webm;codecs=vp8,opus` → `video/webm`. */
export function baseContentType(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase();
}

/**
 * Audio, video and raster images only. SVG is refused although it is an image type: it can carry script and
 * would run in the gateway's origin when opened from the gallery.
 */
export function isAllowedMediaType(contentType: string): boolean {
  const type = baseContentType(contentType);
  if (!/^(audio|video|image)\/[a-z0-9][a-z0-9.+-]*$/.test(type)) return false;
  return type !== 'image/svg+xml';
}

export function extensionFor(contentType: string): string {
  return EXTENSIONS[baseContentType(contentType)] ?? '.bin';
}
