/**
 * Content-Disposition for saving a recording under the name it was uploaded with: an ASCII fallback for old clients
 * and the exact name in RFC 5987 form. Quotes, backslashes and control characters never reach the header.
 */
export function attachmentDisposition(originalName: string, fallback: string): string {
  const ascii = originalName.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || fallback;
  const exact = encodeURIComponent(originalName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
