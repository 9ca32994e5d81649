import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import type { KeyboardEvent } from 'react';

// Searchable pickers for every form. Inside a picker, Enter means "take this option", never "send
// the form": when no option is highlighted (the list is closed, or what was typed matches
// nothing), the browser would otherwise submit the half-filled form (it once made two duplicate
// organisations in one try). Mantine selects a highlighted option on its own before this runs.

/** A key handler for any field that works like a picker: Enter stays inside it. */
export function keepEnterInPicker(event: KeyboardEvent<HTMLElement>) {
  if (event.key === 'Enter') event.preventDefault();
}

/** Chains the caller's own key handler after the Enter guard. */
const guarded =
  (own?: (event: KeyboardEvent<HTMLInputElement>) => void) => (event: KeyboardEvent<HTMLInputElement>) => {
    keepEnterInPicker(event);
    own?.(event);
  };

/** One value from a list, found by typing. */
export function Picker({ onKeyDown, ...props }: SelectProps) {
  return <Select searchable {...props} onKeyDown={guarded(onKeyDown)} />;
}

/** Several values from a list, found by typing. */
export function MultiPicker({ onKeyDown, ...props }: MultiSelectProps) {
  return <MultiSelect searchable {...props} onKeyDown={guarded(onKeyDown)} />;
}
