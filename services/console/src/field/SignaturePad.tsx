// The customer's signature drawn with a finger (or a mouse) on a canvas, handed over as a
// PNG file with its own upload key: the report uploads it as an attachment (kind
// signature, at most 200 KiB) and names it. Pointer events, so touch, pen and mouse all
// draw; the canvas keeps its drawing when the page re-renders, and a report taken back
// draws its signature again.
import { useEffect, useRef } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileRef } from './model';

const W = 600;
const H = 240;

/** A signature box: `onChange` gets the drawing as a PNG file after each stroke (a new key
 * for each new drawing), or null when cleared. */
export function SignaturePad({ value, onChange, invalid }: { value?: FileRef | null; onChange?: (file: FileRef | null) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  // The file the canvas shows, so a value it produced itself is not drawn over it.
  const shown = useRef<FileRef | null>(null);

  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || (value ?? null) === shown.current) return;
    ctx.clearRect(0, 0, W, H);
    shown.current = value ?? null;
    if (value && value.blob.size > 0) {
      void createImageBitmap(value.blob)
        .then((img) => {
          if (shown.current === value) ctx.drawImage(img, 0, 0);
          img.close();
        })
        .catch(() => undefined);
    }
  }, [value]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };

  return (
    <div>
      <canvas
        ref={ref}
        width={W}
        height={H}
        role="img"
        aria-label={t('field:report.signatureHelp')}
        data-testid="signature-pad"
        data-signed={!!value}
        style={{ width: '100%', aspectRatio: `${W} / ${H}`, touchAction: 'none', background: '#fff', border: `1px solid ${invalid ? '#cf1322' : '#8c8c8c'}`, borderRadius: 8, display: 'block' }}
        onPointerDown={(e) => {
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const p = point(e);
          ctx.lineWidth = 4;
          ctx.lineCap = 'round';
          ctx.lineJoin = 'round';
          ctx.strokeStyle = '#000';
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
          ctx.lineTo(p.x + 0.1, p.y + 0.1);
          ctx.stroke();
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.lineTo(p.x, p.y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          e.currentTarget.toBlob((blob) => {
            if (!blob) return;
            const file = { key: crypto.randomUUID(), blob };
            shown.current = file;
            onChange?.(file);
          }, 'image/png');
        }}
      />
      {value && value.blob.size === 0 && <Typography.Text type="secondary">{t('field:report.signatureStored')}</Typography.Text>}
      <Space style={{ marginTop: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('field:report.signatureHelp')}</Typography.Text>
        <Button
          data-testid="signature-clear"
          onClick={() => {
            ref.current?.getContext('2d')?.clearRect(0, 0, W, H);
            shown.current = null;
            onChange?.(null);
          }}
        >
          {t('field:report.clearSignature')}
        </Button>
      </Space>
    </div>
  );
}
