// The postcode filter of a list of many branches' events (events/, a nation's, a region's): the
// reader's postcode in, the list narrowed to the events of the branches covering it, and the
// national ones. A list runs over many pages, so the branches' events come from the file of the
// postcode's area (near-events.js), which holds every event of each branch the list holds: the
// filter shows them whichever page of the list they are on, with the national events of this page.
// Where the file cannot be had it narrows this page alone (each local event carries its branch's
// districts, data-districts; one without is for everyone). The postcode is kept in this browser
// only if the reader ticks "Remember my postcode on this device" (reader-postcode.js).
// Without JavaScript the form stays hidden and the whole list shows.
import { parsePostcode } from "./postcode.js";
import { rememberBox, rememberedPostcode } from "./reader-postcode.js";
import { byStart, covers, eventItem, nearFile } from "./near-events.js";
import { element, message, pluralMessage } from "./dom.js";

const form = document.getElementById("events-filter");
const list = form && document.getElementById(form.dataset.filterList);

// the page's language (an English page: en-GB, as before), as the build names its months
const MONTH = new Intl.DateTimeFormat(document.documentElement.lang || "en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

// "January 2027" for an event's start ("2027-01-20T19:00:00+00:00", or "2027-01-20" all day): the
// month of its own time zone's date, as the build's headings have it.
const monthOf = (start) => {
  const [year, month] = start.slice(0, 7).split("-").map(Number);
  return MONTH.format(new Date(Date.UTC(year, month - 1, 1)));
};

if (form && list) {
  const input = form.querySelector("input[name=postcode]");
  const result = document.getElementById("events-filter-result");
  const actions = form.querySelector(".kit-events-filter__actions");
  const allButton = form.querySelector("[data-filter-action=all]");
  const lookedUp = rememberBox(document.getElementById("events-filter-remember"));
  const written = [...list.children]; // the month headings and lists as the page has them
  const items = [...list.querySelectorAll(".kit-events__item")];
  const nearAreas = (form.dataset.nearAreas || "").split(" ");
  const manyPages = Number(form.dataset.pages) > 1;
  const monthTag = list.querySelector(".kit-events__month")?.tagName.toLowerCase() || "h2";
  const level = Number(monthTag.slice(1)) + 1;
  let asked = 0; // the latest lookup: an older one whose file comes late is dropped

  // A branch this list holds: a nation's list only its nation's, a region's only its region's.
  const inList = (branch) =>
    (!form.dataset.nation || branch.nation === form.dataset.nation) &&
    (!form.dataset.region || branch.region === form.dataset.region);

  // The lists of places whose branches cover the postcode's area, for "more near you": the
  // regions' if any region's does, else the nations'.
  const nearer = (parsed) => {
    const links = [...document.querySelectorAll("a[data-postcode-areas]")].filter((link) =>
      link.dataset.postcodeAreas.split(" ").includes(parsed.area),
    );
    const regions = links.filter((link) => link.dataset.areaKind === "region");
    return regions.length ? regions : links;
  };

  const showWritten = () => {
    list.querySelector(".kit-events-filter__view")?.remove();
    for (const node of written) node.hidden = false;
    for (const item of items) item.hidden = false;
  };

  // This page alone, when the area's file cannot be had: its items hidden but those covering.
  const narrowPage = (parsed) => {
    showWritten();
    for (const item of items) {
      const districts = item.dataset.districts;
      item.hidden = Boolean(districts) && !covers(districts.split(" "), parsed);
    }
    for (const ul of list.querySelectorAll("ul.kit-events")) {
      ul.hidden = ![...ul.children].some((li) => !li.hidden);
      const heading = ul.previousElementSibling;
      if (heading && heading.classList.contains("kit-events__month")) heading.hidden = ul.hidden;
    }
    return items.filter((item) => !item.hidden && item.dataset.districts).length;
  };

  // The covering branches' events from every page, with this page's national ones, by month.
  const narrowList = (parsed, data) => {
    const branches = data.branches.filter((branch) => inList(branch) && covers(branch.districts, parsed));
    const rows = branches.flatMap((branch) =>
      branch.events.map((event) => ({ start: event.start, url: event.url, node: () => eventItem(event, branch, level) })),
    );
    for (const item of items.filter((li) => !li.dataset.districts)) {
      const copy = item.cloneNode(true);
      copy.removeAttribute("id"); // the page's own item keeps the day's anchor
      const start = item.querySelector("time.dt-start").getAttribute("datetime");
      rows.push({ start, url: item.querySelector("a.p-name").getAttribute("href"), node: () => copy });
    }
    rows.sort(byStart);
    const view = element("div", "", { class: "kit-events-filter__view" });
    let month = null;
    let ul = null;
    for (const row of rows) {
      if (monthOf(row.start) !== month) {
        month = monthOf(row.start);
        ul = element("ul", "", { class: "kit-events" });
        view.append(element(monthTag, month, { class: "kit-events__month" }), ul);
      }
      ul.append(row.node());
    }
    for (const node of written) node.hidden = true;
    list.append(view);
    return rows.length - items.filter((li) => !li.dataset.districts).length;
  };

  const say = (...nodes) => result.replaceChildren(...nodes);

  // "Show all" while the list is narrowed.
  const offer = (narrowed) => {
    allButton.hidden = !narrowed;
    actions.hidden = !narrowed;
  };

  const apply = async (typed) => {
    const ask = ++asked;
    const parsed = parsePostcode(typed);
    if (!parsed) {
      showWritten();
      offer(false);
      say(element("p", message("“%(postcode)s” does not look like a UK postcode. Try its first half, such as S1 or EH12.", { postcode: typed })));
      return;
    }
    // no request for an area none of this list's branches covers: nothing of it is in the list
    const covered = nearAreas.includes(parsed.area);
    const data = covered ? await nearFile(form.dataset.nearSource, parsed.area) : { branches: [] };
    if (ask !== asked) return;
    const wholeList = data !== null;
    showWritten();
    const local = wholeList ? narrowList(parsed, data) : narrowPage(parsed);
    const place = parsed.district || parsed.area;
    // a list of many pages says which its answer covers: all of them, or (no file) this one
    const allPages = manyPages && wholeList;
    const onePage = manyPages && !wholeList;
    const where = allPages ? message("this list, on all its pages") : onePage ? message("this page of the list") : message("this list");
    const from = allPages ? message(", from all the pages of this list") : onePage ? message(", on this page") : "";
    const words =
      local === 0
        ? message("No branch covering %(place)s has an event in %(where)s", { place, where })
        : pluralMessage("%(num)s event of branches covering %(place)s%(from)s", "%(num)s events of branches covering %(place)s%(from)s", local, { place, from });
    const everyone = items.filter((item) => !item.dataset.districts).length;
    const also =
      pluralMessage("%(num)s national or UK-wide event", "%(num)s national or UK-wide events", everyone) + (manyPages ? message(" of this page") : "");
    const nodes = [element("p", message("%(words)s; %(also)s shown too.", { words, also }))];
    const links = nearer(parsed);
    if (links.length) {
      const more = element("p", message("More near you: "));
      links.forEach((link, index) => {
        if (index) more.append(", ");
        more.append(element("a", link.textContent, { href: link.getAttribute("href") }));
      });
      nodes.push(more);
    }
    say(...nodes);
    offer(true);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    if (!typed) return;
    lookedUp(typed);
    apply(typed);
  });

  allButton.addEventListener("click", () => {
    asked += 1;
    showWritten();
    say(element("p", message("Showing every event in this list.")));
    offer(false);
  });

  form.hidden = false;
  const remembered = rememberedPostcode();
  if (remembered) {
    input.value = remembered;
    apply(remembered);
  }
}
