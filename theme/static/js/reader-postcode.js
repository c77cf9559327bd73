// The reader's postcode, kept in their own browser (localStorage, never sent anywhere) only when they
// ask: the "Remember my postcode on this device" box beside each postcode field (the branch finder's,
// the events lists'), unticked unless they ticked it. Kept, the finder, the events lists and the
// national home page answer "near me" without asking again. Unticking the box forgets it, and so
// does the home page's "Forget my postcode". Nothing else writes this browser's storage: the pages
// use this module.
import { parsePostcode } from "./postcode.js";
import { message } from "./dom.js";

const KEY = "kit-remembered-postcode";
// Before the box, the kit kept every postcode looked up, unasked, under this name: gone at once.
const UNASKED_KEY = "kit-reader-postcode";

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the pages behave as if no postcode was given
  }
};

storage()?.removeItem(UNASKED_KEY);

// The remembered postcode as the reader typed it, or null when none (or it is no longer valid).
export function rememberedPostcode() {
  const value = storage()?.getItem(KEY) ?? null;
  return value && parsePostcode(value) ? value : null;
}

export function forgetPostcode() {
  storage()?.removeItem(KEY);
}

// A postcode the reader typed and asked to keep; an invalid one is not kept. A full or refusing
// storage (QuotaExceededError, a locked-down browser) keeps nothing, and the page answers all the same.
const keep = (text) => {
  const value = String(text).trim();
  if (!parsePostcode(value)) return;
  try {
    storage()?.setItem(KEY, value);
  } catch {
    // not kept: the status line then says the browser does not keep it
  }
};

// What the box's status line says when the reader ticks or unticks it.
const keptWords = (ticked, postcode) => {
  if (!ticked) return message("Your postcode is forgotten: this browser no longer keeps it.");
  return postcode ? message("This browser now keeps your postcode.") : message("This browser will keep the postcode you look up.");
};

// The remember box of one postcode field (components/postcode.html remember_box). It starts ticked
// only when this browser keeps a postcode (the reader ticked it before). Ticking it keeps the
// postcode last looked up here; unticking it removes the kept one; its status line says which.
// Where storage is blocked the box is hidden. Returns lookedUp(text): the page calls it with each
// postcode the reader types and looks up, kept only while the box is ticked.
export function rememberBox(box) {
  const holder = box.closest("[data-remember]");
  if (!storage()) {
    holder.hidden = true;
    return () => {};
  }
  const status = holder.querySelector("[role=status]");
  let last = rememberedPostcode();
  box.checked = last !== null;
  box.addEventListener("change", () => {
    if (box.checked) {
      if (last) keep(last);
    } else {
      forgetPostcode();
    }
    status.textContent = keptWords(box.checked, rememberedPostcode());
  });
  return (text) => {
    if (!parsePostcode(String(text).trim())) return;
    last = text;
    if (box.checked) keep(text);
  };
}
