// A colour picker as a radio group of swatches (keyboard: arrow keys), with "Default" first.
// Swatch colours are set through CSSOM custom properties, which the page's CSP allows.

/** The palette offered for habits (readable on light and dark backgrounds). */
export const HABIT_COLORS = ['#2f6f5e', '#3b6fb6', '#8a4fb5', '#c0504d', '#d9822b', '#b8a11c'] as const;

/** Radio group of colours; `value` null means the default colour. */
export function ColorChoice(p: { name: string; value: string | null; onChange: (c: string | null) => void }) {
  const options: (string | null)[] = [null, ...HABIT_COLORS];
  if (p.value && !options.includes(p.value)) options.push(p.value);
  return (
    <fieldset class="field colors">
      <legend>Colour (optional)</legend>
      <div class="swatches">
        {options.map((c) => (
          <label key={c ?? 'default'} class="swatch" style={c ? { '--swatch': c } : undefined}>
            <input type="radio" name={p.name} checked={p.value === c} onChange={() => p.onChange(c)} />
            <span class="sr-only">{c ? `Colour ${c}` : 'Default colour'}</span>
            <span class="swatch-dot" aria-hidden="true" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
