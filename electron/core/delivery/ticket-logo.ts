/**
 * The institution's logo on the print@home ticket: a PNG or JPEG an admin uploads, checked once (it must
 * decode as an image, within size limits) and prepared once per process — a PNG's pixels decoded and
 * compressed with Node's zlib, a JPEG passed through as it is — so each ticket only copies finished
 * image streams into its file (decoding a PNG per ticket was most of a ticket's time before).
 */
import { DEFAULT_LOCALE } from '../../../shared/i18n/locales';
import { text, translateText, type LocalText } from '../../../shared/i18n/translator';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { JpegEmbedder, PDFName, PngEmbedder, type PDFContext, type PDFRef } from 'pdf-lib';

export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_MAX_SIDE = 1200;

/** What is wrong with a logo: `message` in English, `text` for the reader's language (`fail('VALIDATION', error.text)`). */
export class LogoError extends Error {
  constructor(readonly text: LocalText) {
    super(translateText(DEFAULT_LOCALE, text));
  }
}

interface PreparedImage {
  width: number;
  height: number;
  /** The image stream: its dictionary entries and its (compressed) bytes. */
  dict: Record<string, string | number>;
  bytes: Uint8Array;
  /** A PNG's alpha channel, as its own grey image (the SMask). */
  alpha: Uint8Array | null;
}

export type LogoKind = 'image/png' | 'image/jpeg';

const cache = new Map<string, PreparedImage>();

export function logoKind(bytes: Uint8Array): LogoKind | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Checks and prepares a logo; throws LogoError saying what is wrong, in words for the admin. */
export async function prepareLogo(bytes: Uint8Array): Promise<PreparedImage> {
  const key = crypto.createHash('sha256').update(bytes).digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;
  if (bytes.length > LOGO_MAX_BYTES) throw new LogoError(text('coreData.logo.tooLarge', { kb: String(Math.ceil(bytes.length / 1024)), maxKb: String(LOGO_MAX_BYTES / 1024) }));
  const kind = logoKind(bytes);
  if (!kind) throw new LogoError(text('coreData.logo.notImage'));
  let prepared: PreparedImage;
  try {
    prepared = kind === 'image/png' ? await preparePng(bytes) : await prepareJpeg(bytes);
  } catch {
    throw new LogoError(text('coreData.logo.damaged'));
  }
  if (prepared.width > LOGO_MAX_SIDE || prepared.height > LOGO_MAX_SIDE) throw new LogoError(text('coreData.logo.tooManyPixels', { width: String(prepared.width), height: String(prepared.height), max: String(LOGO_MAX_SIDE) }));
  cache.set(key, prepared);
  return prepared;
}

async function prepareJpeg(bytes: Uint8Array): Promise<PreparedImage> {
  const jpeg = await JpegEmbedder.for(bytes);
  return { width: jpeg.width, height: jpeg.height, dict: { ColorSpace: jpeg.colorSpace, BitsPerComponent: jpeg.bitsPerComponent, Filter: 'DCTDecode' }, bytes, alpha: null };
}

async function preparePng(bytes: Uint8Array): Promise<PreparedImage> {
  const png = await PngEmbedder.for(bytes);
  // pdf-lib decodes the PNG into its colour and alpha channels; compressed here once, with Node's zlib.
  const image = (png as unknown as { image: { rgbChannel: Uint8Array; alphaChannel?: Uint8Array; bitsPerComponent: number } }).image;
  const alpha = image.alphaChannel && image.alphaChannel.some((a) => a !== 255) ? zlib.deflateSync(image.alphaChannel) : null;
  return { width: png.width, height: png.height, dict: { ColorSpace: 'DeviceRGB', BitsPerComponent: image.bitsPerComponent, Filter: 'FlateDecode' }, bytes: zlib.deflateSync(image.rgbChannel), alpha };
}

/** Puts the prepared image into a document's context; returns its reference (an Image XObject). */
export function placeLogo(context: PDFContext, logo: PreparedImage): PDFRef {
  const entries = (dict: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(dict).map(([k, v]) => [k, typeof v === 'string' ? PDFName.of(v) : v]));
  const base = { Type: 'XObject', Subtype: 'Image', Width: logo.width, Height: logo.height };
  const smask = logo.alpha
    ? context.register(context.stream(logo.alpha, { ...base, ColorSpace: PDFName.of('DeviceGray'), BitsPerComponent: 8, Filter: PDFName.of('FlateDecode') }))
    : null;
  return context.register(context.stream(logo.bytes, { ...base, ...entries(logo.dict), ...(smask ? { SMask: smask } : {}) }));
}
