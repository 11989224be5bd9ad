/** Remove, with a confirmation in place: the confirm button takes the focus; "Keep" gives it back. */
import { useEffect, useRef, useState } from 'preact/hooks';

export function RemoveButton({ title, onRemove }: { title: string; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (returnFocus) start.current?.focus();
  }, [asking, returnFocus]);
  if (!asking) {
    return (
      <button type="button" ref={start} class="remove" onClick={() => setAsking(true)}>
        Remove…
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={`Remove ${title}?`}>
      <span>Remove “{title}” and its notes?</span>{' '}
      <button type="button" ref={confirm} class="danger" onClick={onRemove}>
        Remove
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setReturnFocus(true);
          setAsking(false);
        }}
      >
        Keep
      </button>
    </span>
  );
}
