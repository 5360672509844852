import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../domain/errors.ts';
import { firstMultipartFile } from './multipart.ts';

describe('firstMultipartFile', () => {
  it('returns the bytes of the part with a filename, byte for byte', () => {
    const file = Buffer.from('BEGIN:VCARD\r\nFN:Jörg\r\nEND:VCARD\r\n', 'utf8');
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n'),
      Buffer.from(
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.vcf"\r\nContent-Type: text/vcard\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n--XyZ--\r\n'),
    ]);
    expect(firstMultipartFile('multipart/form-data; boundary=XyZ', body).equals(file)).toBe(true);
    expect(firstMultipartFile('multipart/form-data; boundary="XyZ"', body).equals(file)).toBe(true);
  });

  it('refuses a body without boundary or parts, naming the body', () => {
    expect(() => firstMultipartFile('multipart/form-data', Buffer.from('x'))).toThrow(InvalidInputError);
    expect(() => firstMultipartFile('multipart/form-data; boundary=b', Buffer.from('nothing here'))).toThrow(
      /holds no file/,
    );
  });
});
