import { Huge, Verbatim } from './placeholders.ts';

/**
 * Whole-request hostility that no JSON Schema describes: broken JSON, wrong content types,
 * broken files, paths, queries and credentials.
 */

/** Request bodies no JSON route should take, sent as `application/json`. */
export const BROKEN_JSON: (string | Huge)[] = [
  '',
  '{',
  '{"a":',
  '}',
  'null',
  '[]',
  '""',
  '1',
  'true',
  '\ufeff{}',
  '{} trailing',
  '{"a":NaN}',
  "{'a':1}",
  '{/* comment */}',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  '\u0000',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '\xff\xfe{',
];

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----hostile',
  'application/xml',
  'application/json; charset=utf-16le',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/jsonx',
  'application/vnd.api+json',
  'application/problem+json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  '*/*',
  'x'.repeat(2000),
];

export const BROKEN_FILES: { bytes: number[]; contentType: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xff],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    bytes: [0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { bytes: [0xff, 0xfe, 0x41], contentType: 'text/csv' },
  { bytes: [0xfe, 0xff, 0x00], contentType: 'text/csv' },
  { bytes: [0xef, 0xbb, 0xbf], contentType: 'text/csv' },
  { bytes: [0x00, 0x00, 0x00], contentType: 'text/csv' },
  { bytes: [0xc3, 0x28, 0x2c, 0x0a], contentType: 'text/csv' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], contentType: 'application/vnd.ms-excel' },
];

export const BROKEN_CSV: (string | Huge)[] = [
  '',
  '\n\n\n',
  'a,"b\n',
  '"unterminated',
  'Name\n\u0000',
  `Name\n${'x'.repeat(10_001)}\n`,
  `Name\n${'a\n'.repeat(50_001)}`,
  `${'c,'.repeat(5_000)}\n`,
  'Name,Country\n=cmd|" /C calc"!A0,BE\n',
  'Name;Country\r\nA;BE\r',
  new Huge(1_000_001, 'a,'),
];

export const BROKEN_PATHS = [
  new Verbatim('%zz'),
  new Verbatim('%'),
  new Verbatim('..'),
  new Verbatim('%2e%2e'),
  new Verbatim('%2F'),
  new Verbatim('a%2Fb'),
  new Verbatim('%00'),
  new Verbatim('%E0%A4%A'),
  new Verbatim('%C0%AF'),
  ' ',
  'x'.repeat(101),
  'x'.repeat(3000),
  '🚀',
  '\u202e',
  "1' or '1'='1",
  '*',
  'null',
  '0',
  '-1',
];

export const BROKEN_QUERIES = [
  new Verbatim('%zz'),
  new Verbatim('a=%zz'),
  new Verbatim('=1'),
  new Verbatim('&&&'),
  new Verbatim('limit=1&limit=2'),
  new Verbatim('limit[]=1'),
  new Verbatim('limit[a]=1'),
  new Verbatim('version=1&version=2'),
  new Verbatim('q=%00'),
  new Verbatim(`q=${'x'.repeat(100_000)}`),
  new Verbatim('__proto__[isAdmin]=1'),
  new Verbatim('constructor[prototype][isAdmin]=1'),
];

export const BROKEN_AUTH: Record<string, string>[] = [
  { authorization: 'Bearer' },
  { authorization: 'Bearer ' },
  { authorization: 'Bearer x' },
  { authorization: `Bearer ${'x'.repeat(10_000)}` },
  { authorization: 'Basic YWRtaW46YWRtaW4=' },
  { authorization: 'Bearer \u0000' },
  { cookie: 'space2id_session=%zz' },
  { cookie: `space2id_session=${'x'.repeat(5000)}` },
  { cookie: 'space2id_session=; space2id_session=x' },
];
