// search/: the site's lunr index, searched in the reader's browser. Nothing is sent anywhere.
// search.json is {docs: [[url, title, kind, site, date, snippet], ...], index, branch_search}.
// lunr.min.js (from npm) is loaded by the page as a classic script and defines window.lunr.

const form = document.getElementById("site-search");
const KINDS = { news: "News", page: "Page", event: "Event", branch: "Branch" };
const MAX_RESULTS = 30;

const element = (tag, text, attributes = {}) => {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

// The words of `text`, as lunr would index them: lower case, trimmed, stemmed.
const stems = (text) =>
  window.lunr
    .tokenizer(text)
    .map((token) => window.lunr.stemmer(window.lunr.trimmer(token)).toString())
    .filter(Boolean);

// `text` with the words matching `queryStems` (or starting with the last word typed) in <mark>.
const marked = (text, queryStems, lastPrefix) => {
  const p = element("p", "", { class: "kit-results__snippet" });
  for (const part of text.split(/(\s+)/)) {
    const word = part.trim();
    const stem = word ? stems(word)[0] : "";
    const hit = stem && (queryStems.has(stem) || (lastPrefix && word.toLowerCase().startsWith(lastPrefix)));
    p.append(hit ? element("mark", part) : document.createTextNode(part));
  }
  return p;
};

// Every word must match (as typed, or its stem); the last may be a prefix while it is being typed.
const runQuery = (index, typed) => {
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

if (form) {
  const input = document.getElementById("search-query");
  const status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  let data = null;

  const load = () => {
    data ??= fetch(form.dataset.searchSource).then((response) => {
      if (!response.ok) throw new Error(`search data: HTTP ${response.status}`);
      return response.json().then((json) => ({ ...json, lunrIndex: json.index && window.lunr.Index.load(json.index) }));
    });
    return data;
  };

  const card = (doc, queryStems, lastPrefix, query, branchSearch) => {
    const [url, title, kind, site, date] = doc;
    const li = element("li", "", { class: "kit-results__item" });
    const heading = element("h2", "", { class: "kit-results__title" });
    heading.append(element("a", title, { href: url }));
    li.append(heading);
    li.append(element("p", [KINDS[kind] || kind, site, date].filter(Boolean).join(" · "), { class: "kit-results__meta" }));
    if (doc[5]) li.append(marked(doc[5], queryStems, lastPrefix));
    if (branchSearch && kind === "branch") {
      const more = element("p", "", { class: "kit-results__more" });
      const link = new URL("search/", new URL(url, window.location.href));
      link.searchParams.set("q", query);
      more.append(element("a", `More in ${site}'s search`, { href: link.href }));
      li.append(more);
    }
    return li;
  };

  const show = async (typed) => {
    const query = typed.trim();
    if (!query) {
      status.textContent = "";
      results.replaceChildren();
      return;
    }
    let site;
    try {
      site = await load();
    } catch (error) {
      data = null;
      status.textContent = "Search could not load. Please try again, or browse the news and events instead.";
      return;
    }
    if (input.value.trim() !== query) return; // the reader has typed on
    let found;
    try {
      found = site.lunrIndex ? runQuery(site.lunrIndex, query) : [];
    } catch (error) {
      found = [];
    }
    const queryStems = new Set(stems(query));
    const words = query.toLowerCase().split(/\s+/);
    const lastPrefix = words[words.length - 1].length > 1 ? words[words.length - 1] : "";
    const shown = found.slice(0, MAX_RESULTS);
    results.replaceChildren(
      ...shown.map((hit) => card(site.docs[Number(hit.ref)], queryStems, lastPrefix, query, site.branch_search)),
    );
    const count = found.length;
    status.textContent =
      count === 0
        ? `Nothing found for “${query}”. Try fewer or different words.`
        : `${count} result${count === 1 ? "" : "s"} for “${query}”${count > MAX_RESULTS ? `, the best ${MAX_RESULTS} shown` : ""}.`;
  };

  const setAddress = (query, push) => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("q") === query || (!query && !url.searchParams.has("q"))) return;
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    window.history[push ? "pushState" : "replaceState"]({ q: query }, "", url);
  };

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      setAddress(input.value.trim(), false);
      show(input.value);
    }, 120);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    setAddress(input.value.trim(), true);
    show(input.value);
  });

  window.addEventListener("popstate", () => {
    input.value = new URL(window.location.href).searchParams.get("q") || "";
    show(input.value);
  });

  document.getElementById("search-without-script").hidden = true;
  form.hidden = false;
  const initial = new URL(window.location.href).searchParams.get("q");
  if (initial) input.value = initial;
  // lunr.min.js is a deferred classic script; this module runs after it.
  if (initial) show(initial);
  else load().catch(() => {});
}
