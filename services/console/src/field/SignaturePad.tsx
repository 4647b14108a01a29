// The customer's signature drawn with a finger (or a mouse) on a canvas, handed over as a
// PNG in base64 (the visit report takes up to 48 KiB). Pointer events, so touch, pen and
// mouse all draw; the canvas keeps its drawing when the page re-renders.
import { useEffect, useRef } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const W = 600;
const H = 240;

/** A signature box: `onChange` gets the PNG (base64, no data: prefix) after each stroke, or
 * null when cleared. */
export function SignaturePad({ value, onChange, invalid }: { value?: string | null; onChange?: (png: string | null) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    if (!value && drawn.current) {
      ctx.clearRect(0, 0, W, H);
      drawn.current = false;
    }
    if (value && !drawn.current) {
      const img = new Image();
      img.onload = () => ctx.drawImage(img, 0, 0);
      img.src = 'data:image/png;base64,' + value;
      drawn.current = true;
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
          drawn.current = true;
          const url = e.currentTarget.toDataURL('image/png');
          onChange?.(url.slice(url.indexOf(',') + 1));
        }}
      />
      <Space style={{ marginTop: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('field:report.signatureHelp')}</Typography.Text>
        <Button
          data-testid="signature-clear"
          onClick={() => {
            ref.current?.getContext('2d')?.clearRect(0, 0, W, H);
            drawn.current = false;
            onChange?.(null);
          }}
        >
          {t('field:report.clearSignature')}
        </Button>
      </Space>
    </div>
  );
}
