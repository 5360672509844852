/** The product's mark: a satellite orbit around a core. Decorative; the name beside it is the text. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <circle cx="16" cy="16" r="5" fill="#fff" />
      <ellipse
        cx="16"
        cy="16"
        rx="12"
        ry="4.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        transform="rotate(-25 16 16)"
      />
    </svg>
  );
}
