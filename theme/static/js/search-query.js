// Querying a lunr index as search/ does, kept apart so that the budget can time it in a browser.
// Needs window.lunr (lunr.min.js from npm, loaded by the page).
import { element } from "./dom.js";


// The words of `text`, as lunr would index them: lower case, trimmed, stemmed.
export const stems = (text) =>
  window.lunr
    .tokenizer(text)
    .map((token) => window.lunr.stemmer(window.lunr.trimmer(token)).toString())
    .filter(Boolean);

// `text` with the words matching `queryStems` (or starting with the last word typed) in <mark>.
export const marked = (text, queryStems, lastPrefix) => {
  const p = element("p", "", { class: "kit-results__snippet" });
  for (const part of text.split(/(\s+)/)) {
    const word = part.trim();
    const stem = word ? stems(word)[0] : "";
    const hit = stem && (queryStems.has(stem) || (lastPrefix && word.toLowerCase().startsWith(lastPrefix)));
    p.append(hit ? element("mark", part) : document.createTextNode(part));
  }
  return p;
};

// Each word typed counts, by its stem (as lunr indexes); the last also as a prefix while it is being
// typed. Documents that match more of the words, in more important fields, come first.
export const runQuery = (index, typed) => {
  const tokens = window.lunr.tokenizer(typed).map(String);
  if (!tokens.length) return [];
  return index.query((query) => {
    tokens.forEach((token, position) => {
      const words = window.lunr.tokenizer(token);
      query.term(words, { boost: 10 });
      if (position === tokens.length - 1 && token.length > 1) {
        query.term(token.toLowerCase(), { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING });
      }
    });
  });
};

