// The branch finder on branches/: a postcode in, the branches covering it out.
// Without JavaScript the form stays hidden and the grouped list below answers the question.
import { matchBranches, parsePostcode } from "./postcode.js";
import { element } from "./dom.js";

const form = document.getElementById("branch-finder");

if (form) {
  const input = form.querySelector("input[name=postcode]");
  const result = document.getElementById("finder-result");
  let data = null;

  const load = () => {
    data ??= fetch(form.dataset.finderSource).then((response) => {
      if (!response.ok) throw new Error(`finder data: HTTP ${response.status}`);
      return response.json();
    });
    return data;
  };


  const list = (branches) => {
    const ul = element("ul", "", { class: "kit-finder__branches" });
    for (const branch of branches) {
      const li = element("li");
      li.append(element("a", branch.name, { href: branch.url }));
      ul.append(li);
    }
    return ul;
  };

  const startLink = () => {
    const p = element("p");
    p.append("Would you like to start one? ");
    p.append(element("a", "How to start a branch", { href: form.dataset.startUrl }));
    return p;
  };

  const show = (...nodes) => result.replaceChildren(...nodes);

  const find = async (query) => {
    const typed = query.trim();
    if (!typed) {
      show();
      return;
    }
    const parsed = parsePostcode(typed);
    if (!parsed) {
      show(element("p", `“${typed}” does not look like a UK postcode. Try its first half, such as S1 or EH12.`));
      return;
    }
    let finder;
    try {
      finder = await load();
    } catch (error) {
      data = null;
      show(element("p", "The finder could not load its list. Please use the list of places below."));
      return;
    }
    const place = parsed.district || parsed.area;
    const { exact, nearby } = matchBranches(finder, parsed);
    const nodes = [];
    if (exact.length) {
      nodes.push(element("p", `${exact.length === 1 ? "The branch" : "Branches"} covering ${place}:`), list(exact));
      if (nearby.length) nodes.push(element("p", `Also in the ${parsed.area} postcode area:`), list(nearby));
    } else if (nearby.length) {
      const lead = parsed.district ? `No branch covers ${place} yet. ` : "";
      nodes.push(element("p", `${lead}Nearest, in the ${parsed.area} postcode area:`), list(nearby));
    } else {
      nodes.push(element("p", `There is no branch near ${place} yet.`), startLink());
    }
    show(...nodes);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const url = new URL(window.location.href);
    if (url.searchParams.get("postcode") !== query) {
      if (query) url.searchParams.set("postcode", query);
      else url.searchParams.delete("postcode");
      window.history.pushState({ postcode: query }, "", url);
    }
    find(query);
  });

  window.addEventListener("popstate", () => {
    input.value = new URL(window.location.href).searchParams.get("postcode") || "";
    find(input.value);
  });

  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  form.hidden = false;

  const initial = new URL(window.location.href).searchParams.get("postcode");
  if (initial) {
    input.value = initial;
    find(initial);
  }
}
