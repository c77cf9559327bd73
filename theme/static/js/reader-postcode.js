// The reader's postcode, kept only in their own browser (localStorage, never sent anywhere) so the
// finder, the events list and the home page can answer "near me" without asking again.
// The finder writes it when the reader looks a postcode up; every page that reads it offers to forget it.
import { parsePostcode } from "./postcode.js";

const KEY = "kit-reader-postcode";

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the pages behave as if no postcode was given
  }
};

// The remembered postcode as the reader typed it, or null when none (or it is no longer valid).
export function rememberedPostcode() {
  const value = storage()?.getItem(KEY) ?? null;
  return value && parsePostcode(value) ? value : null;
}

// Keep a postcode the reader typed; an invalid one is not kept. Returns whether it was kept.
export function rememberPostcode(text) {
  const value = String(text).trim();
  if (!parsePostcode(value)) return false;
  storage()?.setItem(KEY, value);
  return true;
}

export function forgetPostcode() {
  storage()?.removeItem(KEY);
}
