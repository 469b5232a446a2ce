import type { BinaryContent } from './client';

/**
 * What an image really is, read from its first bytes. Graph's `$batch` answers a binary sub-response
 * (a photo's `$value`) as a base64 string inside the JSON, and the item's content type is not to be
 * trusted: SDK threads report it as `application/json` (microsoftgraph/microsoft-graph-docs-contrib#4098,
 * microsoftgraph/msgraph-sdk-dotnet#2879; the JS SDK's maintainer on why it is base64:
 * microsoftgraph/msgraph-sdk-javascript#367). A photo PUT or a `data:` URL needs the real type, so the
 * bytes decide.
 *
 * Why not the `file-type` package: its releases are ESM-only and its latest needs Node 22, and it reads
 * a hundred formats where Outlook photos are JPEG, PNG or GIF. Three signatures are all it takes.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif';

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

// JPEG: SOI marker then the first marker's FF (JFIF, Exif and raw streams alike). PNG: its 8-byte signature.
// GIF: "GIF87a" or "GIF89a".
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF87 = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89 = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];

/** The image type the bytes carry, or undefined when they are none of JPEG, PNG, GIF. */
export const sniffImageType = (bytes: Uint8Array): ImageType | undefined => {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'image/gif';
  return undefined;
};

/**
 * Photo bytes with the content type they really have. The reported type is kept only when the bytes are
 * not a known image but the report at least says `image/...` (say a BMP); anything else, including the
 * `application/json` a batch item claims, becomes `application/octet-stream`, so nothing downstream
 * labels bytes as what they are not.
 */
export const imageContent = (bytes: Uint8Array, reported?: string | null): BinaryContent => {
  const sniffed = sniffImageType(bytes);
  if (sniffed) return { contentType: sniffed, bytes };
  const base = (reported ?? '').split(';')[0]!.trim().toLowerCase();
  return { contentType: base.startsWith('image/') ? base : 'application/octet-stream', bytes };
};
