// The national home page's events, narrowed to the reader's postcode when they have asked this
// browser to remember it (reader-postcode.js). Without JavaScript, or without a remembered postcode,
// the page lists the next events of every nation, as written.
// With one: the next events of the branches covering it (else of the others in its postcode area)
// first, then its nation's list; the other nations' lists are hidden until the reader asks for them.
import { parsePostcode } from "./postcode.js";
import { forgetPostcode, rememberedPostcode } from "./reader-postcode.js";
import { byStart, eventItem, nearFile } from "./near-events.js";
import { element, message, pluralMessage } from "./dom.js";

const section = document.querySelector(".kit-home-events[data-near-source]");
const near = document.getElementById("home-events-near");

const showAll = (groups) => {
  for (const group of groups) group.hidden = false;
};

const narrow = async (typed) => {
  const parsed = parsePostcode(typed);
  if (!parsed) return;
  const groups = [...section.querySelectorAll(".kit-home-events__group")];
  const place = parsed.district || parsed.area;
  // the page lists the postcode areas that have a file: no request for an area no branch covers
  const covered = (section.dataset.nearAreas || "").split(" ").includes(parsed.area);
  const data = covered ? await nearFile(section.dataset.nearSource, parsed.area) : null;
  // the file holds every event the lists do: the page shows each branch's next HOME_NEAR_EVENTS
  const limit = section.dataset.nearLimit === undefined ? Infinity : Number(section.dataset.nearLimit);
  const branches = data ? data.branches : [];
  const exact = branches.filter((b) => parsed.district && b.districts.includes(parsed.district));
  const chosen = exact.length ? exact : branches;
  const nodes = [element("h3", message("Near %(postcode)s", { postcode: typed.toUpperCase() }), { id: "events-near" })];
  if (!chosen.length) {
    const p = element("p", message("No branch covers %(place)s yet.", { place }) + " ");
    p.append(element("a", message("Find the nearest branches"), { href: section.dataset.finderUrl }));
    nodes.push(p);
  } else {
    const lead = exact.length
      ? pluralMessage("The branch covering %(place)s:", "The branches covering %(place)s:", exact.length, { place })
      : message("No branch covers %(place)s yet; in the %(area)s postcode area:", { place, area: parsed.area });
    nodes.push(element("p", lead));
    const list = element("ul", "", { class: "kit-events" });
    const events = chosen.flatMap((branch) => branch.events.slice(0, limit).map((event) => [event, branch]));
    events.sort(([a], [b]) => byStart(a, b));
    for (const [event, branch] of events) list.append(eventItem(event, branch, 4));
    if (events.length) nodes.push(list);
    for (const branch of chosen.filter((b) => !b.events.length)) {
      const p = element("p");
      p.append(element("a", branch.name, { href: branch.url }), message(" has no events planned yet: get in touch with it."));
      nodes.push(p);
    }
  }
  const controls = element("p", "", { class: "kit-home-events__controls" });
  const all = element("button", message("Show every nation"), { type: "button", class: "kit-button kit-button--secondary" });
  const forget = element("button", message("Forget my postcode"), { type: "button", class: "kit-button kit-button--secondary" });
  all.addEventListener("click", () => {
    showAll(groups);
    all.remove();
  });
  forget.addEventListener("click", () => {
    forgetPostcode();
    near.replaceChildren();
    near.hidden = true;
    showAll(groups);
  });
  const nation = data ? data.nation : null;
  if (nation) {
    for (const group of groups) group.hidden = Boolean(group.dataset.nation) && group.dataset.nation !== nation;
    controls.append(all, " ");
  }
  controls.append(forget);
  nodes.push(controls);
  near.replaceChildren(...nodes);
  near.hidden = false;
};

if (section && near) {
  const typed = rememberedPostcode();
  if (typed) narrow(typed);
}
