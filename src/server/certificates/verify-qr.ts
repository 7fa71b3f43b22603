import QRCode from 'qrcode';

/**
 * The QR code of a certificate's verify link as an inline SVG string. Error correction level M survives a printed
 * page being folded or smudged; the quiet zone of 2 modules is what phone scanners need on a white page.
 * @param verifyUrl absolute URL of /verify/<id>, e.g. https://academy.example.com/verify/…
 */
export function verifyQrSvg(verifyUrl: string): Promise<string> {
  return QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
