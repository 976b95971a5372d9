import QRCode from 'qrcode';

/**
 * QR codes as SVG, drawn on the server with the `qrcode` package: vector, so a printed A4
 * certificate stays crisp at any size, and nothing is fetched from a CDN. Medium error
 * correction survives a smudge or a crease on paper and a glare on a projector screen.
 */
export async function qrSvg(text: string): Promise<string> {
	return await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
