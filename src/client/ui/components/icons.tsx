/**
 * The few icons the app uses, as inline SVG (no icon font to download). Decorative: always paired with
 * text, so they are hidden from screen readers.
 */
import type { ReactNode } from 'react';

const PATHS = {
  home: <path d="M3 11 12 3l9 8v10h-6v-6H9v6H3z" />,
  chart: <path d="M4 20V10h4v10zm6 0V4h4v16zm6 0v-7h4v7z" />,
  search: (
    <path d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z" />
  ),
  sync: (
    <path d="M12 4a8 8 0 0 1 7.4 5H22l-3.5 4L15 9h2.2A6 6 0 0 0 6.3 10L4.5 9.1A8 8 0 0 1 12 4zm-6.5 7L9 15H6.8a6 6 0 0 0 10.9 1l1.8.9A8 8 0 0 1 4.6 15H2z" />
  ),
  gear: (
    <path d="m10 2h4l.6 2.6 1.8.8 2.3-1.4 2.8 2.8-1.4 2.3.8 1.8L22 10v4l-2.6.6-.8 1.8 1.4 2.3-2.8 2.8-2.3-1.4-1.8.8L14 22h-4l-.6-2.6-1.8-.8-2.3 1.4-2.8-2.8 1.4-2.3-.8-1.8L0 14v-4l2.6-.6.8-1.8L2 5.3 4.8 2.5 7.1 3.9l1.8-.8zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z" />
  ),
  check: <path d="m9 16.2-4.2-4.2-1.4 1.4L9 19 21 7l-1.4-1.4z" />,
  clock: (
    <path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm1 3v5.4l3.6 2.2-1 1.7L11 13.6V7z" />
  ),
  alert: <path d="M12 2 1 21h22zm-1 7h2v6h-2zm0 8h2v2h-2z" />,
  play: <path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-2 5.5v9l7-4.5z" />,
  circle: <path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16z" />,
  block: (
    <path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm6.3 5.1L7.1 18.3A8 8 0 0 0 18.3 7.1zM12 4a8 8 0 0 0-6.3 12.9L16.9 5.7A8 8 0 0 0 12 4z" />
  ),
  cross: (
    <path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z" />
  ),
  cloud: (
    <path
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
      d="M7 19h10.5a4 4 0 0 0 .6-8A6.5 6.5 0 0 0 5.6 9.6 4.7 4.7 0 0 0 7 19z"
    />
  ),
  cloudOff: (
    <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M9.5 5.4A6.5 6.5 0 0 1 18.1 11a4 4 0 0 1 2.3 6.6M17 19H7A4.7 4.7 0 0 1 5.6 9.6" />
      <path d="M3 3l18 18" />
    </g>
  ),
  camera: (
    <path d="M9 3h6l1.8 2H20a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h3.2zm3 5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z" />
  ),
  chevron: <path d="m9 5 7 7-7 7-1.4-1.4 5.6-5.6-5.6-5.6z" />,
  people: (
    <path d="M9 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm8 0a3 3 0 1 1 0-6 3 3 0 0 1 0 6zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1zm17.5 1v-1c0-1.9-.8-3.6-2.2-4.9 3.6.3 6.7 2.3 6.7 4.9v1z" />
  ),
  info: <path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 8v7h2v-7zm0-3v2h2V7z" />,
  logo: <path d="M5 21V3h2v1h11l-2.5 4 2.5 4H7v9zm2-11h7.4l-1.3-2 1.3-2H7z" />,
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string | undefined }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
