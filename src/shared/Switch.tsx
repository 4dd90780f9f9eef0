// An on/off switch: a real checkbox (keyboard, forms, screen readers) drawn as a switch.
export function Switch({ label, on, onChange }: { label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label class="switch">
      <span>{label}</span>
      <input
        type="checkbox"
        role="switch"
        aria-checked={on}
        checked={on}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span class="track" aria-hidden="true" />
    </label>
  );
}
