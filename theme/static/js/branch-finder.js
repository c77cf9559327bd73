// The branch finder on branches/: a postcode in, the branches covering it out, each with when it
// meets, its next event, how to reach it and how to get involved. It never ends in a dead end: where
// no branch covers the postcode it offers the nearest it can tell (the same postcode area, then the
// region or nation) and the page's own "No branch near you yet?" block (start a branch, the next step).
// Each branch card ends with the next step (Join, Volunteer, Donate, the newsletter), whose words and
// addresses the build writes into finder.json (the same as the next_step macro's): none are made here.
// The postcode looked up is kept in the reader's browser only if they tick "Remember my postcode on
// this device" (reader-postcode.js); unticking forgets it.
// Without JavaScript the form stays hidden and the grouped list below answers the question.
// Every text from branches/finder.json goes in as text (dom.js element), never as markup.
import { nearestBranches, parsePostcode, placesOf, unknownArea } from "./postcode.js";
import { rememberBox, rememberedPostcode } from "./reader-postcode.js";
import { element, message, placeWords, pluralMessage } from "./dom.js";

// A region or nation can have dozens of branches: the finder names the first few, its page has all.
const PLACE_LIST_MAX = 8;

// How each kind of next-step link looks (components/calls_to_action.html's step_classes).
const STEP_CLASSES = {
  primary: "kit-button",
  secondary: "kit-button kit-button--secondary",
  link: "kit-actions__link",
};

const form = document.getElementById("branch-finder");

if (form) {
  const input = form.querySelector("input[name=postcode]");
  const status = document.getElementById("finder-status");
  const result = document.getElementById("finder-result");
  const lookedUp = rememberBox(document.getElementById("finder-remember"));
  const nextSteps = document.getElementById("finder-next-steps");
  let data = null;

  const load = () => {
    data ??= fetch(form.dataset.finderSource).then((response) => {
      if (!response.ok) throw new Error(`finder data: HTTP ${response.status}`);
      return response.json();
    });
    return data;
  };

  const fact = (list, term, ...content) => {
    const dd = element("dd");
    dd.append(...content);
    list.append(element("dt", term), dd);
  };

  // The next step's links (finder.json's `steps`), shown as the next_step macro shows them.
  const nextStep = (links) => {
    if (!links.length) return null;
    const ul = element("ul", "", { class: "kit-actions kit-actions--next-step kit-finder__steps" });
    for (const link of links) {
      const li = element("li");
      li.append(element("a", link.label, { class: STEP_CLASSES[link.kind], href: link.url }));
      ul.append(li);
    }
    return ul;
  };

  // A branch in full: what a reader needs to go along.
  const card = (branch, places, steps) => {
    const li = element("li", "", { class: "kit-finder__branch" });
    const heading = element("h3", "", { class: "kit-finder__name" });
    heading.append(element("a", branch.name, { href: branch.url }));
    const facts = element("dl", "", { class: "kit-finder__facts" });
    // in the branch's language where the finder's page has no text in its own (meets_lang)
    if (branch.meets) fact(facts, message("Meets"), branch.meets_lang ? element("span", branch.meets, { lang: branch.meets_lang }) : branch.meets);
    if (branch.next) {
      const next = branch.next;
      const url = new URL(next.url, new URL(branch.url, window.location.href)).href;
      fact(facts, message("Next event"), element("a", next.title, { href: url }), ", ", element("time", next.when, { datetime: next.start }));
    } else {
      fact(facts, message("Next event"), message("None planned yet"));
    }
    const email = element("a", branch.email, { href: `mailto:${branch.email}` });
    const reach = branch.reach && places[branch.place].url + branch.reach;
    // Translators: " or " joins the branch's email address and the link "its other channels"
    if (reach) fact(facts, message("Get in touch"), email, message(" or "), element("a", message("its other channels"), { href: reach }));
    else fact(facts, message("Get in touch"), email);
    const step = nextStep(branch.steps ?? steps);
    li.append(heading, facts);
    if (step) li.append(step);
    return li;
  };

  const cards = (finder, branches) => {
    const ul = element("ul", "", { class: "kit-finder__branches" });
    ul.append(...branches.map((branch) => card(branch, finder.places, finder.steps)));
    return ul;
  };

  // Branches by name only, for those further off.
  const names = (branches) => {
    const ul = element("ul", "", { class: "kit-finder__names" });
    for (const branch of branches) {
      const li = element("li");
      li.append(element("a", branch.name, { href: branch.url }));
      ul.append(li);
    }
    return ul;
  };

  // a nation's or region's name in the page's language (the messages block has the kit's places)
  const placeName = (place) => placeWords(place.region || place.nation);

  const inPlace = (place) => {
    const shown = place.branches.slice(0, PLACE_LIST_MAX);
    const nodes = [element("h2", message("Branches in %(place)s", { place: placeName(place) }), { class: "kit-finder__heading" }), names(shown)];
    if (place.branches.length > shown.length) {
      const more = element("p");
      more.append(element("a", pluralMessage("All %(num)s branch in %(place)s", "All %(num)s branches in %(place)s", place.branches.length, { place: placeName(place) }), { href: place.url }));
      nodes.push(more);
    }
    return nodes;
  };

  // The page's own "No branch near you yet?" block, heading and all (start a branch, the next step).
  const withoutBranch = () => {
    const block = nextSteps.cloneNode(true);
    for (const node of block.querySelectorAll("[id]")) node.removeAttribute("id");
    block.querySelector("h2").className = "kit-finder__heading";
    return [...block.children];
  };

  const show = (message, ...nodes) => {
    status.textContent = message;
    result.replaceChildren(...nodes);
  };

  const answer = (finder, parsed) => {
    const place = parsed.district || parsed.area;
    const { exact, area, places } = nearestBranches(finder, parsed);
    const postcodeArea = parsed.area;
    if (exact.length) {
      const nodes = [
        element("h2", pluralMessage("The branch covering %(place)s", "Branches covering %(place)s", exact.length, { place }), { class: "kit-finder__heading" }),
        cards(finder, exact),
      ];
      if (area.length) nodes.push(element("h2", message("Also in the %(area)s postcode area", { area: postcodeArea }), { class: "kit-finder__heading" }), names(area));
      return [pluralMessage("One branch covers %(place)s.", "%(num)s branches cover %(place)s.", exact.length, { place }), ...nodes];
    }
    const lead = parsed.district ? message("No branch covers %(place)s yet.", { place }) : message("No branch in the %(area)s postcode area yet.", { area: postcodeArea });
    if (area.length && !parsed.district) {
      return [
        pluralMessage("One branch in the %(area)s postcode area.", "%(num)s branches in the %(area)s postcode area.", area.length, { area: postcodeArea }),
        element("h2", message("Branches in the %(area)s postcode area", { area: postcodeArea }), { class: "kit-finder__heading" }),
        cards(finder, area),
      ];
    }
    if (area.length) {
      const nodes = [element("h2", message("Nearest, in the %(area)s postcode area", { area: postcodeArea }), { class: "kit-finder__heading" }), cards(finder, area), ...withoutBranch()];
      return [lead + " " + message("The nearest are in the %(area)s postcode area.", { area: postcodeArea }), ...nodes];
    }
    if (places.length) {
      const where = places.map(placeName).join(message(" and "));
      return [message("No branch in the %(area)s postcode area yet. The nearest are in %(where)s.", { area: postcodeArea, where }), ...places.flatMap(inPlace), ...withoutBranch()];
    }
    // no branch in the area's region: the nation's page, if the nation has branches elsewhere
    const nations = [...new Set(placesOf(parsed.area).map(([nation]) => nation))].filter((nation) => finder.nations[nation]);
    const elsewhere = nations.map((nation) => {
      const p = element("p");
      p.append(element("a", message("Every branch in %(nation)s", { nation: placeWords(nation) }), { href: finder.nations[nation] }));
      return p;
    });
    return [message("There is no branch near %(place)s yet.", { place }), ...elsewhere, ...withoutBranch()];
  };

  // `typed` is true when the reader typed it here: only then is it kept as their postcode
  // (a shared address or the back button may carry someone else's).
  const find = async (query, typed = false) => {
    const postcode = query.trim();
    show(""); // the last answer goes at once: nothing stale while the list loads
    if (!postcode) return;
    const parsed = parsePostcode(postcode);
    if (!parsed) {
      const letters = unknownArea(postcode);
      const why = letters ? message("No UK postcode starts with %(letters)s.", { letters }) : message("“%(postcode)s” does not look like a UK postcode.", { postcode });
      const byPlace = element("p");
      // Translators: "Or " then the link "find your branch by place", then "."
      byPlace.append(message("Or "), element("a", message("find your branch by place"), { href: "#by-place" }), ".");
      show(why + " " + message("Try it again, or its first half, such as S1 or EH12."), byPlace);
      return;
    }
    let finder;
    try {
      finder = await load();
    } catch (error) {
      data = null;
      show(message("The finder could not load its list. Please use the list of places below."));
      return;
    }
    if (input.value.trim() !== postcode) return; // the reader has looked up another since
    if (typed) lookedUp(postcode);
    show(...answer(finder, parsed));
  };

  const setAddress = (query, push) => {
    const url = new URL(window.location.href);
    if ((url.searchParams.get("postcode") || "") === query) return;
    if (query) url.searchParams.set("postcode", query);
    else url.searchParams.delete("postcode");
    window.history[push ? "pushState" : "replaceState"]({ postcode: query }, "", url);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    setAddress(query, true);
    find(query, true);
  });

  window.addEventListener("popstate", () => {
    input.value = new URL(window.location.href).searchParams.get("postcode") || "";
    find(input.value);
  });

  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  form.hidden = false;

  // A shared address says which postcode; else the one this browser keeps, if the reader asked it to.
  const initial = new URL(window.location.href).searchParams.get("postcode") || rememberedPostcode();
  if (initial) {
    input.value = initial;
    find(initial);
  }
}
