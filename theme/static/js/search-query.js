// Querying a lunr index as search/ does, kept apart so that the budget can time it in a browser.
// Needs window.lunr (lunr.min.js from npm, loaded by the page).
import { element } from "./dom.js";
import { gaelicForms } from "./gaelic-words.js";
import { welshForms } from "./welsh-words.js";

// An index's language (search.json's "language") whose words have forms of their own; any other is English.
const WORD_FORMS = { cy: welshForms, gd: gaelicForms };

// The words of `text`, as lunr would index them: lower case, trimmed, stemmed (in English), or each
// word's forms (in Welsh and Gaelic).
export const stems = (text, language) =>
  WORD_FORMS[language]
    ? window.lunr.tokenizer(text).flatMap((token) => WORD_FORMS[language](token.toString()))
    : window.lunr
        .tokenizer(text)
        .map((token) => window.lunr.stemmer(window.lunr.trimmer(token)).toString())
        .filter(Boolean);

// `text` with the words matching `queryStems` (or starting with the last word typed) in <mark>.
export const marked = (text, queryStems, lastPrefix, language) => {
  const p = element("p", "", { class: "kit-results__snippet" });
  for (const part of text.split(/(\s+)/)) {
    const word = part.trim();
    const wordStems = word ? stems(word, language) : [];
    const hit =
      wordStems.length > 0 &&
      (wordStems.some((stem) => queryStems.has(stem)) || (lastPrefix && word.toLowerCase().startsWith(lastPrefix)));
    p.append(hit ? element("mark", part) : document.createTextNode(part));
  }
  return p;
};

// Each word typed counts, by its stem (as lunr indexes); the last also as a prefix while it is being
// typed. Documents that match more of the words, in more important fields, come first. In Welsh and
// Gaelic a word counts by its forms (the index has no search pipeline): any of them is a match; the
// last is a prefix from three letters (ty, dy, nhŷ are whole words: as prefixes they found dydd, tyfu).
export const runQuery = (index, typed, language) => {
  const tokens = window.lunr.tokenizer(typed).map(String);
  if (!tokens.length) return [];
  const forms = WORD_FORMS[language];
  if (forms) {
    const tokenForms = tokens.map(forms);
    if (!tokenForms.some((each) => each.length)) return []; // only stop words: a query of nothing finds everything
    return index.query((query) => {
      tokenForms.forEach((each, position) => {
        const last = position === tokens.length - 1 && [...tokens[position]].length > 2;
        for (const form of each) {
          query.term(form, { boost: 10, usePipeline: false });
          if (last) query.term(form, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING });
        }
      });
    });
  }
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

