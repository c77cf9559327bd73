// The postcode filter of a list of many branches' events (events/, a nation's, a region's): the
// reader's postcode in, the list narrowed to the events of the branches covering it, and the
// national ones. Each event of a local branch carries its branch's districts (data-districts);
// one without is for everyone. The postcode stays in this browser (reader-postcode.js).
// Without JavaScript the form stays hidden and the whole list shows.
import { parsePostcode } from "./postcode.js";
import { forgetPostcode, rememberedPostcode, rememberPostcode } from "./reader-postcode.js";
import { element } from "./dom.js";

const form = document.getElementById("events-filter");
const list = form && document.getElementById(form.dataset.filterList);

if (form && list) {
  const input = form.querySelector("input[name=postcode]");
  const result = document.getElementById("events-filter-result");
  const actions = form.querySelector(".kit-events-filter__actions");
  const allButton = form.querySelector("[data-filter-action=all]");
  const forgetButton = form.querySelector("[data-filter-action=forget]");
  const items = [...list.querySelectorAll(".kit-events__item")];

  const covers = (item, parsed) => {
    const districts = item.dataset.districts;
    if (!districts) return true; // national events, and the networks' across the UK
    const own = districts.split(" ");
    if (parsed.district) return own.includes(parsed.district);
    return own.some((district) => district.match(/^[A-Z]+/)[0] === parsed.area);
  };

  // Month headings with no event left shown go too.
  const tidy = () => {
    for (const ul of list.querySelectorAll("ul.kit-events")) {
      const empty = ![...ul.children].some((li) => !li.hidden);
      ul.hidden = empty;
      const heading = ul.previousElementSibling;
      if (heading && heading.classList.contains("kit-events__month")) heading.hidden = empty;
    }
  };

  // The lists of places whose branches cover the postcode's area, for "more near you": the
  // regions' if any region's does, else the nations'.
  const nearer = (parsed) => {
    const links = [...document.querySelectorAll("a[data-postcode-areas]")].filter((link) =>
      link.dataset.postcodeAreas.split(" ").includes(parsed.area),
    );
    const regions = links.filter((link) => link.dataset.areaKind === "region");
    return regions.length ? regions : links;
  };

  const showAll = () => {
    for (const item of items) item.hidden = false;
    tidy();
  };

  const say = (...nodes) => result.replaceChildren(...nodes);

  // "Show all" while the list is narrowed; "Forget my postcode" while this browser keeps one.
  const offer = (narrowed) => {
    allButton.hidden = !narrowed;
    forgetButton.hidden = rememberedPostcode() === null;
    actions.hidden = allButton.hidden && forgetButton.hidden;
  };

  const apply = (typed) => {
    const parsed = parsePostcode(typed);
    if (!parsed) {
      showAll();
      offer(false);
      say(element("p", `“${typed}” does not look like a UK postcode. Try its first half, such as S1 or EH12.`));
      return;
    }
    rememberPostcode(typed);
    const place = parsed.district || parsed.area;
    let local = 0;
    for (const item of items) {
      item.hidden = !covers(item, parsed);
      if (!item.hidden && item.dataset.districts) local += 1;
    }
    tidy();
    const shown = items.filter((item) => !item.hidden).length;
    const words =
      local === 0
        ? `No branch covering ${place} has an event in this list`
        : `${local} ${local === 1 ? "event" : "events"} of branches covering ${place}`;
    const everyone = shown - local;
    const also = everyone === 1 ? "1 national or UK-wide event" : `${everyone} national or UK-wide events`;
    const lead = element("p", `${words}; ${also} shown too.`);
    const nodes = [lead];
    const links = nearer(parsed);
    if (links.length) {
      const more = element("p", "More near you: ");
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
    if (typed) apply(typed);
  });

  allButton.addEventListener("click", () => {
    showAll();
    say(element("p", "Showing every event in this list."));
    offer(false);
  });

  forgetButton.addEventListener("click", () => {
    forgetPostcode();
    input.value = "";
    showAll();
    say(element("p", "Your postcode is forgotten: this browser no longer keeps it."));
    offer(false);
    input.focus();
  });

  form.hidden = false;
  const remembered = rememberedPostcode();
  if (remembered) {
    input.value = remembered;
    apply(remembered);
  }
}
