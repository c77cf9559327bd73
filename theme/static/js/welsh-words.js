// Welsh words as the Welsh search index holds them: each word as the set of its possible radical forms
// (Gaerdydd and Nghaerdydd both stand for caerdydd). The specification is plugins/site_search/welsh.py's;
// tests/test_search_languages.py runs both over the same words.
import { foldedPieces } from "./word-folding.js";

const STOP_WORDS = new Set(
  ("a ac ag am ar at ei eich ein eu fy gan gyda hefyd hi hwn hyn i mae mewn na nac neu ni nid o oedd " +
    "ond r sy sydd y yn yr yw").split(" "),
);
const MUTATIONS = [
  [["b", "p"], ["d", "t"], ["dd", "d"], ["f", "b"], ["f", "m"], ["g", "c"], ["l", "ll"], ["r", "rh"]], // soft
  [["m", "b"], ["mh", "p"], ["n", "d"], ["ng", "g"], ["ngh", "c"], ["nh", "t"]], // nasal
  [["ch", "c"], ["ph", "p"], ["th", "t"]], // aspirate
];
const DIGRAPHS = new Set(["ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"]);
const VOWELS = new Set("aeiouwy");

const undone = (piece, rules) => {
  const matching = rules.filter(
    ([mutated]) =>
      piece.startsWith(mutated) &&
      piece.length > mutated.length &&
      !(mutated.length === 1 && DIGRAPHS.has(piece.slice(0, 2))),
  );
  const longest = Math.max(0, ...matching.map(([mutated]) => mutated.length));
  return matching
    .filter(([mutated]) => mutated.length === longest)
    .map(([mutated, radical]) => radical + piece.slice(mutated.length));
};

// code-point order, as Python's sorted()
const byCodePoint = (a, b) => {
  const x = [...a].map((c) => c.codePointAt(0));
  const y = [...b].map((c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

const radicalForms = (piece) => {
  const forms = new Set([piece]);
  for (const rules of MUTATIONS) for (const form of undone(piece, rules)) forms.add(form);
  if (VOWELS.has(piece[0]) || ("lr".includes(piece[0]) && !DIGRAPHS.has(piece.slice(0, 2)))) forms.add(`g${piece}`);
  if (piece.length > 1 && piece[0] === "h" && VOWELS.has(piece[1])) forms.add(piece.slice(1));
  return [...forms].sort(byCodePoint);
};

// Every form the Welsh index holds for `word` (one token of lunr's tokenizer), piece by piece.
export const welshForms = (word) =>
  foldedPieces(word)
    .filter((piece) => !STOP_WORDS.has(piece))
    .flatMap(radicalForms);
