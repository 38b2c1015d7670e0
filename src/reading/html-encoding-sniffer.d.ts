declare module 'html-encoding-sniffer' {
  /** The WHATWG encoding name a byte stream is in: BOM, then the transport's label, then a `<meta>` prescan. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string; maxPrescanBytes?: number },
  ): string;
}
