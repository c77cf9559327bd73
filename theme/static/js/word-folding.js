// Folding a word before a Celtic-language index takes it: the specification is
// plugins/site_search/word_folding.py's (lower case, accents dropped, split at anything that is not a
// letter, digit or mark); tests/test_search_languages.py runs both over the same words.

const ACCENTS = /[\u0300-\u036f]/g;
const NOT_KEPT = /[^\p{L}\p{N}\p{M}]+/u;

export const foldedPieces = (word) =>
  word
    .toLowerCase()
    .normalize("NFD")
    .replace(ACCENTS, "")
    .normalize("NFC")
    .split(NOT_KEPT)
    .filter(Boolean);
