import { InvalidInputError } from '../../domain/errors.ts';

/**
 * The first file of a `multipart/form-data` body (RFC 7578), as bytes. The Hub has no multipart
 * dependency and needs one file from a form, so this reads just that: the part with a `filename`
 * (or else the first part), its bytes between the blank line after its headers and the CRLF before
 * the next boundary. Refuses (400, naming `body`) a body without a boundary or a part.
 */
export function firstMultipartFile(contentType: string, body: Buffer): Buffer {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw invalid('The multipart body names no boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, from);
    if (next === -1) break;
    // The part runs from after the delimiter's CRLF to before the next delimiter's CRLF.
    parts.push(body.subarray(from + 2, next - 2));
    start = next;
  }
  const files = parts
    .map((part) => {
      const headerEnd = part.indexOf('\r\n\r\n');
      if (headerEnd === -1) return null;
      const headers = part.subarray(0, headerEnd).toString('utf8');
      return { headers, content: part.subarray(headerEnd + 4) };
    })
    .filter((part): part is { headers: string; content: Buffer } => part !== null);
  const file = files.find((part) => /filename=/i.test(part.headers)) ?? files[0];
  if (!file) throw invalid('The multipart body holds no file.');
  return file.content;
}

function invalid(message: string): InvalidInputError {
  return new InvalidInputError(message, [{ field: 'body', message }]);
}
