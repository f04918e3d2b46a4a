/**
 * Reads a Server-Sent Events body and yields, per chunk received, the `data` of each event completed by it
 * (multi-line data joined with "\n"). Batches let the caller merge what arrived together (e.g. answer tokens).
 * Comments, `event:`, `id:` and `retry:` lines carry nothing the gateway needs: the JSON names its own type.
 */
export async function* readSseData(body: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  for await (const chunk of body) {
    const batch: string[] = [];
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length) batch.push(data.join('\n'));
        data = [];
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.charAt(5) === ' ' ? 6 : 5));
      }
      newline = buffer.search(/\r\n|\r|\n/);
    }
    if (batch.length) yield batch;
  }
  if (data.length) yield [data.join('\n')];
}
