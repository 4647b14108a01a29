// Photos of the machine and the fault taken with the phone's camera (or chosen from its
// gallery), several at a time, each shown as a thumbnail with a button removing it. Each is
// made a JPEG of at most 1920 px on its long side before it is kept (a phone's camera
// photo is several megabytes; the upload goes over a weak signal), with its own upload key.
import { useEffect, useRef, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { CameraOutlined, CloseOutlined, FileImageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTOS, PHOTO_MAX_BYTES, type FileRef } from './model';

/** The long side a photo is scaled down to. */
const LONG_SIDE = 1920;

/** A photo as a JPEG of at most LONG_SIDE px, or null when the file is not an image the
 * browser can read. */
async function prepared(file: Blob): Promise<Blob | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  return new Promise((ok) => canvas.toBlob((b) => ok(b), 'image/jpeg', 0.85));
}

function Thumb({ file, n, onRemove }: { file: FileRef; n: number; onRemove: () => void }) {
  const { t } = useTranslation();
  // A data: URL (the console's content policy allows those for images, not blob: URLs).
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (file.blob.size === 0) return;
    let live = true;
    const r = new FileReader();
    r.onload = () => live && setUrl(typeof r.result === 'string' ? r.result : null);
    r.readAsDataURL(file.blob);
    return () => {
      live = false;
      r.abort();
    };
  }, [file.blob]);
  return (
    <div data-testid="photo-thumb" style={{ position: 'relative', width: 96, height: 96, borderRadius: 8, overflow: 'hidden', border: '1px solid #d9d9d9', background: '#fafafa' }}>
      {url || file.blob.size > 0 ? (
        <img src={url ?? undefined} alt={t('field:report.photoN', { n })} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
      ) : (
        <Flex vertical align="center" justify="center" style={{ height: '100%', fontSize: 12, textAlign: 'center', padding: 4 }}>
          <FileImageOutlined style={{ fontSize: 24 }} />
          {t('field:report.photoStored', { n })}
        </Flex>
      )}
      <Button
        size="small"
        shape="circle"
        icon={<CloseOutlined />}
        aria-label={t('field:report.removePhoto', { n })}
        data-testid="photo-remove"
        onClick={onRemove}
        style={{ position: 'absolute', top: 4, right: 4, minWidth: 32, minHeight: 32 }}
      />
    </div>
  );
}

/** The report's photos: `value` in the order taken; `onChange` with the new list. */
export function PhotoPicker({ value, onChange, id }: { value?: FileRef[]; onChange?: (files: FileRef[]) => void; id?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const files = value ?? [];
  const room = MAX_PHOTOS - files.length;

  const add = async (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    if (chosen.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const kept: FileRef[] = [];
      const refused: string[] = [];
      for (const f of chosen.slice(0, room)) {
        const blob = await prepared(f);
        if (!blob) refused.push(t('field:report.notAnImage', { name: f.name }));
        else if (blob.size > PHOTO_MAX_BYTES) refused.push(t('field:report.photoTooLarge', { name: f.name }));
        else kept.push({ key: crypto.randomUUID(), blob });
      }
      if (chosen.length > room) refused.push(t('field:report.tooManyPhotos', { max: MAX_PHOTOS }));
      setProblem(refused.length ? refused.join('; ') : null);
      if (kept.length) onChange?.([...files, ...kept]);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div>
      <Flex wrap gap={8} style={{ marginBottom: files.length ? 8 : 0 }} data-testid="photos">
        {files.map((f, i) => (
          <Thumb key={f.key} file={f} n={i + 1} onRemove={() => onChange?.(files.filter((x) => x.key !== f.key))} />
        ))}
      </Flex>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => void add(e.currentTarget.files)}
      />
      <Button block size="large" icon={<CameraOutlined />} loading={busy} disabled={room <= 0} onClick={() => input.current?.click()} style={{ height: 48, fontSize: 16 }} data-testid="photo-add">
        {t('field:report.addPhoto')}
      </Button>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {t('field:report.photoCount', { count: files.length, max: MAX_PHOTOS })}
      </Typography.Text>
      {problem && (
        <Typography.Text type="danger" role="alert" data-testid="photo-problem" style={{ display: 'block' }}>
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}
