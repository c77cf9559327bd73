// Scottish Gaelic words as the Gaelic search index holds them (a first scaffold: lenition only). The
// specification is plugins/site_search/gaelic.py's; tests/test_search_languages.py runs both.
import { foldedPieces } from "./word-folding.js";

const STOP_WORDS = new Set("a agus aig air am an ann anns bho de do gu h is le n na nan nam ri s t".split(" "));
const LENITED = new Set("bcdfgmpst");

const radicalForms = (piece) =>
  piece.length > 2 && LENITED.has(piece[0]) && piece[1] === "h" ? [piece, piece[0] + piece.slice(2)].sort() : [piece];

// Every form the Gaelic index holds for `word` (one token of lunr's tokenizer), piece by piece.
export const gaelicForms = (word) =>
  foldedPieces(word)
    .filter((piece) => !STOP_WORDS.has(piece))
    .flatMap(radicalForms);
