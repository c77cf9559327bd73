// Building result lists without innerHTML: text is always text.

export const element = (tag, text, attributes = {}) => {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

// The interface's words in the page's language: the page's messages block (interface_language's
// <script type="application/json" id="kit-messages">), each keyed by its English text, which is
// what a script shows when the block is not there or lacks it. `%(name)s` takes values[name].
let kitMessages;
const loadMessages = () => {
  if (kitMessages === undefined) {
    try {
      kitMessages = JSON.parse(document.getElementById("kit-messages")?.textContent || "{}");
    } catch {
      kitMessages = {};
    }
  }
  return kitMessages;
};
const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (all, name) => (name in values ? String(values[name]) : all));

export const message = (english, values = {}) => fill(loadMessages().messages?.[english] || english, values);

// A nation's or an English region's name, as data gives it ("Wales"), in the page's language ("Cymru").
export const placeWords = (name) => loadMessages().places?.[name] || name;

// A message with a count: the page's plural forms by CLDR category (Intl.PluralRules), else English's.
export const pluralMessage = (singular, plural, count, values = {}) => {
  const forms = loadMessages().plurals?.[singular];
  const category = forms && new Intl.PluralRules(loadMessages().lang || "en").select(count);
  const text = (forms && forms[category]) || (count === 1 ? singular : plural);
  return fill(text, { num: count, ...values });
};
