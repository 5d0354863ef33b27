// A QR code of a survey link, drawn in the browser (no request per code).
import { Image, Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** Shown size in CSS pixels; the image is drawn larger so print and preview stay sharp. */
  size: number;
  alt: string;
  /** Click to enlarge (the table); off for print. */
  preview?: boolean;
}

export function QrCode({ text, size, alt, preview = false }: Props) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: Math.max(256, size * 3) })
      .then((url) => {
        if (live) setSrc(url);
      })
      .catch((error: unknown) => console.error(error));
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!src) return <Skeleton.Node active style={{ width: size, height: size }} />;
  return (
    <span data-testid="qr" style={{ display: 'inline-flex', lineHeight: 0 }}>
      {preview ? <Image src={src} width={size} height={size} alt={alt} /> : <img src={src} width={size} height={size} alt={alt} />}
    </span>
  );
}
