/**
 * The WHATWG URL class is a global in Node and in every browser context; it is the one
 * non-ECMAScript global the pure core uses, declared here so the core's tsconfig needs no DOM library.
 */
declare class URLSearchParams {
  entries(): IterableIterator<[string, string]>;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
  readonly href: string;
}
/** Likewise a global in Node and every browser context (WHATWG Encoding); the core decodes UTF-16 with it. */
declare class TextDecoder {
  constructor(label?: string, options?: { ignoreBOM?: boolean });
  decode(input?: Uint16Array): string;
}
