// search/: the site's lunr index, searched in the reader's browser. Nothing is sent anywhere.
// search.json is {sites: [[name, url], ...], docs: [[site, path, title, kind, date, snippet], ...],
// index, branch_search}; a result's address is its site's url + path.
// lunr.min.js (from npm) is loaded by the page as a classic script and defines window.lunr.

import { marked, runQuery, stems } from "./search-query.js";
import { element, message, pluralMessage } from "./dom.js";

const form = document.getElementById("site-search");
const KINDS = { news: message("News"), page: message("Page"), event: message("Event"), branch: message("Branch") };
const MAX_RESULTS = 30;


if (form) {
  const input = document.getElementById("search-query");
  const status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  let data = null;
  // The index in the page's language (?lang=, else the form's or the page's lang), else the default one.
  const sources = JSON.parse(form.dataset.searchSources || "{}");
  const pageLang = new URL(window.location.href).searchParams.get("lang") || form.closest("[lang]")?.lang || "";
  const language = pageLang.split("-")[0].toLowerCase();
  const source = Object.hasOwn(sources, language) ? sources[language] : form.dataset.searchSource;

  const load = () => {
    data ??= fetch(source).then((response) => {
      if (!response.ok) throw new Error(`search data: HTTP ${response.status}`);
      return response.json().then((json) => ({ ...json, lunrIndex: json.index && window.lunr.Index.load(json.index) }));
    });
    return data;
  };

  const card = (sites, doc, queryStems, lastPrefix, query, branchSearch, language) => {
    const [siteNumber, path, title, kind, date, snippet] = doc;
    const [site, siteUrl] = sites[siteNumber];
    const url = siteUrl + path;
    const li = element("li", "", { class: "kit-results__item" });
    const heading = element("h2", "", { class: "kit-results__title" });
    heading.append(element("a", title, { href: url }));
    li.append(heading);
    li.append(element("p", [KINDS[kind] || kind, site, date].filter(Boolean).join(" · "), { class: "kit-results__meta" }));
    if (snippet) li.append(marked(snippet, queryStems, lastPrefix, language));
    if (branchSearch && kind === "branch") {
      const more = element("p", "", { class: "kit-results__more" });
      const link = new URL("search/", new URL(`${siteUrl}/`, window.location.href));
      link.searchParams.set("q", query);
      more.append(element("a", message("More in %(site)s's search", { site }), { href: link.href }));
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
      status.textContent = message("Search could not load. Please try again, or browse the news and events instead.");
      return;
    }
    if (input.value.trim() !== query) return; // the reader has typed on
    let found;
    try {
      found = site.lunrIndex ? runQuery(site.lunrIndex, query, site.language) : [];
    } catch (error) {
      found = [];
    }
    const queryStems = new Set(stems(query, site.language));
    const words = query.toLowerCase().split(/\s+/);
    const lastPrefix = words[words.length - 1].length > 1 ? words[words.length - 1] : "";
    const shown = found.slice(0, MAX_RESULTS);
    results.replaceChildren(
      ...shown.map((hit) =>
        card(site.sites, site.docs[Number(hit.ref)], queryStems, lastPrefix, query, site.branch_search, site.language),
      ),
    );
    const count = found.length;
    status.textContent =
      count === 0
        ? message("Nothing found for “%(query)s”. Try fewer or different words.", { query })
        : pluralMessage("%(num)s result for “%(query)s”", "%(num)s results for “%(query)s”", count, { query }) +
          (count > MAX_RESULTS ? message(", the best %(shown)s shown", { shown: MAX_RESULTS }) : "") +
          ".";
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
