// Tag colours dark enough for white text at WCAG AA contrast (antd's light preset tags
// fall short of 4.5:1), one per meaning.
export const TONE = {
  danger: '#a8071a',
  warning: '#874d00',
  success: '#135200',
  info: '#003eb3',
  key: '#874d00',
} as const;
